import pytest

from tests.schools.factories import (
    YEAR,
    AmountPerGroupFactory,
    CmkPlanFactory,
    SchoolFactory,
    account_holder_of,
    icc_of,
)


@pytest.fixture
def year():
    return YEAR


@pytest.fixture
def school(db):
    AmountPerGroupFactory(amount_cents=25_000)
    return SchoolFactory(name="De Regenboog", class_groups=10)


@pytest.fixture
def other_school(db):
    return SchoolFactory(name="Het Kompas")


@pytest.fixture
def icc(school):
    return icc_of(school)


@pytest.fixture
def advisor(school):
    return account_holder_of(school)


@pytest.fixture
def plan(school, advisor):
    return CmkPlanFactory(school=school)
