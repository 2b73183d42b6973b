"""Demo data from the CMK3 plan (seed 001): the 57 schools of Zaanstad and Oostzaan, their boards,
culture types over the years, plans in every status, development budgets and monitoring.

School names are invented; boards and municipalities are the real ones the seed names.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from districts.models import District, DistrictTeamMember, Municipality
from schools.models import (
    Ambition,
    AmountPerGroup,
    BudgetLine,
    CmkPlan,
    CultureTypeRecord,
    IccMembership,
    Milestone,
    MonitoringEntry,
    PlanEvent,
    School,
    SchoolBoard,
)
from schools.models.choices import (
    APPROACHES_BY_CULTURE_TYPE,
    ContactKind,
    CultureType,
    Development,
    Domain,
    PdcaPhase,
    PlanStatus,
    Realised,
)
from schools.school_year import SchoolYear

BOARDS = {
    "Agora": False,
    "Zaan Primair": False,
    "OPSPOOR": False,
    "De Horizon": True,
    "Vrije School Zaanstad": True,
    "De Werf": True,
}

ZAANSTAD_NAMES = [
    "De Regenboog", "Het Kompas", "De Vlinder", "De Zaanstroom", "Het Molenwiek", "De Kleine Prins",
    "De Saen", "Het Palet", "De Boomgaard", "De Piramide", "Het Vogelnest", "De Tandem",
    "De Zonnewijzer", "Het Klaverblad", "De Windroos", "De Toverfluit", "Pijlstaart", "De Wilgenhoek",
    "Het Zaanse Schans", "De Lindeboom", "De Springplank", "Kunstrijk", "De Ontdekking", "De Meeuw",
    "Het Baken", "De Pelikaan", "De Sterrenkijker", "De Verrekijker", "Het Speelwerk", "De Zuidkant",
    "De Triangel", "De Octopus", "Het Koggeschip", "De Wheemhof", "Het Dijkhuis", "De Rozenhof",
    "De Kameleon", "Het Anker", "De Parel", "De Oeverloper", "De Poelenburg", "De Peldersveld",
    "Het Blauwe Huis", "De Vuurtoren", "De Hoge Dijk", "Het Zonnelied", "De Klimop", "De Eendracht",
    "De Houtzaagmolen", "Het Wormerveerse Veer",
]  # fmt: skip
OOSTZAAN_SCHOOLS = [
    ("Noorderschool", "OPSPOOR"),
    ("De Rietvink", "OPSPOOR"),
    ("De Kweekvijver", "OPSPOOR"),
    ("De Korenaar", "Agora"),
]
SINGLE_SCHOOLS = ["De Horizon", "Vrije School Zaanstad", "De Werf"]
ZAANSTAD_DISTRICTS = [
    "zaandam-oost", "zaandam-west", "zaandam-noord", "zaandam-zuid", "koog-zaandijk",
    "wormerveer", "krommenie", "assendelft", "westzaan",
]  # fmt: skip
AMOUNT_PER_GROUP = {0: 26000, -1: 25000, -2: 24000, -3: 23500, -4: 22500, 1: 26500}

VISIONS = [
    "Cultuureducatie helpt onze leerlingen hun eigen stem te vinden. We willen dat elk kind ontdekt waar "
    "het goed in is, ook binnen de eigen culturele wereld.",
    "Wij zien kunst als een manier van leren: onderzoeken, maken en reflecteren. Cultuur hoort bij alle vakken.",
    "Onze school staat midden in de wijk. We willen de culturele omgeving de school in halen en leerlingen "
    "de weg laten vinden naar cultuur buiten school.",
]
AMBITIONS = {
    Domain.TEAM_EXPERTISE: "Het team volgt een training procesgerichte didactiek en past die toe in de lessen.",
    Domain.SCHOOL_PROGRAMME: "Een doorlopende leerlijn beeldend en muziek van groep 1 tot en met 8.",
    Domain.CULTURAL_ENVIRONMENT: "Een vast partnerschap met een cultuurmaker uit de wijk.",
}
LINES = [
    ("Teamtraining procesgerichte didactiek", Decimal("12"), 6500, None),
    ("Co-teaching beeldend groep 5-6", Decimal("24"), 5500, None),
    ("Workshop Zaans Gemaakt (maaklessen)", Decimal("16"), 6000, None),
    ("Voorstelling en nagesprek groep 7-8", None, None, 95000),
    ("Lesmateriaal De Kunst van de Taal", None, None, 45000),
    ("Muziekles door vakdocent (Hallo Muziek)", Decimal("30"), 3500, None),  # below fair practice
    ("Cultuur in je rugzak: museumbezoek team", None, None, 60000),
]


def _advisors_by_district() -> dict[int, list]:
    result: dict[int, list] = {}
    members = DistrictTeamMember.objects.select_related("user").order_by("user__email")
    for member in members:
        result.setdefault(member.district_id, []).append(member.user)
    return result


def _school_specs():
    specs = []
    zaanstad_boards = ["Agora", "Zaan Primair"]
    for index, name in enumerate(ZAANSTAD_NAMES):
        specs.append(
            (
                name,
                zaanstad_boards[index % 2],
                "zaanstad",
                ZAANSTAD_DISTRICTS[index % len(ZAANSTAD_DISTRICTS)],
            )
        )
    for name in SINGLE_SCHOOLS:
        specs.append((name, name, "zaanstad", ZAANSTAD_DISTRICTS[len(specs) % len(ZAANSTAD_DISTRICTS)]))
    for name, board in OOSTZAAN_SCHOOLS:
        specs.append((name, board, "oostzaan", "oostzaan"))
    return specs  # 50 + 3 + 4 = 57, as the seed counts


def _brin(index: int) -> str:
    return f"{10 + index // 26:02d}{chr(65 + index % 26)}{chr(65 + (index * 7) % 26)}"


def seed(ctx) -> None:
    rng = ctx.rng
    current = SchoolYear.current()
    for offset, cents in AMOUNT_PER_GROUP.items():
        AmountPerGroup.objects.update_or_create(
            school_year=current.start_year + offset, defaults={"amount_cents": cents}
        )
    boards = {
        name: SchoolBoard.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "is_single_school": single}
        )[0]
        for name, single in BOARDS.items()
    }
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    districts = {d.slug: d for d in District.objects.all()}
    advisors = _advisors_by_district()
    demo_advisor = ctx.get_user("adviseur@cultuur.test")

    specs = _school_specs()
    schools = []
    for index, (name, board, municipality, district_slug) in enumerate(specs):
        district = districts.get(district_slug)
        candidates = advisors.get(district.pk, []) if district else []
        holder = (
            demo_advisor
            if district_slug == "zaandam-oost"
            else (candidates[index % len(candidates)] if candidates else None)
        )
        groups = rng.randint(8, 24)
        school, _created = School.objects.update_or_create(
            brin_code=_brin(index),
            defaults={
                "name": name,
                "board": boards[board],
                "municipality": municipalities[municipality],
                "district": district,
                "class_groups": groups,
                "pupils": groups * rng.randint(22, 28),
                "cmk_track": 2 if index >= len(specs) - 10 or name == "De Werf" else 1,
                "certified_icc": rng.random() < 0.6,
                "has_culture_policy": rng.random() < 0.55,
                "account_holder": holder,
            },
        )
        schools.append(school)

    _culture_types(schools, current, rng)
    icc_school = next(s for s in schools if s.district and s.district.slug == "zaandam-oost")
    icc = ctx.get_user("icc@cultuur.test")
    IccMembership.objects.update_or_create(user=icc, defaults={"school": icc_school})
    for school in schools[1:6]:
        local = slugify(school.name).replace("-", "")
        user = ctx.user(f"icc.{local}@cultuur.test", "ICC", school.name, roles=["icc"])
        IccMembership.objects.update_or_create(user=user, defaults={"school": school})

    _plans(schools, current, rng, icc_school, icc)
    _budget_lines(schools, current, rng, icc_school)
    _monitoring(schools, current, rng)
    _makers_links(schools, current, rng)


def _culture_types(schools, current, rng) -> None:
    existing = set(CultureTypeRecord.objects.values_list("school_id", "school_year"))
    records = []
    order = [CultureType.CONSUMING, CultureType.PARTICIPATING, CultureType.INTEGRATING]
    for school in schools:
        level = 0 if rng.random() < 0.3 else (2 if rng.random() < 0.1 else 1)
        for year in range(current.start_year - 4, current.start_year + 1):
            # The plan's goal in the data: some consuming schools take a step each year.
            # Consuming schools step up more often; a school that truly integrates stays rare (the seed).
            if year > current.start_year - 4 and rng.random() < (
                0.18 if level == 0 else 0.03 if level == 1 else 0
            ):
                level += 1
            if (school.pk, year) not in existing:
                records.append(CultureTypeRecord(school=school, school_year=year, culture_type=order[level]))
    CultureTypeRecord.objects.bulk_create(records)


def _plan_parts(plan, culture_type, rng, milestone_year):
    Ambition.objects.bulk_create(
        Ambition(
            plan=plan,
            domain=domain,
            approach=rng.choice(sorted(APPROACHES_BY_CULTURE_TYPE[culture_type])),
            principles="".join(sorted(rng.sample("ABCDE", rng.randint(1, 3)))),
            description=text,
            success_indicators="Na een jaar geeft 80% van de leerkrachten aan dit zelf te kunnen.",
        )
        for domain, text in AMBITIONS.items()
    )
    Milestone.objects.bulk_create(
        [
            Milestone(
                plan=plan,
                title="Startgesprek directie, ICC en cultuurexpert",
                due_date=milestone_year.start + timedelta(days=45),
            ),
            Milestone(
                plan=plan,
                title="Tussenevaluatie met het team",
                due_date=milestone_year.start + timedelta(days=180),
            ),
            Milestone(
                plan=plan,
                title="Eindevaluatie en volgende stap",
                due_date=milestone_year.start + timedelta(days=320),
            ),
        ]
    )


def _plans(schools, current, rng, icc_school, icc) -> None:
    types = dict(
        ((r.school_id, r.school_year), r.culture_type)
        for r in CultureTypeRecord.objects.filter(school__in=schools)
    )
    existing = set(CmkPlan.objects.values_list("school_id", "school_year"))
    statuses = [PlanStatus.AGREED, PlanStatus.SUBMITTED, PlanStatus.DRAFT, PlanStatus.SENT_BACK, None]
    now = timezone.now()
    for index, school in enumerate(schools):
        for year, status in (
            (current.previous(), PlanStatus.AGREED if school.cmk_track == 1 else None),
            (current, PlanStatus.DRAFT if school == icc_school else statuses[index % len(statuses)]),
        ):
            if status is None or (school.pk, year.start_year) in existing:
                continue
            plan = CmkPlan.objects.create(
                school=school,
                school_year=year.start_year,
                vision=rng.choice(VISIONS),
                status=status,
                submitted_at=now if status in {PlanStatus.SUBMITTED, PlanStatus.AGREED} else None,
                agreed_at=now if status == PlanStatus.AGREED else None,
                agreed_by=school.account_holder if status == PlanStatus.AGREED else None,
                review_comments="Maak de succesindicatoren meetbaar en betrek het team."
                if status == PlanStatus.SENT_BACK
                else "",
            )
            _plan_parts(plan, types.get((school.pk, year.start_year), CultureType.PARTICIPATING), rng, year)
            events = [
                PlanEvent(
                    plan=plan,
                    action="schools.plan.created",
                    to_status=PlanStatus.DRAFT,
                    by=icc if school == icc_school else None,
                )
            ]
            if status != PlanStatus.DRAFT:
                events.append(
                    PlanEvent(
                        plan=plan,
                        action="schools.plan.submitted",
                        from_status=PlanStatus.DRAFT,
                        to_status=PlanStatus.SUBMITTED,
                    )
                )
            if status in {PlanStatus.AGREED, PlanStatus.SENT_BACK}:
                action = "agreed" if status == PlanStatus.AGREED else "sent_back"
                events.append(
                    PlanEvent(
                        plan=plan,
                        action=f"schools.plan.{action}",
                        from_status=PlanStatus.SUBMITTED,
                        to_status=status,
                        by=school.account_holder,
                        comment=plan.review_comments,
                    )
                )
            PlanEvent.objects.bulk_create(events)


def _budget_lines(schools, current, rng, icc_school) -> None:
    has_lines = set(
        BudgetLine.objects.filter(school_year=current.start_year)
        .values_list("school_id", flat=True)
        .distinct()
    )
    lines = []
    for index, school in enumerate(schools):
        if school.pk in has_lines:
            continue
        # Every seventh school plans more than its budget and needs co-funding; the ICC's school does not yet.
        over = index % 7 == 3 and school != icc_school
        count = rng.randint(2, 3) + (4 if over else 0)
        for number, (description, hours, rate, fixed) in enumerate(rng.sample(LINES, min(count, len(LINES)))):
            planned = current.start + timedelta(days=rng.randint(20, 330))
            line = BudgetLine(
                school=school,
                school_year=current.start_year,
                description=description,
                planned_date=planned,
                hours=hours * (3 if over and hours else 1) if hours else None,
                hourly_rate_cents=rate,
                fixed_amount_cents=fixed,
            )
            line.planned_amount_cents = line.compute_planned_amount_cents()
            if number == 0 and planned < timezone.localdate():
                line.invoiced_amount_cents = line.planned_amount_cents
                line.invoiced_on = planned + timedelta(days=7)
                if number == 0 and rng.random() < 0.6:
                    line.paid_on = planned + timedelta(days=30)
            lines.append(line)
    BudgetLine.objects.bulk_create(lines)


def _monitoring(schools, current, rng) -> None:
    done = set(MonitoringEntry.objects.values_list("school_id", flat=True).distinct())
    entries = []
    for school in schools:
        if school.pk in done or school.account_holder is None:
            continue
        for number, phase in enumerate([PdcaPhase.PLAN, PdcaPhase.DO, PdcaPhase.CHECK][: rng.randint(1, 3)]):
            day = min(current.start + timedelta(days=30 + 60 * number), timezone.localdate())
            entries.append(
                MonitoringEntry(
                    school=school,
                    school_year=SchoolYear.for_date(day).start_year,
                    date=day,
                    contact_kind=rng.choice(ContactKind.values),
                    phase=phase,
                    notes="Gesprek met directie en ICC over de ambities en de inzet van de cultuurmaker.",
                    solution_realised=Realised.PARTLY if phase == PdcaPhase.CHECK else "",
                    development=Development.DEEPENED if phase == PdcaPhase.CHECK else "",
                    could_be_better="Eerder het team betrekken bij de planning."
                    if phase == PdcaPhase.CHECK
                    else "",
                    next_step="Tweede teamtraining plannen en de leerlijn vastleggen.",
                    shared_with_school=number % 2 == 0,
                    author=school.account_holder,
                )
            )
    MonitoringEntry.objects.bulk_create(entries)


def _makers_links(schools, current, rng) -> None:
    """Put makers on the hourly lines and schools in co-creations, when the makers demo is loaded.

    Runs after the makers data whichever order the modules load in: a second run fills what a first
    run could not (it only touches lines without a maker and co-creations without schools)."""
    from makers.models import CoCreation, Maker
    from schools.models import CoCreationSchool

    makers = list(
        Maker.objects.filter(status=Maker.Status.PUBLISHED, rate_per_hour_cents__isnull=False).order_by("pk")[
            :40
        ]
    )
    if makers:
        lines = list(
            BudgetLine.objects.filter(school__in=schools, hours__isnull=False, maker__isnull=True).order_by(
                "pk"
            )
        )
        for line in lines:
            line.maker = rng.choice(makers)
        BudgetLine.objects.bulk_update(lines, ["maker"])
    linked = set(CoCreationSchool.objects.values_list("co_creation_id", flat=True).distinct())
    for co_creation in CoCreation.objects.exclude(pk__in=linked).order_by("pk"):
        CoCreationSchool.objects.bulk_create(
            CoCreationSchool(co_creation=co_creation, school=school)
            for school in rng.sample(schools, rng.randint(2, 4))
        )
