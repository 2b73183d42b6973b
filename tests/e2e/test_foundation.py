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


def _console_errors(page) -> list[str]:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_a_page_with_htmx_logs_no_console_errors_under_the_csp(page):
    """htmx used to inject its indicator style inline, which the CSP refused on every page; and
    the browser's own request for /favicon.ico ended in a 404."""
    errors = _console_errors(page)
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.htmx && htmx.config.includeIndicatorStyles") is False
    assert page.evaluate("fetch('/favicon.ico').then(r => r.status)") == 200
    assert errors == []


def test_the_triage_board_logs_no_console_errors(page, login):
    call_command("seed_demo", allow_production=True)
    errors = _console_errors(page)
    login("adviseur@cultuur.test", DEMO_PASSWORD)
    page.goto("/triage/")
    page.wait_for_load_state("networkidle")
    assert errors == []
