# ruff: noqa: S608 -- every statement here is built from constants in this file, never from input.
"""Build the benchmark data set in bulk SQL (INSERT ... SELECT generate_series), not row by row.

Run inside the project (Django set up, DATABASE_URL pointing at the bench database), after
`migrate` and `seed_demo` (which give the districts, users, disciplines and schools their real
shape). Usage: python tests/bench/dataset.py --scale 100000 --out /tmp/plan.json

At scale N (requests): 4N timeline events, N/10 makers, N/5 courses, N/200 venues, 3N/100
budget lines; 20 districts, 60 schools and 10,000 project bank cases (dataset_cases.py) whatever the scale. 20% of requests are open, dates
span two years, names and questions are Dutch.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FIRST = "Anouk Bram Charlotte Daan Emma Fatima Gijs Hanna Ilse Jeroen Kees Lotte Mohammed Noor Ole Priya Ruben Sanne Tim Yasmin Zeynep Bas Lieke Sem Fenna Joost Mila Ayoub Eva Thijs"
LAST = "de Vries|Jansen|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Yilmaz|El Amrani|Kaya|Wijnands|Schouten"
ORGS = "Buurthuis De Kolk|Stichting Samen Sterk|Wijkcentrum Het Anker|Seniorenclub De Zonnebloem|Jongerenwerk Oost|Bibliotheek Zaanstad|Vrouwencentrum Noor|Basisschool De Regenboog|Speeltuinvereniging De Vlinder|Moskee Ulu Camii|Huurdersvereniging Poelenburg|Zorgcentrum Het Hofje"
WANT = "willen graag|zoeken iemand voor|hebben een idee voor|zijn op zoek naar|vragen hulp bij|dromen van"
WHAT = "een theaterworkshop|lessen in hiphopdans|een muziekproject met drums|een schilderclub|een fotografiecursus|een koor voor ouderen|een graffitiproject op het plein|een verhalenavond|een filmmiddag met gesprek|poppenkast voor kleuters|een dansvoorstelling|samen zingen|keramiek en boetseren|een gedichtenwedstrijd|een zomerfestival in de wijk"
FOR = "voor de kinderen uit de buurt|voor jongeren na school|voor ouderen in het verzorgingshuis|voor nieuwkomers die Nederlands leren|voor de hele straat|voor groep 7 en 8|voor mensen met een beperking|voor moeders en dochters"
WHEN = "in de herfstvakantie|op woensdagmiddag|in de zomer|rond Koningsdag|elke zaterdag|voor de kerst|in het voorjaar"
DISC = (
    "Theater|Dans|Muziek|Beeldende kunst|Fotografie|Film|Schrijven|Zang|Keramiek|Spoken word|Circus|Erfgoed"
)
MAKER_KIND = "Theatergroep|Dansstudio|Muziekschool|Atelier|Fotostudio|Koor|Circusschool|Schrijfwerkplaats|Filmhuis|Kunstenaarscollectief"
STREET = "Dorpsstraat|Kerkstraat|Zuiddijk|Westzijde|Oostzijde|Provincialeweg|Lindenlaan|Parkweg|Stationsstraat|Vinkenstraat"

OPEN_SHARE = [
    ("new", 0.06),
    ("in_conversation", 0.04),
    ("waiting", 0.02),
    ("matching", 0.03),
    ("matched", 0.03),
    ("in_progress", 0.02),
]
CLOSED_SHARE = [
    ("completed", 0.22),
    ("evaluated", 0.30),
    ("referred", 0.10),
    ("withdrawn", 0.10),
    ("declined", 0.08),
]


def arr(words: str, sep: str = "|") -> str:
    """A SQL text[] literal of the words."""
    items = words.split(sep) if sep != " " else words.split()
    return "ARRAY[" + ",".join("'" + w.replace("'", "''") + "'" for w in items) + "]::text[]"


def pick(words: str, sep: str = "|") -> str:
    """SQL that picks one of the words at random, per row."""
    a = arr(words, sep)
    return f"({a})[1 + floor(random() * array_length({a}, 1))::int]"


def status_case() -> str:
    """SQL CASE mapping u = random() to a status: 20% open, 80% closed."""
    parts, acc = [], 0.0
    for status, share in OPEN_SHARE + CLOSED_SHARE:
        acc += share
        parts.append(f"WHEN u < {acc:.4f} THEN '{status}'")
    return "CASE " + " ".join(parts) + " ELSE 'evaluated' END"


class Builder:
    def __init__(self, cursor, out=sys.stdout):
        self.cursor = cursor
        self.out = out

    def say(self, text):
        print(f"  {text}", file=self.out, flush=True)

    def run(self, sql, params=None):
        self.cursor.execute(sql, params)
        return self.cursor.rowcount

    def value(self, sql, params=None):
        self.cursor.execute(sql, params)
        return self.cursor.fetchone()[0]

    def fillers(self, table: str, given: dict[str, str]) -> dict[str, str]:
        """Given columns plus a neutral value for every other NOT NULL column without a default.

        Other helpers add columns while this runs; Django sets no database defaults, so a new
        NOT NULL column would otherwise break the bulk insert.
        """
        self.cursor.execute(
            """SELECT column_name, data_type FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = %s AND is_nullable = 'NO'
                 AND column_default IS NULL AND is_identity = 'NO'""",
            [table],
        )
        neutral = {
            "boolean": "false",
            "jsonb": "'{}'::jsonb",
            "date": "current_date",
            "timestamp with time zone": "now()",
            "uuid": "gen_random_uuid()",
        }
        columns = dict(given)
        for name, data_type in self.cursor.fetchall():
            if name in columns:
                continue
            if data_type in neutral:
                columns[name] = neutral[data_type]
            elif data_type in ("integer", "smallint", "bigint", "numeric", "double precision", "real"):
                columns[name] = "0"
            else:
                columns[name] = "''"
        return columns

    def insert(self, table: str, given: dict[str, str], source: str) -> int:
        columns = self.fillers(table, given)
        names = ", ".join(columns)
        exprs = ",\n       ".join(f"{expr} AS {name}" for name, expr in columns.items())
        return self.run(
            f"INSERT INTO {table} ({names})\nSELECT {names} FROM (SELECT {exprs}\n  FROM {source}) AS src"
        )


def build(scale: int, builder: Builder) -> dict:
    b = builder
    started = time.monotonic()
    b.run("SELECT setseed(0.42)")
    n_makers, n_courses = max(scale // 10, 50), max(scale // 5, 100)
    n_venues, n_lines = max(scale // 200, 10), max(scale * 3 // 100, 300)

    # Districts: 20 neighbourhoods (the demo has fewer), in the demo's municipality.
    have = b.value("SELECT count(*) FROM districts_district WHERE NOT is_central_intake")
    if have < 20:
        b.insert(
            "districts_district",
            {
                "name": "'Buurt ' || g",
                "slug": "'bench-buurt-' || g",
                "is_central_intake": "false",
                "municipality_id": "(SELECT min(id) FROM districts_municipality)",
            },
            f"generate_series(1, {20 - have}) AS g",
        )
    b.say(f"districts: {b.value('SELECT count(*) FROM districts_district')}")

    # Makers, their disciplines and districts, with the stored Dutch search vector.
    first_maker = b.value("SELECT coalesce(max(id), 0) FROM makers_maker")
    b.insert(
        "makers_maker",
        {
            "name": f"CASE WHEN g % 3 = 0 THEN {pick(MAKER_KIND)} || ' ' || {pick(LAST)} "
            f"ELSE {pick(FIRST, ' ')} || ' ' || {pick(LAST)} END",
            "slug": "'bench-maker-' || g",
            "kind": "(ARRAY['freelancer','organisation','amateur_association','institution'])[1 + g % 4]",
            "short_description": f"'Ik geef ' || lower({pick(DISC)}) || ' ' || {pick(FOR)}",
            "description": f"'Wij maken ' || {pick(WHAT)} || ' ' || {pick(FOR)} || '. Ervaring met ' "
            f"|| lower({pick(DISC)}) || ' en ' || lower({pick(DISC)}) || ', ' || {pick(WHEN)} || '.'",
            "whole_municipality": "g % 5 = 0",
            "works_in_education": "g % 2 = 0",
            "rate_per_hour_cents": "4500 + (g % 40) * 100",
            "contact_preference": "'email'",
            "contact_email": "'maker' || g || '@voorbeeld.nl'",
            "status": "CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END",
            "published_at": "CASE WHEN g % 10 = 0 THEN NULL ELSE now() - (g % 700) * interval '1 day' END",
            "created_at": "now() - (g % 730) * interval '1 day'",
            "updated_at": "now() - (g % 300) * interval '1 day'",
        },
        f"generate_series(1, {n_makers}) AS g",
    )
    b.run(
        f"""INSERT INTO makers_maker_disciplines (maker_id, discipline_id)
           SELECT DISTINCT m.id, d.ids[1 + ((m.id * k) % array_length(d.ids, 1))]
           FROM makers_maker m, generate_series(1, 2) k, (SELECT array_agg(id ORDER BY id) ids FROM makers_discipline) d
           WHERE m.id > {int(first_maker)} ON CONFLICT DO NOTHING"""
    )
    b.run(
        f"""INSERT INTO makers_maker_districts (maker_id, district_id)
           SELECT m.id, d.ids[1 + (m.id % array_length(d.ids, 1))]
           FROM makers_maker m, (SELECT array_agg(id ORDER BY id) ids FROM districts_district
                                 WHERE NOT is_central_intake) d
           WHERE m.id > {int(first_maker)} ON CONFLICT DO NOTHING"""
    )
    b.say(f"makers: {n_makers}")

    b.insert(
        "makers_venue",
        {
            "name": f"(ARRAY['Zaal','Studio','Podium','Maakplek','Leslokaal'])[1 + g % 5] || ' ' || {pick(LAST)}",
            "slug": "'bench-locatie-' || g",
            "kind": "(ARRAY['hall','studio','stage','maker_space','classroom'])[1 + g % 5]",
            "description": f"'Een ruimte ' || {pick(FOR)} || ', te huur ' || {pick(WHEN)} || '.'",
            "street": f"{pick(STREET)} || ' ' || (1 + g % 200)",
            "postcode": "'15' || lpad((g % 100)::text, 2, '0') || ' AB'",
            "city": "'Zaandam'",
            "capacity": "10 + g % 200",
            "hourly_rate_cents": "2500 + (g % 20) * 500",
            "is_published": "true",
            "district_id": "d.ids[1 + (g % array_length(d.ids, 1))]",
            "created_at": "now()",
            "updated_at": "now()",
        },
        f"generate_series(1, {n_venues}) AS g, (SELECT array_agg(id ORDER BY id) ids FROM districts_district "
        "WHERE NOT is_central_intake) d",
    )
    b.say(f"venues: {n_venues}")

    b.insert(
        "makers_course",
        {
            "title": f"{pick(DISC)} || ' ' || (ARRAY['voor beginners','voor kinderen','voor 55-plussers','op zaterdag',"
            "'in de wijk','voor jongeren'])[1 + g % 6]",
            "slug": "'bench-cursus-' || g",
            "description": f"'In deze cursus leer je ' || {pick(WHAT)} || ' ' || {pick(FOR)} || '. Start ' || {pick(WHEN)} || '.'",
            "age_min": "(g % 3) * 6",
            "age_max": "99",
            "level": "(ARRAY['all','beginner','intermediate','advanced'])[1 + g % 4]",
            "first_date": "current_date + (g % 120 - 30)",
            "last_date": "current_date + (g % 120 + 60)",
            "sessions": "4 + g % 10",
            "price_cents": "(g % 30) * 500",
            "capacity": "12",
            "places_left": "g % 13",
            "how_to_register": "'Meld je aan via de website of bel ons.'",
            "status": "CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END",
            "discipline_id": "dd.ids[1 + (g % array_length(dd.ids, 1))]",
            "maker_id": "mm.ids[1 + (g % array_length(mm.ids, 1))]",
            "venue_id": "vv.ids[1 + (g % array_length(vv.ids, 1))]",
            "created_at": "now() - (g % 700) * interval '1 day'",
            "updated_at": "now()",
        },
        f"generate_series(1, {n_courses}) AS g, (SELECT array_agg(id ORDER BY id) ids FROM makers_discipline) dd, "
        "(SELECT array_agg(id ORDER BY id) ids FROM makers_maker WHERE status = 'published') mm, "
        "(SELECT array_agg(id ORDER BY id) ids FROM makers_venue) vv",
    )
    b.say(f"courses: {n_courses}")
    # The search vector (with the disciplines' names) and the stemmed search text, by the
    # same statement a save runs (makers/search.py).
    from makers.models import Course, Maker, Venue
    from makers.search import refresh_sql

    for model in (Maker, Course, Venue):
        b.run(refresh_sql(model))

    # Culture requests: 20% open (recent), 80% closed, over two years.
    first_request = b.value("SELECT coalesce(max(id), 0) FROM requests_culturerequest")
    b.insert(
        "requests_culturerequest",
        {
            "reference": "'CV-' || extract(year FROM created)::int || '-' || lpad(g::text, 7, '0')",
            "status_token": "md5(g::text || random()::text) || md5(random()::text)",
            # Unique, as requests.models.new_reply_token gives (20 characters, no guessable id).
            "reply_token": "left(md5(g::text || 'reply' || random()::text), 20)",
            "requester_kind": "(ARRAY['resident','resident','initiative','organisation','school'])[1 + g % 5]",
            "requester_name": f"{pick(FIRST, ' ')} || ' ' || {pick(LAST)}",
            "requester_email": "'vrager' || g || '@voorbeeld.nl'",
            "requester_phone": "''",
            "organisation": f"CASE WHEN g % 5 < 2 THEN '' ELSE {pick(ORGS)} END",
            "postcode": "'15' || lpad((g % 100)::text, 2, '0') || ' AB'",
            "status": "status",
            "question": f"'Wij ' || {pick(WANT)} || ' ' || {pick(WHAT)} || ' ' || {pick(FOR)} || ', ' "
            f"|| {pick(WHEN)} || '. Kunnen jullie ons helpen met ' || lower({pick(DISC)}) || '?'",
            "age_group": "(ARRAY['children','youth','adults','seniors','mixed',''])[1 + g % 6]",
            "group_size": "5 + g % 60",
            "timing": pick(WHEN),
            "budget_cents": "CASE WHEN g % 3 = 0 THEN NULL ELSE (g % 50) * 5000 END",
            "barriers": "CASE WHEN g % 4 = 0 THEN '[\"cost\"]'::jsonb ELSE '[]'::jsonb END",
            "contact_language": "'nl'",
            "consent_at": "created",
            "created_at": "created",
            "last_action_at": "least(now(), created + (g % 40) * interval '1 day')",
            "status_changed_at": "least(now(), created + (g % 30) * interval '1 day')",
            "first_contact_at": "CASE WHEN status = 'new' THEN NULL ELSE created + interval '2 days' END",
            "district_id": "CASE WHEN g % 50 = 0 THEN d.central ELSE d.ids[1 + (g % array_length(d.ids, 1))] END",
            "owner_id": "CASE WHEN status = 'new' THEN NULL ELSE a.ids[1 + (g % array_length(a.ids, 1))] END",
            # Service norms (requests.norms): open requests with a norm have a deadline, a quarter of
            # them past it and the rest due within three weeks; waiting ones keep their days left;
            # a fifth of the closed ones finished late.
            "norm_deadline": "CASE WHEN status IN ('new','in_conversation','matching','matched') "
            "THEN date_trunc('day', now()) + (g % 28 - 7) * interval '1 day' END",
            "norm_remaining_days": "CASE WHEN status = 'waiting' THEN 1 + g % 8 END",
            "norm_missed": "CASE WHEN status IN ('new','in_conversation','waiting','matching','matched',"
            "'in_progress') THEN g % 28 < 7 ELSE g % 5 = 0 END",
            "reopened_at": "CASE WHEN status = 'in_conversation' AND g % 40 = 0 THEN created + interval '30 days' END",
            "version": "1 + g % 4",
        },
        f"""(SELECT g, s.status,
                    CASE WHEN s.status IN ('new','in_conversation','waiting','matching','matched','in_progress')
                         THEN now() - random() * interval '180 days'
                         ELSE now() - interval '20 days' - random() * interval '710 days' END AS created
             FROM (SELECT g, {status_case()} AS status FROM (SELECT g, random() AS u
                   FROM generate_series(1, {scale}) AS g) AS r) AS s) AS x,
            (SELECT array_agg(id ORDER BY id) FILTER (WHERE NOT is_central_intake) ids,
                    min(id) FILTER (WHERE is_central_intake) central FROM districts_district) d,
            (SELECT coalesce(array_agg(u.id ORDER BY u.id), ARRAY[NULL]::bigint[]) ids FROM cultuur_user u
             JOIN cultuur_user_groups ug ON ug.user_id = u.id JOIN auth_group gr ON gr.id = ug.group_id
             WHERE gr.name = 'advisor') a""",
    )
    # central intake exists in the demo; when it does not, the CASE above gives NULL: route to a district.
    b.run(
        "UPDATE requests_culturerequest SET district_id = (SELECT min(id) FROM districts_district) "
        "WHERE district_id IS NULL"
    )
    b.run(
        f"""INSERT INTO requests_referencecounter (year, last_number)
           SELECT y, {scale + 1} FROM generate_series(2020, 2035) y
           ON CONFLICT (year) DO UPDATE SET last_number = greatest(requests_referencecounter.last_number, {scale + 1})"""
    )
    if b.value("SELECT to_regclass('requests_culturerequest_disciplines') IS NOT NULL"):
        b.run(
            f"""INSERT INTO requests_culturerequest_disciplines (culturerequest_id, discipline_id, district_id)
               SELECT r.id, d.ids[1 + (r.id % array_length(d.ids, 1))], r.district_id
               FROM requests_culturerequest r, (SELECT array_agg(id ORDER BY id) ids FROM makers_discipline) d
               WHERE r.id > {int(first_request)} AND r.id % 3 <> 0 ON CONFLICT DO NOTHING"""
        )
    b.say(f"requests: {scale}")

    # Four timeline events per request: submitted, first contact, a note, the last status change.
    b.insert(
        "requests_requestevent",
        {
            "request_id": "r.id",
            "action": "(ARRAY['requests.request.submitted','requests.request.assigned',"
            "'requests.note.added','requests.request.status_changed'])[k]",
            "actor_id": "CASE WHEN k = 1 THEN NULL ELSE r.owner_id END",
            "actor_label": "CASE WHEN k = 1 THEN 'vraagsteller' ELSE '' END",
            "from_status": "CASE WHEN k = 4 THEN 'new' ELSE '' END",
            "to_status": "CASE WHEN k = 4 THEN r.status ELSE '' END",
            "note": f"CASE WHEN k = 3 THEN 'Gebeld met de vraagsteller over ' || {pick(WHAT)} ELSE '' END",
            "created_at": "least(now(), r.created_at + (k - 1) * interval '1 day')",
        },
        f"requests_culturerequest r, generate_series(1, 4) AS k WHERE r.id > {int(first_request)}",
    )
    b.say(f"events: {4 * scale}")

    # Schools (60) and their budget lines over three school years.
    have = b.value("SELECT count(*) FROM schools_school")
    if have < 60:
        b.insert(
            "schools_school",
            {
                "name": "'Basisschool ' || (ARRAY['De Linde','Het Kompas','De Wilgen','Het Palet','De Zuidstar'])"
                "[1 + g % 5] || ' ' || g",
                "brin_code": "lpad((90 + g % 10)::text, 2, '0') || chr(65 + g % 26) || chr(65 + (g / 26) % 26)",
                "class_groups": "8 + g % 8",
                "pupils": "180 + g * 7",
                "cmk_track": "1 + g % 2",
                "board_id": "(SELECT min(id) FROM schools_schoolboard)",
                "municipality_id": "(SELECT min(id) FROM districts_municipality)",
                "district_id": "(SELECT min(id) FROM districts_district WHERE NOT is_central_intake)",
            },
            f"generate_series(1, {60 - have}) AS g",
        )
    b.insert(
        "schools_budgetline",
        {
            "school_id": "s.ids[1 + (g % array_length(s.ids, 1))]",
            "school_year": "(ARRAY[2024, 2025, 2026])[1 + g % 3]",
            "description": f"'Workshop ' || lower({pick(DISC)}) || ' ' || (ARRAY['groep 3','groep 5','groep 8',"
            "'bovenbouw','onderbouw'])[1 + g % 5]",
            "maker_id": "CASE WHEN g % 2 = 0 THEN m.ids[1 + (g % array_length(m.ids, 1))] END",
            "planned_date": "make_date((ARRAY[2024, 2025, 2026])[1 + g % 3], 9, 1) + (g % 280)",
            "hours": "CASE WHEN g % 2 = 0 THEN (1 + g % 8)::numeric END",
            "hourly_rate_cents": "CASE WHEN g % 2 = 0 THEN 5500 + (g % 10) * 250 END",
            "fixed_amount_cents": "CASE WHEN g % 2 = 1 THEN 25000 + (g % 20) * 2500 END",
            "planned_amount_cents": "CASE WHEN g % 2 = 0 THEN (1 + g % 8) * (5500 + (g % 10) * 250) "
            "ELSE 25000 + (g % 20) * 2500 END",
            "created_at": "now()",
            "updated_at": "now()",
        },
        f"generate_series(1, {n_lines}) AS g, (SELECT array_agg(id ORDER BY id) ids FROM schools_school) s, "
        "(SELECT array_agg(id ORDER BY id) ids FROM makers_maker WHERE status = 'published') m",
    )
    b.say(f"schools: {b.value('SELECT count(*) FROM schools_school')}, budget lines: {n_lines}")
    n_activities = 0
    if impact_tables(b):
        n_activities = build_impact(b, max(scale // 5, 100), first_request)
    else:
        b.say("impact tables absent (not built yet): no activities")
    n_cases = 0
    if case_tables(b):
        from tests.bench.dataset_cases import build_cases

        n_cases = build_cases(b)
    return {
        "requests": scale,
        "events": 4 * scale,
        "makers": n_makers,
        "courses": n_courses,
        "venues": n_venues,
        "budget_lines": n_lines,
        "activities": n_activities,
        "cases": n_cases,
        "seconds": round(time.monotonic() - started, 1),
    }


def build_impact(b: Builder, n: int, first_request: int) -> int:
    """Activities (a fifth of them from a matched request) with reach, districts and measurements."""
    first = b.value("SELECT coalesce(max(id), 0) FROM impact_activity")
    b.insert(
        "impact_activity",
        {
            "title": f"{pick(WHAT)} || ' ' || {pick(FOR)}",
            "slug": "'bench-activiteit-' || g",
            "description": f"'Samen met de buurt: ' || {pick(WHAT)} || ', ' || {pick(WHEN)} || '.'",
            "role": "(ARRAY['produced','supported','co_produced'])[1 + g % 3]",
            "status": "(ARRAY['planned','running','completed','completed','cancelled'])[1 + g % 5]",
            "whole_municipality": "false",
            "request_id": f"CASE WHEN g % 5 = 0 THEN {int(first_request)} + g END",
            "starts_on": "current_date - (g % 730)",
            "ends_on": "current_date - (g % 730) + (g % 60)",
            "budget_cents": "(g % 40) * 10000",
            "funding_cents": "(g % 10) * 5000",
            "created_at": "now() - (g % 730) * interval '1 day'",
            "updated_at": "now()",
        },
        f"generate_series(1, {n}) AS g",
    )
    # A request id above only when it exists (the series of requests may be shorter).
    b.run(
        "UPDATE impact_activity a SET request_id = NULL WHERE request_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM requests_culturerequest r WHERE r.id = a.request_id)"
    )
    b.run(
        f"""INSERT INTO impact_activity_districts (activity_id, district_id)
           SELECT a.id, d.ids[1 + (a.id % array_length(d.ids, 1))]
           FROM impact_activity a, (SELECT array_agg(id ORDER BY id) ids FROM districts_district
                                    WHERE NOT is_central_intake) d
           WHERE a.id > {int(first)} ON CONFLICT DO NOTHING"""
    )
    b.insert(
        "impact_reach",
        {
            "activity_id": "a.id",
            "participants": "5 + a.id % 80",
            "new_participants": "a.id % 5",
            "visitors": "(a.id % 7) * 40",
            "pupils": "CASE WHEN a.id % 4 = 0 THEN 25 + a.id % 100 ELSE 0 END",
            "updated_at": "now()",
        },
        f"impact_activity a WHERE a.id > {int(first)}",
    )
    if b.value("SELECT count(*) FROM impact_indicator"):
        b.insert(
            "impact_measurement",
            {
                "indicator_id": "i.ids[1 + (a.id % array_length(i.ids, 1))]",
                "activity_id": "a.id",
                "period_start": "a.starts_on",
                "period_end": "coalesce(a.ends_on, a.starts_on)",
                "value": "(a.id % 10)::numeric + 0.5",
                "created_at": "now()",
            },
            f"impact_activity a, (SELECT array_agg(id ORDER BY id) ids FROM impact_indicator) i "
            f"WHERE a.id > {int(first)}",
        )
    b.say(f"activities: {n} with reach and measurements")
    return n


def impact_tables(b: Builder) -> bool:
    return bool(b.value("SELECT to_regclass('impact_activity') IS NOT NULL"))


def case_tables(b: Builder) -> bool:
    return bool(b.value("SELECT to_regclass('impact_case') IS NOT NULL"))


def plan(b: Builder) -> dict:
    """What the client needs: ids and slugs to visit, and signed-in session cookies."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    users = {}
    for role, email in (("manager", "manager@cultuur.test"), ("advisor", "adviseur@cultuur.test")):
        user = get_user_model().objects.get(email=email)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        users[role] = session.session_key
    b.cursor.execute(
        "SELECT reference FROM requests_culturerequest ORDER BY status = 'matching' DESC, id DESC LIMIT 1"
    )
    reference = b.cursor.fetchone()[0]
    b.cursor.execute(
        "SELECT s.id FROM schools_school s JOIN schools_budgetline l ON l.school_id = s.id "
        "WHERE l.school_year = 2025 GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
    )
    school = (b.cursor.fetchone() or [b.value("SELECT min(id) FROM schools_school")])[0]
    b.cursor.execute(
        "SELECT d.slug FROM districts_district d JOIN requests_culturerequest r ON r.district_id = d.id "
        "WHERE NOT d.is_central_intake GROUP BY d.slug ORDER BY d.slug LIKE 'bench-%', count(*) DESC LIMIT 1"
    )
    district = b.cursor.fetchone()[0]
    b.cursor.execute(
        "SELECT p.code FROM districts_postcodearea p JOIN districts_district d ON d.id = p.district_id "
        "WHERE NOT d.is_central_intake ORDER BY p.code LIMIT 1"
    )
    postcode = b.cursor.fetchone()[0]
    b.cursor.execute("SELECT id FROM districts_district WHERE NOT is_central_intake ORDER BY id LIMIT 1")
    district_id = b.cursor.fetchone()[0]
    # Page 200 of "also closed, oldest first" as the board reaches it by keyset: the cursor of the
    # last row of page 199 (what 199 clicks on "Volgende" lead to), worked out once here.
    from cultuur.keyset import encode_cursor
    from requests.models import CultureRequest

    ordered = CultureRequest.objects.order_by("created_at", "pk").values_list("created_at", "pk")
    # A small scale (2,000) has fewer than 200 pages: then the last page's cursor.
    deep = ordered[min(199 * 25, ordered.count()) - 1]
    return {
        "sessions": users,
        "deep_cursor": encode_cursor(deep),
        "reference": reference,
        "school": school,
        "school_year": "2025-2026",
        "district_slug": district,
        "district_id": district_id,
        "postcode": postcode,
        "impact": impact_tables(b),
        "cases": case_tables(b),
        "min_fill_seconds": settings.REQUESTS_FORM_MIN_SECONDS,
    }


def counts(b: Builder) -> dict:
    tables = {
        "requests": "requests_culturerequest",
        "events": "requests_requestevent",
        "makers": "makers_maker",
        "courses": "makers_course",
        "venues": "makers_venue",
        "schools": "schools_school",
        "budget_lines": "schools_budgetline",
        "districts": "districts_district",
    }
    if impact_tables(b):
        tables.update(activities="impact_activity", measurements="impact_measurement")
    if case_tables(b):
        tables.update(cases="impact_case")
    return {name: b.value(f"SELECT count(*) FROM {table}") for name, table in tables.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--plan-only", action="store_true")
    parser.add_argument("--counts-only", action="store_true", help="print the row counts as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cultuur.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        b = Builder(cursor)
        if args.counts_only:
            print(json.dumps(counts(b)))
            return
        info = {}
        if not args.plan_only and connection.vendor != "postgresql":
            # The bulk statements are PostgreSQL SQL: on the SQLite fallback only the demo data is measured.
            print("  SQLite: no bulk data set, measuring the demo data only", flush=True)
        elif not args.plan_only:
            with transaction.atomic():
                info = build(args.scale, b)
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        result = {"build": info, "plan": plan(b), "counts": counts(b)}
    Path(args.out).write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
