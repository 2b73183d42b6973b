"""Which pages are public, and that every other page sends an anonymous visitor to the login."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

PUBLIC = {
    "/",
    "/privacy/",
    "/healthz",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/vraag/",
    "/vraag/bedankt/",
    # "My questions": the asker asks for a one-time link by e-mail (issue 16).
    "/mijn-vragen/",
    # The public culture directory (makers app).
    "/makers/",
    "/cursussen/",
    "/locaties/",
    "/co-creaties/",
}
# The OpenAPI description of the API is public: it holds routes and shapes, no data.
PUBLIC_API = {"/api/schema/", "/api/docs/"}
# The published culture directory is public through the API too (makers app).
PUBLIC_API |= {
    f"/api/{name}/{suffix}"
    for name in ("makers", "courses", "venues", "cocreations")
    for suffix in ("", "facets/")
}


def _concrete_paths(resolver=None, prefix=""):
    """Every URL pattern without parameters, as a path (parameterised routes are covered per app)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        if "<" in route or "(?P" in route or route.startswith("^"):
            continue
        if isinstance(pattern, URLResolver):
            yield from _concrete_paths(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


@pytest.mark.parametrize("path", sorted(PUBLIC))
def test_public_pages_answer_anonymous_visitors(client, path):
    assert client.get(path).status_code == 200


# The list behind a used one-time link: without one it sends the visitor to ask for a link.
TO_MY_QUESTIONS = {"/mijn-vragen/overzicht/"}


def test_the_my_questions_list_without_a_used_link_sends_the_visitor_to_ask_for_one(client):
    for path in TO_MY_QUESTIONS:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/mijn-vragen/"


def test_every_other_page_redirects_an_anonymous_visitor_to_login(client):
    checked = []
    for path in _concrete_paths():
        if path in PUBLIC | PUBLIC_API | TO_MY_QUESTIONS or path.startswith(
            ("/beheer/", "/i18n/", "/accounts/")
        ):
            continue
        response = client.get(path)
        if path.startswith("/api/"):
            assert response.status_code in (401, 403), path
        else:
            assert response.status_code == 302, path
            assert response["Location"].startswith("/accounts/login/"), path
        checked.append(path)
    assert "/wijken/" in checked and "/start/" in checked and "/api/" in checked


def test_the_admin_sends_anonymous_visitors_to_its_login(client):
    response = client.get("/beheer/")
    assert response.status_code == 302


def test_the_language_switch_serves_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_a_role_without_access_gets_forbidden_on_the_district_page(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=["maker"]))
    assert client.get("/wijken/").status_code == 403
