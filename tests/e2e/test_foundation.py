import pytest
from django.core.management import call_command

from cultuur.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_home_page_loads_and_has_no_accessibility_violations(page, axe_violations):
    response = page.goto("/")
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Cultuur in de wijk"
    assert axe_violations(page) == []


def test_the_login_page_has_no_accessibility_violations(page, axe_violations):
    page.goto("/accounts/login/")
    assert axe_violations(page) == []


def test_a_demo_advisor_logs_in_and_lands_on_their_home_page(page, login, axe_violations):
    call_command("seed_demo", allow_production=True)
    login("adviseur@cultuur.test", DEMO_PASSWORD)
    assert "/accounts/login/" not in page.url
    assert page.get_by_role("link", name="Uitloggen").is_visible()
    assert axe_violations(page) == []


def test_the_skip_link_is_the_first_stop_for_keyboard_users(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Naar de inhoud"
