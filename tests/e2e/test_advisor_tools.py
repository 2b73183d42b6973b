"""The advisor answers with a standard text (picked by htmx, edited, sent), the asker sees it; the new
pages (standard texts, saved views and the board's view picker, merge, my questions) pass axe's
WCAG 2.1 AA checks."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from cultuur.roles import Role
from requests.advisor_models import SavedView, StandardText
from tests.factories import PASSWORD, DistrictFactory, UserFactory, advisor_in
from tests.requests.factories import CultureRequestFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def noord():
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    return DistrictFactory(name="Zaandam-Noord")


def test_the_advisor_answers_with_a_standard_text_and_the_asker_sees_it(page, login, axe_violations, noord):
    advisor = advisor_in(noord, email="adviseur.noord@example.org", first_name="Jan", last_name="de Vries")
    request = CultureRequestFactory(
        district=noord, requester_name="Fatima Benali", question="Tekenles voor mijn dochter?"
    )
    CultureRequestFactory(
        district=noord, requester_email=request.requester_email, question="Iets met muziek?"
    )
    StandardText.objects.create(
        title="Eerste contact",
        status="new",
        body="Beste {voornaam}, ik ben {adviseur} uit {wijk}. Ik bel u deze week.",
    )
    login(advisor.email, PASSWORD)
    page.goto(f"/triage/{request.reference}/")
    expect(page.get_by_role("heading", name="Mogelijk dezelfde of een verwante vraag")).to_be_visible()
    page.get_by_label("Standaardtekst").select_option(label="Eerste contact")
    page.get_by_role("button", name="Zet in het bericht").click()
    box = page.get_by_label("Bericht aan de vraagsteller")
    # htmx swapped only the message box: the text is there with the placeholders filled in.
    expect(box).to_have_value("Beste Fatima, ik ben Jan de Vries uit Zaandam-Noord. Ik bel u deze week.")
    assert axe_violations(page) == []
    box.fill("Beste Fatima, ik ben Jan de Vries uit Zaandam-Noord. Ik bel u dinsdag.")
    page.get_by_role("button", name="Verstuur bericht").click()
    expect(page.get_by_text("Het bericht is verstuurd.")).to_be_visible()

    page.goto(f"/vraag/status/{request.status_token}/")
    expect(page.locator(".message-list")).to_contain_text("Ik bel u dinsdag.")

    page.goto(f"/triage/{request.reference}/samenvoegen/")
    assert axe_violations(page) == []
    SavedView.objects.create(owner=advisor, name="Nieuw", query="status=new", shared_with=noord)
    page.goto("/triage/weergaven/")
    assert axe_violations(page) == []
    # The board's picker loads its list when opened; a picked view is marked in it.
    page.goto("/triage/?weergave=geen")
    page.get_by_text("Opgeslagen weergaven").click()
    page.locator(".saved-view-list").get_by_role("link", name="Nieuw").click()
    expect(page.locator('.saved-view-list a[aria-current="true"]')).to_have_text("Nieuw")
    expect(page.locator("summary")).to_contain_text("Opgeslagen weergaven: Nieuw")
    assert axe_violations(page) == []
    page.goto("/triage/weergaven/opslaan/?status=new")
    assert axe_violations(page) == []


def test_the_managers_text_pages_and_my_questions_are_accessible(page, login, axe_violations, noord):
    manager = UserFactory(roles=["manager"], email="manager@example.org")
    page.goto("/mijn-vragen/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Stuur mij een link").click()
    expect(page.locator("#form-errors")).to_contain_text("Vul uw e-mailadres in.")
    assert axe_violations(page) == []
    login(manager.email, PASSWORD)
    page.goto("/standaardteksten/nieuw/")
    page.get_by_label("Titel").fill("Welkom")
    page.get_by_label("Tekst").fill("Beste {naam},")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#form-errors")).to_contain_text("Het invulveld {naam} bestaat niet")
    expect(page.get_by_label("Tekst")).to_have_value("Beste {naam},")
    assert axe_violations(page) == []
