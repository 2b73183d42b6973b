"""Every link a role is shown leads somewhere that role may go: no 403 (and no 500).

The activities list showed advisors and managers a "bereik" link that answered 403, and the
manager's funding overview linked to an edit page the manager may not open. This walks each role's
site from its start page, breadth first over same-site links, and follows every link it is shown.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.access.world import ROLES, build_world
from tests.pages.catalogue import clients_for, enrich

pytestmark = pytest.mark.django_db

MAX_PAGES = 150  # per role: the world is small, every page type fits well within this
MAX_DEPTH = 4
# Not ours to walk: the admin (its own permission screens), leaving (logout, language), files.
SKIP_PREFIXES = ("/beheer/", "/accounts/logout/", "/i18n/", "/static/", "/media/")


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _same_site(base: str, href: str) -> str | None:
    url = urldefrag(urljoin(base, href)).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "") or parts.netloc not in ("testserver", ""):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return None if parts.path.startswith(SKIP_PREFIXES) else path


def walk(client, start: str) -> tuple[int, dict[str, tuple[int, str]]]:
    """(pages read, {url: (status, the page that linked it)}) for refused or broken links."""
    queue, seen, bad, read = deque([(start, 0, "(start)")]), {start}, {}, 0
    while queue and read < MAX_PAGES:
        url, depth, source = queue.popleft()
        response = client.get(url, follow=True)
        read += 1
        if response.status_code in (403, 500):
            bad[url] = (response.status_code, source)
            continue
        if depth >= MAX_DEPTH or not response.get("Content-Type", "").startswith("text/html"):
            continue
        here = response.request["PATH_INFO"]
        for href in Links(response.content.decode()).hrefs:
            target = _same_site(here, href)
            if target and target not in seen:
                seen.add(target)
                queue.append((target, depth + 1, url))
    return read, bad


def test_no_role_is_shown_a_link_it_may_not_follow():
    world = build_world()
    enrich(world)
    clients = clients_for(world)
    refused, read = {}, {}
    for role in ROLES:
        start = "/" if role in ("anonymous", "resident") else "/start/"
        read[role], bad = walk(clients[role], start)
        if bad:
            refused[role] = bad
    assert refused == {}
    assert all(count >= 3 for count in read.values()), read
