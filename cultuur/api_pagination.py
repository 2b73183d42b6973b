"""The API lists' pagination: keyset cursors over the list's indexed order (cultuur/keyset.py).

`?after=<cursor>` is the page after a row, `?before=<cursor>` the page before one; the response is
`{"next": url, "previous": url, "results": [...]}`. A list whose order has no keyset (a search
ranked by relevance) is paged by number instead, `?page=N`, in the same shape, so a client only
ever follows `next` and `previous`. No total count: counting every match was the cost of a page.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param

from cultuur.keyset import InvalidCursor, keyset_page, order_keys
from cultuur.paging import CappedPaginator

AFTER, BEFORE, PAGE = "after", "before", "page"


class KeysetPagination(BasePagination):
    page_size = api_settings.PAGE_SIZE or 25

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        url = request.build_absolute_uri()
        for name in (AFTER, BEFORE, PAGE):
            url = remove_query_param(url, name)
        self.base_url = url
        keys = order_keys(queryset, tie_break=True)
        if keys is None:
            return self._numbered(queryset, request)
        try:
            page = keyset_page(
                queryset,
                self.page_size,
                keys=keys,
                after=request.query_params.get(AFTER, ""),
                before=request.query_params.get(BEFORE, ""),
            )
        except InvalidCursor as error:
            raise NotFound(
                _("Deze cursor hoort bij geen pagina van deze lijst; begin zonder cursor.")
            ) from error
        self.next = replace_query_param(url, AFTER, page.next_cursor) if page.next_cursor else None
        self.previous = (
            replace_query_param(url, BEFORE, page.previous_cursor) if page.previous_cursor else None
        )
        if page.has_previous and not page.previous_cursor:
            self.previous = url
        return page.rows

    def _numbered(self, queryset, request):
        paginator = CappedPaginator(queryset, self.page_size)
        number = request.query_params.get(PAGE) or 1
        try:
            page = paginator.page(number)
        except Exception as error:  # noqa: BLE001 (InvalidPage and its kinds: a page that is not there)
            raise NotFound(_("Deze pagina bestaat niet.")) from error
        url = self.base_url
        self.next = replace_query_param(url, PAGE, page.next_page_number()) if page.has_next() else None
        self.previous = None
        if page.has_previous():
            number = page.previous_page_number()
            self.previous = replace_query_param(url, PAGE, number) if number > 1 else url
        return list(page)

    def get_paginated_response(self, data):
        return Response({"next": self.next, "previous": self.previous, "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page (a keyset cursor in `after`), or null."},
                "previous": {**link, "description": "The page before (`before`), or null on the first."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        def parameter(name, description, kind="string"):
            return {
                "name": name,
                "required": False,
                "in": "query",
                "description": description,
                "schema": {"type": kind},
            }

        return [
            parameter(AFTER, "Cursor: the page after this row (from `next`; opaque)."),
            parameter(BEFORE, "Cursor: the page before this row (from `previous`; opaque)."),
            parameter(PAGE, "Page number, only for a list ordered by search relevance.", "integer"),
        ]
