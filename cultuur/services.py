from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cultuur import sso
from cultuur.audit import audit_record
from cultuur.models import WorkerHeartbeat


@transaction.atomic
def heartbeat_record(*, name: str) -> WorkerHeartbeat:
    now = timezone.now()
    heartbeat, created = WorkerHeartbeat.objects.get_or_create(
        name=name, defaults={"last_beat_at": now, "beats": 1}
    )
    if not created:
        WorkerHeartbeat.objects.filter(pk=heartbeat.pk).update(last_beat_at=now, beats=F("beats") + 1)
        heartbeat.refresh_from_db()
    return heartbeat


@transaction.atomic
def user_roles_sync_from_idp(*, user, claims: dict, request=None) -> tuple[set[str], set[str]]:
    """Give `user` exactly the mapped roles the provider's claims name; returns (added, removed).

    Roles outside the map (ICC, maker) and local data such as an advisor's districts are untouched.
    """
    managed = {role.value for role in sso.managed_roles()}
    given = {role.value for role in sso.roles_from_claims(claims)}
    held = set(user.groups.filter(name__in=managed).values_list("name", flat=True))
    added, removed = given - held, held - given
    if added:
        user.groups.add(*Group.objects.filter(name__in=added))
    if removed:
        user.groups.remove(*Group.objects.filter(name__in=removed))
    user.__dict__.pop("_cultuur_roles", None)  # roles_of() caches per request
    if added or removed:
        audit_record(
            action="auth.roles.synced_from_idp",
            by=user,
            target=user,
            detail={"added": sorted(added), "removed": sorted(removed)},
            request=request,
        )
    return added, removed
