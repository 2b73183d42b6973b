"""Anyone may ask to book a published venue; staff confirm or decline (views/review.py)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from makers import selectors, services
from makers.forms import BookingRequestForm
from makers.models import VenueBooking
from makers.views.directory import venue_detail_context


@require_POST
def booking_request(request, slug):
    venue = get_object_or_404(selectors.published_venues(), slug=slug)
    form = BookingRequestForm(request.POST, instance=VenueBooking(venue=venue))
    taken = False
    if form.is_valid():
        try:
            booking = services.venue_booking_request(booking=form.save(commit=False), by=request.user)
        except services.BookingConflict as error:
            taken = True
            form.add_error(None, str(error))
        except services.DirectoryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Je aanvraag is verstuurd. Je hoort per e-mail of het doorgaat."))
            return redirect("makers:booking_status", token=booking.token)
    context = venue_detail_context(request, venue, form)
    context["waitlist_offer"] = form.cleaned_data if taken else None
    return render(request, "makers/venue_detail.html", context, status=400)


def booking_status(request, token):
    booking = get_object_or_404(VenueBooking.objects.select_related("venue"), token=token)
    return render(request, "makers/booking_status.html", {"booking": booking})
