"""The new API lists cost a fixed number of queries at two page sizes; the admin pages open."""

import pytest
from django.urls import reverse
from rest_framework.pagination import PageNumberPagination

from schools import pool_services
from schools.school_year import SchoolYear
from tests.factories import UserFactory
from tests.makers.factories import QualityMarkFactory
from tests.schools.factories import SchoolFactory, pool_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled():
    coordinator = UserFactory(roles=["manager"])
    for _ in range(12):
        teacher = pool_teacher(max_schools=3)
        QualityMarkFactory(maker=teacher.maker)
        pool_services.proposal_create(
            school=SchoolFactory(), teacher=teacher, year=SchoolYear.current(), by=coordinator
        )
    return coordinator


@pytest.mark.parametrize("url", ["/api/quality-marks/", "/api/pool-teachers/", "/api/pool-proposals/"])
def test_the_api_lists_cost_the_same_queries_at_two_page_sizes(
    client, filled, url, monkeypatch, django_assert_max_num_queries
):
    client.force_login(filled)
    monkeypatch.setattr(PageNumberPagination, "page_size", 3)
    with django_assert_max_num_queries(20) as small:
        assert len(client.get(url).json()["results"]) == 3
    monkeypatch.setattr(PageNumberPagination, "page_size", 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(client.get(url).json()["results"]) == 12


@pytest.mark.parametrize("model", ["makers_qualitymark", "schools_poolteacher", "schools_poolproposal"])
def test_the_admin_pages_open(client, filled, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{model}_add")).status_code == 200
