import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from cultuur.audit import audit_record
from cultuur.models import AuditLog
from tests.factories import UserFactory
from tests.stack.conftest import require_stack

pytestmark = [pytest.mark.stack, pytest.mark.django_db]


def test_postgresql_itself_refuses_to_change_or_delete_audit_rows():
    require_stack()
    entry = audit_record(action="test.kept")
    for sql in (
        "UPDATE cultuur_auditlog SET action = 'x' WHERE id = %s",
        "DELETE FROM cultuur_auditlog WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert AuditLog.objects.get(pk=entry.pk).action == "test.kept"


def test_deleting_an_account_keeps_its_audit_rows_without_the_link():
    require_stack()
    user = UserFactory(email="weg@example.org")
    entry = audit_record(action="test.by_user", by=user)
    user.delete()
    entry = AuditLog.objects.get(pk=entry.pk)
    assert entry.actor is None and entry.actor_label == "weg@example.org"
