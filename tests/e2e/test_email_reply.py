"""The advisor asks, the asker answers by e-mail (real SMTP to the running receiver), the advisor sees
it on the board and the detail page and answers with a standard text, and the asker's status page
shows that answer (issue 16's browser journey)."""

import os
import smtplib

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from cultuur.roles import Role
from requests.advisor_models import StandardText
from requests.workflow import Status
from tests.factories import PASSWORD, DistrictFactory, advisor_in
from tests.requests.factories import CultureRequestFactory
from tests.requests.mail_samples import reply_mail
from tests.stack.receiver import Receiver, receiver_database_problem

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
DOMAIN = "antwoord.cultuur.example.nl"


@pytest.fixture
def receiver(settings, tmp_path):
    problem = receiver_database_problem()
    if problem:
        if os.environ.get("CULTUUR_REQUIRE_STACK") == "1":
            pytest.fail(problem)
        pytest.skip(problem)
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    # Tasks run in the receiver's own process (the owner's e-mail), like the test's own eager Celery.
    running = Receiver(
        domain=DOMAIN, attachment_root=tmp_path / "attachments", env={"CELERY_TASK_ALWAYS_EAGER": "true"}
    )
    yield running
    print(running.stop())


@pytest.fixture
def asked(db):
    for role in Role:  # a transactional test flushes the data migrations' role groups
        Group.objects.get_or_create(name=role.value)
    district = DistrictFactory(name="Zaandam-Noord")
    advisor = advisor_in(
        district, email="adviseur.noord@example.org", first_name="Sanne", last_name="de Vries"
    )
    request = CultureRequestFactory(
        district=district,
        owner=advisor,
        status=Status.IN_CONVERSATION,
        requester_name="Fatima Benali",
        requester_email="fatima@example.org",
        question="Mijn dochter wil graag leren tekenen. Is er iets in de buurt?",
    )
    return advisor, request


def send_message(page, text: str, *, waiting: bool = False, standard_text: str = "") -> None:
    """The advisor's answer on the detail page; with `standard_text`, that text is picked first and
    `text` checks what it filled in before the advisor adds a line."""
    box = page.get_by_label("Bericht aan de vraagsteller")
    if standard_text:
        page.get_by_label("Standaardtekst").select_option(label=standard_text)
        page.get_by_role("button", name="Zet in het bericht").click()
        expect(box).to_have_value(text)
        text += "\nTot woensdag!"
    box.fill(text)
    if waiting:
        page.get_by_label("Wacht op antwoord van de vraagsteller").check()
    page.get_by_role("button", name="Verstuur bericht").click()
    expect(page.get_by_text("Het bericht is verstuurd.")).to_be_visible()


def test_an_asker_answers_by_email_and_the_advisor_answers_back(receiver, asked, page, login, axe_violations):
    advisor, request = asked
    StandardText.objects.create(
        title="Tekenles gevonden",
        status=Status.IN_CONVERSATION,
        body="Beste {voornaam}, dank u wel! Bij Atelier De Hoek is op woensdag een tekenles. Groet, {adviseur}",
    )
    login(advisor.email, PASSWORD)
    page.goto(f"/triage/{request.reference}/")
    assert axe_violations(page) == []
    send_message(page, "Hoe oud is uw dochter, en kan zij op woensdagmiddag?", waiting=True)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wachten op vraagsteller")

    # The e-mail to the asker carries the request's reply address; she presses "Beantwoorden".
    to_asker = [m for m in mail.outbox if m.to == ["fatima@example.org"]][-1]
    (reply_to,) = to_asker.reply_to
    answer = (
        "Ze is negen jaar en woensdagmiddag kan prima.\n\n"
        "Op do 3 dec. 2026 om 14:02 schreef Cultuur <noreply@cultuur.localhost>:\n"
        "> Hoe oud is uw dochter, en kan zij op woensdagmiddag?\n"
    )
    with smtplib.SMTP("127.0.0.1", receiver.port, timeout=30) as smtp:
        assert smtp.sendmail("fatima@example.org", [reply_to], reply_mail(reply_to, answer)) == {}

    page.goto("/triage/")
    row = page.locator(f"#row-{request.reference}")
    expect(row.locator(".badge").first).to_have_text("In gesprek")
    page.get_by_role("link", name=request.reference).click()
    expect(page.get_by_text("Ze is negen jaar en woensdagmiddag kan prima.").first).to_be_visible()
    expect(page.get_by_text("Vraagsteller, per e-mail").first).to_be_visible()
    # The quoted original did not come along.
    assert page.get_by_text("> Hoe oud is uw dochter").count() == 0
    assert axe_violations(page) == []

    send_message(
        page,
        "Beste Fatima, dank u wel! Bij Atelier De Hoek is op woensdag een tekenles. Groet, Sanne de Vries",
        standard_text="Tekenles gevonden",
    )

    page.goto(f"/vraag/status/{request.status_token}/")
    expect(page.get_by_text("Ze is negen jaar en woensdagmiddag kan prima.")).to_be_visible()
    expect(page.locator(".message-list")).to_contain_text("Bij Atelier De Hoek is op woensdag een tekenles.")
    expect(page.locator(".message-list")).to_contain_text("Tot woensdag!")
    expect(page.locator(".status-now")).to_contain_text("In gesprek")
    assert axe_violations(page) == []
