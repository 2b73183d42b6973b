"""The dashboard reads pre-computed figures (issue 11): the same figures as the live computation, a
stale snapshot is recomputed, the periodic refresh is idempotent and the page's query count is fixed."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from impact.dashboard import Filters, all_figures
from impact.models import DashboardSnapshot
from impact.periods import Period
from impact.snapshots import refresh_dashboard_snapshots, snapshot_key
from impact.tables import display_rows
from requests.workflow import Status
from tests.impact.factories import ActivityFactory, GoalFactory, MeasurementFactory, ReachFactory
from tests.impact.test_dashboard_figures import make_request
from tests.schools.factories import CultureTypeRecordFactory, SchoolFactory

PERIOD = Period.parse("2025")


def build_data(poelenburg, peldersveld, scale: int = 1):
    for index in range(3 * scale):
        district = poelenburg if index % 2 else peldersveld
        status = [Status.NEW, Status.MATCHED, Status.COMPLETED][index % 3]
        make_request(
            district,
            status=status,
            contact_after=index % 4 or None,
            match_after=(index % 5) + 1 if status != Status.NEW else None,
        )
        ReachFactory(
            activity=ActivityFactory(districts=[district], budget_cents=12_345 * (index + 1)),
            participants=7 * index + 1,
            new_participants=index,
            visitors=13 * index,
        )
        MeasurementFactory(district=district, value=Decimal("2.5") * (index + 1))
        CultureTypeRecordFactory(school=SchoolFactory(district=district), school_year=2024)
    GoalFactory(municipality=poelenburg.municipality)


def live_sections(filters: Filters, query: str) -> list[str]:
    """The figures as the page rendered them before snapshots: computed now, through the same partial."""
    sections = []
    for figure in all_figures(filters):
        figure["display_rows"] = display_rows(figure)
        sections.append(render_to_string("impact/_figure.html", {"figure": figure, "query": query}))
    return sections


@pytest.mark.django_db
@pytest.mark.parametrize("scoped", [False, True])
def test_the_snapshot_page_shows_the_same_figures_as_the_live_computation(
    client, manager, poelenburg, peldersveld, scoped
):
    build_data(poelenburg, peldersveld)
    query = "period=2025"
    filters = Filters(period=PERIOD)
    if scoped:
        query += f"&municipality={poelenburg.municipality.slug}&district={poelenburg.slug}"
        filters = Filters(period=PERIOD, municipality=poelenburg.municipality, district=poelenburg)
    client.force_login(manager)
    client.get(f"/dashboard/?{query}")  # computes and stores the snapshot
    assert DashboardSnapshot.objects.filter(key=snapshot_key(filters, "nl")).exists()

    html = client.get(f"/dashboard/?{query}").content.decode()  # reads it

    for section in live_sections(filters, query):
        assert section in html
    assert "Bijgewerkt om" in html


@pytest.mark.django_db
def test_a_stale_snapshot_is_recomputed_and_a_fresh_one_is_not(client, manager, poelenburg, peldersveld):
    build_data(poelenburg, peldersveld)
    client.force_login(manager)
    client.get("/dashboard/?period=2025")
    ReachFactory(activity=ActivityFactory(districts=[poelenburg]), participants=100_000)

    assert (
        "100.000" not in client.get("/dashboard/?period=2025").content.decode()
    )  # fresh: still the old (100.000 participants; "100.0" is also a share within the norm)

    DashboardSnapshot.objects.update(computed_at=timezone.now() - datetime.timedelta(minutes=16))
    html = client.get("/dashboard/?period=2025").content.decode()
    for section in live_sections(Filters(period=PERIOD), "period=2025"):
        assert section in html
    assert DashboardSnapshot.objects.get().computed_at > timezone.now() - datetime.timedelta(minutes=1)


@pytest.mark.django_db
def test_the_periodic_refresh_is_idempotent_and_refreshes_the_views_read_lately(
    client, manager, poelenburg, peldersveld
):
    build_data(poelenburg, peldersveld)
    client.force_login(manager)
    client.get(f"/dashboard/?period=2025&municipality={poelenburg.municipality.slug}")

    assert refresh_dashboard_snapshots() == 2  # the default view and the one just read
    first = {s.key: s.figures for s in DashboardSnapshot.objects.all()}
    assert refresh_dashboard_snapshots() == 2
    second = {s.key: s.figures for s in DashboardSnapshot.objects.all()}

    assert first == second
    assert len(second) == 2
    assert snapshot_key(Filters(period=Period.current_year()), "nl") in second


@pytest.mark.django_db
@pytest.mark.parametrize("scale", [1, 4])
def test_the_page_with_a_fresh_snapshot_runs_a_fixed_number_of_queries(
    client, manager, poelenburg, peldersveld, scale, django_assert_max_num_queries
):
    build_data(poelenburg, peldersveld, scale)
    client.force_login(manager)
    client.get("/dashboard/?period=2025")
    # Session, user, groups, the snapshot, the filter form's municipalities and districts, and the
    # session save (savepoint, update, release on SQLite): none of them grows with the data.
    with django_assert_max_num_queries(9):
        response = client.get("/dashboard/?period=2025")
    assert response.status_code == 200
