import datetime
from decimal import Decimal

import pytest

from impact.metrics import METRICS, evaluate
from impact.models import ActivityRole, GoalStatus
from impact.progress import status_of, with_progress
from impact.services import ImpactError, goal_record_progress
from tests.impact.factories import ActivityFactory, GoalFactory
from tests.makers.factories import CoCreationFactory
from tests.schools.factories import CultureTypeRecordFactory, SchoolFactory


@pytest.mark.django_db
def test_a_computed_goal_follows_the_data(poelenburg):
    goal = GoalFactory(title="Minimaal 4 coproducties", metric="activities_co_produced", target=Decimal(4))
    ActivityFactory(districts=[poelenburg], role=ActivityRole.CO_PRODUCED)
    [before] = with_progress([goal], today=datetime.date(2025, 12, 31))
    assert before.measured == 1 and before.status == GoalStatus.BEHIND

    for _ in range(3):
        ActivityFactory(districts=[poelenburg], role=ActivityRole.CO_PRODUCED)
    [after] = with_progress([goal], today=datetime.date(2025, 12, 31))
    assert after.measured == 4 and after.status == GoalStatus.ACHIEVED and after.percent == 100


@pytest.mark.django_db
def test_fewer_consuming_schools_is_achieved_at_or_below_the_target(poelenburg):
    goal = GoalFactory(
        metric="consuming_schools",
        lower_is_better=True,
        target=Decimal(1),
        period_start=datetime.date(2024, 8, 1),
        period_end=datetime.date(2025, 7, 31),
    )
    for culture_type in ("consuming", "consuming", "integrating"):
        CultureTypeRecordFactory(
            school=SchoolFactory(district=poelenburg, municipality=poelenburg.municipality),
            school_year=2024,
            culture_type=culture_type,
        )
    [progress] = with_progress([goal])
    assert progress.measured == 2 and progress.status == GoalStatus.BEHIND
    CultureTypeRecordFactory._meta.model.objects.filter(culture_type="consuming").first().delete()
    [progress] = with_progress([goal])
    assert progress.measured == 1 and progress.status == GoalStatus.ACHIEVED


@pytest.mark.django_db
def test_new_co_creations_count_those_started_in_the_period():
    goal = GoalFactory(metric="new_co_creations", target=Decimal(4))
    CoCreationFactory(status="active", started_on=datetime.date(2025, 4, 1))
    CoCreationFactory(status="active", started_on=datetime.date(2024, 4, 1))
    CoCreationFactory(status="draft", started_on=datetime.date(2025, 4, 1))
    assert evaluate([goal]) == {goal.pk: Decimal(1)}


@pytest.mark.django_db
def test_on_track_compares_progress_with_the_time_elapsed():
    goal = GoalFactory(target=Decimal(8))  # "the steering group met at least 8 times" in 2025
    assert status_of(goal, Decimal(4), datetime.date(2025, 6, 1)) == GoalStatus.ON_TRACK
    assert status_of(goal, Decimal(2), datetime.date(2025, 9, 1)) == GoalStatus.BEHIND
    assert status_of(goal, Decimal(8), datetime.date(2025, 3, 1)) == GoalStatus.ACHIEVED
    assert status_of(goal, None, datetime.date(2025, 3, 1)) is None


@pytest.mark.django_db
def test_a_hand_measured_goal_needs_evidence(manager):
    goal = GoalFactory(title="De stuurgroep is minimaal 8 keer bijeengekomen", target=Decimal(8))
    with pytest.raises(ImpactError):
        goal_record_progress(goal=goal, value=Decimal(5), evidence=" ", by=manager)
    goal_record_progress(goal=goal, value=Decimal(5), evidence="Verslagen stuurgroep", by=manager)
    [progress] = with_progress([goal], today=datetime.date(2025, 6, 1))
    assert progress.measured == 5 and progress.status == GoalStatus.ON_TRACK

    computed = GoalFactory(metric="activities")
    with pytest.raises(ImpactError):
        goal_record_progress(goal=computed, value=Decimal(1), evidence="x", by=manager)


