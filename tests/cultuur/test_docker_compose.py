"""Docker Compose, read as Docker would (no Docker engine here): the web healthcheck can pass, the
image leaves secrets out and the media volume is the app user's (issue 20)."""

import json
import os
import subprocess
import sys

import yaml
from django.conf import settings

from cultuur.healthcheck import host_header

ROOT = settings.BASE_DIR


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _env_example() -> dict:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def test_the_web_healthcheck_runs_the_healthcheck_script_inside_the_image():
    test = _compose()["services"]["web"]["healthcheck"]["test"]
    assert test[0] == "CMD"
    script = test[-1]
    assert script.startswith("/app/")  # the image's WORKDIR, where `COPY . .` puts the project
    assert (ROOT / script.removeprefix("/app/")).is_file()
    assert "/healthz" in (ROOT / script.removeprefix("/app/")).read_text()


def test_the_healthcheck_sends_a_host_that_allowed_hosts_accepts():
    assert host_header("cultuur.example.nl,www.cultuur.example.nl") == "cultuur.example.nl"
    assert host_header(" .example.nl") == "example.nl"
    assert host_header("*") == "localhost"
    assert host_header("") == "localhost"


def test_healthz_answers_the_container_with_production_settings(tmp_path):
    """.env.example's values, DEBUG off, through the test client: not 400 (host), not 301 (https)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update(_env_example())
    env.update(
        SECRET_KEY="a-long-random-production-secret-key-4f9c2d7e1b8a6035-xyz",
        VAR_DIR=str(tmp_path),
        CELERY_BROKER_URL=f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}",
    )
    host = host_header(env["ALLOWED_HOSTS"])
    code = (
        "import json; from django.test import Client; "
        f"r = Client().get('/healthz', HTTP_HOST={host!r}); "
        "print(json.dumps([r.status_code, r.get('Location', '')]))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    status, location = json.loads(result.stdout.strip().splitlines()[-1])
    assert (status, location) == (200, "")
    # Every other path still goes to https.
    other = code.replace("'/healthz'", "'/'")
    again = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", other],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(again.stdout.strip().splitlines()[-1]) == [301, f"https://{host}/"]


def test_dockerignore_keeps_secrets_data_and_environments_out_of_the_image():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip()}
    for entry in (".env", ".git", ".venv", "var", "*.sqlite3", "__pycache__", ".pytest_cache"):
        assert entry in ignored, entry
    assert "!.env.example" in ignored  # the template is harmless and documents the variables


def test_the_media_volume_is_created_in_the_image_for_the_app_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    volume = "/app/var/media"
    web = _compose()["services"]["web"]
    assert f"media:{volume}" in web["volumes"]
    made = dockerfile.index(f"mkdir -p {volume}")
    owned = dockerfile.index("chown -R cultuur /app/var")
    assert made < owned < dockerfile.index("USER cultuur")
