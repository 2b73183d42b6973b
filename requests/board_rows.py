"""The triage board's rows as HTML, built in Python, once per row.

Advisors keep the board open all day; through the template engine a row with its two forms cost
about 0.3 ms (some forty variable lookups, escapes and translations each), more than the page's
SQL. Here everything that is the same for every row (translations, the CSRF field, the URL
patterns) is worked out once per page, and a row is one join of escaped strings. The markup is
what `requests/partials/row.html` used to render; the htmx row swaps use the same builder.
"""

import html
from urllib.parse import quote

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from requests import selectors, workflow
from requests.models import CultureRequest

_PLACEHOLDER = "REFERENCE-PLACEHOLDER"


def escape(value) -> str:
    """Django's escape() without the SafeString wrapper: the row is marked safe once, whole."""
    return html.escape(str(value))


class BoardRows:
    """Builds the rows of one board page for one viewer: `rows(requests)` or `row(request)`."""

    def __init__(self, request):
        self.user = request.user
        self.overdue_before = selectors.overdue_cutoff()
        self.urls = {
            name: reverse(f"requests:{name}", args=[_PLACEHOLDER])
            for name in ("detail", "assign", "change_status")
        }
        self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
        self.text = {
            "late": escape(_("te laat")),
            "no_contact": escape(_("nog geen contact")),
            "nobody": escape(_("niemand")),
            "assign": escape(_("Wijs aan mij toe")),
            "new_status": escape(_("Nieuwe status")),
            "note": escape(_("Toelichting")),
            "as_message": escape(_("ook als bericht aan de vraagsteller")),
            "change": escape(_("Wijzig status")),
            "duplicate": escape(_("mogelijk dubbel")),
        }
        # Ids flagged at intake as likely duplicates (requests.duplicates.flagged_on_page).
        self.flagged = set()
        self.last_action = _("laatste actie %(since)s geleden")
        self.months = {number: str(name).title() for number, name in MONTHS_3.items()}
        self.labels = {}
        self.options = {}

    def url(self, name: str, reference: str) -> str:
        return self.urls[name].replace(_PLACEHOLDER, quote(reference, safe=""))

    def rows(self, requests) -> list[dict]:
        return [self.row(culture_request) for culture_request in requests]

    def row(self, r: CultureRequest, error: str = "") -> dict:
        """What one row shows; the tests read `r`, the page prints `html`."""
        overdue = (
            r.status == workflow.Status.NEW and not r.first_contact_at and r.created_at < self.overdue_before
        )
        # Every value in the markup went through escape() above.
        return {"r": r, "overdue": overdue, "html": mark_safe(self._html(r, overdue, error))}  # noqa: S308

    def _label(self, key, compute) -> str:
        if key not in self.labels:
            self.labels[key] = escape(compute())
        return self.labels[key]

    def _status_options(self, status: str) -> str:
        if status not in self.options:
            allowed = workflow.manual_targets(status)
            self.options[status] = "".join(
                f'<option value="{escape(value)}">{escape(label)}</option>'
                for value, label in workflow.Status.choices
                if value in allowed
            )
        return self.options[status]

    def _html(self, r: CultureRequest, overdue: bool, error: str) -> str:
        t = self.text
        ref = escape(r.reference)
        created = timezone.localtime(r.created_at)
        since = timesince(r.last_action_at) if r.last_action_at else ""
        question = r.question if len(r.question) <= 140 else Truncator(r.question).chars(140)
        status_label = self._label(("status", r.status), r.get_status_display)
        kind_label = self._label(("kind", r.requester_kind), r.get_requester_kind_display)
        if r.owner:
            owner = escape(r.owner.get_full_name() or r.owner.email)
        else:
            owner = f'<span class="help">{t["nobody"]}</span>'
        parts = [
            f'\n<tr id="row-{ref}" class="board-row{" is-overdue" if overdue else ""}">\n',
            f'  <th scope="row"><a href="{escape(self.url("detail", r.reference))}">{ref}</a>\n',
            f'    <span class="badge badge-error">{t["late"]}</span>\n' if overdue else "",
            f'    <span class="badge">{t["duplicate"]}</span>\n' if r.pk in self.flagged else "",
            "  </th>\n",
            f"  <td>{escape(r.requester_name)}",
            f'<br><span class="help">{escape(r.organisation)}</span>' if r.organisation else "",
            f'<br><span class="help">{kind_label}</span></td>\n',
            f'  <td class="question-cell">{escape(question)}</td>\n',
            f"  <td>{escape(r.district.name)}</td>\n",
            f'  <td><span class="badge">{status_label}</span>',
            "" if r.first_contact_at else f'<br><span class="help">{t["no_contact"]}</span>',
            "</td>\n",
            f"  <td>{owner}</td>\n",
            # The date filter's "c" and "j M Y", without its per-call translation lookups.
            f'  <td><time datetime="{created.isoformat()}">{created.day} {self.months[created.month]} {created.year}</time>',
            f'<br><span class="help">{escape(self.last_action % {"since": since})}</span></td>\n',
            '  <td class="row-actions">\n',
            f'    <p class="errorlist" role="alert">{escape(error)}</p>\n' if error else "",
        ]
        if selectors.can_work_on(self.user, r):
            parts.append(self._actions(r, ref))
        parts.append("  </td>\n</tr>")
        return "".join(parts)

    def _actions(self, r: CultureRequest, ref: str) -> str:
        t = self.text
        target = f'hx-target="#row-{ref}" hx-swap="outerHTML"'
        parts = []
        if r.owner_id != self.user.pk:
            assign = escape(self.url("assign", r.reference))
            parts.append(
                f'      <form method="post" action="{assign}" hx-post="{assign}" {target}>\n'
                f'        {self.csrf}<input type="hidden" name="next" value="board">\n'
                f'        <button type="submit" class="button-compact">{t["assign"]}'
                f'<span class="visually-hidden"> {ref}</span></button>\n'
                "      </form>\n"
            )
        options = self._status_options(r.status)
        if options:
            change = escape(self.url("change_status", r.reference))
            parts.append(
                f'      <form method="post" action="{change}" hx-post="{change}" {target} class="status-form">\n'
                f'        {self.csrf}<input type="hidden" name="next" value="board">\n'
                f'        <label for="to-{ref}">{t["new_status"]}<span class="visually-hidden"> {ref}</span></label>\n'
                f'        <select id="to-{ref}" name="to">\n          {options}\n        </select>\n'
                f'        <label for="note-{ref}">{t["note"]}<span class="visually-hidden"> {ref}</span></label>\n'
                f'        <input id="note-{ref}" name="note" type="text" maxlength="5000">\n'
                f'        <label class="inline-check"><input type="checkbox" name="message" value="on"> {t["as_message"]}</label>\n'
                f'        <button type="submit" class="button-compact">{t["change"]}'
                f'<span class="visually-hidden"> {ref}</span></button>\n'
                "      </form>\n"
            )
        return "".join(parts)
