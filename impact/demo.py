"""Demo data for impact: activities in the seed's role proportions (seed 000: 102 produced, 88
supporting, 37 co-produced of 227 in 2023, shifting towards co-production), reach near the seed's
3,000 participants / 36,000 visitors / 15,000 pupils a year, measurements for every SDG theme over
two years, and the programme goals of seeds 001 and 003 with realistic progress. Idempotent.
"""

import datetime
from decimal import Decimal

from districts.models import District, Municipality
from impact.models import (
    Activity,
    ActivityRole,
    ActivityStatus,
    Goal,
    ImpactTheme,
    Indicator,
    Measurement,
    Reach,
)
from makers.models import Discipline

YEARS = {
    # year: (produced, supported, co-produced)
    2025: (102, 88, 37),
    2026: (84, 96, 52),
}

TITLES = [
    "Community Table Poelenburg",
    "Maakplek jongeren",
    "Buurtkoor",
    "Popronde De FluX",
    "Zomeratelier op het plein",
    "Theaterlab voor senioren",
    "Dansworkshops in de wijk",
    "Open podium",
    "Schrijfcafé",
    "Fotografietocht door de wijk",
    "Muurschildering speelveld",
    "Cultuur in je rugzak",
    "Kunst van de Taal",
    "Muziek op school",
    "Straatfestival",
]

# (SDG number, indicator, unit, value in cents per unit or None, source)
INDICATORS = [
    (1, "Deelnemers met een Zaanpas", "deelnemers", 8500, "MKBA cultuurparticipatie minima (demo)"),
    (2, "Gedeelde buurtmaaltijden bij activiteiten", "maaltijden", None, ""),
    (3, "Ouderen die zich minder eenzaam voelen", "deelnemers", 25000, "MKBA eenzaamheid ouderen (demo)"),
    (4, "Leerlingen met een doorlopende leerlijn cultuur", "leerlingen", 3500, "MKBA cultuureducatie (demo)"),
    (4, "Jongeren in een talentontwikkeltraject", "jongeren", 60000, "MKBA talentontwikkeling (demo)"),
    (5, "Vrouwen en meisjes in leiderschapsrollen bij projecten", "personen", None, ""),
    (6, "Activiteiten met drinkwatertappunt", "activiteiten", None, ""),
    (7, "Podiumuren op groene stroom", "uren", None, ""),
    (
        8,
        "Betaalde opdrachten voor lokale makers",
        "opdrachten",
        45000,
        "Fair Practice Code, uitbetaalde honoraria (demo)",
    ),
    (9, "Nieuwe maakplekken", "maakplekken", None, ""),
    (
        10,
        "Deelnemers uit wijken met een lage cultuurdeelname",
        "deelnemers",
        5000,
        "MKBA kansengelijkheid (demo)",
    ),
    (11, "Buurtbewoners betrokken bij de openbare ruimte", "bewoners", 2000, "MKBA leefbaarheid (demo)"),
    (12, "Hergebruikt materiaal in decors en maakplekken", "kilo", 150, "Milieukostenkentallen (demo)"),
    (13, "Activiteiten met een duurzaamheidsthema", "activiteiten", None, ""),
    (14, "Projecten over water en de Zaan", "projecten", None, ""),
    (15, "Groene plekken gebruikt voor cultuur", "plekken", None, ""),
    (
        16,
        "Jongeren bereikt via sociale vrede en veiligheid",
        "jongeren",
        120000,
        "MKBA jeugdpreventie (demo)",
    ),
    (17, "Samenwerkingspartners per project", "partners", None, ""),
]


