"""Demo data: Zaanstad's districts (gebieden) and Oostzaan, with their 4-digit postcode areas."""

import datetime

from django.utils.text import slugify

from districts.models import (
    CultureProfile,
    District,
    DistrictGrant,
    DistrictTeamMember,
    Municipality,
    Partner,
    PostcodeArea,
)
from districts.selectors import central_intake
from districts.services import budget_ensure

MUNICIPALITIES = {
    "Zaanstad": {
        "cbs_code": "GM0479",
        "districts": {
            "Zaandam-West": ["1501", "1502"],
            "Zaandam-Noord": ["1503", "1507", "1508", "1509"],
            "Zaandam-Oost": ["1505", "1506"],
            "Zaandam-Zuid": ["1504"],
            "Koog-Zaandijk": ["1541", "1542", "1543", "1544"],
            "Wormerveer": ["1521", "1522", "1523", "1525"],
            "Krommenie": ["1561", "1562"],
            "Assendelft": ["1566", "1567"],
            "Westzaan": ["1551"],
        },
    },
    "Oostzaan": {"cbs_code": "GM0431", "districts": {"Oostzaan": ["1511"]}},
}

# Two advisors per district, as the seeds require; Westzaan deliberately has one.
ADVISORS = {
    "Zaandam-West": [("Sanne", "de Vries"), ("Youssef", "El Idrissi")],
    "Zaandam-Noord": [("Marieke", "Bakker"), ("Dennis", "Mulder")],
    "Zaandam-Oost": [("Fatma", "Yilmaz"), ("Jeroen", "Visser")],
    "Zaandam-Zuid": [("Linda", "Smit"), ("Kwame", "Mensah")],
    "Koog-Zaandijk": [("Esther", "Kok"), ("Bas", "Jansen")],
    "Wormerveer": [("Ingrid", "Meijer"), ("Rachid", "Bouzid")],
    "Krommenie": [("Anouk", "de Boer"), ("Pieter", "Schouten")],
    "Assendelft": [("Nicole", "Dekker"), ("Sander", "Vos")],
    "Westzaan": [("Tamara", "Brouwer")],
    "Oostzaan": [("Wendy", "Hoekstra"), ("Mark", "van Dijk")],
}


def seed(ctx) -> None:
    for municipality_name, data in MUNICIPALITIES.items():
        municipality, _ = Municipality.objects.update_or_create(
            slug=slugify(municipality_name),
            defaults={"name": municipality_name, "cbs_code": data["cbs_code"]},
        )
        for district_name, postcodes in data["districts"].items():
            district, _ = District.objects.update_or_create(
                slug=slugify(district_name), defaults={"name": district_name, "municipality": municipality}
            )
            for code in postcodes:
                PostcodeArea.objects.update_or_create(code=code, defaults={"district": district})
    central_intake()

    for district_name, people in ADVISORS.items():
        district = District.objects.get(slug=slugify(district_name))
        for first_name, last_name in people:
            email = f"{slugify(first_name)}.{slugify(last_name).replace('-', '')}@cultuur.test"
            user = ctx.user(email, first_name, last_name, roles=["advisor"])
            DistrictTeamMember.objects.get_or_create(district=district, user=user)
    # The demo advisor everyone logs in with works in Zaandam-Oost (Poelenburg, Peldersveld).
    ctx.user("adviseur@cultuur.test", "Demi", "Adviseur", roles=["advisor"], demo_login=True)
    DistrictTeamMember.objects.get_or_create(
        district=District.objects.get(slug="zaandam-oost"), user=ctx.get_user("adviseur@cultuur.test")
    )
    seed_profiles(ctx)


PROFILES = {
    "zaandam-oost": {
        "character": "Poelenburg en Peldersveld: jonge, meertalige wijk met veel gezinnen en nieuwkomers. "
        "Trots op de eigen buurt, wantrouwig tegenover instanties die komen en gaan.",
        "informal_structures": "Moedergroepen bij de moskee en in het buurthuis; jongeren op het Pelderspad; "
        "een WhatsApp-groep van zo'n 300 buurtbewoners.",
        "warm_relations": "Buurthuis De Poelenburcht, het Vrouwen Empowerment Centrum, Jongerenwerk Zaanstad.",
        "networks": "Wijkteam Poelenburg, Sociaal Wijkteam Oost, het netwerk Samen Poelenburg.",
        "facilities": "Buurthuis met zaal (80 personen), gymzaal, schoolpleinen, het Pelderspark.",
        "cultural_needs": "Muziek en dans voor tieners, verhalen vertellen in meerdere talen, "
        "betaalbare cursussen dicht bij huis.",
    },
    "westzaan": {
        "character": "Dorpse kern met lintbebouwing langs de Zuideinde; veel vrijwilligers, weinig jongeren.",
        "informal_structures": "De kerk, de ijsclub en de oranjevereniging dragen het dorpsleven.",
        "warm_relations": "Historische Vereniging Westzaan, Dorpsraad.",
        "networks": "Dorpsraad Westzaan, Zaans Erfgoed.",
        "facilities": "Het Regthuis, de Grote Kerk, De Zuidervermaning.",
        "cultural_needs": "Erfgoed en verhalen van het dorp doorgeven aan kinderen.",
    },
}
PARTNERS = {
    "zaandam-oost": [
        ("Buurthuis De Poelenburcht", "social", "Ayse Demir"),
        ("Jongerenwerk Zaanstad", "social", "Mo Amrani"),
        ("Stichting Samen Poelenburg", "initiative", "Henk Groen"),
    ],
    "westzaan": [("Historische Vereniging Westzaan", "cultural", "Joke Blom")],
    "krommenie": [("Stichting Krommenie Cultureel", "cultural", "Ria Prins")],
}
GRANTS = {
    "zaandam-oost": [("Zomerfestival Pelderspark", 150_000), ("Vertelcafe in drie talen", 45_000)],
    "koog-zaandijk": [("Kunstroute Zaandijk", 200_000)],
    "wormerveer": [("Muurschildering Zaanbocht", 320_000), ("Popkoor Wormerveer", 250_000)],
}


def seed_profiles(ctx) -> None:
    year = datetime.date.today().year
    advisor = ctx.get_user("adviseur@cultuur.test")
    for slug, fields in PROFILES.items():
        CultureProfile.objects.update_or_create(
            district=District.objects.get(slug=slug), defaults={**fields, "updated_by": advisor}
        )
    for slug, partners in PARTNERS.items():
        district = District.objects.get(slug=slug)
        for name, kind, contact in partners:
            Partner.objects.get_or_create(
                district=district, name=name, defaults={"kind": kind, "contact_person": contact}
            )
    for slug, grants in GRANTS.items():
        district = District.objects.get(slug=slug)
        budget = budget_ensure(district=district, year=year)
        decider = district.team_members.select_related("user").first().user
        for initiative, cents in grants:
            DistrictGrant.objects.get_or_create(
                budget=budget,
                initiative=initiative,
                defaults={
                    "amount_cents": cents,
                    "granted_on": datetime.date(year, 3, 15),
                    "decided_by": decider,
                    "over_budget_reason": "Aanvulling uit het centrale budget (besluit MT)"
                    if cents > 300_000
                    else "",
                },
            )
