"""Keep the stored search (vector on PostgreSQL, stemmed text on SQLite) in step with every save
(admin, services, factories), with the disciplines a row is linked to and their names."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from makers.models import CoCreation, Course, Discipline, Maker, Venue
from makers.search import refresh_search_vector


@receiver(post_save, sender=Maker)
@receiver(post_save, sender=Course)
@receiver(post_save, sender=Venue)
@receiver(post_save, sender=CoCreation)
def _refresh_search_vector(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (
        update_fields is not None
        and set(update_fields) <= {"status", "search_vector", "search_text", "updated_at"}
    ):
        return
    refresh_search_vector(sender, [instance.pk])


@receiver(m2m_changed, sender=Maker.disciplines.through)
@receiver(m2m_changed, sender=CoCreation.disciplines.through)
def _refresh_after_disciplines_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_search_vector(type(instance), [instance.pk])
    elif pk_set:  # discipline.makers.add(...): the other side changed
        refresh_search_vector(model, pk_set)


@receiver(post_save, sender=Discipline)
def _refresh_after_discipline_renamed(sender, instance, created, raw=False, **kwargs):
    if raw or created:
        return
    refresh_search_vector(Maker, instance.makers.values_list("pk", flat=True))
    refresh_search_vector(Course, instance.courses.values_list("pk", flat=True))
    refresh_search_vector(CoCreation, instance.cocreations.values_list("pk", flat=True))
