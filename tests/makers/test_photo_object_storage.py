"""Maker photos on S3-compatible object storage, against a real S3 server process (moto's server mode)."""

import html
import io
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from makers.models import Maker
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import discipline


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (24, 16), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_uploaded_maker_photo_is_stored_in_the_bucket_and_the_page_links_to_it(
    client, s3_server, s3_media
):
    user = UserFactory(roles=["maker"])
    client.login(email=user.email, password=PASSWORD)
    png = _png()
    response = client.post(
        reverse("makers:maker_create"),
        {
            "name": "Atelier Zaanse Klei",
            "kind": "freelancer",
            "disciplines": [discipline("beeldende-kunst").pk],
            "short_description": "Boetseren met kinderen en volwassenen.",
            "contact_preference": "via_centre",
            "whole_municipality": "on",
            "rate_per_hour": "60",
            "photo": SimpleUploadedFile("klei.png", png, content_type="image/png"),
            "photo_alt": "Handen die een kom van klei vormen",
        },
    )
    assert response.status_code == 302
    maker = Maker.objects.get(user=user)
    assert maker.photo.name.startswith("makers/photos/") and maker.photo.name.endswith(".png")

    # The object is in the bucket, read back with boto3 straight from the S3 server.
    stored = s3_server.client().get_object(Bucket=s3_media, Key=maker.photo.name)
    assert stored["Body"].read() == png
    assert not (Path(settings.MEDIA_ROOT) / maker.photo.name).exists()  # nothing on the local disk

    # The profile page shows the bucket's (pre-signed) URL, and that URL serves the photo.
    page = client.get(maker.get_absolute_url()).content.decode()
    src = html.unescape(re.search(r'class="maker-photo" src="([^"]+)"', page).group(1))
    assert src.startswith(f"{s3_server.endpoint_url}/{s3_media}/{maker.photo.name}?")
    assert "Signature=" in src or "X-Amz-Signature=" in src
    with urllib.request.urlopen(src, timeout=10) as served:  # noqa: S310 (our own test server)
        assert served.read() == png


def _settings_in_a_fresh_process(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    script = (
        "import json; from django.conf import settings as s; "
        "from requests.mail_models import MessageAttachment as A; "
        "print(json.dumps({'storage': s.STORAGES['default'], "
        "'attachments': type(A._meta.get_field('file').storage).__name__, "
        "'attachments_location': getattr(A._meta.get_field('file').storage, 'location', None), "
        "'img_src': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "tests.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_without_a_bucket_media_stay_on_the_file_system():
    config = _settings_in_a_fresh_process()
    assert config["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert config["img_src"] == ["'self'", "data:"]
    assert config["attachments"] == "PrivateStorage"


def test_a_bucket_in_the_environment_switches_media_to_s3_and_allows_its_images():
    config = _settings_in_a_fresh_process(
        AWS_STORAGE_BUCKET_NAME="cultuur-media",
        AWS_S3_ENDPOINT_URL="https://objects.gemeente.example:9000",
        AWS_ACCESS_KEY_ID="id",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert config["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = config["storage"]["OPTIONS"]
    assert options["bucket_name"] == "cultuur-media"
    assert options["endpoint_url"] == "https://objects.gemeente.example:9000"
    assert options["querystring_auth"] is True and options["file_overwrite"] is False
    assert "https://objects.gemeente.example:9000" in config["img_src"]
    # E-mail attachments go to the same bucket, below attachments/ (the receiver's pod shares no disk).
    assert (config["attachments"], config["attachments_location"]) == ("S3Storage", "attachments")
