import pytest
from django.core.management import call_command

from makers.models import BookingSeries, VenueBooking, WaitingListEntry

pytestmark = pytest.mark.django_db


def test_the_demo_has_series_holds_and_a_waiting_list(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0, stdout=None)
    assert BookingSeries.objects.count() == 2
    assert VenueBooking.objects.filter(series__isnull=False, status="confirmed").exists()
    assert VenueBooking.objects.filter(status="requested", hold_expires_at__isnull=False).exists()
    assert WaitingListEntry.objects.filter(status="waiting").count() == 2
