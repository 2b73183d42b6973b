"""Two of everything: district A and B, school X (in A) and Y (in B), with their people and objects.

The access matrix asks every route for the A/X object as every role, and the B/Y object as the
A/X roles (IDOR), so that scope leaks show up as a status that is not 404.
"""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from rest_framework.authtoken.models import Token

from districts.services import grant_create, partner_save
from impact.models import MonitoringReport
from impact.reports import scope_key
from makers import calendars
from makers.booking import series_book
from makers.models import BookingSeries, CoCreation, WaitingListEntry
from makers.waitlist import claim_link_value
from requests.advisor_models import SavedView, StandardText
from requests.models import Direction, Message, MessageAttachment
from schools.models import Milestone, PoolProposal
from schools.school_year import SchoolYear
from tests.factories import DistrictFactory, UserFactory, advisor_in
from tests.impact.factories import ActivityFactory, CaseFactory, GoalFactory, MeasurementFactory
from tests.makers.factories import (
    BookingFactory,
    CoCreationFactory,
    CourseFactory,
    OwnedMakerFactory,
    QualityMarkFactory,
    VenueFactory,
)
from tests.requests.factories import CultureRequestFactory, FundingApplicationFactory
from tests.schools.factories import (
    YEAR,
    AmbitionFactory,
    AmountPerGroupFactory,
    BudgetLineFactory,
    CmkPlanFactory,
    MonitoringEntryFactory,
    SchoolFactory,
    icc_of,
    pool_teacher,
)

ROLES = [
    "anonymous",
    "resident",
    "advisor_a",
    "advisor_b",
    "icc_x",
    "icc_y",
    "maker",
    "funds",
    "manager",
    "admin",
]


@dataclass
class World:
    users: dict
    a: dict
    b: dict
    tokens: dict


def _attachment_on(request) -> MessageAttachment:
    message = Message.objects.create(request=request, direction=Direction.FROM_ASKER, body="Zie bijlage.")
    return MessageAttachment.objects.create(
        message=message,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="offerte.pdf"),
        filename="offerte.pdf",
        content_type="application/pdf",
        size=14,
    )


def _series_on(venue, user) -> BookingSeries:
    first = datetime.date.today() + datetime.timedelta(days=14)
    return series_book(
        series=BookingSeries(
            venue=venue,
            weekday=first.weekday(),
            start_time=datetime.time(15),
            end_time=datetime.time(16),
            first_date=first,
            count=2,
            purpose="Reeks",
            contact_name="Reeks",
            contact_email="reeks@example.org",
        ),
        by=user,
    )


