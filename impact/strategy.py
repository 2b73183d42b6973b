"""Strategy cards and agreements: the reads (managers only), the writes, and the partners'
half-yearly progress through a signed link (seed 003: monitored every half year with the partners).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur import mail
from districts.models import Partner
from impact.models import (
    Agreement,
    AgreementProgress,
    AgreementSpending,
    ProgressInvitation,
    StrategyCard,
    ThemeBudget,
)
from impact.periods import Period
from impact.selectors import sees_all
from impact.services import ImpactError

log = logging.getLogger(__name__)
LINK_SALT = "impact.partner-progress"


# Reads -------------------------------------------------------------------------------------------


def visible_cards(user) -> QuerySet[StrategyCard]:
    cards = StrategyCard.objects.order_by("number")
    return cards if sees_all(user) else cards.none()


def visible_agreements(user) -> QuerySet[Agreement]:
    agreements = Agreement.objects.select_related("card", "partner")
    return agreements if sees_all(user) else agreements.none()


def cards_for_page(user) -> QuerySet[StrategyCard]:
    """Cards with their agreements (and partners) in two queries, whatever the page size."""
    agreements = Agreement.objects.select_related("partner").order_by("pk")
    return visible_cards(user).prefetch_related(Prefetch("agreements", queryset=agreements))


def budgets_with_spending(budgets: QuerySet[ThemeBudget]) -> QuerySet[ThemeBudget]:
    """Each budget with `spent_cents` (the card's agreement spending in its year) and
    `remaining_cents`, both computed in the database (a correlated subquery, one query in all)."""
    spent = (
        AgreementSpending.objects.filter(agreement__card=OuterRef("card"), spent_on__year=OuterRef("year"))
        .order_by()
        .values("agreement__card")
        .annotate(total=Sum("amount_cents"))
        .values("total")
    )
    return budgets.annotate(
        spent_cents=Coalesce(Subquery(spent, output_field=IntegerField()), Value(0)),
    ).annotate(remaining_cents=F("amount_cents") - F("spent_cents"))


def budget_rows(user, years=None, cards=None) -> list[ThemeBudget]:
    budgets = ThemeBudget.objects.select_related("card").filter(card__in=visible_cards(user))
    if cards is not None:
        budgets = budgets.filter(card__in=[card.pk for card in cards])
    if years:
        budgets = budgets.filter(year__in=years)
    return list(budgets_with_spending(budgets).order_by("card__number", "year"))


def progress_for_period(period_key: str) -> list[dict]:
    """Every agreement with its progress report of the half year (or none): for the PDCA report."""
    reports = {row.agreement_id: row for row in AgreementProgress.objects.filter(period_key=period_key)}
    rows = []
    for agreement in Agreement.objects.select_related("card", "partner").order_by("card__number", "pk"):
        report = reports.get(agreement.pk)
        rows.append(
            {
                "card": str(agreement.card),
                "agreement": agreement.title,
                "who": agreement.partner.name if agreement.partner_id else agreement.who,
                "status": report.get_status_display() if report else "",
                "text": report.text if report else "",
                "figure": str(report.figure) if report and report.figure is not None else "",
                "reported": bool(report),
            }
        )
    return rows


# Writes ------------------------------------------------------------------------------------------


def card_save(*, by, card: StrategyCard | None = None, **fields) -> StrategyCard:
    card = card or StrategyCard()
    for name, value in fields.items():
        setattr(card, name, value)
    card.full_clean()
    card.save()
    log.info("impact.strategy_card.saved %s by %s", card.pk, getattr(by, "pk", None))
    return card


def card_delete(*, card: StrategyCard, by) -> None:
    if AgreementProgress.objects.filter(agreement__card=card).exists():
        raise ImpactError(_("Deze kaart heeft voortgangsmeldingen van partners en kan niet weg."))
    log.info("impact.strategy_card.deleted %s by %s", card.pk, getattr(by, "pk", None))
    card.delete()


def agreement_save(*, by, card: StrategyCard, agreement: Agreement | None = None, **fields) -> Agreement:
    agreement = agreement or Agreement(card=card)
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.full_clean()
    agreement.save()
    log.info("impact.agreement.saved %s by %s", agreement.pk, getattr(by, "pk", None))
    return agreement


def agreement_delete(*, agreement: Agreement, by) -> None:
    if agreement.progress.exists():
        raise ImpactError(_("Over deze afspraak is al voortgang gemeld; zet de status op gestopt."))
    log.info("impact.agreement.deleted %s by %s", agreement.pk, getattr(by, "pk", None))
    agreement.delete()


# The partner's signed link -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerLink:
    partner: Partner
    period: Period


def link_token(invitation: ProgressInvitation) -> str:
    return signing.dumps(str(invitation.nonce), salt=LINK_SALT)


def link_url(invitation: ProgressInvitation) -> str:
    return settings.SITE_URL + reverse("impact:partner_progress", args=[link_token(invitation)])


def read_link(token: str) -> PartnerLink | None:
    """The partner and half year behind a link, or None when it is forged, garbled or expired."""
    try:
        nonce = signing.loads(token or "", salt=LINK_SALT, max_age=settings.IMPACT_PROGRESS_LINK_DAYS * 86400)
    except signing.BadSignature:
        return None
    invitation = (
        ProgressInvitation.objects.select_related("partner").filter(nonce=nonce).first()
        if isinstance(nonce, str) and len(nonce) == 36
        else None
    )
    if invitation is None:
        return None
    return PartnerLink(partner=invitation.partner, period=Period.parse(invitation.period_key))


def partner_agreements(partner: Partner) -> QuerySet[Agreement]:
    """The partner's agreements that are still being worked on."""
    return (
        Agreement.objects.filter(partner=partner)
        .exclude(status__in=["done", "stopped"])
        .select_related("card")
        .order_by("card__number", "pk")
    )


def progress_report(
    *, agreement: Agreement, period: Period, status: str, text: str, figure=None
) -> AgreementProgress:
    """One report per agreement per half year: submitting again updates it."""
    with transaction.atomic():
        progress, _created = AgreementProgress.objects.update_or_create(
            agreement=agreement,
            period_key=period.key,
            defaults={"status": status, "text": text, "figure": figure},
        )
    return progress


@transaction.atomic
def progress_report_many(*, link: PartnerLink, reports: dict[int, dict]) -> int:
    """Store the partner's reports {agreement id: fields}; only their own agreements are accepted."""
    mine = {agreement.pk: agreement for agreement in partner_agreements(link.partner)}
    if not set(reports) <= set(mine):
        raise ImpactError(_("Deze afspraak hoort niet bij uw organisatie."))
    for agreement_id, fields in reports.items():
        progress_report(agreement=mine[agreement_id], period=link.period, **fields)
    return len(reports)


def current_half(today: date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period.half(today.year, 1 if today.month <= 6 else 2)


def invitation_ensure(*, partner: Partner, period: Period) -> ProgressInvitation:
    try:
        with transaction.atomic():
            invitation, _created = ProgressInvitation.objects.get_or_create(
                partner=partner, period_key=period.key
            )
    except IntegrityError:  # a concurrent run made it between the read and the insert
        invitation = ProgressInvitation.objects.get(partner=partner, period_key=period.key)
    return invitation


def invitation_send(*, invitation: ProgressInvitation) -> bool:
    """E-mail the link once: the conditional update is the claim, a rerun finds it taken."""
    partner = invitation.partner
    if not partner.email:
        return False
    if not ProgressInvitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
        sent_at=timezone.now()
    ):
        return False
    period = Period.parse(invitation.period_key)
    subject = _("Voortgang van de afspraken uit de uitvoeringsagenda, %(period)s") % {"period": period.label}
    body = _(
        "Beste %(name)s,\n\n"
        "Elk halfjaar horen we graag hoe het gaat met de afspraken die uw organisatie heeft gemaakt "
        "in de uitvoeringsagenda. Wilt u de voortgang over de %(period)s doorgeven?\n\n"
        "Dat kan zonder in te loggen via deze persoonlijke link:\n%(link)s\n\n"
        "De link werkt %(days)s dagen. U kunt uw antwoorden in die tijd nog aanpassen.\n"
    ) % {
        "name": partner.contact_person or partner.name,
        "period": period.label,
        "link": link_url(invitation),
        "days": settings.IMPACT_PROGRESS_LINK_DAYS,
    }
    mail.send(subject=subject, body=body, to=[partner.email])
    return True


def invitations_for_half(*, period: Period | None = None) -> int:
    """Beat, each half year: invite every partner with open agreements, once per half year."""
    period = period or current_half()
    partner_ids = (
        Agreement.objects.exclude(status__in=["done", "stopped"])
        .filter(partner__isnull=False)
        .values_list("partner_id", flat=True)
        .distinct()
    )
    sent = 0
    for partner in Partner.objects.filter(pk__in=partner_ids).exclude(email="").order_by("pk"):
        sent += invitation_send(invitation=invitation_ensure(partner=partner, period=period))
    return sent


def spending_record(
    *, agreement: Agreement, by, spent_on: date, amount_cents: int, description: str
) -> AgreementSpending:
    """Book money spent on an agreement: it counts towards the card's budget of that year."""
    spending = AgreementSpending(
        agreement=agreement, spent_on=spent_on, amount_cents=amount_cents, description=description
    )
    spending.full_clean()
    spending.save()
    log.info("impact.agreement.spending_recorded %s by %s", agreement.pk, getattr(by, "pk", None))
    return spending
