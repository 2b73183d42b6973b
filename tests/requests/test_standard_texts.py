import pytest

from requests.advisor_models import StandardText
from requests.placeholders import fill_placeholders, placeholder_errors
from tests.factories import UserFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db

BODY = "Beste {voornaam}, over uw vraag {referentie} in {wijk}: ik bel u deze week. Groet, {adviseur}"


@pytest.fixture
def manager():
    return UserFactory(roles=["manager"])


def _text(**fields):
    defaults = {"title": "Eerste contact", "status": "", "requester_kind": "", "language": "nl", "body": BODY}
    return StandardText.objects.create(**{**defaults, **fields})


def test_known_placeholders_pass_and_are_filled_in():
    assert placeholder_errors(BODY) == []
    filled = fill_placeholders(
        BODY, {"voornaam": "Fatima", "referentie": "CV-2026-00001", "wijk": "Noord", "adviseur": "Jan"}
    )
    assert filled == "Beste Fatima, over uw vraag CV-2026-00001 in Noord: ik bel u deze week. Groet, Jan"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Beste {naam},", "{naam}"),
        ("Beste {voornaam.__class__},", "{voornaam.__class__}"),
        ("Beste {voornaam!r},", "{voornaam!r}"),
        ("Beste {voornaam:>20},", "{voornaam:>20}"),
    ],
)
def test_an_unknown_placeholder_is_named_in_the_error(body, named):
    (error,) = placeholder_errors(body)
    assert named in error and "bestaat niet" in error and "{voornaam}" in error


@pytest.mark.parametrize("body", ["Beste {voornaam,", "Beste voornaam},", "Beste {voornaam}} {"])
def test_broken_braces_are_refused(body):
    (error,) = placeholder_errors(body)
    assert "accolades kloppen niet" in error


def test_doubled_braces_are_literal_braces():
    assert placeholder_errors("Gebruik {{ en }} gewoon") == []
    assert fill_placeholders("a {{b}}", {}) == "a {b}"


def test_a_manager_creates_a_text(client, manager):
    client.force_login(manager)
    response = client.post(
        "/standaardteksten/nieuw/",
        {"title": "Welkom", "status": "new", "requester_kind": "", "language": "nl", "body": BODY},
    )
    assert response.status_code == 302
    text = StandardText.objects.get(title="Welkom")
    assert (text.status, text.updated_by) == ("new", manager)


def test_an_unknown_placeholder_is_refused_in_dutch_and_the_typed_text_is_kept(client, manager):
    client.force_login(manager)
    body = "Beste {naam}, we bellen u."
    response = client.post(
        "/standaardteksten/nieuw/",
        {"title": "Welkom", "status": "", "requester_kind": "", "language": "nl", "body": body},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Het invulveld {naam} bestaat niet" in html
    assert "Beste {naam}, we bellen u." in html and 'value="Welkom"' in html
    assert not StandardText.objects.exists()


def test_an_empty_form_says_what_is_missing(client, manager):
    client.force_login(manager)
    response = client.post("/standaardteksten/nieuw/", {"language": "nl"})
    assert response.status_code == 400
    assert "Geef de tekst een titel." in response.content.decode()


def test_a_manager_edits_and_deletes_a_text(client, manager):
    text = _text()
    client.force_login(manager)
    data = {
        "title": "Nieuw",
        "status": "",
        "requester_kind": "",
        "language": "en",
        "body": "Dear {voornaam},",
    }
    assert client.post(f"/standaardteksten/{text.pk}/", data).status_code == 302
    text.refresh_from_db()
    assert (text.title, text.language) == ("Nieuw", "en")
    assert client.post(f"/standaardteksten/{text.pk}/verwijderen/").status_code == 302
    assert not StandardText.objects.exists()


def test_an_advisor_may_not_keep_texts(client, advisor):
    client.force_login(advisor)
    assert client.get("/standaardteksten/").status_code == 403


@pytest.mark.parametrize("count", [3, 30])
def test_the_text_list_costs_a_fixed_number_of_queries(client, manager, count, django_assert_max_num_queries):
    for n in range(count):
        _text(title=f"Tekst {n:02d}", updated_by=manager)
    client.force_login(manager)
    with django_assert_max_num_queries(8):
        response = client.get("/standaardteksten/")
    assert len(response.context["page"].object_list) == min(count, 25)


def test_the_picker_offers_texts_for_the_status_kind_and_language(client, advisor, noord):
    request = CultureRequestFactory(
        district=noord, status="new", requester_kind="resident", contact_language="en"
    )
    fits = _text(title="EN new", status="new", language="en", body="Dear {voornaam},")
    _text(title="NL new", status="new", language="nl")
    _text(title="EN matching", status="matching", language="en")
    _text(title="EN school", requester_kind="school", language="en")
    client.force_login(advisor)
    response = client.get(f"/triage/{request.reference}/")
    assert [t.title for t in response.context["texts"]] == [fits.title]


def test_picking_a_text_fills_the_message_box_without_javascript(client, advisor, noord):
    request = CultureRequestFactory(district=noord, requester_name="Fatima Benali", reference="CV-2026-00077")
    text = _text()
    advisor.first_name, advisor.last_name = "Jan", "de Vries"
    advisor.save()
    client.force_login(advisor)
    response = client.get(f"/triage/{request.reference}/?tekst={text.pk}")
    body = response.context["message_form"].initial["body"]
    assert (
        body
        == f"Beste Fatima, over uw vraag CV-2026-00077 in {noord.name}: ik bel u deze week. Groet, Jan de Vries"
    )
    assert "Beste Fatima" in response.content.decode()


def test_htmx_gets_only_the_message_box(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    text = _text()
    client.force_login(advisor)
    response = client.get(f"/triage/{request.reference}/?tekst={text.pk}", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="message-box">') and "<h1>" not in html


def test_a_text_that_does_not_fit_is_not_filled_in(client, advisor, noord):
    request = CultureRequestFactory(district=noord, status="new")
    other = _text(status="matching")
    client.force_login(advisor)
    response = client.get(f"/triage/{request.reference}/?tekst={other.pk}")
    assert response.status_code == 200
    assert "body" not in response.context["message_form"].initial


def test_the_edited_text_is_sent_through_the_message_service(
    client, advisor, noord, mailoutbox, django_capture_on_commit_callbacks
):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/triage/{request.reference}/bericht/", {"message-body": "Beste Fatima, ik bel u morgen."}
        )
    assert request.messages.get().body == "Beste Fatima, ik bel u morgen."
    assert "ik bel u morgen" in mailoutbox[0].body


def test_the_admin_refuses_an_unknown_placeholder_too(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/beheer/requests/standardtext/add/").status_code == 200
    data = {"title": "Welkom", "status": "", "requester_kind": "", "language": "nl", "body": "Beste {naam},"}
    response = client.post("/beheer/requests/standardtext/add/", data)
    assert response.status_code == 200 and "Het invulveld {naam} bestaat niet" in response.content.decode()
    assert not StandardText.objects.exists()
    for path in ("/beheer/requests/savedview/", "/beheer/requests/requestmerge/"):
        assert client.get(path).status_code == 200
