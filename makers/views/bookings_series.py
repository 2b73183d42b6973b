"""Booking a recurring series (all or nothing) and cancelling a date or the whole series."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from makers import booking as booking_services
from makers import booking_selectors, selectors
from makers.booking_forms import SeriesForm
from makers.models import BookingSeries, VenueBooking
from makers.services import DirectoryError


@login_required
def series_create(request, slug):
    venue = get_object_or_404(selectors.published_venues(), slug=slug)
    clashes = []
    if request.method == "POST":
        form = SeriesForm(request.POST, instance=BookingSeries(venue=venue))
        if form.is_valid():
            try:
                series = booking_services.series_book(series=form.save(commit=False), by=request.user)
            except booking_services.SeriesConflict as error:
                clashes = error.dates
                form.add_error(None, str(error))
            except DirectoryError as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(request, _("De reeks is geboekt."))
                return redirect("makers:series_status", token=series.token)
    else:
        user = request.user
        form = SeriesForm(initial={"contact_name": user.get_full_name(), "contact_email": user.email})
    status = 400 if request.method == "POST" else 200
    context = {"venue": venue, "form": form, "clashes": clashes}
    return render(request, "makers/series_form.html", context, status=status)


def series_status(request, token):
    series = get_object_or_404(BookingSeries.objects.select_related("venue"), token=token)
    occurrences = list(booking_selectors.series_occurrences(series))
    can_confirm = selectors.is_directory_editor(request.user) and any(
        booking.status == VenueBooking.Status.REQUESTED for booking in occurrences
    )
    context = {"series": series, "occurrences": occurrences, "can_confirm": can_confirm}
    return render(request, "makers/series_status.html", context)


@login_required
@require_POST
def series_confirm(request, token):
    if not selectors.is_directory_editor(request.user):
        raise PermissionDenied
    series = get_object_or_404(BookingSeries, token=token)
    confirmed = booking_services.series_confirm(series=series, by=request.user)
    messages.success(request, _("%(n)s data van de reeks zijn bevestigd.") % {"n": confirmed})
    return redirect("makers:series_status", token=series.token)


@require_POST
def series_cancel(request, token):
    series = get_object_or_404(BookingSeries, token=token)
    try:
        cancelled = booking_services.series_cancel(series=series, by=request.user)
    except DirectoryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(n)s data van de reeks zijn geannuleerd.") % {"n": cancelled})
    return redirect("makers:series_status", token=series.token)


@require_POST
def booking_cancel(request, token):
    booking = get_object_or_404(VenueBooking.objects.select_related("series"), token=token)
    try:
        booking_services.venue_booking_cancel(booking=booking, by=request.user)
    except DirectoryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De boeking is geannuleerd."))
    if booking.series_id:
        return redirect("makers:series_status", token=booking.series.token)
    return redirect("makers:booking_status", token=booking.token)
