"""Every makers page once for every kind of visitor: what they may see, and the status they get."""

import pytest
from django.urls import reverse

from makers.models import PublicationStatus
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import BookingFactory, CourseFactory, OwnedMakerFactory, VenueFactory

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "owner", "other_maker", "advisor", "manager", "icc"]


@pytest.fixture
def world():
    owner_profile = OwnedMakerFactory(status=PublicationStatus.DRAFT)
    published = OwnedMakerFactory()
    return {
        "draft": owner_profile,
        "draft_course": CourseFactory(maker=owner_profile, status=PublicationStatus.DRAFT),
        "published": published,
        "hidden_venue": VenueFactory(is_published=False),
        "booking": BookingFactory(),
        "users": {
            "anonymous": None,
            "owner": owner_profile.user,
            "other_maker": UserFactory(roles=["maker"]),
            "advisor": UserFactory(roles=["advisor"]),
            "manager": UserFactory(roles=["manager"]),
            "icc": UserFactory(roles=["icc"]),
        },
    }


# (url builder, expected status per visitor). 302 is the login redirect for anonymous visitors.
CASES = {
    "draft maker page": (
        lambda w: reverse("makers:maker_detail", args=[w["draft"].slug]),
        {"anonymous": 404, "owner": 200, "other_maker": 404, "advisor": 200, "manager": 200, "icc": 404},
    ),
    "draft maker edit": (
        lambda w: reverse("makers:maker_edit", args=[w["draft"].slug]),
        {"anonymous": 302, "owner": 200, "other_maker": 404, "advisor": 200, "manager": 403, "icc": 404},
    ),
    "published maker edit": (
        lambda w: reverse("makers:maker_edit", args=[w["published"].slug]),
        {"anonymous": 302, "owner": 403, "other_maker": 403, "advisor": 200, "manager": 403, "icc": 403},
    ),
    "draft course page": (
        lambda w: reverse("makers:course_detail", args=[w["draft_course"].slug]),
        {"anonymous": 404, "owner": 200, "other_maker": 404, "advisor": 200, "manager": 200, "icc": 404},
    ),
    "draft course edit": (
        lambda w: reverse("makers:course_edit", args=[w["draft_course"].slug]),
        {"anonymous": 302, "owner": 200, "other_maker": 404, "advisor": 200, "manager": 403, "icc": 404},
    ),
    "hidden venue": (
        lambda w: reverse("makers:venue_detail", args=[w["hidden_venue"].slug]),
        {"anonymous": 404, "owner": 404, "other_maker": 404, "advisor": 200, "manager": 200, "icc": 404},
    ),
    "my profile": (
        lambda w: reverse("makers:my_profile"),
        {"anonymous": 302, "owner": 200, "other_maker": 200, "advisor": 200, "manager": 403, "icc": 403},
    ),
    "review queue": (
        lambda w: reverse("makers:review_queue"),
        {"anonymous": 302, "owner": 403, "other_maker": 403, "advisor": 200, "manager": 403, "icc": 403},
    ),
    "booking status (secret link)": (
        lambda w: reverse("makers:booking_status", args=[w["booking"].token]),
        {v: 200 for v in VISITORS},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("visitor", VISITORS)
def test_every_page_answers_every_visitor_as_it_must(client, world, case, visitor):
    url_of, expected = CASES[case]
    user = world["users"][visitor]
    if user:
        client.login(email=user.email, password=PASSWORD)
    response = client.get(url_of(world))
    assert response.status_code == expected[visitor], (case, visitor)
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("visitor", ["anonymous", "other_maker", "icc", "manager"])
def test_only_staff_decide_on_bookings(client, world, visitor):
    user = world["users"][visitor]
    if user:
        client.login(email=user.email, password=PASSWORD)
    booking = world["booking"]
    for name in ("makers:booking_confirm", "makers:booking_decline"):
        response = client.post(reverse(name, args=[booking.token]), {"reason": "x"})
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    booking.refresh_from_db()
    assert booking.status == "requested"


def test_fair_practice_flags_reach_staff_but_never_the_public(client, settings):
    settings.MAKERS_FAIR_HOURLY_RATE_CENTS = 5000
    cheap = OwnedMakerFactory(name="Goedkope Maker", rate_per_hour_cents=3000)
    OwnedMakerFactory(name="Eerlijke Maker", rate_per_hour_cents=6000, rate_per_day_part_cents=24000)
    public = client.get(cheap.get_absolute_url()).content.decode()
    assert "Fair Practice" not in public
    assert "onder het minimum" not in public

    advisor = UserFactory(roles=["advisor"])
    client.login(email=advisor.email, password=PASSWORD)
    assert "onder het minimum" in client.get(cheap.get_absolute_url()).content.decode()
    queue = client.get(reverse("makers:review_queue")).content.decode()
    assert "Goedkope Maker" in queue
    assert "Eerlijke Maker" not in queue
