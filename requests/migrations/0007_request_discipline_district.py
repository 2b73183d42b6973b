"""Requests by discipline per district, from one index (the district page at scale).

The link table of CultureRequest.disciplines becomes an explicit model, RequestDiscipline, on the
same table and columns (state only), and gets the request's district copied onto every link,
filled from the requests here; the index (district, discipline) then answers a district's counts
without joining every link to its request (at 1,000,000 requests that join took 50-90 ms).
"""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = """
UPDATE requests_culturerequest_disciplines SET district_id = (
    SELECT r.district_id FROM requests_culturerequest r
    WHERE r.id = requests_culturerequest_disciplines.culturerequest_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0002_cultureprofile_districtbudget_districtgrant_partner_and_more"),
        ("makers", "0004_district_figure_indexes"),
        ("requests", "0006_district_figure_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="RequestDiscipline",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "culturerequest",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="requests.culturerequest"
                            ),
                        ),
                        (
                            "discipline",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="makers.discipline"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "requests_culturerequest_disciplines",
                        "unique_together": {("culturerequest", "discipline")},
                    },
                ),
                migrations.AlterField(
                    model_name="culturerequest",
                    name="disciplines",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="culture_requests",
                        through="requests.RequestDiscipline",
                        to="makers.discipline",
                        verbose_name="soort cultuur",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="requestdiscipline",
            name="district",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="districts.district",
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="requestdiscipline",
            name="district",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="districts.district",
            ),
        ),
        migrations.AddIndex(
            model_name="requestdiscipline",
            index=models.Index(fields=["district", "discipline"], name="req_discipline_by_district"),
        ),
    ]
