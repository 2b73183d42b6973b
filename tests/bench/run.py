"""`make bench`: build a scale data set, serve it with gunicorn, measure it over HTTP, write the table.

    .venv/bin/python tests/bench/run.py [--scale 100000] [--reuse] [--no-write]

Database: DATABASE_URL when it points at PostgreSQL (the bench uses its own database
`cultuur_bench` on that server, dropped and rebuilt; never the one named in the URL); otherwise a
throw-away cluster started with initdb/pg_ctl (as the postgres user when run as root); otherwise
SQLite, and it says so. The server runs production settings (DEBUG off, a random SECRET_KEY,
2 gunicorn workers) with BENCH_FLOORS on; the client runs as a separate process from /tmp.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PY = (
    str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
)
GUNICORN = str(Path(PY).parent / "gunicorn")
DOC = ROOT / "docs" / "PERFORMANCE.md"
RAW = ROOT / "docs" / "performance.json"
BENCH_DB = os.environ.get("BENCH_DATABASE_NAME", "cultuur_bench")
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def say(text):
    print(f"==> {text}", flush=True)


def free_port() -> int:
    # On a shared machine each engineer has a port range: BENCH_PORT pins the server's port.
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """Where the bench data lives; `close()` stops a cluster this run started."""

    def __init__(self):
        self.stop = None
        self.kind = ""
        self.url = ""

    def resolve(self, reuse: bool):
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            parts = urllib.parse.urlsplit(url)
            self.url = urllib.parse.urlunsplit(parts._replace(path="/" + BENCH_DB))
            self.kind = (
                f"PostgreSQL from DATABASE_URL ({parts.hostname}:{parts.port or 5432}), database {BENCH_DB}"
            )
            self.admin_url = url
        elif self.start_cluster():
            pass
        else:
            path = Path(tempfile.gettempdir()) / "cultuur-bench.sqlite3"
            if not reuse and path.exists():
                path.unlink()
            self.url = f"sqlite:///{path}"
            self.kind = "SQLite (no PostgreSQL found): figures are NOT comparable to the targets"
            self.admin_url = None
            return
        if not reuse:
            self.recreate()

    def start_cluster(self) -> bool:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        pg_ctl = shutil.which("pg_ctl") or (binaries[-1] if binaries else None)
        if not pg_ctl:
            return False
        bindir = Path(pg_ctl).parent
        data = Path(tempfile.mkdtemp(prefix="cultuur-bench-pg."))
        as_pg = []
        if os.geteuid() == 0:
            shutil.chown(data, "postgres")
            as_pg = ["runuser", "-u", "postgres", "--"]
        port = free_port()
        subprocess.run(
            [*as_pg, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=256MB"
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

        def stop():
            subprocess.run(
                [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                stdout=subprocess.DEVNULL,
            )
            shutil.rmtree(data, ignore_errors=True)

        self.stop = stop
        self.admin_url = f"postgres://postgres@127.0.0.1:{port}/postgres"
        self.url = f"postgres://postgres@127.0.0.1:{port}/{BENCH_DB}"
        self.kind = f"throw-away PostgreSQL cluster started with initdb/pg_ctl on 127.0.0.1:{port}"
        return True

    def recreate(self):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')

    def server_version(self) -> str:
        if not self.url.startswith("postgres"):
            return "SQLite"
        import psycopg

        with psycopg.connect(self.url) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]

    def close(self):
        if self.stop:
            self.stop()


def scenarios(plan: dict) -> list[dict]:
    manager = "sessionid=" + plan["sessions"]["manager"]
    advisor = "sessionid=" + plan["sessions"]["advisor"]
    school = f"/school/{plan['school']}/{plan['school_year']}/budget/"
    rows = [
        ("framework floor", "/bench/floor/text/", None, "-"),
        ("framework floor, signed in", "/bench/floor/text/", manager, "-"),
        ("page floor (25 rows, base layout)", "/bench/floor/page/", manager, "requests"),
        ("public form GET", "/vraag/", None, "-"),
        ("public form POST", "/vraag/", None, "requests"),
        # ?weergave=geen: the board itself; the demo gives every advisor a default saved view.
        ("triage board, advisor (own districts)", "/triage/?weergave=geen", advisor, "requests"),
        ("triage board, advisor's default view (no contact yet)", "/triage/", advisor, "requests"),
        ("triage board, manager (all)", "/triage/", manager, "requests"),
        (
            "triage board, filtered",
            f"/triage/?status=new&district={plan['district_id']}",
            manager,
            "requests",
        ),
        ("triage board, text search", "/triage/?q=graffitiproject&closed=true", manager, "requests"),
        ("triage board, overdue (te laat)", "/triage/?overdue=true", manager, "requests"),
        ("triage board, also closed, page 1", "/triage/?closed=true", manager, "requests"),
        # Page 200 by its keyset cursor (the board has no OFFSET pages any more).
        ("triage board, page 200", f"/triage/?closed=true&na={plan['deep_cursor']}", manager, "requests"),
        ("request detail", f"/triage/{plan['reference']}/", manager, "events"),
        ("directory: makers search 'dansen'", "/makers/?q=dansen", None, "makers"),
        ("directory: courses search 'theater'", "/cursussen/?q=theater", None, "courses"),
        ("school budget page", school, manager, "budget_lines"),
        ("district page", f"/wijken/{plan['district_slug']}/", manager, "requests"),
        ("API: requests list", "/api/requests/", manager, "requests"),
        ("API: makers list", "/api/makers/", manager, "makers"),
        ("API: courses list", "/api/courses/", manager, "courses"),
        ("API: school budget lines", "/api/school-budget-lines/", manager, "budget_lines"),
    ]
    if plan.get("impact"):
        rows.append(("manager dashboard", "/dashboard/", manager, "requests"))
    if plan.get("cases"):
        # Issue 17's target: p95 <= 60 ms (measured standalone in tests/bench/dataset_cases.py).
        rows.append(
            (
                "project bank search at 10,000 cases (p95 <= 60 ms)",
                "/dashboard/praktijkvoorbeelden/?q=dansen",
                advisor,
                "cases",
            )
        )
    out = []
    for name, path, cookie, table in rows:
        item = {"name": name, "path": path, "cookie": cookie, "table": table}
        if name == "public form POST":
            item["method"] = "POST"
        out.append(item)
    return out


def manage(env, *args, **kwargs):
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def wait_ready(port: int, proc, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/floor/text/", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPUs ({cpu or platform.processor()}){memory}, {platform.system()} {platform.release()}"


def commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
    )
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def fmt(value, digits=0):
    if value is None:
        return "-"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def table(run: dict) -> str:
    floor = next(r for r in run["results"] if r["name"].startswith("page floor"))["p50_ms"]
    lines = [
        "| page | rows in the database | p50 ms (1 client) | p95 ms (1 client) | req/s (8 clients) "
        "| SQL queries | p50 / page floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in run["results"]:
        rows = run["counts"].get(r["table"], "-") if r["table"] != "-" else "-"
        rows = f"{rows:,}" if isinstance(rows, int) else rows
        queries = (
            fmt(r["queries"])
            if r["queries"] == r.get("queries_max")
            else f"{fmt(r['queries'])}-{r['queries_max']}"
        )
        lines.append(
            f"| {r['name']} | {rows} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['rps8']:.1f} | {queries} "
            f"| {r['p50_ms'] / floor:.1f}x |"
        )
    return "\n".join(lines)


def growth(runs: dict) -> str:
    scales = sorted(runs, key=int)
    if len(scales) < 2:
        return ""
    low, high = runs[scales[0]], runs[scales[-1]]
    lines = [
        f"p50 at {int(scales[-1]):,} requests divided by p50 at {int(scales[0]):,}:",
        "",
        "| page | growth of p50 |",
        "|---|---:|",
    ]
    before = {r["name"]: r for r in low["results"]}
    for r in high["results"]:
        if r["name"] in before and before[r["name"]]["p50_ms"]:
            lines.append(f"| {r['name']} | {r['p50_ms'] / before[r['name']]['p50_ms']:.2f}x |")
    return "\n".join(lines)


def write_docs(run: dict):
    runs = json.loads(RAW.read_text()) if RAW.exists() else {}
    runs[str(run["scale"])] = run
    RAW.parent.mkdir(exist_ok=True)
    RAW.write_text(json.dumps(runs, indent=2, sort_keys=True) + "\n")
    parts = []
    for scale in sorted(runs, key=int):
        r = runs[scale]
        parts.append(
            f"### {int(scale):,} requests\n\n"
            f"Measured {r['date']} on {r['machine']}; PostgreSQL {r['postgres']}; commit {r['commit']}.  \n"
            f"Database: {r['database']}. Data set built in {r['build_seconds']} s. "
            + (
                f"Dashboard snapshot refreshed in {r['dashboard_refresh_seconds']} s (`manage.py refresh_dashboard`). "
                if r.get("dashboard_refresh_seconds") is not None
                else ""
            )
            + (
                f"Load average (1, 5, 15 min) before the client {tuple(r['load'][:3])}, after {tuple(r['load'][3:])}. "
                if r.get("load")
                else ""
            )
            + f"Public form POST: {r['form_check']}.\n\n{table(r)}\n"
        )
    grown = growth(runs)
    if grown:
        parts.append("### Growth\n\n" + grown + "\n")
    generated = (
        START + "\n<!-- written by tests/bench/run.py; do not edit by hand -->\n\n" + "\n".join(parts) + END
    )
    text = DOC.read_text() if DOC.exists() else f"# Performance\n\n{START}\n{END}\n"
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: generated, text, flags=re.S)
    DOC.write_text(text)


def form_check(db_url: str, result: dict, since: datetime.datetime) -> str:
    """Every 302 stored exactly once: count the bench submissions in the database."""
    if not db_url.startswith("postgres"):
        return "not checked on SQLite"
    import psycopg

    with psycopg.connect(db_url) as conn:
        stored, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT idempotency_key) FROM requests_culturerequest "
            "WHERE requester_email LIKE 'bench%%@voorbeeld.nl' AND created_at >= %s",
            [since],
        ).fetchone()
    ok = stored == result["stored_302"] == distinct
    return (
        f"{result['stored_302']} accepted (302), {stored} rows stored, {distinct} distinct idempotency keys: "
        + ("every one stored once" if ok else "MISMATCH")
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=int(os.environ.get("SCALE") or 100_000))
    parser.add_argument("--reuse", action="store_true", help="keep the bench database as it is (no rebuild)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    parser.add_argument(
        "--only", metavar="REGEX", help="measure only the pages whose name matches (the floors always run)"
    )
    args = parser.parse_args()
    if args.only:
        args.no_write = True

    db = Database()
    db.resolve(args.reuse)
    if args.reuse:
        db.kind += ", reused as the previous run left it (not rebuilt)"
    say(f"database: {db.kind}")
    work = Path(tempfile.mkdtemp(prefix="cultuur-bench."))
    env = {
        **os.environ,
        "DATABASE_URL": db.url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "BENCH_FLOORS": "true",
        # The form counts posts per client address and trusts no X-Forwarded-For; all bench
        # clients share 127.0.0.1, so the limit is raised for this server only.
        "REQUESTS_FORM_RATE_LIMIT": "1000000",
        "STATIC_ROOT": str(work / "static"),
        "VAR_DIR": str(work / "var"),
        "PYTHONUNBUFFERED": "1",
    }
    server = None
    try:
        started = time.monotonic()
        say("migrate")
        manage(env, "migrate", "--no-input", "-v", "0")
        if not args.reuse:
            say("seed_demo (districts, users, disciplines, schools)")
            manage(env, "seed_demo", "--allow-production", stdout=subprocess.DEVNULL)
            say(f"bulk data set at scale {args.scale:,}")
        plan_file = work / "plan.json"
        subprocess.run(
            [PY, str(HERE / "dataset.py"), "--scale", str(args.scale), "--out", str(plan_file)]
            + (["--plan-only"] if args.reuse else []),
            cwd=ROOT,
            env=env,
            check=True,
        )
        built = json.loads(plan_file.read_text())
        build_seconds = round(time.monotonic() - started)
        # What beat does every 10 minutes in production: the dashboard reads a precomputed snapshot.
        refresh_started = time.monotonic()
        manage(env, "refresh_dashboard", stdout=subprocess.DEVNULL)
        refresh_seconds = round(time.monotonic() - refresh_started, 1)
        say(f"dashboard snapshot refreshed in {refresh_seconds} s")
        manage(env, "collectstatic", "--no-input", "-v", "0")

        # BENCH_PORT pins the server's port (e.g. inside a range reserved for this machine's user).
        port = int(os.environ.get("BENCH_PORT") or 0) or free_port()
        say(f"gunicorn, 2 workers, on 127.0.0.1:{port}")
        server = subprocess.Popen(
            [
                GUNICORN,
                "cultuur.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=open(work / "gunicorn.log", "w"),  # noqa: SIM115 (open while the server runs)
            stderr=subprocess.STDOUT,
        )
        wait_ready(port, server)

        plan = built["plan"]
        spec = {
            "base": f"http://127.0.0.1:{port}",
            "scenarios": [
                s
                for s in scenarios(plan)
                if not args.only or "floor" in s["name"] or re.search(args.only, s["name"])
            ],
            "form": {
                "path": "/vraag/",
                "postcode": plan["postcode"] + " AB",
                "min_fill_seconds": plan["min_fill_seconds"],
            },
        }
        (work / "spec.json").write_text(json.dumps(spec))
        say("client (separate process, from /tmp)")
        load_before = os.getloadavg()
        client_started = datetime.datetime.now(datetime.UTC)
        subprocess.run(
            [
                sys.executable,
                "-I",
                str(HERE / "client.py"),
                str(work / "spec.json"),
                str(work / "results.json"),
            ],
            cwd=tempfile.gettempdir(),
            check=True,
            env={"PATH": os.environ.get("PATH", "")},
        )
        results = json.loads((work / "results.json").read_text())
        load = [round(x, 1) for x in (*load_before, *os.getloadavg())]
        post = next((r for r in results if r["name"] == "public form POST"), None)
        counts = json.loads(
            subprocess.run(
                [PY, str(HERE / "dataset.py"), "--plan-only", "--counts-only", "--out", "-"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        run = {
            "scale": args.scale,
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "postgres": db.server_version(),
            "commit": commit(),
            "database": db.kind,
            "build_seconds": build_seconds,
            "dashboard_refresh_seconds": refresh_seconds,
            "counts": counts,
            "results": results,
            "form_check": form_check(db.url, post, client_started) if post else "not measured",
            "load": load,
        }
        print()
        print(table(run))
        print()
        print(f"public form POST: {run['form_check']}")
        if not args.no_write:
            write_docs(run)
            say(f"written to {DOC.relative_to(ROOT)} and {RAW.relative_to(ROOT)}")
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        db.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
