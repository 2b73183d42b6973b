"""Outage drills (issue 18): services of the drill's own that it can stop, a live gunicorn, residents.

All traffic stays on 127.0.0.1; ports come from DRILL_PORTS (default 18900-18999).
"""

import email
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PORTS = os.environ.get("DRILL_PORTS", "18900-18999")
# Debian's newest PostgreSQL, as .ci/run picks it (15 on the machines of 2026-11).
PG_BIN = Path(
    os.environ.get("PG_BIN")
    or (sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))[-1:] or [""])[0]
)


def drill_port() -> int:
    first, last = (int(part) for part in PORTS.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def wait_for_port(port: int, timeout: float = 30, up: bool = True) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if (sock.connect_ex(("127.0.0.1", port)) == 0) == up:
                return True
        time.sleep(0.1)
    return False


class Redis:
    """A redis-server of the drill's own, stopped and started again on the same port (empty, as a
    restarted Redis without persistence is: whatever was queued in it is gone)."""

    def __init__(self, workdir: Path):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError("redis-server is not installed")
        self.port = drill_port()
        self.workdir = workdir
        self.process = None
        self.start()

    def url(self, db: int = 10) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )
        assert wait_for_port(self.port), "redis did not start"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        assert wait_for_port(self.port, up=False), "redis did not stop"


class PostgresCluster:
    """A throw-away PostgreSQL cluster (initdb + pg_ctl, run as the postgres user when we are root)."""

    def __init__(self):
        if not (PG_BIN / "pg_ctl").exists():
            raise RuntimeError(f"no pg_ctl in {PG_BIN} (set PG_BIN)")
        self.port = drill_port()
        # Its own folder in /tmp: pytest's tmp_path is private to root, where postgres cannot go.
        self.workdir = Path(tempfile.mkdtemp(prefix="cultuur-drill-pg."))
        self.data = self.workdir / "data"
        self.data.mkdir()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.workdir, "postgres")
            shutil.chown(self.data, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        command = [str(PG_BIN / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, timeout=120)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.workdir / "log"), "-w", "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        subprocess.run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            if not self.as_postgres
            else [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(self.workdir, ignore_errors=True)


class WebServer:
    """The project under gunicorn, as in production (tests.settings: DEBUG off), on a drill port."""

    def __init__(self, env: dict, log: Path, workers: int = 2):
        self.port = drill_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # A file, not a pipe: nobody reads a pipe during the drill, and a full one blocks the server.
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cultuur.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
            + [
                "--workers",
                str(workers),
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--no-control-socket",
            ],
            cwd=BASE_DIR,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", **env},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        if not wait_for_port(self.port, timeout=60):
            self.process.kill()
            raise RuntimeError("gunicorn did not start:\n" + log.read_text())

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.log.read_text()


def web_env(*, database_url: str, broker_url: str, queue: str, mail_dir: Path, cache_url: str = "") -> dict:
    return {
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "CACHE_URL": cache_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_BACKEND": "tests.stack.slow_mail.SlowFileBackend",
        "TEST_MAIL_DIR": str(mail_dir),
        "SLOW_MAIL_SECONDS": "0",
        "REQUESTS_FORM_MIN_SECONDS": "0",
        "REQUESTS_FORM_RATE_LIMIT": "100000",
        "LOG_LEVEL": "WARNING",
    }


_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _call(request: urllib.request.Request, timeout: float = 30) -> tuple[int, dict, str]:
    try:
        with _opener.open(request, timeout=timeout) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


class Resident:
    """One person at the public form: opens it once, then sends it (again, after an error page)."""

    def __init__(self, server_url: str, number: int):
        self.url = f"{server_url}/vraag/"
        self.email = f"inwoner{number}@drill.example"
        self.number = number
        self.form_token = None
        self.csrf = None
        self.cookie = ""

    def open_form(self) -> int:
        status, headers, body = _call(urllib.request.Request(self.url))
        if status != 200:
            return status
        cookie = headers.get("Set-Cookie", "")
        match = re.search(r"csrftoken=([^;]+)", cookie)
        self.cookie = f"csrftoken={match.group(1)}" if match else ""
        self.csrf = _CSRF_INPUT.search(body).group(1)
        self.form_token = _FORM_TOKEN.search(body).group(1)
        return status

    def send(self) -> tuple[int, dict, str]:
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.csrf,
                "form_token": self.form_token,
                "requester_kind": "resident",
                "requester_name": f"Inwoner {self.number}",
                "requester_email": self.email,
                "postcode": "1503 AB",
                "question": f"Wij willen met de buurt een muurschildering maken (oefening {self.number}).",
                "contact_language": "nl",
                "consent": "on",
            }
        ).encode()
        request = urllib.request.Request(self.url, data=data, method="POST", headers={"Cookie": self.cookie})
        return _call(request)


def sent_mail(folder: Path) -> list[email.message.Message]:
    """Every message the file backend wrote (one file per connection, messages separated by dashes)."""
    messages = []
    for path in folder.glob("*.log"):
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                messages.append(email.message_from_string(chunk.strip()))
    return messages
