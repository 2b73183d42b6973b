import factory
from django.utils import timezone

from requests import norms
from requests.models import CultureRequest, FundingApplication, RequesterKind
from requests.spam import issue_form_token
from requests.workflow import Status
from tests.factories import DistrictFactory


class CultureRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CultureRequest

    reference = factory.Sequence(lambda n: f"CV-2026-{n + 1:05d}")
    requester_kind = RequesterKind.RESIDENT
    requester_name = factory.Faker("name", locale="nl_NL")
    requester_email = factory.Sequence(lambda n: f"vrager{n}@example.org")
    postcode = "1503 AB"
    district = factory.SubFactory(DistrictFactory)
    question = "Wij willen met de buurt een muurschildering maken bij het speelveld."
    consent_at = factory.LazyFunction(timezone.now)
    last_action_at = factory.LazyFunction(timezone.now)
    status = Status.NEW
    status_changed_at = factory.LazyFunction(timezone.now)
    # As request_change_status would have set it on entering the status.
    norm_deadline = factory.LazyAttribute(
        lambda o: (
            norms.deadline_after(o.status_changed_at, days)
            if (days := norms.norm_days(o.requester_kind, o.status)) is not None
            else None
        )
    )


class FundingApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingApplication

    request = factory.SubFactory(CultureRequestFactory)
    fund = "Prins Bernhard Cultuurfonds"
    amount_requested_cents = 250000


def form_data(**overrides) -> dict:
    """A valid public form post, with a form token old enough to pass the minimum fill time."""
    data = {
        "requester_kind": "resident",
        "requester_name": "Fatima Benali",
        "requester_email": "fatima@example.org",
        "requester_phone": "",
        "organisation": "",
        "postcode": "1503 AB",
        "question": "Mijn dochter (9) wil graag leren tekenen. Is er iets in de buurt dat niet veel kost?",
        "age_group": "children",
        "group_size": "1",
        "timing": "na school",
        "budget": "50",
        "barriers": ["cost"],
        "contact_language": "nl",
        "consent": "on",
        "website": "",
        "form_token": issue_form_token(issued_at=timezone.now().timestamp() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
