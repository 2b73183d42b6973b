"""A request's discipline links carry the request's district, however they are made, so that the
district page counts requests by discipline from the links alone (RequestDiscipline)."""

import pytest
from django.contrib.admin.sites import site
from django.db import connection
from django.db.models import Count

from requests import services
from requests.models import CultureRequest, RequestDiscipline
from requests.selectors import district_figures
from tests.factories import DistrictFactory, PostcodeAreaFactory, UserFactory
from tests.makers.factories import discipline
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def link_districts(request):
    return set(RequestDiscipline.objects.filter(culturerequest=request).values_list("district_id", flat=True))


def test_add_set_and_create_copy_the_requests_district(noord):
    dance, music, theatre = discipline("dans"), discipline("muziek"), discipline("theater")
    request = CultureRequestFactory(district=noord)
    request.disciplines.add(dance)
    request.disciplines.set([dance, music])
    RequestDiscipline.objects.create(culturerequest=request, discipline=theatre)
    assert request.disciplines.count() == 3
    assert link_districts(request) == {noord.pk}


def test_the_public_form_service_stores_links_in_the_routed_district(noord):
    request, created = services.request_submit(
        idempotency_key="k-1",
        disciplines=[discipline("dans")],
        requester_kind="resident",
        requester_name="Fatima",
        requester_email="fatima@example.org",
        postcode="1503 AB",
        question="Mijn dochter wil dansen.",
    )
    assert created and request.district == noord
    assert link_districts(request) == {noord.pk}


def test_moving_a_request_in_the_admin_moves_its_links_and_the_district_figures(rf, noord, oost):
    request = CultureRequestFactory(district=noord)
    request.disciplines.set([discipline("dans")])
    http_request = rf.post("/")
    http_request.user = UserFactory(is_superuser=True, is_staff=True)
    model_admin = site._registry[CultureRequest]
    form_class = model_admin.get_form(http_request, request)
    data = {f: v for f, v in form_class(instance=request).initial.items() if v is not None}
    consent = data.pop("consent_at")  # the admin's split date and time widget
    data.update(district=oost.pk, barriers="[]", consent_at_0=consent.date(), consent_at_1=consent.time())
    form = form_class(data, instance=request)
    assert form.is_valid(), form.errors
    model_admin.save_model(http_request, form.save(commit=False), form, change=True)
    assert link_districts(request) == {oost.pk}
    assert district_figures(oost)["by_discipline"] == [{"name": "Dans", "count": 1}]
    assert district_figures(noord)["by_discipline"] == []


@pytest.mark.stack
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_a_districts_counts_by_discipline_read_only_the_link_index():
    districts = [DistrictFactory() for _ in range(4)]
    for district in districts:
        PostcodeAreaFactory(district=district)
    kinds = [discipline(slug) for slug in ("dans", "muziek", "theater")]
    requests = CultureRequestFactory.create_batch(200, district=districts[0])
    requests += CultureRequestFactory.create_batch(600, district=districts[1])
    RequestDiscipline.objects.bulk_create(
        RequestDiscipline(culturerequest=r, discipline=kinds[i % 3]) for i, r in enumerate(requests)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE requests_culturerequest_disciplines")
        # At 800 rows a quarter of the table is cheaper to scan; what is pinned here is that the
        # district index answers the count alone, without the requests table (as it does at scale).
        cursor.execute("SET LOCAL enable_seqscan = off")
    query = (
        RequestDiscipline.objects.filter(district=districts[0])
        .order_by()
        .values("discipline_id")
        .annotate(n=Count("*"))
    )
    plan = query.explain()
    assert "req_discipline_by_district" in plan
    assert "requests_culturerequest " not in plan and "Seq Scan" not in plan
