from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from cultuur.audit import audited
from cultuur.exports import cents_as_euros, write_csv
from cultuur.money import format_euros
from cultuur.replica import reads_from_replica
from cultuur.roles import Role, has_role
from schools import reports
from schools.views.common import school_roles_required
from schools.views.pages import _year_from


def _require_manager(user):
    if not (user.is_superuser or has_role(user, Role.MANAGER)):
        raise PermissionDenied


@school_roles_required
def overview(request):
    _require_manager(request.user)
    year = _year_from(request)
    tables = []
    for slug, build in reports.TABLES.items():
        table = build(request.user, year)
        money = table.get("money_columns", set())
        table["display_rows"] = [
            [format_euros(cell) if index in money else cell for index, cell in enumerate(row)]
            for row in table["rows"]
        ]
        table["slug"] = slug
        tables.append(table)
    return render(
        request,
        "schools/overview.html",
        {"tables": tables, "year": year, "previous": year.previous(), "next": year.next()},
    )


@school_roles_required
@audited("schools.overview.exported")
@reads_from_replica
def overview_csv(request, table):
    _require_manager(request.user)
    if table not in reports.TABLES:
        raise Http404
    year = _year_from(request)
    data = reports.TABLES[table](request.user, year)
    money = data.get("money_columns", set())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table}-{year.label}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    rows = (
        [cents_as_euros(cell) if index in money else cell for index, cell in enumerate(row)]
        for row in data["rows"]
    )
    # Semicolons and a decimal comma, as Dutch spreadsheets expect.
    write_csv(response, data["header"], rows, delimiter=";", decimal_comma=True)
    return response
