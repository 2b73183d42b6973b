"""The district page: the district's own record with the figures every app keeps about it.

It reads the districts, requests, makers, schools and impact apps through their selectors, so it
lives here, above all of them; the rest of the district pages stay in districts/views.py.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from districts import selectors
from districts.forms import GrantForm, parse_year
from districts.views import require_district_role
from impact import selectors as impact_selectors
from makers import selectors as maker_selectors
from requests import selectors as request_selectors
from schools import selectors as school_selectors


def district_figures(district) -> dict:
    """The figures other apps keep about this district, read through their selectors."""
    return {
        "requests": request_selectors.district_figures(district),
        "makers": maker_selectors.district_figures(district),
        "schools": school_selectors.district_figures(district),
        "activities": impact_selectors.district_figures(district),
    }


@login_required
def district_detail(request, slug):
    require_district_role(request.user)
    district = selectors.district_page(request.user, slug)
    year = parse_year(request.GET.get("jaar"))
    context = {
        "district": district,
        "staffed": selectors.is_staffed(district),
        "profile": getattr(district, "profile", None),
        "can_edit": selectors.can_edit_district(request.user, district),
        "budget": selectors.budget_summary(district, year),
        "edits": selectors.recent_edits(district),
        "grant_form": GrantForm(),
        "figures": district_figures(district),
    }
    return render(request, "districts/detail.html", context)
