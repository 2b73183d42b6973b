from django.db import migrations, models

ACTION_FLAGGED = "requests.request.possible_duplicate"


def flag_from_timeline(apps, schema_editor):
    CultureRequest = apps.get_model("requests", "CultureRequest")
    RequestEvent = apps.get_model("requests", "RequestEvent")
    flagged = RequestEvent.objects.filter(action=ACTION_FLAGGED).values("request_id")
    CultureRequest.objects.filter(pk__in=flagged).update(flagged_duplicate=True)


class Migration(migrations.Migration):
    dependencies = [("requests", "0015_open_no_contact_index")]

    operations = [
        migrations.AddField(
            model_name="culturerequest",
            name="flagged_duplicate",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(flag_from_timeline, migrations.RunPython.noop),
    ]
