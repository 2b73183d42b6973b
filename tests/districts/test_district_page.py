import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from districts.models import DistrictGrant, Partner, ProfileEdit
from districts.services import partner_save, profile_update
from tests.factories import DistrictFactory, UserFactory, advisor_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def east():
    return DistrictFactory(name="Oost", slug="oost")


@pytest.fixture
def west():
    return DistrictFactory(name="West", slug="west")


def test_an_advisor_opens_their_own_district_but_gets_404_for_another(client, east, west):
    client.force_login(advisor_in(east))
    assert client.get("/wijken/oost/").status_code == 200
    assert client.get("/wijken/west/").status_code == 404
    assert client.get("/wijken/west/profiel/").status_code == 404


def test_a_manager_reads_every_district_but_cannot_edit(client, east):
    client.force_login(UserFactory(roles=["manager"]))
    page = client.get("/wijken/oost/")
    assert page.status_code == 200
    assert "Profiel bewerken" not in page.content.decode()
    assert client.get("/wijken/oost/profiel/").status_code == 403
    assert client.post("/wijken/oost/bijdragen/nieuw/", {"initiative": "x"}).status_code == 403


@pytest.mark.parametrize("role", ["icc", "maker", "funds_coordinator"])
def test_other_roles_get_nothing(client, east, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get("/wijken/").status_code == 403
    assert client.get("/wijken/oost/").status_code == 403


def test_editing_the_profile_logs_who_changed_what(client, east):
    advisor = advisor_in(east, first_name="Sanne", last_name="de Vries")
    client.force_login(advisor)
    response = client.post(
        "/wijken/oost/profiel/",
        {"character": "Jonge gezinnen, veel nieuwkomers.", "warm_relations": "Buurthuis De Kolk"},
    )
    assert response.status_code == 302
    edits = list(ProfileEdit.objects.filter(district=east).values_list("section", "new_value", "by"))
    assert ("karakter van de wijk", "Jonge gezinnen, veel nieuwkomers.", advisor.pk) in edits
    assert ("warme relaties", "Buurthuis De Kolk", advisor.pk) in edits
    assert len(edits) == 2
    page = client.get("/wijken/oost/").content.decode()
    assert "Buurthuis De Kolk" in page and "Sanne de Vries" in page


def test_saving_an_unchanged_profile_logs_nothing(east):
    advisor = advisor_in(east)
    profile_update(district=east, data={"character": "Dorps"}, by=advisor)
    profile_update(district=east, data={"character": "Dorps"}, by=advisor)
    assert ProfileEdit.objects.filter(district=east).count() == 1


def test_profile_text_with_html_is_shown_escaped(client, east):
    advisor = advisor_in(east)
    profile_update(district=east, data={"character": "<script>alert(1)</script>"}, by=advisor)
    client.force_login(advisor)
    page = client.get("/wijken/oost/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_an_advisor_adds_and_removes_a_partner(client, east):
    client.force_login(advisor_in(east))
    client.post("/wijken/oost/partners/nieuw/", {"name": "Wijkcentrum Poelenburg", "kind": "social"})
    partner = Partner.objects.get(name="Wijkcentrum Poelenburg")
    assert client.post(f"/wijken/oost/partners/{partner.pk}/verwijderen/").status_code == 302
    assert not Partner.objects.exists()
    assert list(ProfileEdit.objects.values_list("action", flat=True).order_by("pk")) == [
        "districts.partner.added",
        "districts.partner.removed",
    ]


def test_a_partner_of_another_district_is_404(client, east, west):
    other = partner_save(district=west, by=advisor_in(west), name="Elders", kind="other")
    client.force_login(advisor_in(east))
    assert client.get(f"/wijken/oost/partners/{other.pk}/").status_code == 404
    assert client.post(f"/wijken/oost/partners/{other.pk}/verwijderen/").status_code == 404
    assert Partner.objects.filter(pk=other.pk).exists()


def test_a_partner_without_a_name_keeps_what_was_typed(client, east):
    client.force_login(advisor_in(east))
    response = client.post("/wijken/oost/partners/nieuw/", {"name": "", "contact_person": "Ayse"})
    assert response.status_code == 200
    assert 'value="Ayse"' in response.content.decode()
    assert not Partner.objects.exists()


def test_the_district_page_costs_a_fixed_number_of_queries(client, east, django_assert_max_num_queries):
    advisor = advisor_in(east)
    client.force_login(advisor)
    today = datetime.date.today()

    def add(n):
        for i in range(n):
            partner_save(district=east, by=advisor, name=f"Partner {i}-{n}", kind="other")
            client.post(
                "/wijken/oost/bijdragen/nieuw/",
                {"initiative": f"Initiatief {i}-{n}", "amount": "1", "granted_on": today.isoformat()},
            )

    add(2)
    with CaptureQueriesContext(connection) as small:
        client.get("/wijken/oost/")
    add(20)
    with django_assert_max_num_queries(23), CaptureQueriesContext(connection) as large:
        assert client.get("/wijken/oost/").status_code == 200
    assert len(large) == len(small)
    assert DistrictGrant.objects.count() == 22


def test_the_district_list_names_every_district_for_a_manager(client, east, west):
    client.force_login(UserFactory(roles=["manager"]))
    page = client.get(reverse("districts:list")).content.decode()
    assert "Oost" in page and "West" in page
