"""Keep the full-text search vector in step with every save (admin, services, factories)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from makers.models import CoCreation, Course, Maker, Venue
from makers.search import refresh_search_vector


@receiver(post_save, sender=Maker)
@receiver(post_save, sender=Course)
@receiver(post_save, sender=Venue)
@receiver(post_save, sender=CoCreation)
def _refresh_search_vector(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"status", "search_vector", "updated_at"}):
        return
    refresh_search_vector(sender, [instance.pk])
