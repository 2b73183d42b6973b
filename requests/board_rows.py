"""The triage board's rows as HTML, built in Python, once per row.

Advisors keep the board open all day; through the template engine a row with its two forms cost
about 0.3 ms (some forty variable lookups, escapes and translations each), more than the page's
SQL. Here everything that is the same for every row (translations, the status options, the CSRF
field, the URL patterns) is worked out once per page or once per process and language, and a row
is one join of escaped strings. The markup is what `requests/partials/row.html` used to render;
the htmx row swaps use the same builder. A row is a named tuple of `selectors.BOARD_ROW_FIELDS`.
"""

import functools
import html
from urllib.parse import quote

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timesince import TIME_STRINGS, timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from requests import norms, selectors, workflow
from requests.models import RequesterKind

_PLACEHOLDER = "REFERENCE-PLACEHOLDER"


def escape(value) -> str:
    """Django's escape() without the SafeString wrapper: the row is marked safe once, whole."""
    return html.escape(str(value))


class _Counted:
    """One of timesince's lazy plural strings, translated once per number."""

    def __init__(self, lazy):
        self.lazy = lazy
        self.done = {}

    def __mod__(self, values):
        num = values["num"]
        if num not in self.done:
            self.done[num] = self.lazy % values
        return self.done[num]


@functools.cache
def _fixed_parts(language: str) -> dict:
    """What is the same on every row in one language, translated once per process.

    Called under the active language (`get_language()`), which is the one these are translated
    into; the catalogues do not change while the process runs."""
    return {
        "text": {
            "late": escape(_("te laat")),
            "this_week": escape(_("deze week")),
            "reopened": escape(_("heropend")),
            "no_contact": escape(_("nog geen contact")),
            "nobody": escape(_("niemand")),
            "assign": escape(_("Wijs aan mij toe")),
            "new_status": escape(_("Nieuwe status")),
            "note": escape(_("Toelichting")),
            "as_message": escape(_("ook als bericht aan de vraagsteller")),
            "change": escape(_("Wijzig status")),
            "duplicate": escape(_("mogelijk dubbel")),
        },
        "last_action": _("laatste actie %(since)s geleden"),
        "months": {number: str(name).title() for number, name in MONTHS_3.items()},
        "status": {value: escape(label) for value, label in workflow.Status.choices},
        "kind": {value: escape(label) for value, label in RequesterKind.choices},
        "options": {
            status: "".join(
                f'<option value="{escape(value)}">{escape(label)}</option>'
                for value, label in workflow.Status.choices
                if value in workflow.manual_targets(status)
            )
            for status in workflow.Status.values
        },
        "time_strings": {name: _Counted(lazy) for name, lazy in TIME_STRINGS.items()},
    }


