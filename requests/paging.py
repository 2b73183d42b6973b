"""The board's paging: keyset cursors in the querystring, the count capped (cultuur/paging.py)."""

from urllib.parse import urlencode

from cultuur.paging import COUNT_CAP, CappedPaginator

__all__ = ["COUNT_CAP", "CURSOR_PARAMS", "CappedPaginator", "keyset_links"]

# The board's keyset cursors in the querystring: the page after a row, the page before a row.
CURSOR_PARAMS = ("na", "voor")


def keyset_links(page, query) -> dict:
    """First, previous and next of a keyset page as querystrings (filters kept), None when absent."""
    base = query.urlencode()

    def link(name=None, cursor=None):
        parts = [base] if base else []
        if name:
            parts.append(urlencode({name: cursor}))
        return "?" + "&".join(parts)

    after, before = CURSOR_PARAMS
    return {
        "first": link() if page.has_previous else None,
        "previous": link(before, page.previous_cursor) if page.previous_cursor else None,
        "next": link(after, page.next_cursor) if page.next_cursor else None,
    }
