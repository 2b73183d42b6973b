"""Ask every route as every role and classify the answers (used by the matrix test)."""

from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.access.routes import all_routes, kwargs_for
from tests.access.world import ROLES

# The roles that own something on side A/X; asked for the B/Y object too (IDOR).
IDOR_ROLES = ("advisor_a", "icc_x", "maker")


def classify(response) -> str:
    status = response.status_code
    location = response.get("Location", "")
    if status == 302 and "/accounts/login/" in location:
        return "login"
    if status in (200, 201, 204, 302, 400):
        return "ok"  # allowed: a page, a redirect after a write, or a form/validation error
    return str(status)


class Clients:
    """One signed-in browser per role (made once), and one token client for the API."""

    def __init__(self, world):
        self.world = world
        self.pages = {}
        for role in ROLES:
            client = Client()
            if role in world.users:
                client.force_login(world.users[role])
            self.pages[role] = client
        self.api = Client()

    def ask(self, role, name, route, kwargs, method) -> str:
        url = reverse(name, kwargs=kwargs)
        client, headers = self.pages[role], {}
        if route.startswith("api/") and role in self.world.tokens:
            client, headers = self.api, {"HTTP_AUTHORIZATION": f"Token {self.world.tokens[role]}"}
        # Every question sees the same world: what a write changed is rolled back.
        with transaction.atomic():
            if method == "get":
                response = client.get(url, **headers)
            elif route.startswith("api/"):
                # The API takes JSON only (a form post is 415 before any permission is asked).
                response = client.post(url, {}, content_type="application/json", **headers)
            else:
                response = client.post(url, {}, **headers)
            transaction.set_rollback(True)
        return classify(response)

    def method_of(self, name, kwargs) -> str:
        """GET, unless the route refuses GET (405): then it is a write, asked with an empty POST."""
        with transaction.atomic():
            status = self.pages["admin"].get(reverse(name, kwargs=kwargs)).status_code
            transaction.set_rollback(True)
        return "post" if status == 405 else "get"


def observe(world):
    clients = Clients(world)
    table, missing = {}, []
    for name, (route, keywords) in sorted(all_routes().items()):
        kwargs_a = kwargs_for(name, keywords, world.a)
        kwargs_b = kwargs_for(name, keywords, world.b)
        if kwargs_a is None:
            missing.append(name)
            continue
        method = clients.method_of(name, kwargs_a)
        row = {role: clients.ask(role, name, route, kwargs_a, method) for role in ROLES}
        if keywords:
            for role in IDOR_ROLES:
                row[f"{role} on B"] = clients.ask(role, name, route, kwargs_b, method)
        table[name] = (method, row)
    return table, missing
