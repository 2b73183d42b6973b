"""Demo data for the execution agenda (seed 003: the eight strategy cards of Zoetermeer, each with
agreements who / what / when / how, budgets 2025-2027) and the risk register (seeds 000 and 001:
risks per goal, "hoe groot is de kans, hoe erg is dit?"). Idempotent."""

import datetime

from districts.models import District, Partner
from impact.models import (
    Agreement,
    AgreementProgress,
    AgreementSpending,
    Goal,
    Risk,
    RiskReview,
    StrategyCard,
    ThemeBudget,
)

PARTNERS = [
    ("Wijck", "wijck@cultuur.test", "Programmaregisseur cultuur"),
    ("Cultuur en Techniek op School (CToS)", "ctos@cultuur.test", "Coördinator cultuureducatie"),
    ("Cultuurmakelaar", "cultuurmakelaar@cultuur.test", "Cultuurmakelaar"),
    ("Culturele basisinstellingen (B7)", "b7@cultuur.test", "Directieoverleg B7"),
]

# number: (title, theme, ambition, [(agreement, partner, who, what, when, how, status)])
CARDS = {
    1: (
        "Stabiele basis",
        "Vastgoed",
        "In 2027 heeft Zoetermeer een stabiele, degelijke culturele basisinfrastructuur, in lijn met de cultuurvisie.",
        [
            (
                "Stabiele financiering continueren",
                None,
                "college van B&W",
                "Meerjarige subsidie aan de culturele basisinstellingen.",
                "doorlopend",
                "Op basis van de subsidieregeling culturele basisinstellingen wordt vierjarig subsidie verleend.",
                "running",
            ),
            (
                "Structureel overleg van culturele basis organiseren",
                3,
                "culturele basisinstellingen i.s.m. het culturele veld",
                "Structureel overleg op basis van agenda en strategie.",
                "doorlopend",
                "Tenminste twee keer per jaar een Brede Bijeenkomst Cultuur Zoetermeer.",
                "running",
            ),
            (
                "Gezamenlijke programmering realiseren",
                3,
                "culturele basisinstellingen",
                "Gezamenlijke programmering voor Zoetermeer.",
                "2022 t/m 2025",
                "Een gezamenlijke projectorganisatie; 2 fte vrijgemaakt.",
                "delayed",
            ),
        ],
    ),
    2: (
        "Ruimte voor groei",
        "Coaching",
        "In 2024 heeft een groeiend aantal professionele en amateurorganisaties zich ontwikkeld tot partners.",
        [
            (
                "Culturele professionele en amateurorganisaties ondersteunen",
                2,
                "Cultuurmakelaar en gemeente",
                "Ondersteuning bij groei en ontwikkeling en bij samenwerkingsverbanden.",
                "2023-2024",
                "De opdracht van de Cultuurmakelaar gaat van 0,4 naar 0,6 fte; daarna evaluatie.",
                "running",
            ),
            (
                "Deskundigheidsbevordering stimuleren",
                2,
                "gemeente en Cultuurmakelaar",
                "Scholing van amateurorganisaties in inkomstenwerving.",
                "doorlopend",
                "Twee keer per jaar scholing door externe deskundigen (€ 5.000).",
                "planned",
            ),
        ],
    ),
    3: (
        "Cultuur om de hoek",
        "Wijkgericht werken",
        "In 2027 wordt in de hele stad lokaal cultuur geprogrammeerd.",
        [
            (
                "Inzet van cultureel werkers",
                0,
                "Wijck",
                "In elke wijk brengt een cultureel werker de sociaal-culturele behoeften in kaart.",
                "2023-2026",
                "Uitbreiding van drie naar zes wijken; 1,32 fte cultureel werkers.",
                "running",
            ),
            (
                "Opstellen Cultuurprofiel",
                0,
                "Wijck en gemeente (SD en SB)",
                "Een cultuurprofiel per wijk dat aansluit op de wijkprofielen.",
                "doorlopend",
                "Structurele kennisdeling met Sociaal Domein en Stedelijk Beheer.",
                "running",
            ),
            (
                "Toegankelijke procedures ontwikkelen",
                0,
                "gemeente en Wijck",
                "Een wijkgericht cultuurbudget voor lokale initiatieven.",
                "2023-2026",
                "Per wijk € 5.000, in totaal € 30.000 voor zes wijken.",
                "running",
            ),
        ],
    ),
    4: (
        "Nieuwe smaken, nieuwe makers",
        "Onderzoek",
        "In 2030 is Zoetermeer aantrekkelijker geworden voor (jong) talent en creatieve professionals.",
        [
            (
                "Creëren van meer locaties voor culturele en creatieve ondernemers",
                2,
                "gemeente en culturele veld",
                "Makersplaatsen, broedplaatsen en ateliers.",
                "doorlopend",
                "Faciliteren van broedplaatsen met financiën en/of locaties; training (€ 2.500).",
                "planned",
            ),
            (
                "Groei aantal banen in de creatieve industrie stimuleren",
                None,
                "gemeente (VT, SD/Onderwijs, SO/Economie)",
                "Van 1% banen in de creatieve industrie in 2022 naar 4% in 2030.",
                "2024",
                "Onderzoek naar groeimogelijkheden (€ 7.500).",
                "done",
            ),
        ],
    ),
    5: (
        "Iedereen doet mee",
        "Cultuurparticipatie",
        "In 2024 kunnen alle inwoners deelnemen aan cultuur.",
        [
            (
                "Duidelijk en herkenbaar wijknetwerk ontwikkelen",
                0,
                "Wijck, gemeente en partners sociaal domein",
                "Samenwerkingsplatform tussen culturele instellingen en het sociaal domein.",
                "doorlopend",
                "Jaarlijkse netwerk- en inspiratiebijeenkomsten.",
                "running",
            ),
            (
                "Regievoering culturele interventies",
                0,
                "Wijck en gemeente",
                "Een interventiemethodiek voor lastig te bereiken doelgroepen.",
                "2025",
                "Eenmalig € 15.000 voor de methodiek; programmaregisseur 0,88 fte.",
                "planned",
            ),
        ],
    ),
    6: (
        "Jong geleerd, oud gedaan",
        "Cultuureducatie",
        "In 2024 kunnen jeugd en jongeren binnen- en buitenschools hun creatieve talenten ontwikkelen.",
        [
            (
                "Herkenbaar Cultuureducatienetwerk",
                1,
                "CToS",
                "CToS is het aanspreekpunt voor cultuureducatie in Zoetermeer.",
                "doorlopend",
                "ICC-, CMK- en vakdocentennetwerk; inspiratie- en netwerkbijeenkomsten.",
                "running",
            ),
            (
                "Inzet cultuurbus",
                1,
                "CToS",
                "Vervoer van leerlingen uit het primair onderwijs naar cultuur.",
                "doorlopend",
                "Een cultuurbus voor regionaal aanbod.",
                "running",
            ),
            (
                "Structureel aanbod techniekeducatie",
                1,
                "CToS, culturele veld en onderwijspartners",
                "Techniekeducatie als volwaardig onderdeel van cultuureducatie.",
                "2027",
                "Een doorlopende leerlijn techniek.",
                "planned",
            ),
        ],
    ),
    7: (
        "Goud maken",
        "Behoud culturele elementen",
        "In 2024 is de informatie en kennis over erfgoed van Zoetermeer vergroot.",
        [
            (
                "Opstellen van visie en beleid",
                None,
                "gemeente i.s.m. erfgoedorganisaties",
                "Bescherming van het erfgoed uit 1945-1990.",
                "2027",
                "Een erfgoedvisie en -beleid.",
                "planned",
            ),
            (
                "Richtlijnen opstellen en initiatieven verbinden",
                None,
                "gemeente i.s.m. erfgoedorganisaties",
                "Nieuw cultureel erfgoed van de toekomst.",
                "2030",
                "Richtlijnen voor nieuw erfgoed.",
                "planned",
            ),
        ],
    ),
    8: (
        "Zoetermeer geeft kleur",
        "Promotie",
        "In 2024 is de promotie van cultuur in Zoetermeer geoptimaliseerd.",
        [
            (
                "Cultuurnetwerk vormen",
                2,
                "Cultuurmakelaar",
                "Netwerk Cultuur079 verder vormgeven.",
                "doorlopend",
                "Maandelijkse CultuurKantines en laagdrempelige activiteiten.",
                "running",
            ),
            (
                "Cultuuraanbod profileren",
                None,
                "culturele marketing- & promotietafel",
                "Cultuurprofilering in de regio.",
                "doorlopend",
                "Een verhaal voor de regio bij het thematische aanbod.",
                "running",
            ),
        ],
    ),
}

