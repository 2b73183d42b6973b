import pytest

from tests.factories import DistrictFactory, MunicipalityFactory, UserFactory


@pytest.fixture
def manager(db):
    return UserFactory(roles=["manager"], email="manager@example.org")


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Zaanstad", slug="zaanstad")


@pytest.fixture
def poelenburg(municipality):
    return DistrictFactory(name="Poelenburg", slug="poelenburg", municipality=municipality)


@pytest.fixture
def peldersveld(municipality):
    return DistrictFactory(name="Peldersveld", slug="peldersveld", municipality=municipality)
