"""Writes every page type, as every role that sees it, into HTML_CHECK_DIR for the W3C Nu HTML
Checker (`.ci/html-check`). Skipped in an ordinary test run."""

import json
import os
import re
from pathlib import Path

import pytest

from tests.pages.catalogue import rendered_once

pytestmark = pytest.mark.django_db

TARGET = os.environ.get("HTML_CHECK_DIR", "")


@pytest.mark.skipif(not TARGET, reason="set HTML_CHECK_DIR to write the pages for the HTML checker")
def test_write_every_page_type_for_the_html_checker():
    target = Path(TARGET)
    target.mkdir(parents=True, exist_ok=True)
    index = {}
    for page in rendered_once():
        if page.fragment:
            continue  # an htmx partial is no document; tests/pages checks its ids and labels
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{page.kind}@{page.role}") + ".html"
        (target / name).write_text(page.html, encoding="utf-8")
        index[name] = {"kind": page.kind, "role": page.role, "url": page.url}
    (target / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    assert len(index) > 50