class BoardRows:
    """Builds the rows of one board page for one viewer: `rows(rows)` or `row(row)`, each row from
    `selectors.board_rows_of`."""

    def __init__(self, request):
        self.user = request.user
        self.now = timezone.now()
        # The viewer's time zone once per page, not timezone.localtime() per row.
        self.tz = timezone.get_current_timezone()
        self.week_end = norms.due_this_week_end(self.now)
        self.urls = {
            name: reverse(f"requests:{name}", args=[_PLACEHOLDER])
            for name in ("detail", "assign", "change_status")
        }
        self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
        fixed = _fixed_parts(get_language())
        self.text = fixed["text"]
        self.last_action = fixed["last_action"]
        self.months = fixed["months"]
        self.status_labels = fixed["status"]
        self.kind_labels = fixed["kind"]
        self.options = fixed["options"]
        self.time_strings = fixed["time_strings"]

    def url(self, name: str, reference: str) -> str:
        return self.urls[name].replace(_PLACEHOLDER, quote(reference, safe=""))

    def rows(self, requests) -> list[dict]:
        return [self.row(culture_request) for culture_request in requests]

    def row(self, r, error: str = "") -> dict:
        """What one row shows; the tests read `r`, the page prints `html`."""
        flag = selectors.norm_flag(r, self.now, self.week_end)
        html_ = self._html(r, flag, error)
        # Every value in the markup went through escape() above.
        return {
            "r": r,
            "overdue": flag == "overdue",
            "this_week": flag == "this_week",
            "html": mark_safe(html_),  # noqa: S308
        }

    def _html(self, r, flag: str, error: str) -> str:
        t = self.text
        overdue = flag == "overdue"
        ref = escape(r.reference)
        created = r.created_at.astimezone(self.tz)
        since = (
            timesince(r.last_action_at, self.now, time_strings=self.time_strings) if r.last_action_at else ""
        )
        question = r.question if len(r.question) <= 140 else Truncator(r.question).chars(140)
        status_label = self.status_labels.get(r.status) or escape(r.status)
        kind_label = self.kind_labels.get(r.requester_kind) or escape(r.requester_kind)
        if r.owner_id:
            # User.get_full_name(), or the e-mail address.
            owner = escape(f"{r.owner__first_name} {r.owner__last_name}".strip() or r.owner__email)
        else:
            owner = f'<span class="help">{t["nobody"]}</span>'
        parts = [
            f'\n<tr id="row-{ref}" class="board-row{" is-overdue" if overdue else ""}">\n',
            f'  <th scope="row"><a href="{escape(self.url("detail", r.reference))}">{ref}</a>\n',
            f'    <span class="badge badge-error">{t["late"]}</span>\n' if overdue else "",
            f'    <span class="badge">{t["duplicate"]}</span>\n' if r.flagged_duplicate else "",
            f'    <span class="badge badge-warning">{t["this_week"]}</span>\n' if flag == "this_week" else "",
            f'    <span class="badge badge-warning">{t["reopened"]}</span>\n' if r.reopened_at else "",
            "  </th>\n",
            f"  <td>{escape(r.requester_name)}",
            f'<br><span class="help">{escape(r.organisation)}</span>' if r.organisation else "",
            f'<br><span class="help">{kind_label}</span></td>\n',
            f'  <td class="question-cell">{escape(question)}</td>\n',
            f"  <td>{escape(r.district__name)}</td>\n",
            f'  <td><span class="badge">{status_label}</span>',
            "" if r.first_contact_at else f'<br><span class="help">{t["no_contact"]}</span>',
            "</td>\n",
            f"  <td>{owner}</td>\n",
            # cultuur's isodatetime and the date filter's "j M Y", without their per-call lookups.
            f'  <td><time datetime="{created.isoformat(timespec="seconds")}">{created.day} {self.months[created.month]} {created.year}</time>',
            f'<br><span class="help">{escape(self.last_action % {"since": since})}</span></td>\n',
            '  <td class="row-actions">\n',
            f'    <p class="errorlist" role="alert">{escape(error)}</p>\n' if error else "",
        ]
        if selectors.can_work_on(self.user, r):
            parts.append(self._actions(r, ref))
        parts.append("  </td>\n</tr>")
        return "".join(parts)

    def _actions(self, r, ref: str) -> str:
        t = self.text
        target = f'hx-target="#row-{ref}" hx-swap="outerHTML"'
        # The version this row was drawn from: a change made meanwhile is refused, not overwritten.
        version = f'<input type="hidden" name="version" value="{r.version}">'
        parts = []
        if r.owner_id != self.user.pk:
            assign = escape(self.url("assign", r.reference))
            parts.append(
                f'      <form method="post" action="{assign}" hx-post="{assign}" {target}>\n'
                f'        {self.csrf}<input type="hidden" name="next" value="board">{version}\n'
                f'        <button type="submit" class="button-compact">{t["assign"]}'
                f'<span class="visually-hidden"> {ref}</span></button>\n'
                "      </form>\n"
            )
        options = self.options.get(r.status, "")
        if options:
            change = escape(self.url("change_status", r.reference))
            parts.append(
                f'      <form method="post" action="{change}" hx-post="{change}" {target} class="status-form">\n'
                f'        {self.csrf}<input type="hidden" name="next" value="board">'
                f'<input type="hidden" name="status-version" value="{r.version}">\n'
                f'        <label for="to-{ref}">{t["new_status"]}<span class="visually-hidden"> {ref}</span></label>\n'
                f'        <select id="to-{ref}" name="status-to">\n          {options}\n        </select>\n'
                f'        <label for="note-{ref}">{t["note"]}<span class="visually-hidden"> {ref}</span></label>\n'
                f'        <input id="note-{ref}" name="status-note" type="text" maxlength="5000">\n'
                f'        <label class="inline-check"><input type="checkbox" name="status-message" value="on"> {t["as_message"]}</label>\n'
                f'        <button type="submit" class="button-compact">{t["change"]}'
                f'<span class="visually-hidden"> {ref}</span></button>\n'
                "      </form>\n"
            )
        return "".join(parts)
