import pytest

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy_and_frame_denial(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_template_contains_an_inline_script(settings):
    from pathlib import Path

    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        for chunk in text.split("<script")[1:]:
            head = chunk.split(">", 1)[0]
            if "src=" not in head and "application/ld+json" not in head and "application/json" not in head:
                offenders.append(str(template))
    assert offenders == []


def test_the_session_cookie_is_http_only_and_ends_after_inactivity(settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    # Inactivity ends it: cultuur.middleware.SessionMiddleware re-saves a session that is read
    # at most every SESSION_REFRESH_SECONDS (tests/cultuur/test_session_refresh.py).
    assert "cultuur.middleware.SessionMiddleware" in settings.MIDDLEWARE
    assert settings.SESSION_REFRESH_SECONDS <= 10 * 60
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
