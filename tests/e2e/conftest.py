"""Browser journeys: a real headless Chromium (Debian's package) driven by Playwright.

Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
thread with a running loop unless told that this is intended, which in these tests it is.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_violations():
    """Run axe-core on the page as it is now; returns the WCAG 2.1 A/AA violations (empty = pass)."""
    axe = Axe()

    def run(page) -> list[dict]:
        violations = axe.run(page, options=WCAG_AA).response["violations"]
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in violations
        ]

    return run


@pytest.fixture
def login(page):
    def sign_in(email: str, password: str) -> None:
        page.goto("/accounts/login/")
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_load_state()

    return sign_in


def pytest_collection_modifyitems(items):
    """Browser tests need committed data (the live server reads it from another thread), so they run
    with transaction=True; its flush between tests would also wipe the rows that data migrations made
    (role groups, disciplines, SDG themes). serialized_rollback puts those back after every test."""
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)
