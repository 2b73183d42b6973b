import pytest

from cultuur.models import FailedTask
from cultuur.tasks import always_fails

pytestmark = pytest.mark.django_db


def test_a_task_that_fails_is_kept_for_admins(admin_client):
    result = always_fails.apply(args=["broken on purpose"], throw=False)
    assert result.failed()
    failed = FailedTask.objects.get()
    assert failed.task_name == "cultuur.tasks.always_fails"
    assert "broken on purpose" in failed.exception
    assert "broken on purpose" in admin_client.get("/beheer/cultuur/failedtask/").content.decode()
