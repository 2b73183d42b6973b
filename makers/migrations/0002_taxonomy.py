"""The shared taxonomy as rows: disciplines, target groups and languages."""

from django.db import migrations

DISCIPLINES = [
    ("muziek", "Muziek"),
    ("theater", "Theater"),
    ("dans", "Dans"),
    ("beeldende-kunst", "Beeldende kunst"),
    ("digitale-media", "Digitale media"),
    ("film-en-fotografie", "Film en fotografie"),
    ("literatuur-en-spoken-word", "Literatuur en spoken word"),
    ("erfgoed", "Erfgoed"),
    ("pop-en-urban", "Pop- en urban cultuur"),
    ("ambacht-en-vormgeving", "Ambacht en vormgeving"),
    ("circus", "Circus"),
    ("multidisciplinair", "Multidisciplinair"),
]

TARGET_GROUPS = [
    ("peuters-en-kleuters", "Peuters en kleuters"),
    ("kinderen", "Kinderen (6-12)"),
    ("jongeren", "Jongeren (12-18)"),
    ("jongvolwassenen", "Jongvolwassenen"),
    ("volwassenen", "Volwassenen"),
    ("ouderen", "Ouderen"),
    ("primair-onderwijs", "Primair onderwijs"),
    ("voortgezet-onderwijs", "Voortgezet onderwijs"),
    ("mensen-met-een-beperking", "Mensen met een beperking"),
    ("nieuwkomers", "Nieuwkomers"),
    ("buurtbewoners", "Buurtbewoners"),
]

LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "Engels"),
    ("tr", "Turks"),
    ("ar", "Arabisch"),
    ("pl", "Pools"),
    ("de", "Duits"),
    ("fr", "Frans"),
    ("es", "Spaans"),
    ("uk", "Oekraïens"),
    ("pap", "Papiaments"),
    ("ber", "Tamazight (Berbers)"),
    ("ngt", "Nederlandse Gebarentaal"),
]


def forwards(apps, schema_editor):
    Discipline = apps.get_model("makers", "Discipline")
    TargetGroup = apps.get_model("makers", "TargetGroup")
    Language = apps.get_model("makers", "Language")
    for order, (slug, name) in enumerate(DISCIPLINES):
        Discipline.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
    for order, (slug, name) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
    for order, (code, name) in enumerate(LANGUAGES):
        Language.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("makers", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
