"""Every requests URL once for every role: out of scope 404, in scope without the right 403."""

import pytest

from tests.factories import UserFactory, advisor_in
from tests.requests.factories import CultureRequestFactory, FundingApplicationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "own_advisor", "other_advisor", "manager", "funds_coordinator", "icc", "maker"]

# (method, path template, expected status per role)
MATRIX = [
    (
        "get",
        "/triage/",
        {
            "anonymous": 302,
            "own_advisor": 200,
            "other_advisor": 200,
            "manager": 200,
            "funds_coordinator": 200,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "get",
        "/triage/{ref}/",
        {
            "anonymous": 302,
            "own_advisor": 200,
            "other_advisor": 404,
            "manager": 200,
            "funds_coordinator": 200,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "post",
        "/triage/{ref}/toewijzen/",
        {
            "anonymous": 302,
            "own_advisor": 302,
            "other_advisor": 404,
            "manager": 403,
            "funds_coordinator": 403,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "post",
        "/triage/{ref}/notitie/",
        {
            "anonymous": 302,
            "own_advisor": 302,
            "other_advisor": 404,
            "manager": 403,
            "funds_coordinator": 403,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "get",
        "/triage/{ref}/koppelen/",
        {
            "anonymous": 302,
            "own_advisor": 200,
            "other_advisor": 404,
            "manager": 200,
            "funds_coordinator": 200,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "get",
        "/fondsen/",
        {
            "anonymous": 302,
            "own_advisor": 200,
            "other_advisor": 200,
            "manager": 200,
            "funds_coordinator": 200,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "get",
        "/fondsen/{funding}/",
        {
            "anonymous": 302,
            "own_advisor": 200,
            "other_advisor": 404,
            "manager": 403,
            "funds_coordinator": 200,
            "icc": 403,
            "maker": 403,
        },
    ),
    (
        "get",
        "/api/requests/{ref}/",
        {
            "anonymous": 401,  # no credentials: 401 with WWW-Authenticate (issue 20)
            "own_advisor": 200,
            "other_advisor": 404,
            "manager": 200,
            "funds_coordinator": 200,
            "icc": 404,
            "maker": 404,
        },
    ),
    ("get", "/vraag/", dict.fromkeys(ROLES, 200)),
    ("get", "/vraag/status/{token}/", dict.fromkeys(ROLES, 200)),
]


@pytest.fixture
def world(noord, oost):
    request = CultureRequestFactory(district=noord)
    return {
        "request": request,
        "funding": FundingApplicationFactory(request=request),
        "users": {
            "anonymous": None,
            "own_advisor": advisor_in(noord),
            "other_advisor": advisor_in(oost),
            "manager": UserFactory(roles=["manager"]),
            "funds_coordinator": UserFactory(roles=["funds_coordinator"]),
            "icc": UserFactory(roles=["icc"]),
            "maker": UserFactory(roles=["maker"]),
        },
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[m[1] for m in MATRIX])
def test_every_url_answers_every_role_as_it_must(client, world, role, method, template, expected):
    request = world["request"]
    path = template.format(ref=request.reference, token=request.status_token, funding=world["funding"].pk)
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(path)
    assert response.status_code == expected[role], (role, path)
    if expected[role] == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
