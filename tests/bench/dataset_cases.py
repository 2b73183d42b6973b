# ruff: noqa: S608 -- every statement here is built from constants in this file, never from input.
"""The project bank's part of the bench data set: 10,000 cases in bulk SQL, search vector filled in SQL.

Used by tests/bench/dataset.py (build); on its own, for a quick measurement on a migrated
PostgreSQL database: `DATABASE_URL=... .venv/bin/python tests/bench/dataset_cases.py --measure`.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = 10_000
APPROACH = (
    "workshops dansen met een docent|theater maken in het buurthuis|muzieklessen na school|"
    "schilderen op het plein|een voorstelling in de bibliotheek|fotograferen in de wijk|"
    "verhalen schrijven met ouderen|zingen in een koor"
)
WORKED = "vaste tijden|een bekende plek|ouders die meehielpen|de school die meedacht|gratis vervoer|een goede flyer"
FAILED = (
    "te weinig promotie|de zaal was te klein|het budget liep uit|niemand was trekker|de planning was te krap"
)
TAGS = "buurt|ouderen|jongeren|onderwijs|buitenruimte|bibliotheek|fair practice|maakplek"


def build_cases(b, n: int = CASES) -> int:
    """`n` cases (a third bad practice, a tenth internal, 90% published) with disciplines and a stored vector."""
    from impact.models import Case
    from makers.search import refresh_sql
    from tests.bench.dataset import FOR, WANT, WHAT, WHEN, pick

    first = b.value("SELECT coalesce(max(id), 0) FROM impact_case")
    b.insert(
        "impact_case",
        {
            "title": f"initcap({pick(WHAT)}) || ' ' || {pick(FOR)}",
            "slug": f"'bench-voorbeeld-' || ({int(first)} + g)",
            "practice": "CASE WHEN g % 3 = 0 THEN 'bad' ELSE 'good' END",
            "question": f"'Bewoners ' || {pick(WANT)} || ' ' || {pick(WHAT)} || ' ' || {pick(FOR)} || ' ' || {pick(WHEN)} || '.'",
            "approach": f"'Aanpak: ' || {pick(APPROACH)} || ', ' || {pick(WHEN)} || '.'",
            "what_worked": f"'Wat werkte: ' || {pick(WORKED)} || '.'",
            "what_did_not": f"CASE WHEN g % 3 = 0 THEN 'Wat niet werkte: ' || {pick(FAILED)} || '.' ELSE '' END",
            "costs_cents": "(g % 50) * 10000",
            "tag_names": pick(TAGS),
            "district_id": "d.ids[1 + (g % array_length(d.ids, 1))]",
            "culture_type": "(ARRAY['', '', 'consuming', 'participating', 'integrating'])[1 + g % 5]",
            "internal": "g % 10 = 0",
            "status": "CASE WHEN g % 10 = 9 THEN 'draft' ELSE 'published' END",
            "published_at": "CASE WHEN g % 10 = 9 THEN NULL ELSE now() - (g % 1000) * interval '1 day' END",
            "created_at": "now() - (g % 1000) * interval '1 day'",
            "updated_at": "now()",
            "search_text": "''",
        },
        f"generate_series(1, {int(n)}) AS g, (SELECT array_agg(id ORDER BY id) ids FROM districts_district "
        "WHERE NOT is_central_intake) d",
    )
    b.run(
        f"""INSERT INTO impact_case_disciplines (case_id, discipline_id)
           SELECT c.id, d.ids[1 + (c.id % array_length(d.ids, 1))]
           FROM impact_case c, (SELECT array_agg(id ORDER BY id) ids FROM makers_discipline) d
           WHERE c.id > {int(first)} ON CONFLICT DO NOTHING"""
    )
    b.run(refresh_sql(Case) + f" WHERE impact_case.id > {int(first)}")
    b.say(f"project bank: {n} cases with disciplines and search vectors")
    return n


def measure(runs: int = 100) -> None:
    """Time the bank's search selector and page for an advisor, `runs` times each: p50 and p95 in ms."""
    from django.db import connection
    from django.test import Client

    from impact import case_selectors as bank
    from impact.models import Case
    from tests.bench.dataset import Builder

    if not Case.objects.filter(slug__startswith="bench-voorbeeld-").exists():
        with connection.cursor() as cursor:
            build_cases(Builder(cursor))
            cursor.execute("VACUUM ANALYZE impact_case")
    from django.contrib.auth import get_user_model

    advisor = get_user_model().objects.filter(groups__name="advisor").first()
    client = Client(HTTP_HOST="localhost")
    client.force_login(advisor)

    def timed(fn):
        fn()  # warm up
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            fn()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        return statistics.median(times), times[int(len(times) * 0.95) - 1]

    def selector():
        return len(list(bank.bank_search(advisor, q="dansen")[:25]))

    def page():
        response = client.get("/dashboard/praktijkvoorbeelden/?q=dansen", secure=True)
        assert response.status_code == 200, response.status_code

    print(
        f"cases: {Case.objects.count()}, matching 'dansen': {bank.bank_search(advisor, q='dansen').count()}"
    )
    for name, fn in (("selector (25 rows)", selector), ("page (full view)", page)):
        p50, p95 = timed(fn)
        print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {runs} runs")
    # A broad word (a fifth of the rows) may be read by a sequential scan, as the planner weighs
    # it; a selective one goes through the GIN index.
    for word in ("dansen", "linoleumfabriek"):
        with connection.cursor() as cursor:
            sql, params = bank.bank_search(advisor, q=word)[:25].query.sql_with_params()
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            print(f"EXPLAIN '{word}':\n" + "\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cultuur.settings")
    import django

    django.setup()
    if args.measure:
        measure(args.runs)
