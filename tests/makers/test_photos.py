"""Maker photos are served with DEBUG off, only for profiles the viewer may see (issue 20)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from makers.models import PublicationStatus
from tests.makers.factories import OwnedMakerFactory

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0 a photo"


def _with_photo(**kwargs):
    maker = OwnedMakerFactory(**kwargs)
    maker.photo.save(f"{maker.slug}.jpg", ContentFile(JPEG), save=True)
    return maker


def _get(client, maker):
    return client.get(maker.photo.url)


def test_a_published_makers_photo_is_served_without_debug(client, settings):
    settings.DEBUG = False
    maker = _with_photo()
    response = _get(client, maker)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == JPEG
    assert response["Content-Type"] == "image/jpeg"


def test_a_drafts_photo_is_only_for_its_maker(client):
    maker = _with_photo(status=PublicationStatus.DRAFT)
    assert _get(client, maker).status_code == 404
    client.force_login(maker.user)
    assert _get(client, maker).status_code == 200


def test_other_media_and_unknown_files_are_not_served(client):
    maker = _with_photo()
    default_storage.save("impact/reports/2026/rapport.pdf", ContentFile(b"%PDF-1.7 private"))
    assert client.get("/media/impact/reports/2026/rapport.pdf").status_code == 404
    assert client.get(maker.photo.url.replace(".jpg", "-other.jpg")).status_code == 404
    assert client.get("/media/makers/photos/../../impact/reports/2026/rapport.pdf").status_code == 404


def test_the_app_leaves_photos_to_a_proxy_when_told(client, settings):
    settings.SERVE_MAKER_PHOTOS = False
    assert _get(client, _with_photo()).status_code == 404
