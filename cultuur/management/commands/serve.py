import signal
import subprocess
import sys
import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from cultuur import sso

RESTART_DELAY_SECONDS = 2


class Command(BaseCommand):
    help = (
        "Serve the site for development together with a Celery worker that also runs beat, "
        "so periodic tasks fire without Redis, and, when INBOUND_SMTP_PORT and INBOUND_EMAIL_DOMAIN "
        "are set, the receiver of e-mail replies, and with OIDC_DEV_PROVIDER a local OIDC test "
        "provider. Helpers are restarted whenever they die."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-worker", action="store_true", help="Serve only, without Celery.")

    def handle(self, *args, addrport, no_worker, **options):
        server = subprocess.Popen([sys.executable, "manage.py", "runserver", addrport])
        helpers = self.helpers(no_worker=no_worker)
        running = {name: start() for name, start in helpers.items()}
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not stopping and server.poll() is None:
                for name, process in running.items():
                    if process.poll() is not None:
                        self.stderr.write(f"{name} exited ({process.returncode}); restarting it.")
                        time.sleep(RESTART_DELAY_SECONDS)
                        running[name] = helpers[name]()
                time.sleep(0.5)
        finally:
            processes = [*running.values(), server]
            for process in processes:
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()

    def helpers(self, *, no_worker: bool = False) -> dict:
        """{name: how to start it} of the processes beside the server; the receiver only when configured,
        so that the embedded default needs nothing extra."""
        helpers = {}
        if not no_worker:
            helpers["Celery worker"] = self._start_worker
        if settings.INBOUND_SMTP_PORT and settings.INBOUND_EMAIL_DOMAIN:
            helpers["mail receiver"] = self._start_receiver
        if settings.OIDC_DEV_PROVIDER:
            helpers["OIDC test provider"] = self._start_dev_provider
        return helpers

    def _start_worker(self):
        broker = "embedded (SQLite)" if settings.CELERY_IS_EMBEDDED else settings.CELERY_BROKER_URL
        self.stdout.write(f"Starting Celery worker with beat on broker: {broker}")
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "cultuur",
                "worker",
                "--beat",
                "--pool=solo",
                "--loglevel=INFO",
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ]
        )

    def _start_dev_provider(self):
        self.stdout.write(f"Starting the OIDC test provider on {settings.OIDC_SERVER_URL} (demo staff)")
        # From /tmp: outside the project root, where our `requests` app would shadow the library.
        return subprocess.Popen(sso.dev_provider_command(sys.executable), cwd=tempfile.gettempdir())

    def _start_receiver(self):
        host, port = settings.INBOUND_SMTP_HOST, settings.INBOUND_SMTP_PORT
        self.stdout.write(f"Starting the mail receiver on {host}:{port}")
        return subprocess.Popen(
            [sys.executable, "manage.py", "receive_mail", "--host", host, "--port", str(port)]
        )
