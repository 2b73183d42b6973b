import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cultuur.money import format_euros

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def euros(cents):
    return format_euros(cents, empty="")


@register.filter
def jsonld(data):
    """A schema.org data block. It is data, not script: CSP does not run it, so it is allowed."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current query string with another page number: pages stay shareable."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
