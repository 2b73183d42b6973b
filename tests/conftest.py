import pytest

from cultuur.celery import app as celery_app

# s3_server / s3_media: a real S3-protocol server process for the object-storage tests.
pytest_plugins = ["tests.s3_server"]


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Unit tests run tasks in-process; the `stack` tests use a real broker and worker instead."""
    if request.node.get_closest_marker("stack"):
        yield
        return
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REQUESTS_ATTACHMENT_ROOT = tmp_path / "attachments"
