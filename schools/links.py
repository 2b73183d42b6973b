"""Where schools plug into the makers app: maker / co-creation on a budget line, partnerships."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def budget_line_extra_fields() -> dict:
    from makers.models import CoCreation, Maker

    return {
        "maker": forms.ModelChoiceField(
            label=_("Cultuurmaker"),
            queryset=Maker.objects.filter(status=Maker.Status.PUBLISHED).order_by("name"),
            required=False,
            help_text=_("Laat het uurtarief leeg om het tarief van de cultuurmaker over te nemen."),
        ),
        "co_creation": forms.ModelChoiceField(
            label=_("Co-creatie"),
            queryset=CoCreation.objects.exclude(status=CoCreation.Status.ARCHIVED).order_by("title"),
            required=False,
        ),
    }


def budget_line_select_related() -> list[str]:
    return ["maker", "co_creation"]


def partnership_school_ids(schools, year) -> set[int]:
    """Schools with a maker partnership in `year`: a budget line with a maker or co-creation,
    or taking part in a running or completed co-creation."""
    from makers.models import CoCreation
    from schools.models import BudgetLine, CoCreationSchool

    with_line = BudgetLine.objects.filter(school__in=schools, school_year=year.start_year).filter(
        Q(maker__isnull=False) | Q(co_creation__isnull=False)
    )
    in_co_creation = CoCreationSchool.objects.filter(
        school__in=schools, co_creation__status__in=CoCreation.PUBLIC_STATUSES
    )
    return set(with_line.values_list("school_id", flat=True).distinct()) | set(
        in_co_creation.values_list("school_id", flat=True).distinct()
    )
