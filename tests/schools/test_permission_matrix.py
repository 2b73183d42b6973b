"""Every schools URL once for every role: out of scope 404, in scope without the right 403."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.schools.factories import (
    AmbitionFactory,
    BudgetLineFactory,
    CmkPlanFactory,
    MilestoneFactory,
    SchoolFactory,
    account_holder_of,
    icc_of,
)

pytestmark = pytest.mark.django_db

# name -> (method, needs year, extra kwargs key)
ROUTES = {
    "detail": "get",
    "monitoring": "get",
    "plan": "get",
    "budget": "get",
    "budget_line": "get",
    "culture_type": "post",
    "co_creation_link": "post",
    "plan_start": "post",
    "plan_vision": "post",
    "ambition_add": "post",
    "ambition_edit": "get",
    "ambition_delete": "post",
    "milestone_add": "post",
    "milestone_delete": "post",
    "plan_submit": "post",
    "plan_agree": "post",
    "plan_send_back": "post",
    "budget_line_delete": "post",
}
WITH_YEAR = {
    "plan",
    "budget",
    "plan_start",
    "plan_vision",
    "ambition_add",
    "ambition_delete",
    "ambition_edit",
    "milestone_add",
    "milestone_delete",
    "plan_submit",
    "plan_agree",
    "plan_send_back",
}

# Expected status per route for: own ICC, account holder, manager. Others are 403 (no role) or 404 (other school).
EXPECTED = {
    "icc": {"culture_type": 403, "co_creation_link": 403, "plan_agree": 403, "plan_send_back": 403},
    "holder": {"ambition_edit": 403, "plan_vision": 403, "ambition_add": 403, "ambition_delete": 403, "milestone_add": 403,
               "milestone_delete": 403, "plan_submit": 403},
    "manager": {name: 403 for name, method in ROUTES.items() if method == "post"} | {"budget_line": 403, "ambition_edit": 403},
}  # fmt: skip


@pytest.fixture
def world(year):
    school = SchoolFactory()
    plan = CmkPlanFactory(school=school)
    objects = {
        "school": school,
        "ambition": AmbitionFactory(plan=plan),
        "milestone": MilestoneFactory(plan=plan),
        "line": BudgetLineFactory(school=school),
        "year": year,
    }
    users = {
        "icc": icc_of(school),
        "holder": account_holder_of(school),
        "manager": UserFactory(roles=["manager"]),
        "other_icc": icc_of(SchoolFactory()),
        "other_advisor": account_holder_of(SchoolFactory()),
        "maker": UserFactory(roles=["maker"]),
    }
    return objects, users


def _url(name, objects):
    kwargs = {"pk": objects["school"].pk}
    if name in WITH_YEAR:
        kwargs["year"] = objects["year"]
    if name in {"budget_line", "budget_line_delete"}:
        kwargs["line_pk"] = objects["line"].pk
    if name in {"ambition_delete", "ambition_edit"}:
        kwargs["ambition_pk"] = objects["ambition"].pk
    if name == "milestone_delete":
        kwargs["milestone_pk"] = objects["milestone"].pk
    return reverse(f"schools:{name}", kwargs=kwargs)


@pytest.mark.parametrize("role", ["icc", "holder", "manager", "other_icc", "other_advisor", "maker"])
def test_every_route_answers_every_role_as_it_must(client, world, role):
    objects, users = world
    client.force_login(users[role])
    wrong = []
    for name, method in ROUTES.items():
        if role in EXPECTED:
            allowed = {200, 302}
            expected = EXPECTED[role].get(name)
        else:
            allowed = set()
            expected = 403 if role == "maker" else 404
        status = getattr(client, method)(_url(name, objects)).status_code
        ok = status == expected if expected else status in allowed
        if not ok:
            wrong.append((name, status, expected or allowed))
    assert wrong == []
