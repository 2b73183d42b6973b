"""The browser's own requests and htmx's defaults must not trip the CSP or end in a 404."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders


def test_favicon_ico_leads_to_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content if icon.streaming else [icon.content])[:4] == b"\x00\x00\x01\x00"


def test_every_page_tells_htmx_not_to_inject_its_inline_style(client):
    html = client.get("/").content.decode()
    assert re.search(r"<meta name=\"htmx-config\" content='\{\"includeIndicatorStyles\":false\}'>", html)


def test_the_stylesheet_carries_the_indicator_style_instead():
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert ".htmx-indicator { opacity: 0; }" in css
    assert ".htmx-request .htmx-indicator" in css
