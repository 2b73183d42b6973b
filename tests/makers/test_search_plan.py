"""PostgreSQL only: the directory search is served by its GIN index, never a sequential scan.

The plan is taken over a few thousand rows with fresh statistics, as on a real directory where
one search word matches few rows (issue 11, `make bench`): a sequential scan of the searched
table means the search cannot use an index and reads the whole table on every query. (Small
lookup tables joined for display, such as districts, may be scanned: that does not grow.)
"""

import pytest
from django.db import connection

from makers import selectors
from makers.filters import CourseFilter, MakerFilter
from makers.models import Course, Discipline, Maker, PublicationStatus
from makers.search import refresh_search_vector

pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db,
]

ROWS = 4000
WORDS = ["schilderen", "zingen", "fotografie", "keramiek", "gedichten", "poppenkast", "graffiti", "koor"]


@pytest.fixture
def directory():
    makers = Maker.objects.bulk_create(
        Maker(
            name=f"Maker {i}",
            slug=f"maker-{i}",
            short_description=f"Lessen in {WORDS[i % len(WORDS)]}" + (" en dansen" if i % 100 == 0 else ""),
            description=f"Wij geven les in {WORDS[(i * 7) % len(WORDS)]} voor de buurt.",
            status=PublicationStatus.PUBLISHED,
        )
        for i in range(ROWS)
    )
    discipline = Discipline.objects.order_by("pk").first()
    courses = Course.objects.bulk_create(
        Course(
            title=f"Cursus {WORDS[i % len(WORDS)]}" + (" en theater" if i % 100 == 0 else ""),
            slug=f"cursus-{i}",
            description=f"Leer {WORDS[(i * 3) % len(WORDS)]} in tien lessen.",
            discipline=discipline,
            maker=makers[i],
            status=PublicationStatus.PUBLISHED,
        )
        for i in range(ROWS)
    )
    refresh_search_vector(Maker, [m.pk for m in makers])
    refresh_search_vector(Course, [c.pk for c in courses])
    with connection.cursor() as cursor:
        # What autovacuum does on a live site: fold the GIN pending list in, refresh statistics.
        cursor.execute("SELECT gin_clean_pending_list('makers_maker_search_gin')")
        cursor.execute("SELECT gin_clean_pending_list('makers_course_search_gin')")
        cursor.execute("ANALYZE makers_maker")
        cursor.execute("ANALYZE makers_course")


def test_the_makers_search_plan_has_no_sequential_scan(directory):
    filterset = MakerFilter({"q": "dansen"}, queryset=selectors.published_makers())
    assert filterset.is_valid()

    plan = filterset.qs.explain()

    assert "makers_maker_search_gin" in plan, plan
    assert "Seq Scan on makers_maker" not in plan, plan


def test_the_courses_search_plan_has_no_sequential_scan(directory):
    filterset = CourseFilter({"q": "theater"}, queryset=selectors.published_courses())
    assert filterset.is_valid()

    plan = filterset.qs.explain()

    assert "makers_course_search_gin" in plan, plan
    assert "Seq Scan on makers_course" not in plan, plan


def test_the_plan_check_can_fail_on_a_search_without_an_index(directory):
    # icontains on a text column has no index: the same check sees the sequential scan.
    plan = selectors.published_makers().filter(description__icontains="dans").explain()

    assert "Seq Scan on makers_maker" in plan
