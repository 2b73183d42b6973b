import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

RESTART_DELAY_SECONDS = 2


class Command(BaseCommand):
    help = (
        "Serve the site for development together with a Celery worker that also runs beat, "
        "so periodic tasks fire without Redis. The worker is restarted whenever it dies."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-worker", action="store_true", help="Serve only, without Celery.")

    def handle(self, *args, addrport, no_worker, **options):
        server = subprocess.Popen([sys.executable, "manage.py", "runserver", addrport])
        worker = None if no_worker else self._start_worker()
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not stopping and server.poll() is None:
                if worker is not None and worker.poll() is not None:
                    self.stderr.write(f"Celery worker exited ({worker.returncode}); restarting it.")
                    time.sleep(RESTART_DELAY_SECONDS)
                    worker = self._start_worker()
                time.sleep(0.5)
        finally:
            for process in (worker, server):
                if process is not None and process.poll() is None:
                    process.terminate()
            for process in (worker, server):
                if process is not None:
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()

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
