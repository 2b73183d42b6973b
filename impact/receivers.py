"""Matching creates the activity: requests knows nothing of impact, impact listens to its matches."""

from django.db.models.signals import post_save
from django.dispatch import receiver


def connect():
    from requests.models import Match

    @receiver(post_save, sender=Match, dispatch_uid="impact.activity_from_match", weak=False)
    def activity_from_match(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            from impact.services import activity_create_from_match

            activity_create_from_match(match=instance)
