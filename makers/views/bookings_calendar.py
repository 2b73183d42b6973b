"""A venue's calendar page, the iCal feeds behind secret addresses, and the page that lists them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cultuur.paging import CappedPaginator
from makers import booking_selectors, calendars, selectors
from makers.models import CalendarFeed


@require_GET
def venue_calendar(request, slug):
    venue = get_object_or_404(selectors.venues_visible_to(request.user).select_related("maker"), slug=slug)
    size = settings.MAKERS_CALENDAR_PAGE_SIZE
    page = CappedPaginator(booking_selectors.upcoming_bookings(venue), size).get_page(
        request.GET.get("pagina")
    )
    details = booking_selectors.can_see_booking_details(request.user, venue)
    feed_url = None
    if details and selectors.is_directory_editor(request.user):
        feed_url = calendars.feed_url(calendars.feed_for("venue", venue.pk))
    context = {"venue": venue, "page": page, "details": details, "feed_url": feed_url}
    return render(request, "makers/venue_calendar.html", context)


@require_GET
def calendar_feed(request, token):
    feed = CalendarFeed.objects.filter(token=token).first()
    body = calendars.render_feed(feed) if feed else None
    if body is None:
        raise Http404
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_GET
def my_feeds(request):
    return render(request, "makers/my_feeds.html", {"feeds": calendars.feeds_offered_to(request.user)})


@login_required
@require_POST
def feed_rotate(request):
    try:
        calendars.feed_rotate(token=request.POST.get("token", ""), by=request.user)
    except CalendarFeed.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("Het agenda-adres is vernieuwd. Het oude adres werkt niet meer."))
    return redirect("makers:my_feeds")
