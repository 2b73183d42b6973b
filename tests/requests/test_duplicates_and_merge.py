import pytest

from requests import merging
from requests.advisor_models import RequestMerge
from requests.duplicates import duplicates_flag, duplicates_of, word_overlap
from requests.models import CultureRequest, Notification, RequestEvent
from requests.services import RequestError
from tests.requests.factories import CultureRequestFactory, form_data

pytestmark = pytest.mark.django_db

MURAL = "Wij willen met de buurt een muurschildering maken bij het speelveld aan de Vinkenstraat."
MURAL_AGAIN = "Wij willen met de buurt graag een muurschildering maken bij het speelveld aan de Vinkenstraat."
THEATRE = "Onze ouderensoos zoekt een toneelgroep die een voorstelling komt spelen in december."


def _reasons(found, request):
    return next(d.reasons for d in found if d.request.pk == request.pk)


def test_word_overlap_is_high_for_the_same_question_and_low_for_another():
    assert word_overlap(MURAL, MURAL_AGAIN) > 0.8
    assert word_overlap(MURAL, THEATRE) < 0.1


def test_same_email_same_organisation_and_similar_text_are_found_with_why(noord):
    request = CultureRequestFactory(
        district=noord, requester_email="a@example.org", organisation="Buurthuis De Kolk", question=MURAL
    )
    same_email = CultureRequestFactory(district=noord, requester_email="A@example.org", question=THEATRE)
    same_org = CultureRequestFactory(district=noord, organisation="buurthuis de kolk", question=THEATRE)
    similar = CultureRequestFactory(district=noord, question=MURAL_AGAIN)
    unrelated = CultureRequestFactory(district=noord, question=THEATRE)
    found = duplicates_of(request, CultureRequest.objects.all())
    assert {d.request.pk for d in found} == {same_email.pk, same_org.pk, similar.pk}
    assert _reasons(found, same_email) == ["zelfde e-mailadres"]
    assert _reasons(found, same_org) == ["zelfde organisatie"]
    (reason,) = _reasons(found, similar)
    assert reason.startswith("lijkende vraag (")
    assert unrelated.pk not in {d.request.pk for d in found}


def test_other_districts_and_other_scopes_are_never_shown(noord, oost, advisor):
    from requests.selectors import visible_requests

    request = CultureRequestFactory(district=noord, requester_email="a@example.org", question=MURAL)
    CultureRequestFactory(district=oost, requester_email="a@example.org", question=MURAL)
    assert duplicates_of(request, visible_requests(advisor)) == []


def test_the_detail_page_shows_likely_duplicates(client, advisor, noord):
    request = CultureRequestFactory(district=noord, question=MURAL)
    other = CultureRequestFactory(district=noord, question=MURAL_AGAIN)
    client.force_login(advisor)
    html = client.get(f"/triage/{request.reference}/").content.decode()
    assert (
        "Mogelijk dezelfde of een verwante vraag" in html
        and other.reference in html
        and "lijkende vraag" in html
    )


def test_intake_flags_a_likely_duplicate_on_the_timeline_and_the_board(
    client, advisor, noord, django_capture_on_commit_callbacks
):
    earlier = CultureRequestFactory(district=noord, requester_email="fatima@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/vraag/", form_data()).status_code == 302
    new = CultureRequest.objects.exclude(pk=earlier.pk).get()
    event = RequestEvent.objects.get(request=new, action="requests.request.possible_duplicate")
    assert earlier.reference in event.note and "zelfde e-mailadres" in event.note
    assert duplicates_flag(request_id=new.pk) == []  # a rerun adds nothing
    client.force_login(advisor)
    board = client.get("/triage/").content.decode()
    row = board[board.index(f'id="row-{new.reference}"') :]
    assert "mogelijk dubbel" in row[: row.index("</tr>")]
    # The row an htmx action swaps in keeps the badge.
    swapped = client.post(f"/triage/{new.reference}/toewijzen/", HTTP_HX_REQUEST="true").content.decode()
    assert swapped.strip().startswith(f'<tr id="row-{new.reference}"') and "mogelijk dubbel" in swapped


