"""The request workflow as data: the states, the allowed transitions, and what the asker reads.

`requests.services.request_change_status` is the only code that changes a status and it checks
every change against TRANSITIONS; the tests enumerate this table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    IN_CONVERSATION = "in_conversation", _("In gesprek")
    WAITING = "waiting", _("Wachten op vraagsteller")
    MATCHING = "matching", _("Zoeken naar een match")
    MATCHED = "matched", _("Gekoppeld")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    COMPLETED = "completed", _("Afgerond")
    EVALUATED = "evaluated", _("Geëvalueerd")
    REFERRED = "referred", _("Doorverwezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")
    DECLINED = "declined", _("Afgewezen")
    # A duplicate folded into another request (its primary); only the merge service sets it.
    MERGED = "merged", _("Samengevoegd")


SIDE_EXITS = {Status.REFERRED, Status.WITHDRAWN, Status.DECLINED}

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.IN_CONVERSATION, *SIDE_EXITS}),
    Status.IN_CONVERSATION: frozenset({Status.MATCHING, Status.WAITING, *SIDE_EXITS}),
    Status.WAITING: frozenset({Status.IN_CONVERSATION, Status.MATCHING, *SIDE_EXITS}),
    Status.MATCHING: frozenset({Status.MATCHED, Status.IN_CONVERSATION, Status.WAITING, *SIDE_EXITS}),
    Status.MATCHED: frozenset({Status.IN_PROGRESS, Status.MATCHING, *SIDE_EXITS}),
    Status.IN_PROGRESS: frozenset({Status.COMPLETED, Status.WITHDRAWN}),
    Status.COMPLETED: frozenset({Status.EVALUATED}),
    Status.EVALUATED: frozenset(),
    Status.REFERRED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.DECLINED: frozenset(),
    Status.MERGED: frozenset(),
}

# Targets no status form offers: they need more than a status (a merge needs its primary).
SERVICE_ONLY = frozenset({Status.MERGED})

# A note is required for these targets (the reason for the asker and the timeline).
NOTE_REQUIRED = frozenset({Status.DECLINED, Status.REFERRED})

CLOSED_STATUSES = frozenset({Status.COMPLETED, Status.EVALUATED, Status.MERGED, *SIDE_EXITS})
OPEN_STATUSES = frozenset(set(Status) - CLOSED_STATUSES)
# Every open request may be merged into another one (requests.merging.requests_merge).
for _state in OPEN_STATUSES:
    TRANSITIONS[_state] = TRANSITIONS[_state] | SERVICE_ONLY
# The asker may withdraw while the question is still open.
ASKER_MAY_WITHDRAW = frozenset(OPEN_STATUSES)

# Plain Dutch (B1) for the asker's status page.
ASKER_TEXT = {
    Status.NEW: _(
        "Uw vraag is binnen. Een adviseur uit uw wijk neemt binnen een paar werkdagen contact met u op."
    ),
    Status.IN_CONVERSATION: _(
        "Een adviseur praat met u over uw vraag. Samen zoeken we uit wat u precies zoekt."
    ),
    Status.WAITING: _("We wachten op uw antwoord. Beantwoord de e-mail van uw adviseur, dan gaan we verder."),
    Status.MATCHING: _("We zoeken een maker, cursus of plek die past bij uw vraag."),
    Status.MATCHED: _(
        "We hebben iets gevonden dat past bij uw vraag. De adviseur vertelt u hoe het verder gaat."
    ),
    Status.IN_PROGRESS: _("De activiteit is bezig."),
    Status.COMPLETED: _("Uw vraag is afgerond. We sturen u een korte vragenlijst: wat vond u ervan?"),
    Status.EVALUATED: _("Uw vraag is afgerond. Dank u wel voor uw mening."),
    Status.REFERRED: _("We hebben uw vraag doorgestuurd naar een andere organisatie die u beter kan helpen."),
    Status.WITHDRAWN: _("U heeft uw vraag ingetrokken. We doen er niets meer mee."),
    Status.DECLINED: _("We kunnen u helaas niet helpen met deze vraag. De reden staat hieronder."),
    Status.MERGED: _(
        "Iemand anders stelde bijna dezelfde vraag. We hebben de vragen samengevoegd en werken er samen aan."
    ),
}

# Dotted actions for the timeline.
ACTION_CREATED = "requests.request.created"
ACTION_STATUS = "requests.request.status_changed"
ACTION_ASSIGNED = "requests.request.assigned"
ACTION_MESSAGE_SENT = "requests.message.sent"
ACTION_MESSAGE_RECEIVED = "requests.message.received"
ACTION_NOTE = "requests.note.added"
ACTION_MATCH = "requests.match.created"
ACTION_FUNDING = "requests.funding.recorded"
ACTION_EVALUATED = "requests.evaluation.received"
ACTION_MERGED = "requests.request.merged"
ACTION_MERGED_INTO = "requests.request.merged_into"
ACTION_FLAGGED = "requests.request.possible_duplicate"


def allowed_targets(current: str) -> frozenset[str]:
    return TRANSITIONS.get(current, frozenset())


def is_allowed(current: str, target: str) -> bool:
    return target in allowed_targets(current)


def manual_targets(current: str) -> frozenset[str]:
    """What a status form may offer: the allowed targets without the service-only ones."""
    return allowed_targets(current) - SERVICE_ONLY
