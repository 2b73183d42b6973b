"""The board's paging: keyset cursors in the querystring, the count capped (cultuur/paging.py)."""

from urllib.parse import urlencode

from cultuur.paging import COUNT_CAP, CappedPaginator

__all__ = ["BOARD_COUNT_CAP", "COUNT_CAP", "CURSOR_PARAMS", "BoardCount", "CappedPaginator", "keyset_links"]

# The board's keyset cursors in the querystring: the page after a row, the page before a row.
CURSOR_PARAMS = ("na", "voor")


# The board says how many requests match up to this many, "more than" beyond: with keyset pages
# the count pages nothing, it only informs, and counting 10,000 index entries was most of a page.
BOARD_COUNT_CAP = 1_000


class BoardCount(CappedPaginator):
    """The board's "N vragen gevonden": free when the first page holds every match."""

    cap = BOARD_COUNT_CAP

    def __init__(self, object_list, page):
        super().__init__(object_list, len(page.rows) or 1)
        if not page.has_next and not page.has_previous:
            self.__dict__["_counted"] = len(page.rows)


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
