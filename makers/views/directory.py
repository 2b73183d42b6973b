"""The public directory: lists with filters and facets, and detail pages with schema.org data."""

import datetime

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from cultuur.paging import CappedPaginator
from cultuur.replica import reads_from_replica
from makers import jsonld, marks, selectors
from makers.filters import CoCreationFilter, CourseFilter, MakerFilter, VenueFilter
from makers.forms import BookingRequestForm


class DirectoryPaginator(CappedPaginator):
    """Counts at most 500 matches: the heading then says "meer dan 500" (issue 11)."""

    cap = 500


AVAILABILITY_DAYS = 28


def _directory(request, *, filterset_class, queryset, template, extra=None):
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    valid = filterset.is_valid()
    results = filterset.qs if valid else queryset.none()
    paginator = DirectoryPaginator(results, settings.MAKERS_PAGE_SIZE)
    # The facets' LIMITed sample of matching pks (shared by every facet when no facet filter is
    # active) also answers the capped count: one read of at most cap + 1 matches, not two.
    pks = filterset.sampled_pks(None) if valid else []
    if pks is not None and len(pks) <= paginator.cap:
        paginator.__dict__["_counted"] = len(pks)
    elif pks is None and filterset.facet_sample >= paginator.cap:
        paginator.__dict__["_counted"] = paginator.cap + 1
    if paginator.capped and results.query.order_by and results.query.order_by[0] == "-search_rank":
        # Ranking (or sorting by name) more matches than the cap reads and sorts all of them on
        # every page view: a broad search is listed newest first, along the primary key index.
        paginator = DirectoryPaginator(results.order_by("-pk"), settings.MAKERS_PAGE_SIZE)
        paginator.__dict__["_counted"] = paginator.cap + 1
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "page": page,
        "facets": filterset.facets(),
        "active_filters": filterset.active_filters(),
        "query": filterset.form.cleaned_data.get("q", "")
        if filterset.is_bound and filterset.is_valid()
        else "",
        **(extra or {}),
    }
    return render(request, template, context)


@require_GET
@reads_from_replica
def maker_list(request):
    return _directory(
        request,
        filterset_class=MakerFilter,
        queryset=selectors.published_makers().prefetch_related(marks.shown_marks_prefetch()),
        template="makers/maker_list.html",
    )


@require_GET
def maker_detail(request, slug):
    maker = get_object_or_404(selectors.makers_visible_to(request.user), slug=slug)
    courses = selectors.published_courses().filter(maker=maker)
    return render(
        request,
        "makers/maker_detail.html",
        {
            "maker": maker,
            "courses": courses,
            "cocreations": selectors.published_cocreations().filter(makers=maker),
            "jsonld": jsonld.maker_jsonld(maker) if maker.is_published else None,
            "can_edit": selectors.can_edit_maker(request.user, maker),
            "shown_marks": list(marks.marks_of(maker).shown()),
            "fair_practice": selectors.fair_practice_flags(maker)
            if selectors.is_directory_editor(request.user)
            else [],
        },
    )


@require_GET
@reads_from_replica
def course_list(request):
    return _directory(
        request,
        filterset_class=CourseFilter,
        queryset=selectors.published_courses(),
        template="makers/course_list.html",
    )


@require_GET
def course_detail(request, slug):
    course = get_object_or_404(selectors.courses_visible_to(request.user), slug=slug)
    return render(
        request,
        "makers/course_detail.html",
        {
            "course": course,
            "jsonld": jsonld.course_jsonld(course) if course.is_published else None,
            "can_edit": selectors.can_edit_course(request.user, course),
        },
    )


@require_GET
@reads_from_replica
def venue_list(request):
    return _directory(
        request,
        filterset_class=VenueFilter,
        queryset=selectors.published_venues(),
        template="makers/venue_list.html",
    )


def _availability(venue, start: datetime.date):
    end = start + datetime.timedelta(days=AVAILABILITY_DAYS - 1)
    taken: dict[datetime.date, list] = {}
    for booking in selectors.venue_availability(venue, start=start, end=end):
        taken.setdefault(booking.date, []).append(booking)
    return [
        {
            "date": start + datetime.timedelta(days=offset),
            "taken": taken.get(start + datetime.timedelta(days=offset), []),
        }
        for offset in range(AVAILABILITY_DAYS)
    ]


def venue_detail_context(request, venue, form=None):
    today = datetime.date.today()
    try:
        start = datetime.date.fromisoformat(request.GET.get("vanaf", ""))
    except ValueError:
        start = today
    start = max(start, today)
    return {
        "venue": venue,
        "days": _availability(venue, start),
        "start": start,
        "next_start": start + datetime.timedelta(days=AVAILABILITY_DAYS),
        "previous_start": start - datetime.timedelta(days=AVAILABILITY_DAYS) if start > today else None,
        "form": form or BookingRequestForm(),
        "jsonld": jsonld.venue_jsonld(venue) if venue.is_published else None,
    }


@require_GET
def venue_detail(request, slug):
    venue = get_object_or_404(selectors.venues_visible_to(request.user), slug=slug)
    return render(request, "makers/venue_detail.html", venue_detail_context(request, venue))


@require_GET
@reads_from_replica
def cocreation_list(request):
    return _directory(
        request,
        filterset_class=CoCreationFilter,
        queryset=selectors.published_cocreations(),
        template="makers/cocreation_list.html",
    )


@require_GET
def cocreation_detail(request, slug):
    cocreation = get_object_or_404(selectors.cocreations_visible_to(request.user), slug=slug)
    return render(request, "makers/cocreation_detail.html", {"cocreation": cocreation})
