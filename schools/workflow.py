"""The CMK plan's states and allowed transitions, checked in one place (services) and enumerated by tests."""

from schools.models.choices import EDITABLE_PLAN_STATUSES, PlanStatus

EDITABLE = EDITABLE_PLAN_STATUSES

# action -> (allowed from, to, who may do it)
TRANSITIONS = {
    "submit": ({PlanStatus.DRAFT, PlanStatus.SENT_BACK}, PlanStatus.SUBMITTED, "icc"),
    "agree": ({PlanStatus.SUBMITTED}, PlanStatus.AGREED, "account_holder"),
    "send_back": ({PlanStatus.SUBMITTED, PlanStatus.AGREED}, PlanStatus.SENT_BACK, "account_holder"),
}


def can_transition(status: str, action: str) -> bool:
    allowed_from, _to, _who = TRANSITIONS[action]
    return status in allowed_from
