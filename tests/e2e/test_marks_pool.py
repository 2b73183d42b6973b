"""A maker adds a quality mark, staff verify it, a visitor finds the maker through the "met
keurmerk" facet, and an ICC answers the art teacher proposed to their school."""

import datetime

import pytest

from schools import pool_services
from schools.models import ProposalStatus
from schools.models.choices import CultureType, Domain
from schools.school_year import SchoolYear
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import MakerFactory, OwnedMakerFactory, QualityMarkFactory, discipline
from tests.schools.factories import (
    AmbitionFactory,
    CmkPlanFactory,
    CultureTypeRecordFactory,
    SchoolFactory,
    icc_of,
    pool_teacher,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_maker_adds_a_mark_and_the_directory_facet_finds_them_once_verified(page, login, axe_violations):
    maker = OwnedMakerFactory(name="Studio Keurig", disciplines=[discipline("dans")])
    MakerFactory(name="Zonder Keurmerk", disciplines=[discipline("dans")])
    QualityMarkFactory(maker=MakerFactory(name="Verlopen Keur"), expires_on=datetime.date.today())
    login(maker.user.email, PASSWORD)

    page.goto(f"/makers/{maker.slug}/keurmerken/")
    assert axe_violations(page) == []
    page.get_by_label("Soort keurmerk").select_option("cultuurkeur")
    page.get_by_label("Uitgegeven door").fill("Cultuurconnectie")
    page.get_by_label("Uitgegeven op").fill("2026-09-01")
    page.get_by_label("Verloopt op").fill("2026-08-01")  # before the issue date: an error
    page.get_by_role("button", name="Keurmerk opslaan").click()
    page.wait_for_load_state()
    assert "De einddatum moet na de datum van uitgifte liggen." in page.content()
    assert page.get_by_label("Uitgegeven door").input_value() == "Cultuurconnectie"
    assert axe_violations(page) == []

    page.get_by_label("Verloopt op").fill("2029-09-01")
    page.get_by_role("button", name="Keurmerk opslaan").click()
    page.wait_for_load_state()
    assert "Wacht op controle" in page.content()
    assert axe_violations(page) == []

    mark = maker.quality_marks.get()
    advisor = UserFactory(roles=["advisor"])
    page.context.clear_cookies()
    login(advisor.email, PASSWORD)
    page.goto("/makers/keurmerken/")
    assert axe_violations(page) == []
    page.get_by_role("button", name=f"Goedkeuren {mark.label} {maker.name}").click()
    page.wait_for_load_state()
    assert "Er wachten geen keurmerken op controle." in page.content()

    page.context.clear_cookies()
    page.goto("/makers/")
    assert (
        page.get_by_label("Keurmerk", exact=True).locator("option", has_text="Met keurmerk (1)").count() == 1
    )
    page.get_by_label("Keurmerk", exact=True).select_option("met")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_load_state()
    assert page.locator(".cards h3").all_inner_texts() == ["Studio Keurig"]
    assert page.locator(".cards time").first.get_attribute("datetime") == "2029-08-31"
    assert axe_violations(page) == []


def test_the_icc_sees_and_accepts_the_teacher_proposed_to_their_school(page, login, axe_violations):
    year = SchoolYear.current()
    school, other = SchoolFactory(name="De Regenboog"), SchoolFactory(name="Het Kompas")
    plan = CmkPlanFactory(school=school, school_year=year.start_year)
    AmbitionFactory(
        plan=plan, domain=Domain.SCHOOL_PROGRAMME, description="Elke groep danst een lessenreeks."
    )
    CultureTypeRecordFactory(
        school=school, school_year=year.start_year, culture_type=CultureType.PARTICIPATING
    )
    coordinator = UserFactory(roles=["manager"])
    teacher = pool_teacher(
        maker=OwnedMakerFactory(name="Dansdocent Aylin"), disciplines=["dans"], lesson_series=True
    )
    hidden = pool_teacher(maker=MakerFactory(name="Docent Elders"), disciplines=["dans"])
    pool_services.proposal_create(school=school, teacher=teacher, year=year, by=coordinator)
    pool_services.proposal_create(school=other, teacher=hidden, year=year, by=coordinator)
    icc = icc_of(school)
    login(icc.email, PASSWORD)

    page.goto(f"/school/{school.pk}/kunstvakdocenten/")
    content = page.content()
    assert "Dansdocent Aylin" in content and "Docent Elders" not in content
    assert "Dans staat in de ambities van het CMK-plan" in content
    assert axe_violations(page) == []
    page.get_by_label("Accepteren").check()
    page.get_by_label("Toelichting").fill("Graag op dinsdagochtend.")
    page.get_by_role("button", name="Reactie versturen").click()
    page.wait_for_load_state()
    assert "Jullie reactie is opgeslagen." in page.content()
    assert axe_violations(page) == []
    assert teacher.proposals.get().status == ProposalStatus.ACCEPTED

    response = page.goto(f"/school/{other.pk}/kunstvakdocenten/")
    assert response.status == 404

    page.context.clear_cookies()
    login(coordinator.email, PASSWORD)
    for path in ["/school/pool/", f"/school/pool/{teacher.pk}/", f"/school/{other.pk}/kunstvakdocenten/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
    page.context.clear_cookies()
    login(teacher.maker.user.email, PASSWORD)
    page.goto("/school/pool/mijn-beschikbaarheid/")
    assert "Beschikbaarheid" in page.content()
    assert axe_violations(page) == []
