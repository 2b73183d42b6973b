"""OIDC_DEV_PROVIDER: `make run`'s local test provider offers the demo staff, who land with their roles."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from cultuur import sso
from cultuur.management.commands.serve import Command
from cultuur.models import User
from cultuur.roles import roles_of
from tests.oidc_provider import OidcProvider, configure, sign_in_with_test_client

pytestmark = pytest.mark.django_db


def _dev_command(settings):
    def command(url):
        settings.OIDC_SERVER_URL = url
        return sso.dev_provider_command(sys.executable)

    return command


def test_the_demo_advisor_signs_in_at_the_dev_provider_and_lands_on_the_board(client, settings, tmp_path):
    provider = OidcProvider(tmp_path, command=_dev_command(settings))
    try:
        configure(
            settings,
            provider,
            role_map=",".join(
                ["cultuur-adviseurs:advisor", "cultuur-managers:manager", "cultuur-fondsen:funds_coordinator"]
            ),
        )
        response = sign_in_with_test_client(client, "adviseur@cultuur.test")
        assert response["Location"] == reverse("requests:triage")
        assert {role.value for role in roles_of(User.objects.get(email="adviseur@cultuur.test"))} == {
            "advisor"
        }
        client.logout()
        sign_in_with_test_client(client, "fondsen@cultuur.test")
        assert {role.value for role in roles_of(User.objects.get(email="fondsen@cultuur.test"))} == {
            "funds_coordinator"
        }
    finally:
        provider.stop()


def test_serve_starts_the_dev_provider_only_when_asked(settings):
    settings.OIDC_DEV_PROVIDER = False
    assert "OIDC test provider" not in Command().helpers(no_worker=True)
    settings.OIDC_DEV_PROVIDER = True
    assert "OIDC test provider" in Command().helpers(no_worker=True)


def test_the_dev_provider_is_refused_in_production():
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "x" * 50, "OIDC_DEV_PROVIDER": "true"}
    result = subprocess.run(
        [sys.executable, "-c", "import cultuur.settings"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "OIDC_DEV_PROVIDER is for development" in result.stderr
