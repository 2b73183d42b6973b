"""Demo data: Zaanstad's districts (gebieden) and Oostzaan, with their 4-digit postcode areas."""

from django.utils.text import slugify

from districts.models import District, DistrictTeamMember, Municipality, PostcodeArea
from districts.selectors import central_intake

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
