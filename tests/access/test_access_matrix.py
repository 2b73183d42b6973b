"""Every URL pattern and API route x every role: the status each must get (issue: reliability).

The expected table lives in expected.py, one line per route, reviewed by hand. "ok" means the
role may use the route (a page, a redirect after a write, or a validation error on an empty form);
"login" means an anonymous visitor is sent to the login; 403 and 404 are refusals, and the B/Y
columns are the IDOR probes: an object of another district or school must answer 404.

A new route without a line in expected.py fails here. To draft the line, run
`ACCESS_MATRIX_WRITE=1 .venv/bin/pytest tests/access` and review the diff of expected.py.
"""

import os
import pprint
from pathlib import Path

import pytest

from tests.access.observe import observe
from tests.access.world import build_world

pytestmark = pytest.mark.django_db

EXPECTED_FILE = Path(__file__).with_name("expected.py")


def test_every_route_answers_every_role_as_the_matrix_says():
    table, unfillable = observe(build_world())
    assert unfillable == [], "teach tests/access/routes.py how to fill in these routes' URL keywords"
    observed = {name: {"method": method, **row} for name, (method, row) in table.items()}
    if os.environ.get("ACCESS_MATRIX_WRITE") == "1":
        EXPECTED_FILE.write_text(
            '"""Reviewed access matrix: {route name: {role: expected answer}}. See test_access_matrix.py."""\n\n'
            f"EXPECTED = {pprint.pformat(observed, width=120, sort_dicts=False)}\n"
        )
    from tests.access.expected import EXPECTED

    assert sorted(set(observed) - set(EXPECTED)) == [], "new routes: add them to tests/access/expected.py"
    assert sorted(set(EXPECTED) - set(observed)) == [], "routes that no longer exist: remove them"
    differences = {
        name: {
            role: (EXPECTED[name].get(role), answer)
            for role, answer in row.items()
            if EXPECTED[name].get(role) != answer
        }
        for name, row in observed.items()
    }
    assert {name: diff for name, diff in differences.items() if diff} == {}
    checked = sum(len(row) - 1 for row in observed.values())
    print(f"access matrix: {len(observed)} routes, {checked} route x role checks")


def test_no_role_reads_another_districts_or_schools_object():
    """The IDOR columns, read on their own: a scoped object of side B/Y is never served to A/X roles."""
    from tests.access.expected import EXPECTED

    leaks = {
        name: role
        for name, row in EXPECTED.items()
        for role, answer in row.items()
        if role.endswith(" on B") and answer == "ok" and not _public_or_municipality_wide(name)
    }
    assert leaks == {}


def _public_or_municipality_wide(name: str) -> bool:
    """Routes whose objects are not scoped to a district or school: the public directory, makers'
    records that staff keep for the whole municipality (their quality marks and the central pool of
    art teachers too), the project bank (every advisor learns from every district's cases; writing
    them stays per district), the managers' standard texts every advisor picks from, and links that
    carry a secret token."""
    short = name.split(":")[-1]
    return (
        name.startswith("makers:")
        or name in ("schools:pool_teacher_edit", "impact:case")
        or short.startswith(
            (
                "maker-",
                "course-",
                "venue-",
                "cocreation-",
                "quality-mark-",
                "pool-teacher-",
                "case-",
                "booking-series-",
                "standardtext-",
            )
        )
        or name
        in {
            "requests:status",
            "requests:reply",
            "requests:withdraw",
            "requests:evaluate",
            "requests:erase",
            "requests:reopen",
            "impact:partner_progress",
        }
    )
