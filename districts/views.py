from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.errors import DomainError
from cultuur.money import format_euros
from cultuur.roles import Role, has_role
from districts import selectors, services
from districts.forms import GrantForm, PartnerForm, ProfileForm, parse_year
from districts.models import CultureProfile


def require_district_role(user):
    if not (user.is_superuser or has_role(user, Role.ADVISOR, Role.MANAGER)):
        raise PermissionDenied


def _editable_district(request, slug):
    require_district_role(request.user)
    district = selectors.district_page(request.user, slug)
    if not selectors.can_edit_district(request.user, district):
        raise PermissionDenied
    return district


@login_required
def district_list(request):
    require_district_role(request.user)
    districts = [
        (district, selectors.is_staffed(district)) for district in selectors.district_overview(request.user)
    ]
    return render(request, "districts/list.html", {"districts": districts})


@login_required
def profile_edit(request, slug):
    district = _editable_district(request, slug)
    profile = CultureProfile.objects.filter(district=district).first() or CultureProfile(district=district)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(district=district, data=form.cleaned_data, by=request.user)
        messages.success(request, _("Het cultuurprofiel is opgeslagen."))
        return redirect("districts:detail", slug=district.slug)
    heading = _("Cultuurprofiel bewerken")
    return render(request, "districts/form.html", {"district": district, "form": form, "heading": heading})


@login_required
def partner_edit(request, slug, partner_id=None):
    district = _editable_district(request, slug)
    partner = get_object_or_404(district.partners.all(), pk=partner_id) if partner_id else None
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        services.partner_save(district=district, partner=partner, by=request.user, **form.cleaned_data)
        messages.success(request, _("De partner is opgeslagen."))
        return redirect("districts:detail", slug=district.slug)
    heading = _("Partner bewerken") if partner else _("Partner toevoegen")
    context = {"district": district, "form": form, "partner": partner, "heading": heading}
    return render(request, "districts/form.html", context)


@login_required
@require_POST
def partner_delete(request, slug, partner_id):
    district = _editable_district(request, slug)
    partner = get_object_or_404(district.partners.all(), pk=partner_id)
    services.partner_delete(partner=partner, by=request.user)
    messages.success(request, _("De partner is verwijderd."))
    return redirect("districts:detail", slug=district.slug)


@login_required
def grant_create(request, slug):
    district = _editable_district(request, slug)
    form = GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_create(
                district=district,
                initiative=form.cleaned_data["initiative"],
                amount_cents=form.amount_cents,
                granted_on=form.cleaned_data["granted_on"],
                linked_to=form.cleaned_data["linked_to"],
                over_budget_reason=form.cleaned_data["over_budget_reason"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("De bijdrage is vastgelegd."))
            return redirect("districts:detail", slug=district.slug)
    budget = selectors.budget_summary(district, parse_year(request.POST.get("granted_on", "")[:4]))
    intro = _("Nog beschikbaar in %(year)s: %(amount)s.") % {
        "year": budget["year"],
        "amount": format_euros(budget["remaining_cents"]),
    }
    context = {"district": district, "form": form, "heading": _("Bijdrage toekennen"), "intro": intro}
    return render(request, "districts/form.html", context)
