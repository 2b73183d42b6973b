"""Every page type of the site, rendered as each role that may see it, from the access world.

Used by the markup tests (unique ids, labels, dates), the link walk, and the W3C Nu HTML Checker
stage (`.ci/html-check`), so that all three look at the same pages. The page list comes from the
route list and the reviewed access matrix: a GET route that answers a role "ok" is a page that role
sees. A few pages exist only in a state the matrix does not reach (a form after a server-side error,
a completed request's evaluation, the account pages); they are added by hand below.
"""

import datetime
from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from requests import services as request_services
from requests.models import FundingApplication
from requests.workflow import Status
from tests.access.expected import EXPECTED
from tests.access.routes import all_routes, kwargs_for
from tests.access.world import ROLES, World
from tests.impact.factories import ActivityFactory
from tests.requests.factories import CultureRequestFactory

# Same answers as "anonymous": the resident has no account, only a secret link.
SAME_AS = {"resident": "anonymous"}


@dataclass
class Page:
    kind: str  # the route name (or a hand-made state: "requests:ask (errors)")
    role: str
    url: str
    status: int
    html: str
    fragment: bool = False  # an htmx partial: markup rules apply, it is no document of its own


def page_roles(name: str) -> list[str]:
    row = EXPECTED[name]
    return [role for role in ROLES if row.get(role) == "ok" and role not in SAME_AS]


def page_routes() -> dict[str, str]:
    """{url name: route} for the GET routes of the web interface (the API has its own checks)."""
    return {
        name: route
        for name, (route, _keywords) in sorted(all_routes().items())
        if not route.startswith("api/") and EXPECTED.get(name, {}).get("method") == "get"
    }


def enrich(world: World) -> dict:
    """What a demo day leaves behind on side A: messages both ways, notes, a status history, and
    a completed request with an evaluation to fill in. Returns the extra URL values."""
    advisor = world.users["advisor_a"]
    request = _request_a(world)
    request_services.request_assign(request=request, owner=advisor, by=advisor)
    request_services.message_send(
        request=request, body="Goedemiddag, wat leuk! Wanneer kunnen we bellen?", by=advisor
    )
    request_services.message_receive(request=request, body="Dinsdagochtend kan ik goed.")
    request_services.note_add(request=request, body="Bellen na de voorjaarsvakantie.", by=advisor)
    request_services.request_change_status(
        request=request, to=Status.IN_CONVERSATION, note="Gebeld", by=advisor
    )
    FundingApplication.objects.filter(pk=world.a["pk:funding"]).update(
        submitted_on=datetime.date(2026, 4, 6), decision_on=datetime.date(2026, 6, 1)
    )
    # An activity for the whole municipality: every advisor there sees it, none records its reach.
    ActivityFactory(
        slug="activiteit-gemeente", whole_municipality=True, municipality=request.district.municipality
    )
    done = CultureRequestFactory(
        district=request.district, reference="CV-2026-00003", status=Status.COMPLETED
    )
    return {"completed_token": done.status_token}


def _request_a(world: World):
    from requests.models import CultureRequest

    return CultureRequest.objects.get(reference=world.a["reference"])


_RENDERED: list[Page] = []


def rendered_once() -> list[Page]:
    """Build the world and render every page once per test run; later tests reuse the markup (the
    rows themselves are rolled back with the first test that asked)."""
    if not _RENDERED:
        from tests.access.world import build_world

        world = build_world()
        _RENDERED.extend(render_pages(world, enrich(world)))
    return _RENDERED


def clients_for(world: World) -> dict[str, Client]:
    clients = {}
    for role in ROLES:
        client = Client()
        if role in world.users:
            client.force_login(world.users[role])
        clients[role] = client
    return clients


# Routes that answer an htmx partial on a plain GET (loaded into another page, no document of its own).
FRAGMENT_ROUTES = {"impact:cases_similar", "requests:view_picker"}


def _is_html(response) -> bool:
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


def render_pages(world: World, extra: dict) -> list[Page]:
    clients = clients_for(world)
    pages = []

    def get(kind, role, url, **headers):
        response = clients[role].get(url, **headers)
        if _is_html(response):
            content = response.content.decode()
            pages.append(Page(kind, role, url, response.status_code, content, kind in FRAGMENT_ROUTES))
        return response

    for name, _route in page_routes().items():
        kwargs = kwargs_for(name, all_routes()[name][1], world.a)
        if kwargs is None:
            continue
        for role in page_roles(name):
            get(name, role, reverse(name, kwargs=kwargs))
    pages.extend(_states(world, extra, clients))
    return pages


def _states(world: World, extra: dict, clients: dict[str, Client]) -> list[Page]:
    """Pages in a state that no plain GET reaches."""
    pages = []

    def keep(kind, role, url, response, fragment=False):
        assert response.status_code in (200, 400), (kind, role, response.status_code)
        pages.append(Page(kind, role, url, response.status_code, response.content.decode(), fragment))

    anonymous, advisor = clients["anonymous"], clients["advisor_a"]
    url = reverse("requests:ask")
    keep("requests:ask (errors)", "anonymous", url, anonymous.post(url, {"requester_name": "Fatima"}))
    url = reverse("requests:evaluate", kwargs={"token": extra["completed_token"]})
    keep("requests:evaluate", "anonymous", url, anonymous.get(url))
    token = world.a["token:request"]
    url = reverse("requests:withdraw", kwargs={"token": token})
    keep("requests:status (errors)", "anonymous", url, anonymous.post(url, {}))
    url = reverse("requests:change_status", kwargs={"reference": world.a["reference"]})
    response = advisor.post(url, {"status-to": "nonsense", "next": "board"}, HTTP_HX_REQUEST="true")
    keep("requests:change_status (htmx row)", "advisor_a", url, response, fragment=True)
    for name in ("account_login", "account_signup", "account_reset_password"):
        url = reverse(name)
        keep(name, "anonymous", url, anonymous.get(url))
    for name in ("account_change_password", "account_email", "mfa_index"):
        url = reverse(name)
        keep(name, "advisor_a", url, advisor.get(url))
    return pages
