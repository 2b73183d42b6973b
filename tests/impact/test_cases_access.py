"""Who reads the project bank (decided in impact/case_selectors.py):

advisors, managers and admins read every case, internal ones and drafts included; makers, ICCs and
funds coordinators read published cases that are not internal; anonymous visitors and residents
(users without a role) get no bank at all. Advisors edit only cases of their own districts.
"""

import pytest
from django.urls import reverse

from impact import case_selectors as bank
from tests.factories import DistrictFactory, UserFactory, advisor_in
from tests.impact.factories import CaseFactory
from tests.makers.factories import OwnedMakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(poelenburg):
    return {
        "public": CaseFactory(title="Openbaar voorbeeld", district=poelenburg),
        "internal": CaseFactory(title="Intern voorbeeld", internal=True, district=poelenburg),
        "draft": CaseFactory(
            title="Concept voorbeeld", status="draft", published_at=None, district=poelenburg
        ),
    }


def _titles(user):
    return {c.title for c in bank.visible_cases(user)}


def test_staff_read_every_case(cases, poelenburg, manager):
    everything = {"Openbaar voorbeeld", "Intern voorbeeld", "Concept voorbeeld"}
    assert _titles(advisor_in(poelenburg)) == everything
    assert _titles(advisor_in(DistrictFactory())) == everything  # the bank is the municipality's memory
    assert _titles(manager) == everything
    assert _titles(UserFactory(is_superuser=True, is_staff=True)) == everything


def test_internal_cases_are_hidden_from_makers(client, cases):
    maker = OwnedMakerFactory().user
    assert _titles(maker) == {"Openbaar voorbeeld"}
    client.force_login(maker)
    assert client.get(reverse("impact:case", args=[cases["internal"].slug])).status_code == 404
    assert client.get(reverse("impact:case", args=[cases["draft"].slug])).status_code == 404
    assert client.get(reverse("impact:case", args=[cases["public"].slug])).status_code == 200
    listing = client.get(reverse("impact:cases")).content.decode()
    assert "Openbaar voorbeeld" in listing and "Intern voorbeeld" not in listing
    api = client.get("/api/cases/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert [row["title"] for row in rows] == ["Openbaar voorbeeld"]
    assert client.get(f"/api/cases/{cases['internal'].slug}/").status_code == 404


def test_iccs_and_funds_coordinators_read_what_makers_read(cases):
    assert _titles(UserFactory(roles=["icc"])) == {"Openbaar voorbeeld"}
    assert _titles(UserFactory(roles=["funds_coordinator"])) == {"Openbaar voorbeeld"}


def test_anonymous_visitors_and_residents_get_no_bank(client, cases):
    assert _titles(UserFactory()) == set()
    response = client.get(reverse("impact:cases"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(reverse("impact:case", args=[cases["public"].slug])).status_code == 403


def test_advisors_edit_only_their_districts_cases(client, cases, poelenburg):
    other = advisor_in(DistrictFactory())
    client.force_login(other)
    assert client.get(reverse("impact:case_edit", args=[cases["public"].slug])).status_code == 404
    client.force_login(advisor_in(poelenburg))
    assert client.get(reverse("impact:case_edit", args=[cases["public"].slug])).status_code == 200


def test_makers_cannot_write_cases(client):
    client.force_login(OwnedMakerFactory().user)
    assert client.get(reverse("impact:case_create")).status_code == 403