# Budget per card per year, euros (seed 003 names amounts per agreement; these are their sums, rounded).
BUDGETS = {1: 40_000, 2: 20_000, 3: 60_000, 4: 20_000, 5: 25_000, 6: 30_000, 7: 10_000, 8: 15_000}

# (title, likelihood, impact, measure) per goal (seed 000/001: risks per goal)
GOAL_RISKS = [
    (
        "Te weinig scholen doen mee aan co-creaties",
        3,
        4,
        "Accounthouders bespreken co-creatie in elk voortgangsgesprek.",
    ),
    (
        "Cultuurmakers zijn onvoldoende beschikbaar in de wijk",
        4,
        3,
        "Pool van makers uitbreiden via Cultuur079.",
    ),
    (
        "Financiering van de gemeente valt lager uit",
        2,
        5,
        "Fondsenwerving starten voor de meerjarige projecten.",
    ),
    (
        "Deelnemers uit het sociaal domein haken af",
        3,
        3,
        "Samen met wijkpartners laagdrempelige activiteiten plannen.",
    ),
    (
        "Registratie van bereik is onvolledig",
        4,
        2,
        "Presentielijsten bij elke activiteit; maandelijkse controle.",
    ),
    ("Uitval van een cultuurexpert", 2, 4, "Wijkteams van minimaal twee adviseurs; overdracht vastleggen."),
    (
        "Samenwerkingspartner stopt halverwege een project",
        2,
        3,
        "Afspraken vastleggen in een samenwerkingsovereenkomst.",
    ),
    ("Privacy: persoonsgegevens in rapportages", 1, 5, "Rapportages tellen alleen; geen namen van inwoners."),
]
PLAN_RISKS = [
    ("ICC heeft te weinig uren voor cultuur", 4, 4, "Taakuren vastleggen in het jaarplan van de school."),
    ("Team draagt de visie op cultuureducatie niet", 3, 4, "Studiemiddag met de cultuurexpert."),
    ("Vervoer naar culturele locaties te duur", 3, 2, "Cultuurbus inzetten waar mogelijk."),
    (
        "Budget is aan het einde van het schooljaar niet besteed",
        2,
        2,
        "Halfjaarlijkse check van de bestedingen.",
    ),
]


