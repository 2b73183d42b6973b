import pytest
from django.core.cache import cache

from tests.factories import DistrictFactory, PostcodeAreaFactory, advisor_in


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def noord(db):
    district = DistrictFactory(name="Zaandam-Noord")
    PostcodeAreaFactory(code="1503", district=district)
    return district


@pytest.fixture
def oost(db):
    district = DistrictFactory(name="Zaandam-Oost")
    PostcodeAreaFactory(code="1505", district=district)
    return district


@pytest.fixture
def advisor(noord):
    return advisor_in(noord)


@pytest.fixture
def other_advisor(oost):
    return advisor_in(oost)
