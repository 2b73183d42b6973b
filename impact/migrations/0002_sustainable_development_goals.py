"""The 17 UN Sustainable Development Goals as impact themes (MAEX links every activity to them).

Seed 000 names poverty reduction, talent development and social peace and safety: SDG 1, 4 and 16.
Managers may edit the names and descriptions afterwards; this only creates the missing rows.
"""

from django.db import migrations

SDGS = [
    (1, "Geen armoede", "Armoedebestrijding: armoede in al haar vormen overal beëindigen."),
    (2, "Geen honger", "Honger beëindigen, voedselzekerheid en betere voeding."),
    (3, "Goede gezondheid en welzijn", "Een goede gezondheid en welzijn voor iedereen, op elke leeftijd."),
    (4, "Kwaliteitsonderwijs", "Talentontwikkeling: inclusief en gelijkwaardig onderwijs en levenslang leren."),
    (5, "Gendergelijkheid", "Gendergelijkheid en empowerment van vrouwen en meisjes."),
    (6, "Schoon water en sanitair", "Schoon water en sanitaire voorzieningen voor iedereen."),
    (7, "Betaalbare en duurzame energie", "Betaalbare, betrouwbare en duurzame energie voor iedereen."),
    (8, "Waardig werk en economische groei", "Duurzame economische groei en waardig werk voor iedereen."),
    (9, "Industrie, innovatie en infrastructuur", "Veerkrachtige infrastructuur en innovatie."),
    (10, "Ongelijkheid verminderen", "Ongelijkheid binnen en tussen landen verminderen; kansengelijkheid."),
    (11, "Duurzame steden en gemeenschappen", "Inclusieve, veilige en duurzame steden en wijken."),
    (12, "Verantwoorde consumptie en productie", "Duurzame consumptie- en productiepatronen."),
    (13, "Klimaatactie", "Dringend actie ondernemen tegen klimaatverandering."),
    (14, "Leven in het water", "Oceanen, zeeën en mariene hulpbronnen duurzaam gebruiken."),
    (15, "Leven op het land", "Ecosystemen op het land beschermen en herstellen."),
    (16, "Vrede, justitie en sterke publieke diensten", "Sociale vrede en veiligheid: vreedzame en inclusieve samenlevingen."),
    (17, "Partnerschap om doelstellingen te bereiken", "Samenwerking en partnerschappen voor duurzame ontwikkeling."),
]


def create_themes(apps, schema_editor):
    ImpactTheme = apps.get_model("impact", "ImpactTheme")
    for number, name, description in SDGS:
        ImpactTheme.objects.get_or_create(number=number, defaults={"name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [("impact", "0001_initial")]

    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
