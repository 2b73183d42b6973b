"""The real inbound mail receiver (`manage.py receive_mail`) as a process of its own, for the stack
and browser tests. It reads the test database, so the database must be one another process can
open (PostgreSQL)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.stack.conftest import database_url_of_test_db

BASE_DIR = Path(settings.BASE_DIR)
# This project's test ports; CI may override (CULTUUR_TEST_PORTS=first-last).
PORTS = os.environ.get("CULTUUR_TEST_PORTS", "18300-18399")


def free_port_in_range() -> int:
    first, last = (int(part) for part in PORTS.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def receiver_database_problem() -> str | None:
    if connection.vendor != "postgresql":
        return "the receiver runs as its own process and needs a database it can open (DATABASE_URL=postgres://...)"
    return None


class Receiver:
    def __init__(self, *, domain: str, attachment_root: Path, env: dict | None = None, lmtp: bool = False):
        self.port = free_port_in_range()
        self.attachment_root = attachment_root
        command = [
            sys.executable,
            "manage.py",
            "receive_mail",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        self.process = subprocess.Popen(
            command + (["--lmtp"] if lmtp else []),
            cwd=BASE_DIR,
            env={
                **os.environ,
                "DATABASE_URL": database_url_of_test_db(),
                "DJANGO_SETTINGS_MODULE": "tests.settings",
                "INBOUND_EMAIL_DOMAIN": domain,
                "REQUESTS_ATTACHMENT_ROOT": str(attachment_root),
                **(env or {}),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"receive_mail exited: {self.process.stdout.read()}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("receive_mail did not start listening within 30 s")

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            output, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            output, _ = self.process.communicate()
        return output or ""
