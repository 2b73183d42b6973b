import pytest
from django.urls import reverse

from cultuur.audit import audit_record
from cultuur.models import AuditLog
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_successful_sign_in_is_logged(client):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    entry = AuditLog.objects.get(action="auth.login.succeeded")
    assert entry.actor == user and entry.ip_address == "127.0.0.1"


def test_a_failed_sign_in_is_logged_with_the_login_that_was_tried(client):
    client.post(reverse("account_login"), {"login": "wie@example.org", "password": "fout-wachtwoord"})
    entry = AuditLog.objects.get(action="auth.login.failed")
    assert entry.actor is None
    assert entry.detail["login"] == "wie@example.org"


def test_a_refused_page_is_logged_and_answered_in_dutch(client):
    maker = UserFactory(roles=["maker"])
    client.force_login(maker)
    response = client.get("/wijken/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    entry = AuditLog.objects.get(action="auth.access.refused")
    assert entry.actor == maker and entry.detail["path"] == "/wijken/"


def test_a_refused_api_write_is_logged(client):
    DistrictFactory(slug="west")
    client.force_login(UserFactory(roles=["manager"]))
    response = client.post(
        "/api/district-partners/", {"district": "west", "name": "X"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert AuditLog.objects.filter(action="auth.access.refused", detail__api=True).exists()


def test_audit_rows_cannot_be_changed_or_deleted():
    entry = audit_record(action="test.something")
    entry.action = "test.else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditLog.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditLog.objects.all().delete()
    assert AuditLog.objects.get(pk=entry.pk).action == "test.something"


def test_managers_read_the_audit_log_and_advisors_do_not(client):
    audit_record(action="requests.contact.viewed", detail={"path": "/triage/1/"})
    client.force_login(UserFactory(roles=["manager"]))
    page = client.get("/audit/?actie=requests.")
    assert page.status_code == 200 and "requests.contact.viewed" in page.content.decode()
    client.force_login(UserFactory(roles=["advisor"]))
    assert client.get("/audit/").status_code == 403


def test_the_audit_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(UserFactory(roles=["manager"]))
    for i in range(120):
        audit_record(action=f"test.row{i}")
    with django_assert_max_num_queries(8):
        assert client.get("/audit/?pagina=2").status_code == 200


def test_every_export_is_logged_with_who_and_what(client):
    client.force_login(UserFactory(roles=["manager"]))
    client.get("/school/overzicht/plannen.csv")
    client.get("/dashboard/maex.csv")
    actions = set(AuditLog.objects.values_list("action", flat=True))
    assert {"schools.overview.exported", "impact.maex.exported"} <= actions
    entry = AuditLog.objects.get(action="schools.overview.exported")
    assert entry.detail["table"] == "plannen" and entry.actor_label.endswith("@example.org")