def _activities(ctx, municipality, districts, disciplines):
    existing = set(Activity.objects.filter(slug__startswith="demo-").values_list("slug", flat=True))
    wanted, reach_values, links = [], {}, {}
    for year, counts in YEARS.items():
        number = 0
        for role, count in zip(ActivityRole.values, counts, strict=True):
            for _ in range(count):
                number += 1
                slug = f"demo-{year}-{number:03d}"
                starts = datetime.date(year, 1, 1) + datetime.timedelta(days=ctx.rng.randint(0, 360))
                if slug in existing:
                    continue
                status = (
                    ActivityStatus.COMPLETED if starts < datetime.date.today() else ActivityStatus.PLANNED
                )
                wanted.append(
                    Activity(
                        slug=slug,
                        title=f"{ctx.rng.choice(TITLES)} {year}",
                        role=role,
                        status=status,
                        municipality=municipality,
                        whole_municipality=ctx.rng.random() < 0.08,
                        starts_on=starts,
                        ends_on=starts + datetime.timedelta(days=ctx.rng.randint(0, 60)),
                        budget_cents=ctx.rng.randint(5, 120) * 100_00,
                        funding_cents=ctx.rng.randint(0, 40) * 100_00,
                    )
                )
                pupils = ctx.rng.randint(40, 200) if ctx.rng.random() < 0.5 else 0
                participants = ctx.rng.randint(2, 24)
                reach_values[slug] = (
                    participants,
                    ctx.rng.randint(0, participants),
                    ctx.rng.randint(20, 300),
                    pupils,
                )
                links[slug] = (
                    ctx.rng.sample(districts, k=ctx.rng.choice([1, 1, 1, 2])),
                    ctx.rng.sample(disciplines, k=1),
                )
    Activity.objects.bulk_create(wanted)
    created = {a.slug: a for a in Activity.objects.filter(slug__in=[a.slug for a in wanted])}
    Reach.objects.bulk_create(
        [
            Reach(activity=created[slug], participants=p, new_participants=n, visitors=v, pupils=u)
            for slug, (p, n, v, u) in reach_values.items()
        ]
    )
    Activity.districts.through.objects.bulk_create(
        [
            Activity.districts.through(activity_id=created[slug].pk, district_id=d.pk)
            for slug, (ds, _disc) in links.items()
            for d in ds
        ]
    )
    Activity.disciplines.through.objects.bulk_create(
        [
            Activity.disciplines.through(activity_id=created[slug].pk, discipline_id=d.pk)
            for slug, (_ds, disc) in links.items()
            for d in disc
        ]
    )
    themes = {t.number: t for t in ImpactTheme.objects.filter(number__in=[1, 4, 10, 11, 16])}
    Activity.themes.through.objects.bulk_create(
        [
            Activity.themes.through(activity_id=a.pk, impacttheme_id=ctx.rng.choice(list(themes.values())).pk)
            for a in created.values()
        ]
    )


def _measurements(ctx, districts):
    themes = {t.number: t for t in ImpactTheme.objects.all()}
    indicators = []
    for number, name, unit, cents, source in INDICATORS:
        indicator, _ = Indicator.objects.get_or_create(
            theme=themes[number],
            name=name,
            defaults={
                "unit": unit,
                "value_per_unit_cents": cents,
                "value_source": source,
                "method": "Telling door het wijkteam",
            },
        )
        indicators.append(indicator)
    if Measurement.objects.filter(indicator__in=indicators).exists():
        return
    halves = [(datetime.date(y, 1, 1), datetime.date(y, 6, 30)) for y in YEARS] + [
        (datetime.date(y, 7, 1), datetime.date(y, 12, 31)) for y in YEARS
    ]
    Measurement.objects.bulk_create(
        [
            Measurement(
                indicator=indicator,
                district=district,
                period_start=start,
                period_end=end,
                value=Decimal(ctx.rng.randint(1, 60)),
                evidence="Halfjaarlijkse telling wijkteam (demo)",
            )
            for indicator in indicators
            for district in districts
            for start, end in halves
        ]
    )


def _goals(municipality, districts):
    programme = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2026, 12, 31)}
    goals = [
        (
            "De stuurgroep cultuureducatie is minimaal 8 keer bijeengekomen",
            Decimal(8),
            "",
            Decimal(5),
            "Verslagen stuurgroep 2025-2026",
        ),
        (
            "6 bijeenkomsten Cultuur in je rugzak",
            Decimal(6),
            "",
            Decimal(4),
            "Presentielijsten bijeenkomsten",
        ),
        (
            "80% van de scholen heeft een partnerschap met een cultuurmaker",
            Decimal(80),
            "schools_in_partnership",
            None,
            "",
        ),
        ("Minimaal 4 nieuwe co-creaties", Decimal(4), "new_co_creations", None, ""),
        ("Minder consumerende scholen: hooguit 5", Decimal(5), "consuming_schools", None, ""),
        (
            "Meer coproductie en ondersteuning: 65% van de activiteiten",
            Decimal(65),
            "share_co_produced_or_supported",
            None,
            "",
        ),
        ("6.000 actieve deelnemers in twee jaar", Decimal(6000), "participants", None, ""),
    ]
    for title, target, metric, value, evidence in goals:
        Goal.objects.update_or_create(
            title=title,
            defaults={
                **programme,
                "target": target,
                "metric": metric,
                "manual_value": value,
                "evidence": evidence,
                "lower_is_better": metric == "consuming_schools",
                "unit": "%" if target == 80 or target == 65 else "",
            },
        )
    for district in districts[:2]:  # seed 001: "in twee wijken minimaal drie projecten"
        Goal.objects.update_or_create(
            title=f"Minimaal drie projecten met het sociaal domein in {district.name}",
            defaults={
                **programme,
                "target": Decimal(3),
                "metric": "activities_co_produced",
                "district": district,
                "municipality": municipality,
            },
        )


def seed(ctx) -> None:
    municipality = Municipality.objects.filter(slug="zaanstad").first() or Municipality.objects.first()
    if municipality is None:
        return
    districts = list(District.objects.filter(municipality=municipality, is_central_intake=False))
    if not districts:
        return
    disciplines = list(Discipline.objects.all()) or []
    _activities(ctx, municipality, districts, disciplines[:8] or [])
    _measurements(ctx, districts)
    _goals(municipality, districts)
