import pytest

from makers.candidates import course_candidates, maker_candidates
from makers.models import Language, PublicationStatus
from tests.factories import DistrictFactory
from tests.makers.factories import CourseFactory, MakerFactory, discipline

pytestmark = pytest.mark.django_db


def test_a_draft_maker_is_never_a_candidate():
    dans = discipline("dans")
    MakerFactory(
        name="Verborgen", disciplines=[dans], status=PublicationStatus.DRAFT, whole_municipality=True
    )
    assert maker_candidates(discipline=dans) == []


def test_makers_in_the_district_come_before_makers_for_the_whole_town():
    dans = discipline("dans")
    district = DistrictFactory()
    MakerFactory(name="Overal", disciplines=[dans], whole_municipality=True)
    MakerFactory(name="Dichtbij", disciplines=[dans], districts=[district])
    MakerFactory(name="Elders", disciplines=[dans], districts=[DistrictFactory()])
    MakerFactory(name="Andere kunst", disciplines=[discipline("muziek")], whole_municipality=True)

    candidates = maker_candidates(discipline="dans", district=district)

    assert [c.obj.name for c in candidates] == ["Dichtbij", "Overal"]
    assert any("Actief in de wijk" in reason for reason in candidates[0].reasons)
    assert "Actief in de hele gemeente." in candidates[1].reasons


def test_language_age_and_budget_are_reasons():
    dans = discipline("dans")
    maker = MakerFactory(
        disciplines=[dans], whole_municipality=True, age_min=6, age_max=12, rate_per_hour_cents=6000
    )
    maker.languages.set([Language.objects.get(code="tr")])

    [candidate] = maker_candidates(discipline=dans, age=8, language="tr", budget_cents=10000)

    assert "Spreekt Turks." in candidate.reasons
    assert any("leeftijd" in reason for reason in candidate.reasons)
    assert any("past in het budget" in reason for reason in candidate.reasons)


def test_courses_outside_the_age_are_left_out_and_unpublished_makers_hide_their_courses():
    CourseFactory(title="Voor kinderen", age_min=6, age_max=10)
    CourseFactory(title="Voor ouderen", age_min=60, age_max=99)
    CourseFactory(title="Van een concept", maker=MakerFactory(status=PublicationStatus.DRAFT))

    titles = [c.obj.title for c in course_candidates(age=8)]

    assert titles == ["Voor kinderen"]
