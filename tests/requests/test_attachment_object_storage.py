"""Attachments of e-mail replies in the S3 bucket (a real moto server process) when object storage is configured.

In Kubernetes the receiver and the web app run in different pods without a shared disk: the
attachment the receiver stores must be the one staff download from the web app.
"""

from pathlib import Path

import pytest

from requests import inbound, replies
from requests.mail_models import MessageAttachment, private_attachments
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory
from tests.requests.mail_samples import PDF, reply_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def attachments_in_the_bucket(settings, s3_server, s3_media, monkeypatch):
    storage = s3_server.storage_settings(s3_media)
    storage["OPTIONS"]["location"] = "attachments"
    settings.STORAGES = {**settings.STORAGES, "attachments": storage}
    # The field took its storage from private_attachments() when the model was imported; this is
    # what that import gives with AWS_STORAGE_BUCKET_NAME set (tests/makers/test_photo_object_storage.py).
    monkeypatch.setattr(MessageAttachment._meta.get_field("file"), "storage", private_attachments())
    return s3_media


def test_a_received_attachment_is_stored_in_the_bucket_and_staff_download_it(
    client, settings, noord, advisor, s3_server, attachments_in_the_bucket
):
    settings.INBOUND_EMAIL_DOMAIN = "antwoord.cultuur.example.nl"
    request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    address = inbound.reply_address(request.reply_token)
    raw = reply_mail(address, "Zie de offerte.", attachments=[("offerte.pdf", "application/pdf", PDF)])
    assert replies.email_reply_receive(raw=raw, recipients=[address]).startswith("250")
    attachment = request.messages.get().attachments.get()

    key = f"attachments/{attachment.file.name}"
    assert s3_server.client().get_object(Bucket=attachments_in_the_bucket, Key=key)["Body"].read() == PDF
    assert not (Path(settings.REQUESTS_ATTACHMENT_ROOT) / attachment.file.name).exists()

    client.force_login(advisor)
    response = client.get(f"/triage/{request.reference}/bijlage/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_without_a_bucket_attachments_stay_in_their_private_directory(settings):
    assert "attachments" not in settings.STORAGES
    assert private_attachments().location == str(Path(settings.REQUESTS_ATTACHMENT_ROOT).resolve())
