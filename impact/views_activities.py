"""Activities for advisors and managers: the list in scope, and the reach an advisor records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from impact import selectors, services
from impact.forms import MeasurementForm, ReachForm


def _require_reader(user):
    if not (selectors.sees_all(user) or selectors.is_advisor(user)):
        raise PermissionDenied


@login_required
def activity_list(request):
    _require_reader(request.user)
    activities = selectors.visible_activities(request.user).order_by("-starts_on", "title")
    page = Paginator(activities, 50).get_page(request.GET.get("pagina"))
    # Only the activities whose reach this user may record get the link (managers only read).
    recordable = {a.pk for a in page.object_list if selectors.can_record_reach(request.user, a)}
    return render(request, "impact/activities.html", {"page": page, "recordable": recordable})


@login_required
def activity_reach(request, slug):
    _require_reader(request.user)
    activity = get_object_or_404(selectors.visible_activities(request.user), slug=slug)
    if not selectors.can_record_reach(request.user, activity):
        raise PermissionDenied
    reach = getattr(activity, "reach", None)
    initial = {}
    if reach is not None:
        initial = {f: getattr(reach, f) for f in ("participants", "new_participants", "visitors", "pupils")}
    form = ReachForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.reach_record(activity=activity, by=request.user, **form.cleaned_data)
        except services.ImpactError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, activity.title)
            return redirect("impact:activities")
    return render(request, "impact/activity_reach.html", {"activity": activity, "form": form})


@login_required
def measurement_create(request):
    """Advisors record a measurement for one of their districts (activity measurements: API/admin)."""
    if not selectors.is_advisor(request.user):
        raise PermissionDenied
    from districts.selectors import districts_visible_to

    form = MeasurementForm(request.POST or None, districts=districts_visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_record(by=request.user, **form.cleaned_data)
        except services.ImpactError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, str(form.cleaned_data["indicator"]))
            return redirect("impact:activities")
    return render(request, "impact/measurement_form.html", {"form": form})
