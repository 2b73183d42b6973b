"""Where schools plug into the makers app (maker / co-creation on a budget line).

Until makers' models exist this returns nothing, so forms and pages work without them.
"""


def budget_line_extra_fields() -> dict:
    return {}


def budget_line_select_related() -> list[str]:
    return []


def partnership_school_ids(schools, year) -> set[int]:
    """Schools with a maker partnership in `year`: a budget line paying a maker by the hour."""
    from schools.models import BudgetLine

    return set(
        BudgetLine.objects.filter(school__in=schools, school_year=year.start_year, hours__isnull=False)
        .values_list("school_id", flat=True)
        .distinct()
    )