def _partners():
    district = District.objects.filter(is_central_intake=False).order_by("pk").first()
    if district is None:
        return []
    partners = []
    for name, email, contact in PARTNERS:
        partner, _created = Partner.objects.get_or_create(
            district=district,
            name=name,
            defaults={"kind": "cultural", "email": email, "contact_person": contact},
        )
        partners.append(partner)
    return partners


def _cards(partners):
    today = datetime.date.today()
    half = f"{today.year}-H{1 if today.month <= 6 else 2}"
    previous = f"{today.year - 1}-H2" if today.month <= 6 else f"{today.year}-H1"
    for number, (title, theme, ambition, agreements) in CARDS.items():
        card, _created = StrategyCard.objects.get_or_create(
            number=number, defaults={"title": title, "theme": theme, "ambition": ambition}
        )
        for year in (2025, 2026, 2027):
            ThemeBudget.objects.get_or_create(
                card=card, year=year, defaults={"amount_cents": BUDGETS[number] * 100}
            )
        for index, (name, partner, who, what, when, how, status) in enumerate(agreements):
            agreement, created = Agreement.objects.get_or_create(
                card=card,
                title=name,
                defaults={
                    "partner": partners[partner] if partner is not None and partners else None,
                    "who": who,
                    "what": what,
                    "when": when,
                    "how": how,
                    "status": status,
                },
            )
            if not created:
                continue
            for year in (2025, 2026):
                AgreementSpending.objects.create(
                    agreement=agreement,
                    spent_on=datetime.date(year, 3 + index, 15),
                    amount_cents=(BUDGETS[number] // (len(agreements) + 1)) * 100 // (index + 1),
                    description=f"{name} ({year})",
                )
            if agreement.partner_id:
                AgreementProgress.objects.get_or_create(
                    agreement=agreement,
                    period_key=previous,
                    defaults={
                        "status": status,
                        "text": "Loopt volgens planning; zie de notulen van het halfjaaroverleg.",
                    },
                )
            if agreement.partner_id and index == 0:
                AgreementProgress.objects.get_or_create(
                    agreement=agreement,
                    period_key=half,
                    defaults={
                        "status": status,
                        "text": "Eerste helft afgerond, tweede bijeenkomst gepland.",
                        "figure": 2,
                    },
                )


def _risks(ctx):
    from schools.models import CmkPlan

    today = datetime.date.today()
    manager = ctx.get_user("manager@cultuur.test")
    goals = list(Goal.objects.order_by("pk")[: len(GOAL_RISKS)])
    plans = list(CmkPlan.objects.select_related("school").order_by("school__name", "-school_year")[:2])
    subjects = [({"goal": goal}, risk) for goal, risk in zip(goals, GOAL_RISKS, strict=False)]
    subjects += [({"plan": plan}, risk) for plan in plans for risk in PLAN_RISKS[:2]]
    for index, (subject, (title, likelihood, impact, measure)) in enumerate(subjects):
        risk, created = Risk.objects.get_or_create(
            title=title,
            **subject,
            defaults={
                "likelihood": likelihood,
                "impact": impact,
                "measure": measure,
                "owner": manager,
                "created_by": manager,
                # a third is past its review date: due in this PDCA round
                "review_on": today + datetime.timedelta(days=(-20 if index % 3 == 0 else 60 + index * 7)),
            },
        )
        if created:
            RiskReview.objects.create(
                risk=risk,
                reviewed_on=today - datetime.timedelta(days=120),
                likelihood=likelihood,
                impact=impact,
                previous_likelihood=min(5, likelihood + 1),
                previous_impact=impact,
                note="Beoordeeld in het halfjaaroverleg.",
                by=manager,
            )


def seed(ctx) -> None:
    partners = _partners()
    _cards(partners)
    _risks(ctx)
