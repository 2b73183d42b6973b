"""The API's budget lines come in the order of the (school, school_year, planned_date, id) index,
so that a page is a slice of it instead of a sort of every visible line (issue 11)."""

import pytest
from django.db import connection

from schools.api import BudgetLineViewSet
from tests.factories import UserFactory
from tests.schools.factories import BudgetLineFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines():
    # Names in the opposite order of the ids: ordering by the school's name would show it.
    zuid, noord = SchoolFactory(name="Zonnewijzer"), SchoolFactory(name="Aquarel")
    return [BudgetLineFactory(school=school) for school in (zuid, noord, zuid, noord)]


def test_the_list_is_in_index_order_not_by_school_name(client, lines):
    client.force_login(UserFactory(roles=["manager"]))
    ids = [row["id"] for row in client.get("/api/school-budget-lines/").json()["results"]]
    first, second = lines[0].school, lines[1].school
    assert ids == [lines[0].pk, lines[2].pk, lines[1].pk, lines[3].pk]
    assert first.pk < second.pk and first.name > second.name


@pytest.mark.stack
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_a_page_of_the_list_reads_the_index_instead_of_sorting(rf, lines):
    schools = [SchoolFactory() for _ in range(5)]
    BudgetLineFactory.create_batch(400, school=schools[0])
    BudgetLineFactory.create_batch(400, school=schools[1])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE schools_budgetline")
    request = rf.get("/api/school-budget-lines/")
    request.user = UserFactory(roles=["manager"])
    view = BudgetLineViewSet(request=request, format_kwarg=None)
    plan = view.get_queryset()[:25].explain()
    assert "budget_line_school_year_date" in plan
    assert "Sort" not in plan.split("->")[1]
