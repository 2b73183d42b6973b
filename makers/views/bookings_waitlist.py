"""Joining the waiting list of a taken slot, and claiming an offered slot by its signed link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from makers import selectors, waitlist
from makers.booking_forms import WaitlistForm
from makers.models import WaitingListEntry
from makers.services import BookingConflict, DirectoryError


def waitlist_join(request, slug):
    venue = get_object_or_404(selectors.published_venues(), slug=slug)
    if request.method == "POST":
        form = WaitlistForm(request.POST, instance=WaitingListEntry(venue=venue))
        if form.is_valid():
            try:
                waitlist.waitlist_join(entry=form.save(commit=False), by=request.user)
            except DirectoryError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Je staat op de wachtlijst. Komt het tijdstip vrij, dan krijg je een e-mail.")
                )
                return redirect("makers:venue_calendar", slug=venue.slug)
        return render(request, "makers/waitlist_form.html", {"venue": venue, "form": form}, status=400)
    initial = {key: request.GET[key] for key in ("date", "start_time", "end_time") if key in request.GET}
    if request.user.is_authenticated:
        initial.update(contact_name=request.user.get_full_name(), contact_email=request.user.email)
    return render(
        request, "makers/waitlist_form.html", {"venue": venue, "form": WaitlistForm(initial=initial)}
    )


def waitlist_claim(request, signed):
    entry = waitlist.entry_from_claim(signed)
    if entry is None:
        raise Http404
    if request.method == "POST":
        try:
            booking = waitlist.waitlist_claim(entry=entry, by=request.user)
        except BookingConflict as error:
            messages.error(request, str(error))
        except DirectoryError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Het tijdstip is voor je vastgehouden. Je hoort per e-mail of het doorgaat.")
            )
            return redirect("makers:booking_status", token=booking.token)
        entry.refresh_from_db()
    return render(request, "makers/waitlist_claim.html", {"entry": entry, "signed": signed})
