import datetime

import pytest

from cultuur.errors import DomainError
from districts.models import DistrictBudget, DistrictGrant, ProfileEdit
from districts.selectors import budget_summary
from districts.services import GrantExceedsBudget, budget_set, grant_create
from tests.factories import DistrictFactory, advisor_in

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def district():
    return DistrictFactory(slug="oost")


def test_a_year_without_a_recorded_budget_gets_the_default_of_5000_euros(district, settings):
    settings.DISTRICT_BUDGET_DEFAULT_CENTS = 500_000
    summary = budget_summary(district, TODAY.year)
    assert (summary["amount_cents"], summary["granted_cents"], summary["remaining_cents"]) == (
        500_000,
        0,
        500_000,
    )


def test_grants_lower_the_remaining_budget(district):
    advisor = advisor_in(district)
    grant_create(
        district=district, initiative="Buurtkoor", amount_cents=120_000, granted_on=TODAY, by=advisor
    )
    grant_create(
        district=district, initiative="Muurschildering", amount_cents=80_050, granted_on=TODAY, by=advisor
    )
    summary = budget_summary(district, TODAY.year)
    assert summary["granted_cents"] == 200_050
    assert summary["remaining_cents"] == 500_000 - 200_050


def test_a_grant_counts_against_the_budget_of_its_own_year(district):
    advisor = advisor_in(district)
    last_year = TODAY.replace(year=TODAY.year - 1, month=6, day=1)
    grant_create(
        district=district, initiative="Vorig jaar", amount_cents=400_000, granted_on=last_year, by=advisor
    )
    assert budget_summary(district, TODAY.year)["remaining_cents"] == 500_000
    assert budget_summary(district, last_year.year)["remaining_cents"] == 100_000


def test_a_grant_over_the_remaining_budget_is_refused_without_a_reason(district):
    advisor = advisor_in(district)
    budget_set(district=district, year=TODAY.year, amount_cents=100_000, by=advisor)
    grant_create(district=district, initiative="Eerste", amount_cents=90_000, granted_on=TODAY, by=advisor)
    with pytest.raises(GrantExceedsBudget) as refused:
        grant_create(
            district=district, initiative="Tweede", amount_cents=10_001, granted_on=TODAY, by=advisor
        )
    assert "100,00" in refused.value.message
    assert DistrictGrant.objects.count() == 1


def test_exactly_the_remaining_amount_needs_no_reason(district):
    advisor = advisor_in(district)
    budget_set(district=district, year=TODAY.year, amount_cents=100_000, by=advisor)
    grant = grant_create(
        district=district, initiative="Alles", amount_cents=100_000, granted_on=TODAY, by=advisor
    )
    assert grant.over_budget_reason == ""


def test_an_override_with_a_reason_is_recorded(district):
    advisor = advisor_in(district)
    budget_set(district=district, year=TODAY.year, amount_cents=100_000, by=advisor)
    grant = grant_create(
        district=district,
        initiative="Festival",
        amount_cents=150_000,
        granted_on=TODAY,
        by=advisor,
        over_budget_reason="Besluit wijkoverleg: aanvulling uit het centrale budget.",
    )
    assert grant.over_budget_reason.startswith("Besluit wijkoverleg")
    assert budget_summary(district, TODAY.year)["remaining_cents"] == -50_000
    assert budget_summary(district, TODAY.year)["over_budget"]
    edit = ProfileEdit.objects.get(action="districts.grant.over_budget")
    assert edit.by == advisor and "Besluit wijkoverleg" in edit.old_value


def test_a_reason_on_a_grant_within_budget_is_not_kept_as_an_override(district):
    advisor = advisor_in(district)
    grant = grant_create(
        district=district,
        initiative="Klein",
        amount_cents=1_000,
        granted_on=TODAY,
        by=advisor,
        over_budget_reason="x",
    )
    assert grant.over_budget_reason == ""


def test_a_zero_grant_is_refused(district):
    with pytest.raises(DomainError):
        grant_create(
            district=district, initiative="Niets", amount_cents=0, granted_on=TODAY, by=advisor_in(district)
        )


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-5", "groter zijn dan nul"), ("0", "groter zijn dan nul"), ("99999999", "te hoog"), ("abc", "getal")],
)
def test_bad_amounts_on_the_grant_form_get_a_clear_error_and_keep_the_input(
    client, district, amount, message
):
    client.force_login(advisor_in(district))
    response = client.post(
        "/wijken/oost/bijdragen/nieuw/",
        {"initiative": "Buurtfeest", "amount": amount, "granted_on": TODAY.isoformat()},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="Buurtfeest"' in page
    assert not DistrictGrant.objects.exists()


def test_a_grant_dated_far_away_is_refused(client, district):
    client.force_login(advisor_in(district))
    response = client.post(
        "/wijken/oost/bijdragen/nieuw/", {"initiative": "Oud", "amount": "10", "granted_on": "1999-01-01"}
    )
    assert "Kies een datum" in response.content.decode()


def test_the_form_asks_for_a_reason_when_the_grant_exceeds_the_budget(client, district):
    advisor = advisor_in(district)
    budget_set(district=district, year=TODAY.year, amount_cents=10_000, by=advisor)
    client.force_login(advisor)
    data = {"initiative": "Groot", "amount": "150,00", "granted_on": TODAY.isoformat()}
    refused = client.post("/wijken/oost/bijdragen/nieuw/", data)
    assert "Geef een reden op" in refused.content.decode()
    assert not DistrictGrant.objects.exists()
    accepted = client.post("/wijken/oost/bijdragen/nieuw/", {**data, "over_budget_reason": "Extra subsidie"})
    assert accepted.status_code == 302
    assert DistrictGrant.objects.get().amount_cents == 15_000


def test_the_budget_is_created_once_per_district_and_year(district):
    advisor = advisor_in(district)
    for _ in range(3):
        grant_create(district=district, initiative="x", amount_cents=100, granted_on=TODAY, by=advisor)
    assert DistrictBudget.objects.filter(district=district).count() == 1
