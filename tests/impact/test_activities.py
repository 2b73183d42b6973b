import datetime

import pytest

from impact.models import Activity, ActivityRole
from impact.services import ImpactError, activity_create, activity_create_from_match, reach_record
from requests.followup import match_create
from requests.models import Match
from tests.factories import UserFactory
from tests.impact.factories import ActivityFactory
from tests.makers.factories import MakerFactory
from tests.requests.factories import CultureRequestFactory


@pytest.mark.django_db
def test_matching_a_request_creates_its_activity(poelenburg):
    request = CultureRequestFactory(district=poelenburg, status="matching")
    maker = MakerFactory()
    advisor = UserFactory(roles=["advisor"])
    match = match_create(
        request=request, kind="co_creation", description="Samen een muurschildering", by=advisor, maker=maker
    )

    activity = Activity.objects.get(match=match)
    assert activity.request == request
    assert activity.role == ActivityRole.CO_PRODUCED
    assert list(activity.districts.all()) == [poelenburg]
    assert list(activity.makers.all()) == [maker]
    assert activity.municipality == poelenburg.municipality
    assert request.requester_name not in activity.title


@pytest.mark.django_db
def test_a_match_makes_one_activity_however_often_it_is_asked(poelenburg):
    request = CultureRequestFactory(district=poelenburg)
    match = Match.objects.create(request=request, kind="course", target_name="Tekenles")
    again = activity_create_from_match(match=match)
    match.save()  # a later save of the match is not a creation
    assert Activity.objects.filter(match=match).count() == 1
    assert again == Activity.objects.get(match=match)
    assert again.role == ActivityRole.SUPPORTED


@pytest.mark.django_db
def test_an_activity_needs_a_role_a_title_and_dates_in_order(poelenburg):
    with pytest.raises(ImpactError):
        activity_create(title="Zomerfestival", role="nonsense", starts_on=datetime.date(2025, 6, 1))
    with pytest.raises(ImpactError):
        activity_create(title="  ", role="produced", starts_on=datetime.date(2025, 6, 1))
    with pytest.raises(ImpactError):
        activity_create(
            title="Zomerfestival",
            role="produced",
            starts_on=datetime.date(2025, 6, 1),
            ends_on=datetime.date(2025, 5, 1),
        )
    with pytest.raises(ImpactError):
        activity_create(
            title="Zomerfestival",
            role="produced",
            starts_on=datetime.date(2025, 6, 1),
            whole_municipality=True,
        )
    activity = activity_create(
        title="Zomerfestival", role="produced", starts_on=datetime.date(2025, 6, 1), districts=[poelenburg]
    )
    assert activity.slug.startswith("zomerfestival-")


@pytest.mark.django_db
def test_reach_refuses_more_new_participants_than_participants(poelenburg):
    activity = ActivityFactory(districts=[poelenburg])
    with pytest.raises(ImpactError):
        reach_record(activity=activity, participants=10, new_participants=11, visitors=0, pupils=0)
    with pytest.raises(ImpactError):
        reach_record(activity=activity, participants=-1, visitors=0, pupils=0)
    reach = reach_record(activity=activity, participants=10, new_participants=4, visitors=300, pupils=25)
    again = reach_record(activity=activity, participants=12, new_participants=4, visitors=300, pupils=25)
    assert reach.pk == again.pk and again.participants == 12


@pytest.mark.django_db
def test_the_seventeen_sdgs_are_seeded_as_themes():
    from impact.models import ImpactTheme

    assert list(ImpactTheme.objects.values_list("number", flat=True)) == list(range(1, 18))
    assert ImpactTheme.objects.get(number=16).name.startswith("Vrede")
