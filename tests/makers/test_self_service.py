import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from makers.models import Maker, PublicationStatus
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import CourseFactory, OwnedMakerFactory, discipline

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.login(email=user.email, password=PASSWORD)


def _profile_data(**extra):
    data = {
        "name": "Studio Zaanklank",
        "kind": "freelancer",
        "disciplines": [discipline("muziek").pk],
        "short_description": "Muziekles voor iedereen.",
        "contact_preference": "via_centre",
        "whole_municipality": "on",
        "rate_per_hour": "62,50",
    }
    data.update(extra)
    return data


def _png(size=(20, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "purple").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_maker_creates_a_profile_submits_it_and_staff_approve(client, django_capture_on_commit_callbacks):
    user = UserFactory(roles=["maker"])
    _login(client, user)
    response = client.post(reverse("makers:maker_create"), _profile_data())
    maker = Maker.objects.get(user=user)
    assert response.status_code == 302
    assert maker.status == PublicationStatus.DRAFT
    assert maker.rate_per_hour_cents == 6250
    assert client.get(reverse("makers:maker_list")).context["page"].paginator.count == 0

    client.post(reverse("makers:maker_submit", args=[maker.slug]))
    maker.refresh_from_db()
    assert maker.status == PublicationStatus.PENDING_REVIEW

    advisor = UserFactory(roles=["advisor"])
    _login(client, advisor)
    assert "Studio Zaanklank" in client.get(reverse("makers:review_queue")).content.decode()
    client.post(reverse("makers:maker_review", args=[maker.slug]), {"decision": "approve"})
    maker.refresh_from_db()
    assert maker.status == PublicationStatus.PUBLISHED
    client.logout()
    assert client.get(reverse("makers:maker_list")).context["page"].paginator.count == 1


def test_staff_send_a_profile_back_with_a_comment_and_the_maker_is_told(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    maker = OwnedMakerFactory(status=PublicationStatus.PENDING_REVIEW)
    _login(client, UserFactory(roles=["advisor"]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("makers:maker_review", args=[maker.slug]),
            {"decision": "send_back", "comment": "Graag een foto."},
        )
    maker.refresh_from_db()
    assert maker.status == PublicationStatus.DRAFT
    assert maker.review_comment == "Graag een foto."
    assert mailoutbox[0].to == [maker.user.email]
    assert "Graag een foto." in mailoutbox[0].body


def test_sending_back_without_a_comment_is_refused(client):
    maker = OwnedMakerFactory(status=PublicationStatus.PENDING_REVIEW)
    _login(client, UserFactory(roles=["advisor"]))
    response = client.post(
        reverse("makers:maker_review", args=[maker.slug]), {"decision": "send_back"}, follow=True
    )
    maker.refresh_from_db()
    assert maker.status == PublicationStatus.PENDING_REVIEW
    assert "Schrijf erbij wat er moet veranderen." in response.content.decode()


def test_a_maker_cannot_review(client):
    maker = OwnedMakerFactory(status=PublicationStatus.PENDING_REVIEW)
    _login(client, maker.user)
    assert client.get(reverse("makers:review_queue")).status_code == 403
    assert (
        client.post(reverse("makers:maker_review", args=[maker.slug]), {"decision": "approve"}).status_code
        == 403
    )
    maker.refresh_from_db()
    assert maker.status == PublicationStatus.PENDING_REVIEW


def test_a_manager_reads_but_does_not_review(client):
    _login(client, UserFactory(roles=["manager"]))
    assert client.get(reverse("makers:review_queue")).status_code == 403


def test_a_maker_cannot_edit_another_makers_published_profile(client):
    mine = OwnedMakerFactory()
    theirs = OwnedMakerFactory(name="Van een ander")
    _login(client, mine.user)
    assert client.get(reverse("makers:maker_edit", args=[theirs.slug])).status_code == 403
    assert (
        client.post(
            reverse("makers:maker_edit", args=[theirs.slug]), _profile_data(name="Gekaapt")
        ).status_code
        == 403
    )
    assert client.post(reverse("makers:maker_submit", args=[theirs.slug])).status_code in (302, 403)
    theirs.refresh_from_db()
    assert theirs.name == "Van een ander"
    assert theirs.status == PublicationStatus.PUBLISHED


def test_another_makers_draft_is_out_of_sight(client):
    mine = OwnedMakerFactory()
    theirs = OwnedMakerFactory(status=PublicationStatus.DRAFT)
    _login(client, mine.user)
    assert client.get(reverse("makers:maker_edit", args=[theirs.slug])).status_code == 404
    assert client.get(reverse("makers:maker_detail", args=[theirs.slug])).status_code == 404


def test_a_maker_cannot_edit_or_add_courses_of_another_maker(client):
    mine = OwnedMakerFactory()
    theirs = OwnedMakerFactory()
    course = CourseFactory(maker=theirs, title="Hun cursus")
    _login(client, mine.user)
    assert client.get(reverse("makers:course_edit", args=[course.slug])).status_code == 403
    assert (
        client.post(reverse("makers:course_edit", args=[course.slug]), {"title": "Gekaapt"}).status_code
        == 403
    )
    assert client.get(reverse("makers:course_create", args=[theirs.slug])).status_code == 403
    course.refresh_from_db()
    assert course.title == "Hun cursus"


def test_the_maker_sees_their_own_profile_page(client):
    maker = OwnedMakerFactory(status=PublicationStatus.DRAFT, name="Mijn Atelier")
    _login(client, maker.user)
    response = client.get(reverse("makers:my_profile"))
    assert response.status_code == 200
    assert "Mijn Atelier" in response.content.decode()
    assert client.get(maker.get_absolute_url()).status_code == 200


def test_a_photo_is_saved(client):
    user = UserFactory(roles=["maker"])
    _login(client, user)
    photo = SimpleUploadedFile("foto.png", _png(), content_type="image/png")
    client.post(reverse("makers:maker_create"), _profile_data(photo=photo, photo_alt="Een gitaar"))
    assert Maker.objects.get(user=user).photo.name.endswith(".png")


def test_an_upload_that_is_not_an_image_is_refused(client):
    user = UserFactory(roles=["maker"])
    _login(client, user)
    fake = SimpleUploadedFile("foto.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(reverse("makers:maker_create"), _profile_data(photo=fake, photo_alt="x"))
    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    assert not Maker.objects.filter(user=user).exists()
    # What was typed stays.
    assert 'value="Studio Zaanklank"' in response.content.decode()


def test_an_image_over_the_size_limit_is_refused(client, settings):
    settings.MAKERS_PHOTO_MAX_BYTES = 1024
    user = UserFactory(roles=["maker"])
    _login(client, user)
    big = SimpleUploadedFile("groot.png", _png((400, 400)) + b"\0" * 2048, content_type="image/png")
    response = client.post(reverse("makers:maker_create"), _profile_data(photo=big, photo_alt="x"))
    assert response.status_code == 200
    assert "te groot" in str(response.context["form"].errors["photo"])
    assert not Maker.objects.filter(user=user).exists()


def test_an_image_in_another_format_is_refused(client):
    user = UserFactory(roles=["maker"])
    _login(client, user)
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    bmp = SimpleUploadedFile("foto.bmp", buffer.getvalue(), content_type="image/bmp")
    response = client.post(reverse("makers:maker_create"), _profile_data(photo=bmp, photo_alt="x"))
    assert response.context["form"].errors["photo"]


def test_a_profile_with_bad_input_shows_errors_and_keeps_the_input(client):
    user = UserFactory(roles=["maker"])
    _login(client, user)
    response = client.post(
        reverse("makers:maker_create"),
        _profile_data(age_min="12", age_max="6", rate_per_hour="-3", website="geen url met spaties"),
    )
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert {"age_max", "rate_per_hour", "website"} <= set(errors)
    assert not Maker.objects.filter(user=user).exists()


def test_a_course_with_bad_input_shows_errors(client):
    maker = OwnedMakerFactory()
    _login(client, maker.user)
    response = client.post(
        reverse("makers:course_create", args=[maker.slug]),
        {
            "title": "Gitaar",
            "description": "Les",
            "discipline": discipline("muziek").pk,
            "age_min": 10,
            "age_max": 8,
            "level": "all",
            "sessions": 10,
            "capacity": 5,
            "places_left": 9,
            "price": "50",
            "reduced_price": "80",
            "first_date": "2026-12-10",
            "last_date": "2026-12-01",
        },
    )
    assert response.status_code == 200
    assert {"age_max", "places_left", "reduced_price_cents", "last_date"} <= set(
        response.context["form"].errors
    ) | {"reduced_price_cents"}
    assert "Gitaar" in response.content.decode()


def test_a_maker_adds_a_course_as_a_draft(client):
    maker = OwnedMakerFactory()
    _login(client, maker.user)
    response = client.post(
        reverse("makers:course_create", args=[maker.slug]),
        {
            "title": "Gitaar voor beginners",
            "description": "Tien lessen",
            "discipline": discipline("muziek").pk,
            "age_min": 8,
            "age_max": 14,
            "level": "beginner",
            "sessions": 10,
            "capacity": 8,
            "places_left": 8,
            "price": "120,00",
            "reduced_price": "30",
        },
    )
    assert response.status_code == 302
    course = maker.courses.get()
    assert (course.price_cents, course.reduced_price_cents, course.status) == (12000, 3000, "draft")


def test_staff_invite_a_maker_who_sets_a_password_and_owns_a_draft(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    _login(client, UserFactory(roles=["advisor"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("makers:maker_invite"), {"name": "Atelier Zuid", "email": "Atelier@Example.org"}
        )
    assert response.status_code == 302
    maker = Maker.objects.get(name="Atelier Zuid")
    assert maker.user.email == "atelier@example.org"
    assert maker.status == PublicationStatus.DRAFT
    assert not maker.user.has_usable_password()
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/password/reset/key/" in line)
    client.logout()
    path = (
        link.split("127.0.0.1:8000", 1)[-1].strip()
        if "127.0.0.1:8000" in link
        else link[link.index("/accounts") :]
    )
    assert client.get(path, follow=True).status_code == 200


def test_inviting_an_existing_address_is_refused(client):
    existing = UserFactory(roles=["maker"])
    _login(client, UserFactory(roles=["advisor"]))
    response = client.post(
        reverse("makers:maker_invite"), {"name": "X", "email": existing.email}, follow=True
    )
    assert "Er is al een account met dit e-mailadres." in response.content.decode()


def test_a_maker_cannot_invite(client):
    _login(client, UserFactory(roles=["maker"]))
    assert (
        client.post(reverse("makers:maker_invite"), {"name": "X", "email": "x@example.org"}).status_code
        == 403
    )


def test_a_maker_takes_their_profile_offline_but_not_someone_elses(client):
    mine = OwnedMakerFactory()
    theirs = OwnedMakerFactory()
    _login(client, mine.user)
    assert client.post(reverse("makers:maker_archive", args=[theirs.slug])).status_code == 403
    client.post(reverse("makers:maker_archive", args=[mine.slug]))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == (PublicationStatus.ARCHIVED, PublicationStatus.PUBLISHED)
    client.logout()
    assert client.get(mine.get_absolute_url()).status_code == 404
