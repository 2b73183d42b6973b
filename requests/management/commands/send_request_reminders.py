from django.core.management.base import BaseCommand

from requests import reminders


class Command(BaseCommand):
    help = (
        "Send the follow-up for culture requests that is due (first-contact reminders, escalations, "
        "nudges, evaluation e-mails) and retry e-mails that failed. The same jobs Celery beat runs; "
        "safe to run at any time, as often as you like: every e-mail goes out once."
    )

    def handle(self, *args, **options):
        counts = reminders.reminders_run()
        resent = reminders.notifications_resend()
        summary = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        self.stdout.write(f"Reminders queued ({summary}); failed e-mails queued again: {resent}.")