@pytest.mark.django_db
def test_every_metric_evaluates_many_goals_in_one_query(django_assert_num_queries):
    goals = [GoalFactory(metric=key) for key in METRICS for _ in range(3)]
    with django_assert_num_queries(len(METRICS)):
        values = evaluate(goals)
    assert set(values) == {goal.pk for goal in goals}


@pytest.mark.django_db
def test_the_partnership_share_counts_schools_with_a_maker_in_the_school_year(poelenburg):
    from tests.makers.factories import MakerFactory
    from tests.schools.factories import BudgetLineFactory

    goal = GoalFactory(
        metric="schools_in_partnership",
        target=Decimal(80),
        municipality=poelenburg.municipality,
        period_start=datetime.date(2025, 8, 1),
        period_end=datetime.date(2026, 7, 31),
    )
    schools = [SchoolFactory(district=poelenburg, municipality=poelenburg.municipality) for _ in range(4)]
    maker = MakerFactory()
    BudgetLineFactory(school=schools[0], school_year=2025, maker=maker)
    BudgetLineFactory(school=schools[0], school_year=2025, maker=maker)  # the same school twice counts once
    BudgetLineFactory(school=schools[1], school_year=2025, maker=maker)
    BudgetLineFactory(school=schools[2], school_year=2024, maker=maker)  # another school year
    BudgetLineFactory(school=schools[3], school_year=2025)  # no maker
    SchoolFactory()  # another municipality
    assert evaluate([goal]) == {goal.pk: Decimal("50.0")}


@pytest.mark.django_db
def test_sums_and_shares_count_an_activity_in_two_districts_once(poelenburg, peldersveld):
    from tests.impact.factories import ReachFactory

    participants = GoalFactory(
        metric="participants", target=Decimal(100), municipality=poelenburg.municipality
    )
    share = GoalFactory(
        metric="share_co_produced_or_supported", target=Decimal(50), municipality=poelenburg.municipality
    )
    in_district = GoalFactory(metric="participants", target=Decimal(10), district=peldersveld)
    ReachFactory(
        activity=ActivityFactory(districts=[poelenburg, peldersveld], role=ActivityRole.CO_PRODUCED),
        participants=30,
    )
    ReachFactory(
        activity=ActivityFactory(districts=[poelenburg], role=ActivityRole.PRODUCED), participants=12
    )
    values = evaluate([participants, share, in_district])
    assert values == {participants.pk: Decimal(42), share.pk: Decimal("50.0"), in_district.pk: Decimal(30)}


@pytest.mark.django_db
def test_the_share_of_matched_requests(poelenburg):
    from django.utils import timezone

    from requests.models import Match
    from tests.requests.factories import CultureRequestFactory

    year = timezone.localdate().year
    goal = GoalFactory(
        metric="requests_matched",
        target=Decimal(60),
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
    )
    requests = [CultureRequestFactory(district=poelenburg) for _ in range(4)]
    Match.objects.create(request=requests[0], kind="custom", target_name="Buurtatelier")
    Match.objects.create(request=requests[0], kind="course", target_name="Tekenles")
    assert evaluate([goal]) == {goal.pk: Decimal("25.0")}


@pytest.mark.django_db
def test_a_lower_is_better_goal_over_its_ceiling_is_part_of_the_way_not_overachieved():
    over = GoalFactory(lower_is_better=True, target=Decimal(10), manual_value=Decimal(20), evidence="telling")
    under = GoalFactory(lower_is_better=True, target=Decimal(10), manual_value=Decimal(4), evidence="telling")
    higher = GoalFactory(target=Decimal(10), manual_value=Decimal(20), evidence="telling")
    progress = {p.goal.pk: p for p in with_progress([over, under, higher], today=datetime.date(2025, 12, 31))}
    assert (progress[over.pk].percent, progress[over.pk].status) == (50, GoalStatus.BEHIND)
    assert (progress[under.pk].percent, progress[under.pk].status) == (100, GoalStatus.ACHIEVED)
    assert (progress[higher.pk].percent, progress[higher.pk].status) == (200, GoalStatus.ACHIEVED)
