"""Writes of the project bank: write a case up (from a request, activity or co-creation), edit, publish.

A case is shared knowledge, so nothing that identifies an asker enters it: a request lends its
question (with the asker's name, e-mail, phone, postcode and organisation blanked out, and any
e-mail address, phone number or postcode in the text), its disciplines, district and budget.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cultuur.audit import audit_record
from impact.models import Case, CasePractice, CaseStatus, CaseTag
from makers.slugs import unique_slug

BLANK = "[…]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8,10}(?!\w)")
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")
MAX_TAGS = 10


class CaseError(Exception):
    """A write that the bank refuses; the message is Dutch and shown to the user."""


def scrub_personal_data(text: str, *, known: list[str]) -> str:
    """`text` without the given personal values (case-insensitive) and any e-mail, phone or postcode."""
    text = _EMAIL.sub(BLANK, text or "")
    text = _PHONE.sub(BLANK, text)
    text = _POSTCODE.sub(BLANK, text)
    for value in sorted({v.strip() for v in known if v and len(v.strip()) >= 2}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", BLANK, text, flags=re.IGNORECASE)
    return text


def _request_personal_values(request) -> list[str]:
    name = request.requester_name or ""
    return [
        name,
        *name.split(),
        request.requester_email,
        request.requester_phone,
        request.postcode,
        request.organisation,
    ]


def prefill_from_request(request) -> dict:
    """The initial fields of a case written up from a completed request (no personal data)."""
    return {
        "title": "",
        "question": scrub_personal_data(request.question, known=_request_personal_values(request)),
        "disciplines": list(request.disciplines.all()),
        "district": request.district,
        "costs_cents": request.budget_cents,
        "source_request": request,
    }


def prefill_from_activity(activity) -> dict:
    districts = list(activity.districts.all())
    known = _request_personal_values(activity.request) if activity.request_id else []
    return {
        "title": activity.title,
        "question": scrub_personal_data(activity.description, known=known),
        "disciplines": list(activity.disciplines.all()),
        "makers": list(activity.makers.all()),
        "district": districts[0] if len(districts) == 1 else None,
        "costs_cents": activity.budget_cents or None,
        "source_activity": activity,
    }


def prefill_from_cocreation(cocreation) -> dict:
    return {
        "title": cocreation.title,
        "question": cocreation.description,
        "approach": cocreation.reusable_material,
        "disciplines": list(cocreation.disciplines.all()),
        "makers": list(cocreation.makers.all()),
        "source_cocreation": cocreation,
    }


def parse_tags(raw: str) -> list[str]:
    names = [" ".join(part.split()).lower() for part in re.split(r"[,;]", raw or "")]
    return list(dict.fromkeys(n[:60] for n in names if n))


def _set_tags(case: Case, names: list[str]) -> None:
    if len(names) > MAX_TAGS:
        raise CaseError(_("Geef hoogstens %(n)s trefwoorden.") % {"n": MAX_TAGS})
    tags = []
    for name in names:
        slug = slugify(name)[:70] or "trefwoord"
        tag = CaseTag.objects.filter(slug=slug).first() or CaseTag.objects.create(name=name, slug=slug)
        tags.append(tag)
    case.tags.set(tags)
    case.tag_names = " ".join(t.name for t in tags)[:500]
    case.save(update_fields=["tag_names"])


def _check(fields: dict) -> None:
    if not (fields.get("title") or "").strip():
        raise CaseError(_("Geef het praktijkvoorbeeld een titel."))
    if fields.get("practice") and fields["practice"] not in CasePractice.values:
        raise CaseError(_("Kies of het een goed of een leerzaam voorbeeld is."))


_SIMPLE = (
    "title",
    "practice",
    "question",
    "approach",
    "what_worked",
    "what_did_not",
    "costs_cents",
    "district",
    "culture_type",
    "internal",
)


@transaction.atomic
def case_create(
    *,
    by,
    disciplines=(),
    makers=(),
    tags=(),
    source_request=None,
    source_activity=None,
    source_cocreation=None,
    **fields,
) -> Case:
    _check(fields)
    values = {k: v for k, v in fields.items() if k in _SIMPLE}
    values["title"] = values["title"].strip()
    case = Case.objects.create(
        slug=unique_slug(Case, values["title"]),
        source_request=source_request,
        source_activity=source_activity,
        source_cocreation=source_cocreation,
        created_by=by,
        **values,
    )
    case.disciplines.set(disciplines)
    case.makers.set(makers)
    _set_tags(case, list(tags))
    audit_record(action="impact.case.created", by=by, target=case)
    return case


@transaction.atomic
def case_update(*, case: Case, by, disciplines=None, makers=None, tags=None, **fields) -> Case:
    _check({"title": fields.get("title", case.title), **fields})
    for name, value in fields.items():
        if name in _SIMPLE:
            setattr(case, name, value.strip() if name == "title" else value)
    case.save()
    if disciplines is not None:
        case.disciplines.set(disciplines)
    if makers is not None:
        case.makers.set(makers)
    if tags is not None:
        _set_tags(case, list(tags))
    audit_record(action="impact.case.updated", by=by, target=case)
    return case


@transaction.atomic
def case_publish(*, case: Case, by) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.PUBLISHED:
        raise CaseError(_("Dit praktijkvoorbeeld is al gepubliceerd."))
    if not case.approach.strip() or not (case.what_worked.strip() or case.what_did_not.strip()):
        raise CaseError(_("Beschrijf de aanpak en wat wel of niet werkte voordat u publiceert."))
    case.status, case.published_at = CaseStatus.PUBLISHED, timezone.now()
    case.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(action="impact.case.published", by=by, target=case)
    return case


@transaction.atomic
def case_unpublish(*, case: Case, by) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.PUBLISHED:
        raise CaseError(_("Dit praktijkvoorbeeld is niet gepubliceerd."))
    case.status = CaseStatus.DRAFT
    case.save(update_fields=["status", "updated_at"])
    audit_record(action="impact.case.unpublished", by=by, target=case)
    return case
