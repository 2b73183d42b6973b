"""Demo data for the project bank: good and bad practice from Zaanstad (seeds 002 and 004).

Seed 002 asks for "een projectenbank met voorbeelden en werkwijzen", seed 004 for sharing best and
worst practices (outside-in: start with the question; workshops as another way of making; fair
pay makes projects dearer; shared spaces and collectives). The cases below are written in that spirit.
"""

from districts.models import District
from impact.cases import case_create, case_publish
from impact.models import Case
from makers.models import Discipline, Maker

CASES = [
    {
        "title": "Muurschildering met kinderen bij het speelveld",
        "practice": "good",
        "district": "zaandam-oost",
        "disciplines": ["beeldende-kunst"],
        "tags": ["buitenruimte", "kinderen", "buurt"],
        "culture_type": "participating",
        "costs_cents": 420000,
        "question": "Een bewonersgroep wilde een kale muur bij het speelveld samen met kinderen uit de buurt opknappen.",
        "approach": "Een beeldend kunstenaar hield drie ontwerpmiddagen in het buurthuis; de kinderen kozen samen het "
        "ontwerp en schilderden het in twee zaterdagen onder begeleiding.",
        "what_worked": "Kinderen en ouders kwamen elke keer terug omdat de tijden vast waren en de plek bekend. "
        "De woningcorporatie betaalde de verf.",
        "what_did_not": "De eerste zaterdag regende het; een reservedatum stond niet in de planning.",
    },
    {
        "title": "Dansworkshops voor ouderen in het wijkcentrum",
        "practice": "good",
        "district": "koog-zaandijk",
        "disciplines": ["dans"],
        "tags": ["ouderen", "bewegen"],
        "culture_type": "",
        "costs_cents": 180000,
        "question": "Een welzijnsorganisatie zocht een activiteit waarin eenzame ouderen samen in beweging komen.",
        "approach": "Acht wekelijkse danslessen van een uur met een docent die ervaring heeft met ouderen, "
        "afgesloten met een kleine voorstelling voor familie.",
        "what_worked": "Muziek uit hun jeugd; koffie na afloop zorgde dat mensen bleven praten.",
        "what_did_not": "",
    },
    {
        "title": "Theatervoorstelling in de bibliotheek zonder publiek",
        "practice": "bad",
        "district": "wormerveer",
        "disciplines": ["theater"],
        "tags": ["bibliotheek", "promotie"],
        "culture_type": "consuming",
        "costs_cents": 95000,
        "question": "De bibliotheek wilde jeugdtheater programmeren om nieuwe gezinnen naar binnen te halen.",
        "approach": "Een voorstelling op zondagmiddag, aangekondigd via de website van de bibliotheek.",
        "what_worked": "De samenwerking met de bibliotheek zelf liep goed en de zaal was gratis.",
        "what_did_not": "Er kwamen elf bezoekers: de doelgroep leest de website niet. Outside-in denken ontbrak; "
        "scholen en consultatiebureau waren niet gevraagd om mee te werven.",
    },
    {
        "title": "Co-creatie erfgoed met twee basisscholen",
        "practice": "good",
        "district": "krommenie",
        "disciplines": ["erfgoed", "digitale-media"],
        "tags": ["onderwijs", "co-creatie"],
        "culture_type": "integrating",
        "costs_cents": 650000,
        "question": "Twee scholen wilden leerlingen het verhaal van de linoleumfabriek laten onderzoeken en vertellen.",
        "approach": "Een erfgoedmaker en een filmmaker maakten met de leerkrachten een lessenreeks; leerlingen "
        "interviewden oud-werknemers en maakten korte films.",
        "what_worked": "Het lesmateriaal is herbruikbaar en een derde school gebruikt het nu ook.",
        "what_did_not": "De voorbereidingstijd van de leerkrachten was te krap begroot.",
    },
    {
        "title": "Popkoor voor jongeren zonder vaste repetitieruimte",
        "practice": "bad",
        "district": "zaandam-noord",
        "disciplines": ["muziek", "pop-en-urban"],
        "tags": ["jongeren", "locatie"],
        "culture_type": "",
        "costs_cents": 240000,
        "question": "Jongeren uit de wijk wilden samen zingen en optreden op het wijkfeest.",
        "approach": "Een zangcoach begon repetities, steeds op een andere plek die toevallig vrij was.",
        "what_worked": "Het optreden zelf was een succes voor de twaalf jongeren die bleven.",
        "what_did_not": "Door de wisselende plekken haakte de helft af. Eerst een vaste zaal regelen via het "
        "locatieplatform had dit voorkomen.",
    },
    {
        "title": "Fotografieproject met nieuwkomers en fair pay",
        "practice": "good",
        "district": "zaandam-west",
        "disciplines": ["film-en-fotografie"],
        "tags": ["nieuwkomers", "fair practice", "taal"],
        "culture_type": "",
        "costs_cents": 380000,
        "question": "Een taalhuis zocht een creatieve manier om nieuwkomers de wijk te laten ontdekken.",
        "approach": "Een fotograaf liep zes keer met een groep door de wijk; de foto's hingen daarna in het stadhuis.",
        "what_worked": "De maker werd volgens de fair practice code betaald; het fonds waardeerde de eerlijke begroting.",
        "what_did_not": "Minder deelnemers dan gehoopt omdat de tijden botsten met de taallessen.",
    },
    {
        "title": "Broedplaats als maakplek voor de buurt",
        "practice": "good",
        "district": "assendelft",
        "disciplines": ["ambacht-en-vormgeving", "multidisciplinair"],
        "tags": ["maakplek", "collectief", "buurt"],
        "culture_type": "",
        "costs_cents": 120000,
        "question": "Bewoners zochten een plek om samen te maken en te repareren.",
        "approach": "Een collectief van makers in een broedplaats opende twee avonden per week de werkplaats voor de buurt.",
        "what_worked": "De makers deelden kennis en gereedschap; de opbrengst van workshops ging terug naar de werkplaats.",
        "what_did_not": "",
    },
    {
        "title": "Circusweek in de zomervakantie kwam te laat rond",
        "practice": "bad",
        "district": "zaandam-zuid",
        "disciplines": ["circus"],
        "tags": ["zomervakantie", "kinderen", "planning"],
        "culture_type": "",
        "costs_cents": 310000,
        "question": "Een speeltuinvereniging wilde in de zomervakantie een week circuslessen voor kinderen.",
        "approach": "De aanvraag bij het fonds ging zes weken voor de zomer de deur uit.",
        "what_worked": "De circusschool kon snel schakelen en leende materiaal uit.",
        "what_did_not": "Het fonds besliste pas na de vakantie; de week werd met de helft van het budget uitgevoerd. "
        "Fondsaanvragen voor de zomer uiterlijk in maart indienen.",
    },
    {
        "title": "Spoken word op het voortgezet onderwijs",
        "practice": "good",
        "district": "westzaan",
        "disciplines": ["literatuur-en-spoken-word"],
        "tags": ["onderwijs", "jongeren", "taal"],
        "culture_type": "participating",
        "costs_cents": 210000,
        "question": "Een school wilde taalonderwijs levendiger maken voor leerlingen die weinig lezen.",
        "approach": "Een spoken word artiest gaf vier lessen per klas en sloot af met een battle in de aula.",
        "what_worked": "Leerlingen schreven over hun eigen wijk; docenten namen de werkvormen over.",
        "what_did_not": "",
    },
    {
        "title": "Digitale kunst in het museum: te veel partners tegelijk",
        "practice": "bad",
        "district": "",
        "disciplines": ["digitale-media", "beeldende-kunst"],
        "tags": ["museum", "samenwerking"],
        "culture_type": "",
        "costs_cents": 720000,
        "question": "Een museum, een poppodium en twee scholen wilden samen een digitale kunstroute maken.",
        "approach": "Vijf partners stuurden samen één maker aan zonder vaste trekker.",
        "what_worked": "De route zelf werd goed bezocht in de herfstvakantie.",
        "what_did_not": "Niemand besliste; de maker kreeg tegenstrijdige opdrachten en het budget liep uit. "
        "Wijs voortaan één trekker aan en leg afspraken vast.",
        "internal": True,
    },
]


def seed(ctx) -> None:
    if Case.objects.exists():
        return  # the bank has cases already: seeding twice changes nothing
    by = ctx.get_user("adviseur@cultuur.test") if _exists("adviseur@cultuur.test") else None
    disciplines = {d.slug: d for d in Discipline.objects.all()}
    districts = {d.slug: d for d in District.objects.all()}
    makers = list(Maker.objects.filter(status="published").order_by("pk")[:20])
    for number, data in enumerate(CASES):
        fields = dict(data)
        fields["district"] = districts.get(fields["district"])
        fields["disciplines"] = [disciplines[s] for s in fields["disciplines"] if s in disciplines]
        chosen = makers[number % len(makers)] if makers else None
        case = case_create(by=by, makers=[chosen] if chosen else [], **fields)
        case_publish(case=case, by=by)


def _exists(email) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email=email).exists()
