"""Demo data: a few hundred culture requests across districts, kinds and statuses (seeds 000, 001, 003).

Idempotent: demo requests carry the idempotency keys demo-1..demo-N; a second run adds nothing.
References come from the same yearly counter as real requests, so they never collide.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from districts.models import District, DistrictTeamMember
from makers.models import Discipline
from requests import tool_demo
from requests.demo_data import (
    EMAIL_REPLIES,
    FIRST_NAMES,
    FUNDS,
    LAST_NAMES,
    PATH,
    QUESTIONS,
    STATUS_WEIGHTS,
)
from requests.models import (
    CultureRequest,
    FundingApplication,
    FundingStatus,
    Match,
    MatchKind,
    Message,
    ReferenceCounter,
    RequestEvent,
)
from requests.workflow import ACTION_CREATED, ACTION_MESSAGE_RECEIVED, ACTION_STATUS, Status

COUNT = 300


def _weighted_status(rng):
    total = sum(weight for _status, weight in STATUS_WEIGHTS)
    pick = rng.uniform(0, total)
    for status, weight in STATUS_WEIGHTS:
        pick -= weight
        if pick <= 0:
            return status
    return Status.NEW


def seed(ctx) -> None:
    rng = ctx.rng
    keys = [f"demo-{n}" for n in range(1, COUNT + 1)]
    if CultureRequest.objects.filter(idempotency_key__in=keys).exists():
        tool_demo.seed(ctx)
        return
    districts = list(District.objects.filter(is_central_intake=False).prefetch_related("postcode_areas"))
    if not districts:
        return
    team = {}
    for member in DistrictTeamMember.objects.select_related("user"):
        team.setdefault(member.district_id, []).append(member.user)
    disciplines = {d.slug: d for d in Discipline.objects.all()}
    now = timezone.now()
    year = timezone.localdate(now).year
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    first = counter.last_number + 1
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + COUNT)
    references = [f"CV-{year}-{n:05d}" for n in range(first, first + COUNT)]
    rows, extras = [], []
    for index, (key, reference) in enumerate(zip(keys, references, strict=True)):
        kind, organisation, question, slugs, age_group, barriers = rng.choice(QUESTIONS)
        # "Voor wie" is optional on the public form and some askers skip it (not drawn from rng,
        # so the rest of the demo stays as it was).
        if index % 7 == 3:
            age_group = ""
        district = rng.choice(districts)
        postcodes = [area.code for area in district.postcode_areas.all()] or ["1500"]
        status = _weighted_status(rng)
        created = now - timedelta(days=rng.randint(0, 330), hours=rng.randint(0, 23))
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        owner = rng.choice(team.get(district.pk, [None]))
        contacted = status != Status.NEW
        rows.append(
            CultureRequest(
                reference=reference,
                idempotency_key=key,
                requester_kind=kind,
                requester_name=name,
                requester_email=f"{name.split()[0].lower()}.{key}@example.org",
                requester_phone="06 " + str(rng.randint(10000000, 99999999)),
                organisation=organisation,
                postcode=f"{rng.choice(postcodes)} {rng.choice('ABCDEHJKLMNPRST')}{rng.choice('ABDEGHJKLNPRSTVXZ')}",
                district=district,
                owner=owner if contacted or rng.random() < 0.3 else None,
                status=status,
                question=question,
                age_group=age_group,
                group_size=rng.choice([None, 1, 2, 8, 12, 20, 28, 60]),
                timing=rng.choice(
                    ["", "in de zomervakantie", "na schooltijd", "op woensdagmiddag", "dit najaar"]
                ),
                budget_cents=rng.choice([None, None, 5000, 25000, 75000, 150000]),
                barriers=barriers,
                contact_language=rng.choice(["nl"] * 8 + ["en", "tr", "ar", "pl"]),
                consent_at=created,
                last_action_at=created + timedelta(days=rng.randint(0, 20)) if contacted else created,
                status_changed_at=created + timedelta(days=rng.randint(0, 20)) if contacted else created,
                first_contact_at=created + timedelta(days=rng.randint(1, 6)) if contacted else None,
            )
        )
        extras.append((created, slugs))
    CultureRequest.objects.bulk_create(rows)
    saved = list(CultureRequest.objects.filter(reference__in=references).order_by("reference"))
    for request, (created, _slugs) in zip(saved, extras, strict=True):
        request.created_at = created
    CultureRequest.objects.bulk_update(saved, ["created_at"])

    through = CultureRequest.disciplines.through
    links, events, messages, matches, funding = [], [], [], [], []
    for request, (created, slugs) in zip(saved, extras, strict=True):
        links += [
            through(culturerequest_id=request.pk, discipline_id=disciplines[s].pk)
            for s in slugs
            if s in disciplines
        ]
        events.append(
            RequestEvent(
                request=request, action=ACTION_CREATED, actor_label="Vraagsteller", to_status=Status.NEW
            )
        )
        if request.status == Status.NEW:
            continue
        previous = Status.IN_CONVERSATION if request.status in PATH else Status.NEW
        if request.status == Status.WAITING:
            previous = Status.IN_CONVERSATION
        note = {
            Status.DECLINED: "Deze vraag past niet bij wat wij doen; we hebben tips gegeven.",
            Status.REFERRED: "Doorverwezen naar de bibliotheek, die dit aanbiedt.",
        }.get(request.status, "")
        events.append(
            RequestEvent(
                request=request,
                action=ACTION_STATUS,
                actor=request.owner,
                actor_label=request.owner.get_full_name() if request.owner else "Systeem",
                from_status=previous if previous != request.status else Status.NEW,
                to_status=request.status,
                note=note,
            )
        )
        messages.append(
            Message(
                request=request,
                direction="to_asker",
                author=request.owner,
                body="Dank voor uw vraag! Ik bel u deze week om uw vraag samen beter te maken.",
            )
        )
        if request.status == Status.WAITING:
            messages.append(
                Message(
                    request=request,
                    direction="to_asker",
                    author=request.owner,
                    body="Voor hoeveel mensen is het ongeveer, en welke dagen passen u het best?",
                )
            )
        elif request.status == Status.IN_CONVERSATION and rng.random() < 0.4:
            # An answer that came back by e-mail (issue 16), as the receiver files it.
            reply = rng.choice(EMAIL_REPLIES)
            messages.append(Message(request=request, direction="from_asker", body=reply))
            events.append(
                RequestEvent(
                    request=request,
                    action=ACTION_MESSAGE_RECEIVED,
                    actor_label="Vraagsteller, per e-mail",
                    note=reply,
                )
            )
        if request.status in (Status.MATCHED, Status.IN_PROGRESS, Status.COMPLETED, Status.EVALUATED):
            matches.append(
                Match(
                    request=request,
                    kind=rng.choice(MatchKind.values),
                    target_name=rng.choice(
                        ["Buurthuis De Poort", "Muziekschool Zaanstad", "Maakplaats Wormerveer"]
                    ),
                    created_by=request.owner,
                )
            )
            if rng.random() < 0.25:
                status = rng.choice(FundingStatus.values)
                asked = rng.choice([50000, 150000, 250000, 500000])
                granted = (
                    asked
                    if status == FundingStatus.GRANTED
                    else asked // 2
                    if status == "partly_granted"
                    else None
                )
                funding.append(
                    FundingApplication(
                        request=request,
                        fund=rng.choice(FUNDS),
                        amount_requested_cents=asked,
                        amount_granted_cents=granted,
                        status=status,
                        submitted_on=(created + timedelta(days=20)).date() if status != "preparing" else None,
                        decision_on=(created + timedelta(days=70)).date()
                        if status in ("granted", "partly_granted", "rejected")
                        else None,
                        created_by=request.owner,
                    )
                )
    through.objects.bulk_create(links, ignore_conflicts=True)
    RequestEvent.objects.bulk_create(events)
    Message.objects.bulk_create(messages)
    Match.objects.bulk_create(matches)
    FundingApplication.objects.bulk_create(funding)
    ctx.stdout.write(f"requests: {len(saved)} culture requests, {len(funding)} funding applications.")
    tool_demo.seed(ctx)
