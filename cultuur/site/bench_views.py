"""Benchmark-only views and middleware, mounted only when the BENCH_FLOORS setting is true.

The two floors are the yardsticks `make bench` measures every page against in the same run:
the framework floor (a short text, no template, no query) and the page floor (25 rows of one
table by an indexed order, one query, rendered in the base layout).
"""

from django.db import connections
from django.http import HttpResponse
from django.template import engines

from requests.models import CultureRequest

_PAGE_FLOOR = engines["django"].from_string(
    """{% extends "base.html" %}
{% block title %}Vloer{% endblock %}
{% block content %}<h1>Vloer</h1>
<table><caption>Laatste vragen</caption>
<thead><tr><th scope="col">Kenmerk</th><th scope="col">Binnengekomen</th></tr></thead>
<tbody>{% for r in rows %}<tr><td>{{ r.reference }}</td><td>{{ r.created_at|date:"j F Y" }}</td></tr>
{% endfor %}</tbody></table>{% endblock %}"""
)


def framework_floor(request):
    return HttpResponse("ok", content_type="text/plain")


def page_floor(request):
    rows = list(CultureRequest.objects.only("reference", "created_at").order_by("-created_at")[:25])
    return HttpResponse(_PAGE_FLOOR.render({"rows": rows}, request))


class QueryCountMiddleware:
    """Adds X-Query-Count (SQL statements run while handling the request, session save included).

    connection.queries needs DEBUG; an execute wrapper counts with DEBUG off, as the bench runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrappers = [connection.execute_wrapper(counter) for connection in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Query-Count"] = str(count)
        return response
