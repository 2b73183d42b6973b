import pytest
from django.core import mail
from django.urls import reverse

from requests.models import CultureRequest, Notification
from requests.workflow import Status
from tests.requests.factories import form_data

pytestmark = pytest.mark.django_db

URL = "/vraag/"


def test_the_form_is_public_and_links_to_the_privacy_statement(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'href="/privacy/"' in response.content.decode()


def test_a_resident_submits_a_question_routed_to_their_district(
    client, noord, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data())
    assert response.status_code == 302
    request = CultureRequest.objects.get()
    assert request.reference.startswith("CV-") and request.reference.endswith("-00001")
    assert request.district == noord
    assert request.status == Status.NEW
    assert request.budget_cents == 5000
    assert request.events.get().action == "requests.request.created"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@example.org"]
    assert f"/vraag/status/{request.status_token}/" in mail.outbox[0].body
    assert Notification.objects.get().sent_at is not None
    thanks = client.get(response["Location"])
    assert request.reference in thanks.content.decode()


def test_references_count_up_per_year(client, noord):
    client.post(URL, form_data())
    client.post(URL, form_data())
    references = sorted(CultureRequest.objects.values_list("reference", flat=True))
    assert [r[-5:] for r in references] == ["00001", "00002"]
    assert len({r[3:7] for r in references}) == 1


def test_an_unknown_postcode_goes_to_the_central_intake(client, noord):
    client.post(URL, form_data(postcode="9999 ZZ"))
    assert CultureRequest.objects.get().district.is_central_intake


def test_an_organisation_without_postcode_may_name_its_district(client, noord, oost):
    client.post(
        URL,
        form_data(
            requester_kind="organisation", organisation="Buurthuis De Poort", postcode="", district=oost.pk
        ),
    )
    assert CultureRequest.objects.get().district == oost


def test_the_status_token_is_long_random_and_not_the_id(client, noord):
    client.post(URL, form_data())
    request = CultureRequest.objects.get()
    assert len(request.status_token) >= 43  # 32 bytes, base64: 256 bits
    assert str(request.pk) != request.status_token


def test_the_same_form_posted_twice_yields_one_request(client, noord):
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert CultureRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"requester_email": "geen-email"}, "requester_email", "e-mailadres"),
        ({"postcode": "12345"}, "postcode", "geen geldige postcode"),
        ({"consent": None}, "consent", "toestemming"),
        ({"question": "x" * 20000}, "question", "5000"),
        ({"requester_email": "", "requester_phone": ""}, "requester_email", "telefoonnummer"),
        ({"requester_phone": "bel me maar"}, "requester_phone", "telefoonnummer"),
        ({"requester_kind": "organisation", "organisation": ""}, "organisation", "organisatie"),
        ({"question": ""}, "question", "vereist"),
        ({"budget": "-5"}, "budget", ""),
        ({"requester_kind": "alien"}, "requester_kind", ""),
        ({"requester_name": "a\x00b"}, "requester_name", ""),
    ],
)
def test_bad_input_is_refused_in_dutch_and_what_was_typed_is_kept(client, noord, overrides, field, message):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    page = response.content.decode()
    assert message.lower() in page.lower()
    kept = "leren tekenen" if "requester_name" in overrides else "Fatima Benali"
    assert kept in page  # what was typed is kept
    assert CultureRequest.objects.count() == 0


HOSTILE = '<script>alert("x")</script><b onmouseover="x()">vet</b>'


def test_html_and_script_are_stored_as_text_and_escaped_everywhere(
    client, noord, advisor, django_capture_on_commit_callbacks
):
    fields = ["requester_name", "timing", "question"]
    data = form_data(**{name: HOSTILE for name in fields}, requester_kind="initiative", organisation=HOSTILE)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, data)
    request = CultureRequest.objects.get()
    assert (
        request.question == HOSTILE and request.requester_name == HOSTILE and request.organisation == HOSTILE
    )
    pages = [client.get(f"/vraag/status/{request.status_token}/")]
    client.force_login(advisor)
    pages += [client.get("/triage/"), client.get(f"/triage/{request.reference}/")]
    for page in pages:
        html = page.content.decode()
        assert "<script>alert" not in html
        assert "<b onmouseover" not in html
        assert "&lt;script&gt;" in html
    # The text part arrives as typed; the HTML part shows the same text escaped, never as markup.
    message = mail.outbox[0]
    assert HOSTILE in message.body
    [(html_part, _mimetype)] = message.alternatives
    assert "<script>alert" not in html_part and "<b onmouseover" not in html_part
    assert "&lt;script&gt;" in html_part


def test_emoji_and_right_to_left_text_survive(client, noord):
    text = "مرحبا، نريد ورشة رسم للأطفال 🎨🎭 in de buurt"
    client.post(URL, form_data(question=text, requester_name="سارة 🌷"))
    request = CultureRequest.objects.get()
    assert request.question == text
    page = client.get(f"/vraag/status/{request.status_token}/").content.decode()
    assert text in page


def test_a_filled_honeypot_is_refused_kindly_and_nothing_is_stored(client, noord):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "niet verstuurd" in response.content.decode()
    assert CultureRequest.objects.count() == 0


def test_a_form_sent_too_fast_is_refused_kindly_and_keeps_what_was_typed(client, noord):
    from requests.spam import issue_form_token

    response = client.post(URL, form_data(form_token=issue_form_token()))
    assert response.status_code == 400
    page = response.content.decode()
    assert "heel snel" in page and "Fatima Benali" in page
    assert CultureRequest.objects.count() == 0


def test_a_forged_form_token_is_refused(client, noord):
    response = client.post(URL, form_data(form_token="forged"))
    assert response.status_code == 400
    assert CultureRequest.objects.count() == 0


def test_a_burst_beyond_the_rate_limit_is_refused_and_stores_nothing(client, noord, settings):
    settings.REQUESTS_FORM_RATE_LIMIT = 3
    codes = [client.post(URL, form_data()).status_code for _ in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert CultureRequest.objects.count() == 3
    assert "korte tijd" in client.post(URL, form_data()).content.decode()


def test_the_thanks_page_without_a_submission_shows_no_request(client, noord):
    client.post(URL, form_data())
    other_browser = client.__class__()
    page = other_browser.get(reverse("requests:thanks")).content.decode()
    assert "geen vraag verstuurd" in page
    assert CultureRequest.objects.get().reference not in page


@pytest.mark.parametrize(
    "field",
    [
        "requester_email",
        "requester_phone",
        "postcode",
        "group_size",
        "budget",
        "age_group",
        "contact_language",
    ],
)
def test_html_in_a_constrained_field_is_refused_and_shown_escaped(client, noord, field):
    response = client.post(URL, form_data(**{field: HOSTILE}))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert CultureRequest.objects.count() == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"form_token": None},
        {"group_size": "99999999999999999999"},
        {"budget": "1e309"},
        {"disciplines": ["not-a-number"]},
        {"district": "999999"},
        {"barriers": ["teleportation"]},
        {"requester_name": "x" * 10000},
    ],
)
def test_garbage_input_never_causes_an_error_page(client, noord, overrides):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    assert CultureRequest.objects.count() == 0


def test_a_submission_stays_within_its_query_budget(client, noord, django_assert_max_num_queries):
    client.post(URL, form_data())
    with django_assert_max_num_queries(14):
        client.post(URL, form_data())
    assert CultureRequest.objects.count() == 2
