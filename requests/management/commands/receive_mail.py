import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from requests.mail_receiver import ReplyController


class Command(BaseCommand):
    help = (
        "Receive the askers' e-mail replies over SMTP (or LMTP with --lmtp) and file them on their "
        "requests. Runs until stopped (SIGTERM or Ctrl-C)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=settings.INBOUND_SMTP_HOST)
        parser.add_argument("--port", type=int, default=settings.INBOUND_SMTP_PORT or 2525)
        parser.add_argument(
            "--lmtp", action="store_true", help="Speak LMTP (behind Postfix) instead of SMTP."
        )

    def handle(self, *args, host, port, lmtp, **options):
        if not settings.INBOUND_EMAIL_DOMAIN:
            raise CommandError("Set INBOUND_EMAIL_DOMAIN: without it no e-mail carries a reply address.")
        controller = ReplyController(host=host, port=port, lmtp=lmtp)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        controller.start()
        protocol = "LMTP" if lmtp else "SMTP"
        self.stdout.write(
            f"Receiving replies for @{settings.INBOUND_EMAIL_DOMAIN} over {protocol} on {host}:{port}",
            ending="\n",
        )
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            controller.stop()
