"""The project bank's demo data (seeds 002 and 004): good and bad practice, once."""

from types import SimpleNamespace

import pytest

from impact import demo_cases
from impact.models import Case

pytestmark = pytest.mark.django_db


def test_demo_cases_are_good_and_bad_practice_and_seeded_once():
    demo_cases.seed(SimpleNamespace())
    cases = Case.objects.all()
    assert 8 <= cases.count() <= 12
    assert {c.practice for c in cases} == {"good", "bad"}
    assert all(c.is_published for c in cases)
    assert cases.filter(internal=True).exists()
    demo_cases.seed(SimpleNamespace())
    assert Case.objects.count() == len(demo_cases.CASES)
