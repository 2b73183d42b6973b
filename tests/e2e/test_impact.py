"""A manager opens the dashboard, narrows it to one district, downloads a chart's CSV; axe finds nothing."""

import datetime
from pathlib import Path

import pytest

from tests.factories import PASSWORD, UserFactory
from tests.impact.factories import ActivityFactory, ReachFactory
from tests.requests.factories import CultureRequestFactory
from tests.schools.factories import CultureTypeRecordFactory, SchoolFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_manager_filters_the_dashboard_by_district_and_downloads_a_csv(page, login, axe_violations):
    from tests.factories import DistrictFactory, MunicipalityFactory

    zaanstad = MunicipalityFactory(name="Zaanstad", slug="zaanstad")
    poelenburg = DistrictFactory(name="Poelenburg", slug="poelenburg", municipality=zaanstad)
    peldersveld = DistrictFactory(name="Peldersveld", slug="peldersveld", municipality=zaanstad)
    year = datetime.date.today().year
    for district, count in ((poelenburg, 3), (peldersveld, 1)):
        for n in range(count):
            CultureRequestFactory(district=district)
            ReachFactory(
                activity=ActivityFactory(districts=[district], starts_on=datetime.date(year, 1, 1 + n)),
                participants=10 + n,
            )
        school = SchoolFactory(municipality=zaanstad, district=district)
        CultureTypeRecordFactory(school=school, school_year=year - 1, culture_type="participating")
    manager = UserFactory(roles=["manager"], email="manager@example.org")

    login(manager.email, PASSWORD)
    assert page.url.endswith("/dashboard/")
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    assert axe_violations(page) == []

    page.get_by_label("Wijk", exact=True).select_option(label="Poelenburg (Zaanstad)")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_load_state()
    assert "district=poelenburg" in page.url
    table = page.get_by_role("table", name="Vragen per wijk")
    assert "Poelenburg" in table.inner_text() and "Peldersveld" not in table.inner_text()
    assert page.locator(".chart svg").count() >= 3  # the charts were drawn by the self-hosted script

    with page.expect_download() as download_info:
        page.locator("#figure-requests_by_district ~ p a[download]").click()
    download = download_info.value
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.splitlines()[0] == "Wijk,Vragen,Open,Gekoppeld"
    assert content.splitlines()[1].startswith("Poelenburg,3")
    assert axe_violations(page) == []
