import pytest
from django.core import mail

from requests import services
from requests.models import Direction, Message
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def status_url(request):
    return f"/vraag/status/{request.status_token}/"


def test_the_token_page_shows_one_request_and_nothing_else(client, noord, advisor):
    mine = CultureRequestFactory(district=noord, question="Graag een fotografiecursus voor ouderen.")
    other = CultureRequestFactory(
        district=noord, question="Een theaterworkshop voor onze school.", requester_name="Bram Anders"
    )
    services.message_send(request=other, body="Bericht voor een ander.", by=advisor)
    response = client.get(status_url(mine))
    page = response.content.decode()
    assert response.status_code == 200
    assert mine.reference in page and "fotografiecursus" in page
    assert other.reference not in page and "theaterworkshop" not in page
    assert "Bram Anders" not in page and "Bericht voor een ander" not in page
    assert other.requester_email not in page
    # same-origin: no referrer to other sites, and the page's own forms still pass the CSRF origin check.
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_an_unknown_or_partial_token_is_not_found(client, noord):
    request = CultureRequestFactory(district=noord)
    assert client.get("/vraag/status/niet-bestaand/").status_code == 404
    assert client.get(f"/vraag/status/{request.status_token[:20]}/").status_code == 404
    assert client.get(f"/vraag/status/{request.pk}/").status_code == 404


def test_the_page_says_the_status_in_plain_dutch_and_shows_the_advisors_messages(client, noord, advisor):
    request = CultureRequestFactory(district=noord)
    services.request_move(
        request=request, to=Status.IN_CONVERSATION, note="Ik bel u dinsdag.", tell_asker=True, by=advisor
    )
    page = client.get(status_url(request)).content.decode()
    assert "In gesprek" in page
    assert "Samen zoeken we uit wat u precies zoekt" in page
    assert "Ik bel u dinsdag." in page


def test_the_asker_replies_and_the_advisor_sees_it(
    client, noord, advisor, django_capture_on_commit_callbacks
):
    request = CultureRequestFactory(district=noord, owner=advisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(request) + "reageren/", {"reply-body": "Dinsdag past goed."})
    assert response.status_code == 302
    message = Message.objects.get()
    assert (message.direction, message.body, message.author) == (
        Direction.FROM_ASKER,
        "Dinsdag past goed.",
        None,
    )
    assert request.events.get().action == "requests.message.received"
    assert mail.outbox[0].to == [advisor.email]
    assert "Dinsdag past goed." in mail.outbox[0].body


def test_an_empty_reply_is_refused_without_error_page(client, noord):
    request = CultureRequestFactory(district=noord)
    response = client.post(status_url(request) + "reageren/", {"reply-body": ""})
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_the_asker_withdraws_their_question(client, noord):
    request = CultureRequestFactory(district=noord)
    response = client.post(
        status_url(request) + "intrekken/", {"withdraw-confirm": "on", "withdraw-reason": "Al iets gevonden."}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN
    assert request.events.get().note == "Al iets gevonden."
    assert "ingetrokken" in client.get(status_url(request)).content.decode()


def test_withdrawing_needs_a_confirmation(client, noord):
    request = CultureRequestFactory(district=noord)
    assert client.post(status_url(request) + "intrekken/", {}).status_code == 400
    request.refresh_from_db()
    assert request.status == Status.NEW


def test_a_closed_question_cannot_be_withdrawn_or_answered(client, noord):
    request = CultureRequestFactory(district=noord, status=Status.EVALUATED)
    client.post(status_url(request) + "intrekken/", {"withdraw-confirm": "on"})
    client.post(status_url(request) + "reageren/", {"reply-body": "Hallo"})
    request.refresh_from_db()
    assert request.status == Status.EVALUATED
    assert not Message.objects.exists()


def test_a_declined_question_shows_the_reason(client, noord, advisor):
    request = CultureRequestFactory(district=noord)
    services.request_change_status(
        request=request, to=Status.DECLINED, note="Dit valt buiten wat wij doen.", by=advisor
    )
    assert "Dit valt buiten wat wij doen." in client.get(status_url(request)).content.decode()


def test_the_evaluation_moves_a_completed_request_to_evaluated(client, noord):
    request = CultureRequestFactory(district=noord, status=Status.COMPLETED)
    url = status_url(request) + "evaluatie/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"satisfaction": "4", "answered": "yes", "would_ask_again": "no", "comment": "Fijn 🎉"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.EVALUATED
    assert request.evaluation.satisfaction == 4 and request.evaluation.answered is True
    assert request.evaluation.would_ask_again is False


@pytest.mark.parametrize("bad", [{"satisfaction": "9"}, {"satisfaction": "x"}, {}])
def test_bad_evaluation_input_is_refused(client, noord, bad):
    request = CultureRequestFactory(district=noord, status=Status.COMPLETED)
    response = client.post(
        status_url(request) + "evaluatie/", {"answered": "yes", "would_ask_again": "yes", **bad}
    )
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == Status.COMPLETED


def test_an_open_request_cannot_be_evaluated(client, noord):
    request = CultureRequestFactory(district=noord, status=Status.MATCHING)
    client.post(
        status_url(request) + "evaluatie/", {"satisfaction": "5", "answered": "yes", "would_ask_again": "yes"}
    )
    request.refresh_from_db()
    assert request.status == Status.MATCHING


def test_a_message_to_the_asker_is_emailed(noord, advisor, django_capture_on_commit_callbacks):
    request = CultureRequestFactory(district=noord)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(request=request, body="Zullen we bellen?", by=advisor)
    assert len(mail.outbox) == 1
    assert "Zullen we bellen?" in mail.outbox[0].body
    assert request.status_token in mail.outbox[0].body
