"""Demo quality marks (seeds 002 and 000/004): CultuurKeur for organisations, the Fair Practice
Code for freelancers, a few expiring soon and one waiting for verification. Idempotent."""

import datetime

from django.utils import timezone

from makers.models import Maker, MarkKind, PublicationStatus, QualityMark

# (days since issue, days until expiry, kind, verified): the last rows expire soon or wait.
PLAN = [
    (400, 700, MarkKind.CULTUURKEUR, True),
    (300, 800, MarkKind.CULTUURKEUR, True),
    (200, 900, MarkKind.FAIR_PRACTICE, True),
    (100, 1000, MarkKind.FAIR_PRACTICE, True),
    (500, 400, MarkKind.CULTUURKEUR, True),
    (600, 300, MarkKind.FAIR_PRACTICE, True),
    (700, 45, MarkKind.CULTUURKEUR, True),  # reminded at 60 days
    (900, 10, MarkKind.FAIR_PRACTICE, True),  # reminded at 14 days
    (30, 1065, MarkKind.OTHER, False),  # waits for staff
    (1100, -5, MarkKind.CULTUURKEUR, True),  # expired: no longer shown
]
ISSUERS = {
    MarkKind.CULTUURKEUR: "Cultuurconnectie (Kwaliteitskader Cultuureducatie en Amateurkunst)",
    MarkKind.FAIR_PRACTICE: "Kunsten '92 (zelfverklaring Fair Practice Code)",
    MarkKind.OTHER: "Stichting Erkenning Cultuurconnectie",
}


def seed(ctx) -> None:
    today = timezone.localdate()
    makers = list(
        Maker.objects.filter(status=PublicationStatus.PUBLISHED, works_in_education=True).order_by("pk")[
            : len(PLAN)
        ]
    )
    own = Maker.objects.filter(slug="mo-maker-theater").first()
    if own is not None and own not in makers:
        makers = [own, *makers[: len(PLAN) - 1]]
    for index, (maker, (since, until, kind, verified)) in enumerate(zip(makers, PLAN, strict=False)):
        if maker.quality_marks.exists():
            continue
        QualityMark.objects.create(
            maker=maker,
            kind=kind,
            title="Erkenning Cultuurconnectie" if kind == MarkKind.OTHER else "",
            issuer=ISSUERS[kind],
            issued_on=today - datetime.timedelta(days=since),
            expires_on=today + datetime.timedelta(days=until),
            certificate_reference=f"{'CK' if kind == MarkKind.CULTUURKEUR else 'FPC'}-{today.year}-{index + 101}",
            verified_at=timezone.now() if verified else None,
            reminder_stage=(60 if until > 14 else 14) if 0 < until <= 60 else None,
        )
