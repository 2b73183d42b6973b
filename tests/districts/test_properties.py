"""Property-based tests (Hypothesis) for the districts' pure rules and main write service."""

import contextlib
import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cultuur.errors import DomainError
from districts.models import DistrictGrant
from districts.selectors import budget_summary, normalise_postcode
from districts.services import budget_set, grant_create
from tests.factories import DistrictFactory, advisor_in


@given(st.text(max_size=40))
def test_normalising_any_text_never_fails_and_yields_a_dutch_postcode_or_nothing(raw):
    result = normalise_postcode(raw)
    assert result is None or (len(result) in (4, 7) and result[:4].isdigit() and result[0] != "0")


@given(
    st.integers(1000, 9999),
    st.sampled_from(["", " ", "  "]),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=2),
)
def test_every_spelling_of_a_postcode_normalises_to_the_same_notation(digits, space, letters):
    assert normalise_postcode(f" {digits}{space}{letters} ") == f"{digits} {letters.upper()}"


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    budget=st.integers(0, 1_000_000),
    amounts=st.lists(st.integers(-100, 600_000), min_size=1, max_size=6),
    reason=st.sampled_from(["", "Besluit van het wijkoverleg"]),
)
def test_grants_never_silently_exceed_the_budget(budget, amounts, reason):
    district = DistrictFactory()
    advisor = advisor_in(district)
    today = datetime.date.today()
    budget_set(district=district, year=today.year, amount_cents=budget, by=advisor)
    for amount in amounts:
        with contextlib.suppress(DomainError):
            grant_create(
                district=district,
                initiative="x",
                amount_cents=amount,
                granted_on=today,
                by=advisor,
                over_budget_reason=reason,
            )
    summary = budget_summary(district, today.year)
    grants = DistrictGrant.objects.filter(budget__district=district)
    assert all(grant.amount_cents > 0 for grant in grants)
    assert summary["granted_cents"] == sum(grant.amount_cents for grant in grants)
    if not reason:
        assert summary["remaining_cents"] >= 0
    assert all(bool(grant.over_budget_reason) <= bool(reason) for grant in grants)