def _offered_claim(venue) -> str:
    entry = WaitingListEntry.objects.create(
        venue=venue,
        date=datetime.date.today() + datetime.timedelta(days=21),
        start_time=datetime.time(8),
        end_time=datetime.time(9),
        purpose="Wachtlijst",
        contact_name="Wacht",
        contact_email="wacht@example.org",
        status=WaitingListEntry.Status.OFFERED,
        offered_at=timezone.now(),
        offer_expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    return claim_link_value(entry)


def _strategy_and_risks(partner_a, partner_b, plan_x, plan_y) -> dict:
    """A strategy card with an agreement, a partner's signed link and a school plan's risk per side."""
    from impact import strategy
    from impact.models import Agreement, Risk, StrategyCard
    from impact.periods import Period

    sides = {}
    for number, partner, plan in ((7, partner_a, plan_x), (8, partner_b, plan_y)):
        card = StrategyCard.objects.create(number=number, title=f"Kaart {number}")
        agreement = Agreement.objects.create(card=card, title="Afspraak", partner=partner, what="Wat")
        invitation = strategy.invitation_ensure(partner=partner, period=Period.half(2026, 1))
        risk = Risk.objects.create(
            plan=plan, title="Risico", likelihood=2, impact=3, review_on=datetime.date(2030, 1, 1)
        )
        sides[plan.school] = {
            "number:card": card.number,
            "pk:agreement": agreement.pk,
            "token:progress": strategy.link_token(invitation),
            "pk:risk": risk.pk,
        }
    return sides


def build_world() -> World:
    district_a, district_b = (
        DistrictFactory(name="Wijk A", slug="wijk-a"),
        DistrictFactory(name="Wijk B", slug="wijk-b"),
    )
    advisor_a, advisor_b = (
        advisor_in(district_a, email="adviseur-a@example.org"),
        advisor_in(district_b, email="adviseur-b@example.org"),
    )
    advisor_in(district_a), advisor_in(district_b)

    school_x = SchoolFactory(name="School X", district=district_a, account_holder=advisor_a)
    school_y = SchoolFactory(name="School Y", district=district_b, account_holder=advisor_b)
    icc_x, icc_y = icc_of(school_x, email="icc-x@example.org"), icc_of(school_y, email="icc-y@example.org")
    AmountPerGroupFactory()
    plans = {school: CmkPlanFactory(school=school) for school in (school_x, school_y)}
    lines = {school: BudgetLineFactory(school=school) for school in (school_x, school_y)}
    monitoring = {school: MonitoringEntryFactory(school=school) for school in (school_x, school_y)}
    ambitions = {school: AmbitionFactory(plan=plans[school]) for school in (school_x, school_y)}
    milestones = {
        school: Milestone.objects.create(
            plan=plans[school], title="Mijlpaal", due_date=YEAR.start.replace(month=12)
        )
        for school in (school_x, school_y)
    }

    maker_a = OwnedMakerFactory(name="Maker A", slug="maker-a")
    maker_b = OwnedMakerFactory(name="Maker B", slug="maker-b")
    for maker in (maker_a, maker_b):  # a photo file for the photo route (makers/views/photos.py)
        maker.photo.save(f"{maker.slug}.jpg", ContentFile(b"\xff\xd8\xff\xe0 not really a JPEG"), save=True)
    course_a = CourseFactory(maker=maker_a, slug="cursus-a")
    course_b = CourseFactory(maker=maker_b, slug="cursus-b")
    venue_a, venue_b = (
        VenueFactory(district=district_a, slug="zaal-a"),
        VenueFactory(district=district_b, slug="zaal-b"),
    )
    booking_a, booking_b = BookingFactory(venue=venue_a), BookingFactory(venue=venue_b)
    series = {venue: _series_on(venue, maker_a.user) for venue in (venue_a, venue_b)}
    claims = {venue: _offered_claim(venue) for venue in (venue_a, venue_b)}
    feeds = {venue: calendars.feed_for("venue", venue.pk) for venue in (venue_a, venue_b)}
    marks = {maker: QualityMarkFactory(maker=maker) for maker in (maker_a, maker_b)}
    teachers = {maker: pool_teacher(maker=maker) for maker in (maker_a, maker_b)}
    proposals = {
        school: PoolProposal.objects.create(
            teacher=teachers[maker], school=school, school_year=SchoolYear.current().start_year
        )
        for school, maker in ((school_x, maker_a), (school_y, maker_b))
    }
    cocreation = CoCreationFactory(slug="co-a", status=CoCreation.Status.ACTIVE, makers=[maker_a, maker_b])

    request_a = CultureRequestFactory(district=district_a, reference="CV-2026-00001")
    request_b = CultureRequestFactory(district=district_b, reference="CV-2026-00002")
    funding_a = FundingApplicationFactory(request=request_a)
    view_a = SavedView.objects.create(
        owner=advisor_a, name="Weergave A", query="status=new", shared_with=district_a
    )
    view_b = SavedView.objects.create(
        owner=advisor_b, name="Weergave B", query="status=new", shared_with=district_b
    )
    text_a = StandardText.objects.create(title="Tekst A", body="Beste {voornaam},")
    text_b = StandardText.objects.create(title="Tekst B", body="Beste {voornaam},")
    funding_b = FundingApplicationFactory(request=request_b)
    attachments = {request: _attachment_on(request) for request in (request_a, request_b)}

    activity_a = ActivityFactory(slug="activiteit-a", districts=[district_a])
    activity_b = ActivityFactory(slug="activiteit-b", districts=[district_b])
    measurement_a = MeasurementFactory(district=district_a)
    measurement_b = MeasurementFactory(district=district_b)
    goal = GoalFactory()
    # Project bank: published, public cases (municipality-wide knowledge, edited per district).
    case_a = CaseFactory(slug="voorbeeld-a", district=district_a)
    case_b = CaseFactory(slug="voorbeeld-b", district=district_b)
    report_a = MonitoringReport.objects.create(
        scope_key=scope_key(district_a.municipality, district_a),
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
        period_label="2025-H1",
        municipality=district_a.municipality,
        district=district_a,
    )
    report_b = MonitoringReport.objects.create(
        scope_key=scope_key(district_b.municipality, district_b),
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
        period_label="2025-H1",
        municipality=district_b.municipality,
        district=district_b,
    )

    partner_a = partner_save(district=district_a, by=advisor_a, name="Partner A", kind="other")
    partner_b = partner_save(district=district_b, by=advisor_b, name="Partner B", kind="other")
    today = datetime.date.today()
    grant_a = grant_create(
        district=district_a, initiative="A", amount_cents=100, granted_on=today, by=advisor_a
    )
    grant_b = grant_create(
        district=district_b, initiative="B", amount_cents=100, granted_on=today, by=advisor_b
    )

    strategy_objects = _strategy_and_risks(partner_a, partner_b, plans[school_x], plans[school_y])

    users = {
        "advisor_a": advisor_a,
        "advisor_b": advisor_b,
        "icc_x": icc_x,
        "icc_y": icc_y,
        "maker": maker_a.user,
        "funds": UserFactory(roles=["funds_coordinator"], email="fondsen@example.org"),
        "manager": UserFactory(roles=["manager"], email="manager@example.org"),
        "admin": UserFactory(is_staff=True, is_superuser=True, email="admin@example.org"),
    }

    def side(
        school,
        activity,
        measurement,
        report,
        district,
        plan,
        line,
        maker,
        course,
        venue,
        booking,
        request,
        funding,
        partner,
        grant,
        saved_view,
        standard_text,
        case,
    ):
        return {
            "slug:case": case.slug,
            "slug:district": district.slug,
            "pk:school": school.pk,
            "year": YEAR,
            "table": "plannen",
            "ambition_pk": ambitions[school].pk,
            "milestone_pk": milestones[school].pk,
            "pk:monitoring": monitoring[school].pk,
            "line_pk": line.pk,
            "slug:maker": maker.slug,
            "pk:mark": marks[maker].pk,
            "teacher_pk": teachers[maker].pk,
            "pk:poolteacher": teachers[maker].pk,
            "proposal_pk": proposals[school].pk,
            "pk:proposal": proposals[school].pk,
            "path:maker": maker.photo.name.removeprefix("makers/photos/"),
            "slug:course": course.slug,
            "slug:venue": venue.slug,
            "slug:cocreation": cocreation.slug,
            "token:booking": booking.token,
            "token:series": series[venue].token,
            "signed": claims[venue],
            "token:feed": feeds[venue].token,
            "token:request": request.status_token,
            "reference": request.reference,
            "pk:funding": funding.pk,
            "pk:savedview": saved_view.pk,
            "pk:standardtext": standard_text.pk,
            "pk:attachment": attachments[request].pk,
            "partner_id": partner.pk,
            "pk:partner": partner.pk,
            "pk:grant": grant.pk,
            "pk:line": line.pk,
            "pk:plan": plan.pk,
            "slug:impact": activity.slug,
            "slug:activity": activity.slug,
            "pk:activity": activity.pk,
            "pk:measurement": measurement.pk,
            "pk:goal": goal.pk,
            "pk:impact": goal.pk,
            "number": 4,
            "key": "requests_by_status",
            "token:impact": report.token,
            **strategy_objects[school],
        }

    a = side(
        school_x,
        activity_a,
        measurement_a,
        report_a,
        district_a,
        plans[school_x],
        lines[school_x],
        maker_a,
        course_a,
        venue_a,
        booking_a,
        request_a,
        funding_a,
        partner_a,
        grant_a,
        view_a,
        text_a,
        case_a,
    )
    b = side(
        school_y,
        activity_b,
        measurement_b,
        report_b,
        district_b,
        plans[school_y],
        lines[school_y],
        maker_b,
        course_b,
        venue_b,
        booking_b,
        request_b,
        funding_b,
        partner_b,
        grant_b,
        view_b,
        text_b,
        case_b,
    )
    tokens = {role: Token.objects.create(user=user).key for role, user in users.items()}
    return World(users=users, a=a, b=b, tokens=tokens)
