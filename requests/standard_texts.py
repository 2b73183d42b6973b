"""Standard texts: the managers' writes and the reads the advisor's message box uses."""

from django.db import transaction
from django.db.models import Q, QuerySet

from cultuur.audit import audit_record
from cultuur.roles import Role, has_role
from requests.advisor_models import StandardText
from requests.placeholders import fill_placeholders, placeholder_errors, placeholder_values
from requests.services import RequestError


def may_manage_texts(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and (user.is_superuser or has_role(user, Role.MANAGER))
    )


def standard_texts_for_managers(user) -> QuerySet[StandardText]:
    if not may_manage_texts(user):
        return StandardText.objects.none()
    return StandardText.objects.all()


def standard_texts_visible_to(user) -> QuerySet[StandardText]:
    """Managers keep the texts and advisors pick from them: both read all; other roles none."""
    if may_manage_texts(user) or has_role(user, Role.ADVISOR):
        return StandardText.objects.order_by("title", "pk")
    return StandardText.objects.none()


def standard_texts_for_request(culture_request) -> QuerySet[StandardText]:
    """The texts that fit a request: its status (or any), its kind of asker (or any), and the
    asker's language when we have texts in it (Dutch otherwise)."""
    language = "en" if culture_request.contact_language == "en" else "nl"
    return StandardText.objects.filter(
        Q(status="") | Q(status=culture_request.status),
        Q(requester_kind="") | Q(requester_kind=culture_request.requester_kind),
        language=language,
    ).order_by("title", "pk")


def standard_text_filled(*, text: StandardText, culture_request, advisor) -> str:
    return fill_placeholders(text.body, placeholder_values(culture_request=culture_request, advisor=advisor))


@transaction.atomic
def standard_text_save(*, text: StandardText, by) -> StandardText:
    """Create or change a text; refused when a placeholder is unknown or a brace is broken."""
    errors = placeholder_errors(text.body or "")
    if errors:
        raise RequestError(" ".join(errors))
    created = text.pk is None
    text.updated_by = by
    text.save()
    action = "requests.standard_text.created" if created else "requests.standard_text.changed"
    audit_record(action=action, by=by, target=text, detail={"title": text.title})
    return text


@transaction.atomic
def standard_text_delete(*, text: StandardText, by) -> None:
    audit_record(action="requests.standard_text.deleted", by=by, target=text, detail={"title": text.title})
    text.delete()
