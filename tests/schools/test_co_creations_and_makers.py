from decimal import Decimal

import pytest
from django.urls import reverse

from makers.models import CoCreation
from schools import services
from schools.models import BudgetLine, CoCreationSchool
from tests.factories import UserFactory
from tests.makers.factories import CoCreationFactory, MakerFactory
from tests.schools.factories import SchoolFactory, account_holder_of

pytestmark = pytest.mark.django_db


def test_a_co_creation_starts_only_with_two_schools_and_two_makers(school, advisor):
    co_creation = CoCreationFactory(makers=MakerFactory.create_batch(2))
    services.co_creation_school_add(co_creation=co_creation, school=school, by=advisor)
    with pytest.raises(services.SchoolsError, match="twee scholen"):
        services.co_creation_activate(co_creation=co_creation, by=advisor)
    second = SchoolFactory()
    account_holder_of(second)
    services.co_creation_school_add(co_creation=co_creation, school=second, by=UserFactory(is_superuser=True))
    services.co_creation_activate(co_creation=co_creation, by=advisor)
    co_creation.refresh_from_db()
    assert co_creation.status == CoCreation.Status.ACTIVE


def test_the_makers_half_of_the_rule_still_holds(school, advisor):
    co_creation = CoCreationFactory(makers=[MakerFactory()])
    for s in (school, SchoolFactory(account_holder=advisor)):
        services.co_creation_school_add(co_creation=co_creation, school=s, by=advisor)
    with pytest.raises(services.SchoolsError, match="twee cultuurmakers"):
        services.co_creation_activate(co_creation=co_creation, by=advisor)


def test_makers_own_activation_counts_the_linked_schools(school, advisor):
    from makers.services import DirectoryError, cocreation_activate

    co_creation = CoCreationFactory(makers=MakerFactory.create_batch(2))
    services.co_creation_school_add(co_creation=co_creation, school=school, by=advisor)
    with pytest.raises(DirectoryError):
        cocreation_activate(cocreation=co_creation, by=advisor)
    services.co_creation_school_add(
        co_creation=co_creation, school=SchoolFactory(account_holder=advisor), by=advisor
    )
    cocreation_activate(cocreation=co_creation, by=advisor)


def test_a_running_co_creation_keeps_two_schools(school, advisor):
    co_creation = CoCreationFactory(makers=MakerFactory.create_batch(2))
    other = SchoolFactory(account_holder=advisor)
    for s in (school, other):
        services.co_creation_school_add(co_creation=co_creation, school=s, by=advisor)
    services.co_creation_activate(co_creation=co_creation, by=advisor)
    with pytest.raises(services.SchoolsError):
        services.co_creation_school_remove(co_creation=co_creation, school=other, by=advisor)
    assert CoCreationSchool.objects.filter(co_creation=co_creation).count() == 2


def test_only_the_account_holder_links_a_school_to_a_co_creation(school, icc):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.co_creation_school_add(co_creation=CoCreationFactory(), school=school, by=icc)


def test_a_maker_line_takes_the_makers_rate_and_warns_below_fair_practice(
    client, icc, school, year, settings
):
    settings.MAKERS_FAIR_HOURLY_RATE_CENTS = 5_000
    cheap = MakerFactory(name="Goedkope Gerda", rate_per_hour_cents=3_500)
    client.force_login(icc)
    url = reverse("schools:budget", kwargs={"pk": school.pk, "year": year})
    response = client.post(
        url, {"description": "Dansles", "planned_date": "2025-11-01", "hours": "8", "maker": cheap.pk}
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get()
    assert (line.maker, line.hourly_rate_cents, line.planned_amount_cents) == (cheap, 3_500, 28_000)
    page = client.get(url).content.decode()
    assert "Goedkope Gerda" in page and "onder Fair Practice-minimum" in page
    assert client.get("/api/school-budget-lines/").json()["results"][0]["below_fair_practice"] is True


def test_the_partnership_share_counts_schools_with_a_maker(client, school, year):
    from schools import reports

    SchoolFactory.create_batch(3)
    BudgetLine.objects.create(
        school=school,
        school_year=year.start_year,
        description="Beeldend",
        planned_date=year.start,
        hours=Decimal("4"),
        hourly_rate_cents=6_000,
        maker=MakerFactory(),
    )
    manager = UserFactory(roles=["manager"])
    table = reports.partnership_share(manager, year)
    assert table["rows"] == [[4, 1, 25, 80]]


def test_the_account_holder_links_the_school_on_its_page_and_others_cannot(client, advisor, icc, school):
    co_creation = CoCreationFactory(title="Zaans Gemaakt")
    url = reverse("schools:co_creation_link", kwargs={"pk": school.pk})
    client.force_login(icc)
    assert client.post(url, {"co_creation": co_creation.pk}).status_code == 403
    client.force_login(advisor)
    client.post(url, {"co_creation": co_creation.pk})
    assert "Zaans Gemaakt" in client.get(reverse("schools:detail", kwargs={"pk": school.pk})).content.decode()
    client.post(url, {"co_creation": co_creation.pk, "remove": "1"})
    assert not CoCreationSchool.objects.exists()
    response = client.post(url, {"co_creation": 999999}, follow=True)
    assert "Kies een co-creatie" in response.content.decode()


def test_the_advisor_sees_the_plans_waiting_for_their_review(client, advisor, school, year):
    from tests.schools.factories import CmkPlanFactory

    CmkPlanFactory(school=school, status="submitted")
    client.force_login(advisor)
    page = client.get(reverse("schools:list")).content.decode()
    assert "Plannen om te beoordelen" in page and f"/school/{school.pk}/{year}/plan/" in page