def test_requests_flagged_before_the_column_existed_get_it_from_their_timeline():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("requests.migrations.0016_flagged_duplicate")
    flagged, plain = CultureRequestFactory(), CultureRequestFactory()
    RequestEvent.objects.create(request=flagged, action="requests.request.possible_duplicate")
    RequestEvent.objects.create(request=plain, action="requests.request.assigned")
    migration.flag_from_timeline(apps, None)
    assert set(CultureRequest.objects.filter(flagged_duplicate=True)) == {flagged}


def test_merging_closes_the_others_points_their_timeline_to_the_primary_and_tells_everyone(
    advisor, noord, mailoutbox, django_capture_on_commit_callbacks
):
    primary = CultureRequestFactory(district=noord, question=MURAL)
    others = [
        CultureRequestFactory(district=noord, question=MURAL_AGAIN, status=s) for s in ("new", "matching")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        merging.requests_merge(primary=primary, others=others, by=advisor)
    for other in others:
        other.refresh_from_db()
        assert other.status == "merged"
        assert RequestMerge.objects.get(request=other).primary == primary
        note = RequestEvent.objects.get(request=other, action="requests.request.merged_into").note
        assert primary.reference in note
    assert RequestEvent.objects.filter(request=primary, action="requests.request.merged").exists()
    primary.refresh_from_db()
    assert primary.status == "new"
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([primary.requester_email, *(o.requester_email for o in others)])
    merged_mail = next(m for m in mailoutbox if m.to == [others[0].requester_email])
    assert primary.reference in merged_mail.body and others[0].status_token in merged_mail.body


def test_every_asker_keeps_a_working_status_link_that_shows_the_primary(client, advisor, noord):
    primary = CultureRequestFactory(district=noord, status="matching")
    other = CultureRequestFactory(district=noord)
    merging.requests_merge(primary=primary, others=[other], by=advisor)
    response = client.get(f"/vraag/status/{other.status_token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "samengevoegd" in html.lower() and primary.reference in html and "Zoeken naar een match" in html
    assert client.get(f"/vraag/status/{primary.status_token}/").status_code == 200


def test_the_merge_page_merges_what_was_ticked(client, advisor, noord):
    primary = CultureRequestFactory(district=noord, question=MURAL)
    other = CultureRequestFactory(district=noord, question=MURAL_AGAIN)
    client.force_login(advisor)
    page = client.get(f"/triage/{primary.reference}/samenvoegen/")
    assert other.reference in page.content.decode()
    response = client.post(f"/triage/{primary.reference}/samenvoegen/", {"others": [other.reference]})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == "merged"


@pytest.mark.parametrize(
    ("references", "message"),
    [
        ("", "Kies minstens één vraag om samen te voegen."),
        ("hallo", "‘hallo’ is geen kenmerk"),
        ("CV-2026-99999", "Vraag CV-2026-99999 is niet gevonden."),
    ],
)
def test_bad_merge_input_is_refused_in_dutch_and_kept(client, advisor, noord, references, message):
    primary = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(f"/triage/{primary.reference}/samenvoegen/", {"references": references})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if references:
        assert f'value="{references}"' in html


def test_cannot_merge_across_districts_even_by_typing_the_reference(client, advisor, noord, oost):
    primary = CultureRequestFactory(district=noord)
    foreign = CultureRequestFactory(district=oost)
    client.force_login(advisor)
    response = client.post(f"/triage/{primary.reference}/samenvoegen/", {"references": foreign.reference})
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.status == "new"


def test_the_service_refuses_other_districts_closed_requests_itself_and_too_many(
    advisor, noord, oost, settings
):
    primary = CultureRequestFactory(district=noord)
    with pytest.raises(RequestError, match="andere wijk"):
        merging.requests_merge(primary=primary, others=[CultureRequestFactory(district=oost)], by=advisor)
    with pytest.raises(RequestError, match="al afgesloten"):
        merging.requests_merge(
            primary=primary, others=[CultureRequestFactory(district=noord, status="completed")], by=advisor
        )
    with pytest.raises(RequestError, match="zichzelf"):
        merging.requests_merge(primary=primary, others=[primary], by=advisor)
    with pytest.raises(RequestError, match="hoogstens 5"):
        merging.requests_merge(
            primary=primary, others=CultureRequestFactory.create_batch(6, district=noord), by=advisor
        )
    closed = CultureRequestFactory(district=noord, status="declined")
    with pytest.raises(RequestError, match="al afgesloten"):
        merging.requests_merge(primary=closed, others=[CultureRequestFactory(district=noord)], by=advisor)
    assert not RequestMerge.objects.exists()
    assert not Notification.objects.filter(kind="merged").exists()


def test_a_manager_may_not_merge(client, noord):
    from tests.factories import UserFactory

    primary = CultureRequestFactory(district=noord)
    other = CultureRequestFactory(district=noord)
    client.force_login(UserFactory(roles=["manager"]))
    response = client.post(f"/triage/{primary.reference}/samenvoegen/", {"others": [other.reference]})
    assert response.status_code == 403


def test_five_can_be_merged_at_once(advisor, noord):
    primary = CultureRequestFactory(district=noord)
    others = CultureRequestFactory.create_batch(5, district=noord)
    assert len(merging.requests_merge(primary=primary, others=others, by=advisor)) == 5


def test_a_merged_request_is_closed_and_cannot_be_moved_on(advisor, noord):
    from requests import services

    primary = CultureRequestFactory(district=noord)
    other = CultureRequestFactory(district=noord)
    merging.requests_merge(primary=primary, others=[other], by=advisor)
    other.refresh_from_db()
    assert not other.is_open
    with pytest.raises(RequestError):
        services.request_change_status(request=other, to="in_conversation", by=advisor)


@pytest.mark.parametrize("count", [5, 50])
def test_the_detail_page_with_duplicates_costs_a_fixed_number_of_queries(
    client, advisor, noord, count, django_assert_max_num_queries
):
    request = CultureRequestFactory(district=noord, question=MURAL, requester_email="x@example.org")
    CultureRequestFactory.create_batch(
        count, district=noord, question=MURAL_AGAIN, requester_email="x@example.org"
    )
    client.force_login(advisor)
    with django_assert_max_num_queries(24):
        response = client.get(f"/triage/{request.reference}/")
    assert len(response.context["duplicates"]) == min(count, 10)


@pytest.mark.parametrize("count", [2, 20])
def test_the_merge_page_costs_a_fixed_number_of_queries(
    client, advisor, noord, count, django_assert_max_num_queries
):
    request = CultureRequestFactory(district=noord, question=MURAL)
    CultureRequestFactory.create_batch(count, district=noord, question=MURAL_AGAIN)
    client.force_login(advisor)
    with django_assert_max_num_queries(12):
        response = client.get(f"/triage/{request.reference}/samenvoegen/")
    assert len(response.context["duplicates"]) == min(count, 10)


def test_merging_a_primary_moves_its_merged_questions_along(client, advisor, noord):
    first = CultureRequestFactory(district=noord)
    middle = CultureRequestFactory(district=noord)
    final = CultureRequestFactory(district=noord, status="matching")
    merging.requests_merge(primary=middle, others=[first], by=advisor)
    merging.requests_merge(primary=final, others=[middle], by=advisor)
    assert RequestMerge.objects.get(request=first).primary == final
    html = client.get(f"/vraag/status/{first.status_token}/").content.decode()
    assert final.reference in html and "Zoeken naar een match" in html


def test_at_most_five_questions_end_up_in_one_primary(advisor, noord):
    primary = CultureRequestFactory(district=noord)
    merging.requests_merge(
        primary=primary, others=CultureRequestFactory.create_batch(4, district=noord), by=advisor
    )
    with pytest.raises(RequestError, match="heeft er al 4"):
        merging.requests_merge(
            primary=primary, others=CultureRequestFactory.create_batch(2, district=noord), by=advisor
        )
    merging.requests_merge(primary=primary, others=[CultureRequestFactory(district=noord)], by=advisor)
    assert RequestMerge.objects.filter(primary=primary).count() == 5
