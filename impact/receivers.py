"""Matching creates the activity: requests knows nothing of impact, impact listens to its matches."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver


def connect():
    from requests.models import Match

    @receiver(post_save, sender=Match, dispatch_uid="impact.activity_from_match", weak=False)
    def activity_from_match(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            from impact.services import activity_create_from_match

            activity_create_from_match(match=instance)

    from impact.models import Case
    from makers.search import refresh_search_vector

    @receiver(post_save, sender=Case, dispatch_uid="impact.case_search", weak=False)
    def case_search(sender, instance, raw=False, update_fields=None, **kwargs):
        # Admin, services and factories alike; a publish (status only) leaves the text unchanged.
        quiet = {"status", "published_at", "updated_at", "search_vector", "search_text"}
        if raw or (update_fields is not None and set(update_fields) <= quiet):
            return
        refresh_search_vector(Case, [instance.pk])

    @receiver(
        m2m_changed, sender=Case.disciplines.through, dispatch_uid="impact.case_disciplines", weak=False
    )
    def case_disciplines(sender, instance, action, reverse, pk_set, **kwargs):
        if action in ("post_add", "post_remove", "post_clear"):
            refresh_search_vector(Case, [instance.pk] if not reverse else (pk_set or []))
