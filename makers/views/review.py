"""Staff review of submitted profiles and courses, fair-practice flags, and venue bookings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from makers import selectors, services
from makers.forms import DeclineForm, InviteForm, ReviewForm
from makers.models import VenueBooking


def _require_editor(user):
    if not selectors.is_directory_editor(user):
        raise PermissionDenied


@login_required
def review_queue(request):
    _require_editor(request.user)
    below = [(maker, selectors.fair_practice_flags(maker)) for maker in selectors.makers_below_fair_rate()]
    return render(
        request,
        "makers/review_queue.html",
        {
            "makers": selectors.makers_pending_review(),
            "courses": selectors.courses_pending_review(),
            "below_fair_rate": below,
            "bookings": selectors.bookings_visible_to(request.user)
            .filter(status=VenueBooking.Status.REQUESTED)
            .select_related("series"),
            "form": ReviewForm(),
            "invite_form": InviteForm(),
        },
    )


def _review(request, obj, approve, send_back):
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("makers:review_queue")
    try:
        if form.cleaned_data["decision"] == "approve":
            approve(obj, by=request.user)
            messages.success(request, _("Goedgekeurd en gepubliceerd: %(name)s.") % {"name": obj})
        else:
            send_back(obj, comment=form.cleaned_data["comment"], by=request.user)
            messages.success(request, _("Teruggestuurd: %(name)s.") % {"name": obj})
    except services.DirectoryError as error:
        messages.error(request, str(error))
    return redirect("makers:review_queue")


@login_required
@require_POST
def maker_review(request, slug):
    _require_editor(request.user)
    maker = get_object_or_404(selectors.makers_editable_by(request.user), slug=slug)
    return _review(
        request,
        maker,
        lambda obj, by: services.maker_approve(maker=obj, by=by),
        lambda obj, comment, by: services.maker_send_back(maker=obj, comment=comment, by=by),
    )


@login_required
@require_POST
def course_review(request, slug):
    _require_editor(request.user)
    course = get_object_or_404(selectors.courses_editable_by(request.user), slug=slug)
    return _review(
        request,
        course,
        lambda obj, by: services.course_approve(course=obj, by=by),
        lambda obj, comment, by: services.course_send_back(course=obj, comment=comment, by=by),
    )


@login_required
@require_POST
def booking_confirm(request, token):
    _require_editor(request.user)
    booking = get_object_or_404(selectors.bookings_visible_to(request.user), token=token)
    try:
        services.venue_booking_confirm(booking=booking, by=request.user)
        messages.success(request, _("De boeking is bevestigd."))
    except services.DirectoryError as error:
        messages.error(request, str(error))
    return redirect("makers:review_queue")


@login_required
@require_POST
def booking_decline(request, token):
    _require_editor(request.user)
    booking = get_object_or_404(selectors.bookings_visible_to(request.user), token=token)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf een reden bij de afwijzing."))
        return redirect("makers:review_queue")
    try:
        services.venue_booking_decline(booking=booking, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, _("De boeking is afgewezen."))
    except services.DirectoryError as error:
        messages.error(request, str(error))
    return redirect("makers:review_queue")


@login_required
@require_POST
def maker_invite(request):
    _require_editor(request.user)
    form = InviteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("makers:review_queue")
    try:
        services.maker_invite(
            email=form.cleaned_data["email"], name=form.cleaned_data["name"], by=request.user
        )
        messages.success(request, _("De uitnodiging is verstuurd."))
    except services.DirectoryError as error:
        messages.error(request, str(error))
    return redirect("makers:review_queue")
