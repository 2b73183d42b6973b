import pytest
from django.urls import reverse

from schools.models import CultureTypeRecord, MonitoringEntry
from schools.models.choices import CultureType
from tests.schools.factories import CultureTypeRecordFactory, MonitoringEntryFactory

pytestmark = pytest.mark.django_db

ENTRY = {
    "date": "2025-10-07",
    "contact_kind": "visit",
    "phase": "check",
    "notes": "Tussenevaluatie met directie en ICC.",
    "solution_realised": "partly",
    "development": "deepened",
    "could_be_better": "Eerder starten.",
    "next_step": "Tweede teamtraining.",
    "shared_with_school": "on",
}


def test_the_account_holder_records_a_pdca_entry_with_the_evaluation_questions(client, advisor, school):
    client.force_login(advisor)
    url = reverse("schools:monitoring", kwargs={"pk": school.pk})
    assert client.post(url, ENTRY).status_code == 302
    entry = MonitoringEntry.objects.get()
    assert (entry.phase, entry.solution_realised, entry.development, entry.school_year) == (
        "check",
        "partly",
        "deepened",
        2025,
    )
    assert entry.author == advisor
    page = client.get(url).content.decode()
    assert "Tweede teamtraining." in page and "verdiept" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phase": "later"}, "geen beschikbare keuze"),
        ({"date": "morgen"}, "geldige datum"),
        ({"notes": ""}, "Dit veld is vereist"),
        ({"date": "2150-01-01"}, "tussen 2000 en 2100"),
    ],
)
def test_bad_monitoring_input_is_refused_and_kept(client, advisor, school, change, message):
    client.force_login(advisor)
    response = client.post(reverse("schools:monitoring", kwargs={"pk": school.pk}), {**ENTRY, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Eerder starten." in response.content.decode()
    assert not MonitoringEntry.objects.exists()


def test_an_icc_cannot_write_monitoring_notes(client, icc, school):
    client.force_login(icc)
    assert client.post(reverse("schools:monitoring", kwargs={"pk": school.pk}), ENTRY).status_code == 403


def test_the_api_creates_monitoring_only_for_the_account_holder(client, advisor, icc, school, other_school):
    client.force_login(advisor)
    data = {**ENTRY, "school": school.pk, "shared_with_school": True}
    assert client.post("/api/school-monitoring/", data, content_type="application/json").status_code == 201
    other = {**data, "school": other_school.pk}
    assert client.post("/api/school-monitoring/", other, content_type="application/json").status_code == 400
    client.force_login(icc)
    assert client.post("/api/school-monitoring/", data, content_type="application/json").status_code == 403


def test_the_culture_type_is_kept_per_year_and_shown_as_history(client, advisor, school):
    CultureTypeRecordFactory(school=school, school_year=2023, culture_type=CultureType.CONSUMING)
    client.force_login(advisor)
    url = reverse("schools:culture_type", kwargs={"pk": school.pk})
    client.post(url, {"school_year": 2024, "culture_type": CultureType.PARTICIPATING})
    client.post(url, {"school_year": 2025, "culture_type": CultureType.PARTICIPATING})
    client.post(
        url, {"school_year": 2025, "culture_type": CultureType.INTEGRATING}
    )  # corrects, not duplicates
    history = list(
        CultureTypeRecord.objects.filter(school=school)
        .order_by("school_year")
        .values_list("school_year", "culture_type")
    )
    assert history == [(2023, "consuming"), (2024, "participating"), (2025, "integrating")]
    page = client.get(reverse("schools:detail", kwargs={"pk": school.pk})).content.decode()
    page = page[page.index("Cultuurtype door de jaren") :]
    assert page.index("2023-2024") < page.index("2024-2025") < page.index("2025-2026")
    assert "consumerend" in page and "integrerend" in page
    api = client.get(f"/api/schools/{school.pk}/").json()
    assert api["culture_types"] == {
        "2023-2024": "consuming",
        "2024-2025": "participating",
        "2025-2026": "integrating",
    }


def test_only_the_account_holder_sets_the_culture_type(client, icc, school):
    client.force_login(icc)
    response = client.post(
        reverse("schools:culture_type", kwargs={"pk": school.pk}),
        {"school_year": 2025, "culture_type": "consuming"},
    )
    assert response.status_code == 403
    assert not CultureTypeRecord.objects.exists()


def test_shared_notes_appear_on_the_icc_school_page(client, icc, school):
    MonitoringEntryFactory(school=school, notes="Mooie voortgang", shared_with_school=True)
    client.force_login(icc)
    assert "Mooie voortgang" in client.get(reverse("schools:home")).content.decode()
