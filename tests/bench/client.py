"""The load client of `make bench`: standard library only, run as its own process from /tmp.

Why not wrk: the public form needs a GET, a CSRF cookie and a signed form token per POST, and
every page needs its session cookie and the X-Query-Count header read back; a small client does
all that in one place. asyncio drives the workers; each request is a blocking http.client call in
a thread (asyncio.to_thread), a new connection per request (gunicorn's sync workers close them).

Input: a JSON file {"base": "http://127.0.0.1:PORT", "scenarios": [...], "form": {...}}.
Output: a JSON file with, per scenario, latencies with one client and throughput with 8.
"""

import argparse
import asyncio
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

WARMUP = 5
SINGLE_MAX = 60  # requests with one client ...
SINGLE_SECONDS = 8.0  # ... or this long, whichever comes first (at least SINGLE_MIN)
SINGLE_MIN = 12
CONCURRENCY = 8
CONCURRENT_SECONDS = 4.0


class Target:
    def __init__(self, base: str):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port

    def fetch(self, method, path, *, headers=None, body=None):
        """(status, seconds, query count, headers, body) of one request on a fresh connection."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        started = time.perf_counter()
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - started
        conn.close()
        queries = response.getheader("X-Query-Count")
        return response.status, elapsed, int(queries) if queries else None, response.getheaders(), data


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


# --- the public form: tokens fetched up front, so the minimum fill time has passed honestly ---

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_TOKEN = re.compile(r'<input[^>]*name="form_token"[^>]*>')
_VALUE = re.compile(r'value="([^"]*)"')


def form_tokens(target, path):
    status, _s, _q, headers, data = target.fetch("GET", path)
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    html = data.decode()
    cookie = ""
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("csrftoken="):
            cookie = value.split(";", 1)[0]
    csrf = _CSRF.search(html).group(1)
    token = _VALUE.search(_TOKEN.search(html).group(0)).group(1)
    return {"cookie": cookie, "csrf": csrf, "form_token": token.replace("&amp;", "&")}


class OutOfTokens(Exception):
    """Every fetched form token was posted: the concurrent run ends there."""


class FormPoster:
    def __init__(self, target, form, tokens):
        self.target, self.form, self.tokens = target, form, tokens
        self.sent = 0
        self.stored = 0  # 302 to the thanks page

    def __call__(self):
        try:
            ticket = self.tokens.pop()
        except IndexError:
            raise OutOfTokens from None
        self.sent += 1
        n = self.sent
        fields = {
            "csrfmiddlewaretoken": ticket["csrf"],
            "form_token": ticket["form_token"],
            "requester_kind": "resident",
            "requester_name": f"Bench Vrager {n}",
            "requester_email": f"bench{n}@voorbeeld.nl",
            "postcode": self.form["postcode"],
            "question": "Wij zoeken iemand voor een theaterworkshop voor de kinderen uit de buurt.",
            "age_group": "children",
            "contact_language": "nl",
            "consent": "on",
            "website": "",
        }
        body = urllib.parse.urlencode(fields)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": ticket["cookie"]}
        status, elapsed, queries, _h, _d = self.target.fetch(
            "POST", self.form["path"], headers=headers, body=body
        )
        if status == 302:
            self.stored += 1
        return status, elapsed, queries


def page_getter(target, path, cookie):
    headers = {"Cookie": cookie} if cookie else {}

    def get():
        status, elapsed, queries, _h, _d = target.fetch("GET", path, headers=headers)
        return status, elapsed, queries

    return get


async def measure(call, ok_status):
    for _ in range(WARMUP):
        await asyncio.to_thread(call)
    latencies, queries, bad = [], [], {}
    started = time.monotonic()
    while len(latencies) < SINGLE_MAX and (
        len(latencies) < SINGLE_MIN or time.monotonic() - started < SINGLE_SECONDS
    ):
        status, elapsed, count = await asyncio.to_thread(call)
        if status != ok_status:
            bad[status] = bad.get(status, 0) + 1
        latencies.append(elapsed)
        if count is not None:
            queries.append(count)

    done = 0
    deadline = time.monotonic() + CONCURRENT_SECONDS

    async def worker():
        nonlocal done
        while time.monotonic() < deadline:
            try:
                status, _elapsed, _count = await asyncio.to_thread(call)
            except OutOfTokens:
                return
            if status == ok_status:
                done += 1
            else:
                bad[status] = bad.get(status, 0) + 1

    began = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    wall = time.monotonic() - began
    return {
        "n": len(latencies),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "rps8": round(done / wall, 1),
        "queries": statistics.median(queries) if queries else None,
        "queries_max": max(queries) if queries else None,
        "unexpected_status": bad,
    }


async def run(spec):
    # The default executor has cpu + 4 threads: too few for 8 clients on a 2-core machine.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=CONCURRENCY + 4))
    target = Target(spec["base"])
    results = []
    for scenario in spec["scenarios"]:
        name = scenario["name"]
        if scenario.get("method") == "POST":
            form = spec["form"]
            # Enough tokens for warm-up, the single client and 8 clients at up to ~300/s; should
            # they run out, the concurrent run ends early and its rate counts the time it ran.
            need = WARMUP + SINGLE_MAX + int(300 * CONCURRENT_SECONDS)
            fetched = []
            began = time.monotonic()

            async def fetcher(count, into=fetched, path=form["path"]):
                for _ in range(count):
                    into.append(await asyncio.to_thread(form_tokens, target, path))

            await asyncio.gather(*(fetcher(need // 4 + 1) for _ in range(4)))
            # The newest token must be older than the minimum fill time: wait once, up front.
            await asyncio.sleep(form["min_fill_seconds"] + 0.5)
            print(f"  ({len(fetched)} form tokens fetched in {time.monotonic() - began:.1f} s)", flush=True)
            poster = FormPoster(target, form, fetched)
            result = await measure(poster, 302)
            result.update({"posted": poster.sent, "stored_302": poster.stored, "tokens_left": len(fetched)})
        else:
            call = page_getter(target, scenario["path"], scenario.get("cookie"))
            result = await measure(call, 200)
        result.update({k: scenario[k] for k in scenario if k != "cookie"})
        results.append(result)
        print(
            f"  {name:<42} p50 {result['p50_ms']:>7} ms  p95 {result['p95_ms']:>7} ms  "
            f"{result['rps8']:>6}/s  q={result['queries']}  {result['unexpected_status'] or ''}",
            flush=True,
        )
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("spec")
    parser.add_argument("out")
    args = parser.parse_args()
    with open(args.spec) as f:
        spec = json.load(f)
    results = asyncio.run(run(spec))
    with open(args.out, "w") as f:
        json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
