import pytest
from django.db import IntegrityError

from districts.models import District, DistrictTeamMember
from districts.selectors import district_overview, is_staffed, with_staffing
from tests.factories import DistrictFactory, UserFactory, advisor_in

pytestmark = pytest.mark.django_db


def test_a_district_with_one_advisor_is_understaffed_and_with_two_is_staffed():
    district = DistrictFactory()
    advisor_in(district)
    assert not is_staffed(with_staffing(District.objects.filter(pk=district.pk)).get())
    advisor_in(district)
    assert is_staffed(with_staffing(District.objects.filter(pk=district.pk)).get())


def test_the_same_advisor_cannot_join_a_team_twice():
    district = DistrictFactory()
    advisor = advisor_in(district)
    with pytest.raises(IntegrityError):
        DistrictTeamMember.objects.create(district=district, user=advisor)


def test_managers_see_understaffed_districts_on_the_district_page(client):
    staffed, understaffed = DistrictFactory(name="Oost"), DistrictFactory(name="Westzaan")
    advisor_in(staffed), advisor_in(staffed), advisor_in(understaffed)
    client.force_login(UserFactory(roles=["manager"]))
    response = client.get("/wijken/")
    rows = {district.name: flag for district, flag in response.context["districts"]}
    assert rows == {"Oost": True, "Westzaan": False}
    assert "onderbezet" in response.content.decode()


def test_an_advisor_sees_only_their_own_districts():
    mine, other = DistrictFactory(), DistrictFactory()
    advisor = advisor_in(mine)
    advisor_in(other)
    assert list(district_overview(advisor)) == [mine]


def test_the_district_page_costs_the_same_queries_for_many_districts(client, django_assert_max_num_queries):
    manager = UserFactory(roles=["manager"])
    client.force_login(manager)
    for _ in range(3):
        advisor_in(DistrictFactory())
    with django_assert_max_num_queries(10):
        client.get("/wijken/")
    for _ in range(30):
        advisor_in(DistrictFactory())
    with django_assert_max_num_queries(10):
        assert client.get("/wijken/").status_code == 200
