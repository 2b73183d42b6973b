"""The managers' norms page and the admin: who may change norms, bad input, and the recompute."""

import pytest
from django.urls import reverse

from requests.models import CultureRequest, ServiceNorm
from requests.workflow import Status
from tests.factories import UserFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db
URL = "/normen/"


@pytest.fixture
def manager(db):
    return UserFactory(roles=["manager"])


def norms_post(**changes):
    data = {}
    for norm in ServiceNorm.objects.all():
        data[f"{norm.requester_kind}__{norm.status}"] = str(norm.working_days)
    data.update(changes)
    return data


def test_only_managers_change_norms(client, advisor):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    client.force_login(advisor)
    assert client.get(URL).status_code == 403
    assert client.post(URL, norms_post(resident__new="1")).status_code == 403
    assert ServiceNorm.objects.get(requester_kind="resident", status="new").working_days == 3
    for roles in (["funds_coordinator"], ["icc"], ["maker"]):
        client.force_login(UserFactory(roles=roles))
        assert client.get(URL).status_code == 403


def test_a_manager_changes_a_norm_and_open_requests_follow(
    client, manager, noord, django_capture_on_commit_callbacks
):
    request = CultureRequestFactory(district=noord, status=Status.MATCHING)
    client.force_login(manager)
    page = client.get(URL).content.decode()
    assert 'name="school__matching"' in page and 'value="20"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, norms_post(resident__matching="2"), follow=True)
    assert "De normen zijn opgeslagen" in response.content.decode()
    assert ServiceNorm.objects.get(requester_kind="resident", status="matching").working_days == 2
    request.refresh_from_db()
    from requests.norms import deadline_after

    assert request.norm_deadline == deadline_after(request.status_changed_at, 2)


@pytest.mark.parametrize("bad", ["0", "251", "drie", "", "2.5"])
def test_a_bad_norm_is_refused_in_dutch_and_what_was_typed_stays(client, manager, bad):
    client.force_login(manager)
    response = client.post(URL, norms_post(resident__new=bad, school__new="7"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een heel aantal werkdagen in, van 1 tot 250." in html
    assert 'value="7"' in html
    if bad:
        assert f'value="{bad}"' in html
    # Nothing was saved, not even the valid one.
    assert ServiceNorm.objects.get(requester_kind="school", status="new").working_days == 3


def test_saving_a_norm_in_the_admin_recomputes_too(client, noord, django_capture_on_commit_callbacks):
    admin = UserFactory(is_staff=True, is_superuser=True)
    request = CultureRequestFactory(district=noord, status=Status.MATCHED)
    norm = ServiceNorm.objects.get(requester_kind="resident", status="matched")
    client.force_login(admin)
    url = reverse("admin:requests_servicenorm_change", args=[norm.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"requester_kind": "resident", "status": "matched", "working_days": "1"})
    assert response.status_code == 302
    request.refresh_from_db()
    from requests.norms import deadline_after

    assert request.norm_deadline == deadline_after(request.status_changed_at, 1)
    assert CultureRequest.objects.filter(norm_deadline__isnull=False).count() == 1
