import pytest

from makers import services
from makers.models import CoCreation
from tests.factories import UserFactory
from tests.makers.factories import CoCreationFactory, MakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor():
    return UserFactory(roles=["advisor"])


@pytest.fixture
def two_schools(monkeypatch):
    monkeypatch.setattr(services, "_school_counters", [lambda cocreation: 2])


def test_a_cocreation_with_one_maker_cannot_start(advisor, two_schools):
    cocreation = CoCreationFactory(makers=[MakerFactory()])
    with pytest.raises(services.DirectoryError, match="minstens twee cultuurmakers"):
        services.cocreation_activate(cocreation=cocreation, by=advisor)
    cocreation.refresh_from_db()
    assert cocreation.status == CoCreation.Status.DRAFT


def test_a_cocreation_with_one_school_cannot_start(advisor, monkeypatch):
    monkeypatch.setattr(services, "_school_counters", [lambda cocreation: 1])
    cocreation = CoCreationFactory(makers=[MakerFactory(), MakerFactory()])
    with pytest.raises(services.DirectoryError, match="minstens twee scholen"):
        services.cocreation_activate(cocreation=cocreation, by=advisor)


def test_without_a_school_counter_no_cocreation_can_start(advisor, monkeypatch):
    monkeypatch.setattr(services, "_school_counters", [])
    cocreation = CoCreationFactory(makers=[MakerFactory(), MakerFactory()])
    with pytest.raises(services.DirectoryError, match="minstens twee scholen"):
        services.cocreation_activate(cocreation=cocreation, by=advisor)


def test_the_schools_app_may_pass_its_own_count(advisor, monkeypatch):
    monkeypatch.setattr(services, "_school_counters", [])
    cocreation = CoCreationFactory(makers=[MakerFactory(), MakerFactory()])
    services.cocreation_activate(cocreation=cocreation, by=advisor, school_count=3)
    cocreation.refresh_from_db()
    assert cocreation.status == CoCreation.Status.ACTIVE


def test_two_makers_and_two_schools_start_a_cocreation(advisor, two_schools):
    cocreation = CoCreationFactory(makers=[MakerFactory(), MakerFactory()])
    services.cocreation_activate(cocreation=cocreation, by=advisor)
    cocreation.refresh_from_db()
    assert cocreation.status == CoCreation.Status.ACTIVE
    assert cocreation.started_on is not None


def test_a_running_cocreation_keeps_two_makers(advisor, two_schools):
    first, second = MakerFactory(), MakerFactory()
    cocreation = CoCreationFactory(makers=[first, second], status=CoCreation.Status.ACTIVE)
    with pytest.raises(services.DirectoryError):
        services.cocreation_set_makers(cocreation=cocreation, makers=[first], by=advisor)
    assert cocreation.makers.count() == 2


def test_a_maker_cannot_start_a_cocreation(two_schools):
    from django.core.exceptions import PermissionDenied

    maker_user = UserFactory(roles=["maker"])
    cocreation = CoCreationFactory(makers=[MakerFactory(), MakerFactory()])
    with pytest.raises(PermissionDenied):
        services.cocreation_activate(cocreation=cocreation, by=maker_user)


def test_the_admin_refuses_a_running_cocreation_with_one_maker():
    from makers.admin import CoCreationAdminForm

    maker = MakerFactory()
    form = CoCreationAdminForm(
        data={
            "title": "Zaans Gemaakt",
            "slug": "zaans-gemaakt",
            "description": "Maaklessen",
            "status": CoCreation.Status.ACTIVE,
            "makers": [maker.pk],
        }
    )
    assert not form.is_valid()
    assert "minstens twee cultuurmakers" in str(form.errors["makers"])


def test_a_cocreation_without_material_is_still_public_once_running():
    from makers.candidates import cocreation_candidates
    from makers.selectors import published_cocreations

    running = CoCreationFactory(status=CoCreation.Status.ACTIVE, reusable_material="")
    CoCreationFactory(status=CoCreation.Status.DRAFT)
    assert list(published_cocreations()) == [running]
    assert [c.obj for c in cocreation_candidates()] == [running]
