import re
from datetime import timedelta

import pytest
from django.utils import timezone

from requests import my_questions
from requests.advisor_models import MyQuestionsLink
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db

SAME_ANSWER = "Als er vragen bij dit e-mailadres horen"


def _ask(client, email, capture):
    with capture(execute=True):
        return client.post("/mijn-vragen/", {"email": email})


def _link_from(mail) -> str:
    return re.search(r"http\S*/mijn-vragen/link/(\S+)/", mail.body).group(1)


def test_a_known_address_gets_a_one_time_link_listing_its_questions(
    client, noord, mailoutbox, django_capture_on_commit_callbacks
):
    mine = CultureRequestFactory(district=noord, requester_email="fatima@example.org")
    recent = CultureRequestFactory(district=noord, requester_email="Fatima@Example.org", status="completed")
    old = CultureRequestFactory(
        district=noord,
        requester_email="fatima@example.org",
        status="evaluated",
        status_changed_at=timezone.now() - timedelta(days=400),
    )
    other = CultureRequestFactory(district=noord, requester_email="iemand@example.org")
    response = _ask(client, "FATIMA@example.org ", django_capture_on_commit_callbacks)
    assert response.status_code == 200 and SAME_ANSWER in response.content.decode()
    (mail,) = mailoutbox
    assert mail.to == ["fatima@example.org"]
    token = _link_from(mail)
    assert not MyQuestionsLink.objects.filter(token_hash=token).exists()  # only the hash is stored
    # Opening the link shows a button and uses nothing (mail scanners follow links).
    assert client.get(f"/mijn-vragen/link/{token}/").status_code == 200
    response = client.post(f"/mijn-vragen/link/{token}/", follow=True)
    html = response.content.decode()
    assert mine.reference in html and recent.reference in html
    assert old.reference not in html and other.reference not in html
    assert f"/vraag/status/{mine.status_token}/" in html
    # Single use: the same link does not open twice, even in another browser.
    from django.test import Client

    again = Client().post(f"/mijn-vragen/link/{token}/")
    assert again.status_code == 410 and "al gebruikt of verlopen" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    response = _ask(client, "onbekend@example.org", django_capture_on_commit_callbacks)
    assert response.status_code == 200 and SAME_ANSWER in response.content.decode()
    assert mailoutbox == [] and not MyQuestionsLink.objects.exists()


def test_the_task_is_enqueued_whether_or_not_the_address_is_known(
    client, noord, django_capture_on_commit_callbacks
):
    CultureRequestFactory(district=noord, requester_email="bekend@example.org")
    for email in ("bekend@example.org", "onbekend@example.org"):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            client.post("/mijn-vragen/", {"email": email})
        assert len(callbacks) == 1


def test_an_expired_link_does_not_open(client, noord, mailoutbox, django_capture_on_commit_callbacks):
    CultureRequestFactory(district=noord, requester_email="a@example.org")
    _ask(client, "a@example.org", django_capture_on_commit_callbacks)
    token = _link_from(mailoutbox[0])
    MyQuestionsLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/mijn-vragen/link/{token}/").status_code == 410
    assert client.post(f"/mijn-vragen/link/{token}/").status_code == 410
    assert my_questions.my_questions_open(token=token) is None


def test_the_expiry_follows_the_setting(noord, settings, mailoutbox):
    settings.REQUESTS_MY_QUESTIONS_LINK_MINUTES = 15
    CultureRequestFactory(district=noord, requester_email="a@example.org")
    now = timezone.now()
    assert my_questions.my_questions_link_send(email="a@example.org", now=now)
    assert MyQuestionsLink.objects.get().expires_at == now + timedelta(minutes=15)
    assert "15 minuten" in mailoutbox[0].body


def test_a_forged_link_is_refused(client):
    assert client.get("/mijn-vragen/link/verzonnen/").status_code == 410
    assert client.post("/mijn-vragen/link/verzonnen/").status_code == 410


def test_the_list_needs_a_used_link_in_this_browser(client):
    response = client.get("/mijn-vragen/overzicht/")
    assert response.status_code == 302 and response["Location"] == "/mijn-vragen/"


def test_asking_is_rate_limited_per_address_with_the_same_message_for_everyone(
    client, settings, django_capture_on_commit_callbacks
):
    settings.REQUESTS_MY_QUESTIONS_RATE_LIMIT = 2
    for _n in range(2):
        assert _ask(client, "a@example.org", django_capture_on_commit_callbacks).status_code == 200
    response = _ask(client, "b@example.org", django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert "Probeer het over een uur nog eens" in response.content.decode()
    assert 'value="b@example.org"' in response.content.decode()


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "Vul uw e-mailadres in."), ("geen-adres", "Vul een geldig e-mailadres in")],
)
def test_bad_input_is_refused_in_dutch_with_an_error_summary_and_kept(client, email, message):
    response = client.post("/mijn-vragen/", {"email": email})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'id="form-errors"' in html and 'href="#id_email"' in html
    if email:
        assert f'value="{email}"' in html


def test_the_form_is_accessible(client):
    html = client.get("/mijn-vragen/").content.decode()
    assert '<label for="id_email">' in html and 'autocomplete="email"' in html


@pytest.mark.parametrize("count", [3, 40])
def test_the_list_costs_a_fixed_number_of_queries(client, noord, count, django_assert_max_num_queries):
    CultureRequestFactory.create_batch(count, district=noord, requester_email="veel@example.org")
    session = client.session
    session[my_questions.SESSION_KEY] = {
        "email": "veel@example.org",
        "until": int(timezone.now().timestamp()) + 60,
    }
    session.save()
    with django_assert_max_num_queries(6):
        response = client.get("/mijn-vragen/overzicht/")
    assert len(response.context["page"].object_list) == min(count, 20)


def test_expired_links_are_cleaned_up(noord):
    MyQuestionsLink.objects.create(
        email="a@example.org", token_hash="x" * 64, expires_at=timezone.now() - timedelta(days=2)
    )
    MyQuestionsLink.objects.create(email="a@example.org", token_hash="y" * 64, expires_at=timezone.now())
    assert my_questions.links_expired_delete() == 1
