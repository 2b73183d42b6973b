"""Writes after triage: matches and funding applications (services, like requests.services)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from requests import workflow
from requests.models import CultureRequest, FundingApplication, Match, MatchKind
from requests.services import RequestError, event_log


@transaction.atomic
def match_create(*, request: CultureRequest, kind: str, description: str = "", by, **targets) -> Match:
    """Record a match; `targets` are the maker/course/co_creation/venue it points at, where one exists."""
    if kind not in MatchKind.values:
        raise RequestError(_("Kies een soort koppeling."))
    if not request.is_open:
        raise RequestError(_("Deze vraag is afgesloten."))
    match = Match.objects.create(
        request=request, kind=kind, description=description.strip(), created_by=by, **targets
    )
    event_log(
        request=request,
        action=workflow.ACTION_MATCH,
        by=by,
        note=f"{match.get_kind_display()}: {match.target_label}",
    )
    return match


@transaction.atomic
def funding_application_record(*, request: CultureRequest, by, **fields) -> FundingApplication:
    application = FundingApplication.objects.create(request=request, created_by=by, **fields)
    event_log(
        request=request,
        action=workflow.ACTION_FUNDING,
        by=by,
        note=gettext_lazy("Fondsaanvraag %(fund)s: %(status)s"),
        note_args={"fund": application.fund, "status": application.get_status_display()},
    )
    return application


@transaction.atomic
def funding_application_update(*, application: FundingApplication, by, **fields) -> FundingApplication:
    for name, value in fields.items():
        setattr(application, name, value)
    application.save(update_fields=list(fields))
    event_log(
        request=application.request,
        action=workflow.ACTION_FUNDING,
        by=by,
        note=gettext_lazy("Fondsaanvraag %(fund)s: %(status)s"),
        note_args={"fund": application.fund, "status": application.get_status_display()},
    )
    return application
