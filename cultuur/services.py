from django.db import transaction
from django.db.models import F
from django.utils import timezone

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
