"""Every route of the project, with how to fill in its URL keywords from the access world."""

from django.urls import URLPattern, URLResolver, get_resolver

# Routes that are not ours to scope: the Django admin (staff only, its own login) and allauth's
# account pages (login, sign-up, reset, MFA: they answer every visitor by design). Spot checks
# for both are in tests/cultuur.
SKIPPED_PREFIXES = ("beheer/", "accounts/")
SKIPPED_NAMES = {"set_language"}


def _walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + str(pattern.pattern), namespace + pattern.name, pattern


def all_routes() -> dict[str, tuple[str, list[str]]]:
    """{url name: (route, keyword names)} for every named route, format-suffix variants folded."""
    routes = {}
    for route, name, pattern in _walk(get_resolver()):
        if route.startswith(SKIPPED_PREFIXES) or name in SKIPPED_NAMES or name in routes:
            continue
        keywords = [key for key in pattern.pattern.regex.groupindex if key != "format"]
        routes[name] = (route, keywords)
    return routes


def _object_kind(name: str) -> str:
    """Which object a route's `slug`, `pk` or `token` keyword stands for."""
    short = name.split(":")[-1]
    rules = [
        ("districts:", "district"),
        ("schools:", "school"),
        ("requests:funding", "funding"),
        ("requests:view_", "savedview"),
        ("requests:text_", "standardtext"),
        ("requests:attachment", "attachment"),
        ("requests:", "request"),
        ("makers:mark_", "mark"),
        ("makers:booking_request", "venue"),
        ("makers:series_create", "venue"),
        ("makers:series", "series"),
        ("makers:waitlist_join", "venue"),
        ("makers:waitlist_claim", "claim"),
        ("makers:calendar_feed", "feed"),
        ("makers:course_create", "maker"),
        ("makers:booking", "booking"),
        ("makers:course", "course"),
        ("makers:venue", "venue"),
        ("makers:cocreation", "cocreation"),
        ("makers:", "maker"),
        ("impact:case", "case"),
        ("impact:strategy", "card"),
        ("impact:agreement", "agreement"),
        ("impact:risk", "risk"),
        ("impact:partner_progress", "progress"),
        ("impact:", "impact"),
    ]
    for prefix, kind in rules:
        if name.startswith(prefix):
            return kind
    api = {
        "district-detail": "district",
        "district-partner-detail": "partner",
        "district-grant-detail": "grant",
        "school-detail": "school",
        "school-plan": "plan",
        "school-budget-line-detail": "line",
        "school-monitoring-detail": "monitoring",
        "culturerequest": "request",
        "savedview": "savedview",
        "standardtext": "standardtext",
        "quality-mark": "mark",
        "pool-teacher": "poolteacher",
        "pool-proposal": "proposal",
        "maker": "maker",
        "course": "course",
        "venue": "venue",
        "cocreation": "cocreation",
        "booking-series": "series",
        "activity": "activity",
        "measurement": "measurement",
        "goal": "goal",
        "case": "case",
        "strategy-card": "card",
        "strategy-agreement": "agreement",
        "risk": "risk",
    }
    for prefix, kind in api.items():
        if short.startswith(prefix):
            return kind
    return "?"


def kwargs_for(name: str, keywords: list[str], side: dict) -> dict | None:
    """URL keywords for route `name` filled from one side of the world; None when one is unknown."""
    kind = _object_kind(name)
    kwargs = {}
    for key in keywords:
        for candidate in (f"{key}:{kind}", key):
            if candidate in side:
                kwargs[key] = side[candidate]
                break
        else:
            return None
    return kwargs
