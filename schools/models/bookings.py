from django.db import models
from django.utils.translation import gettext_lazy as _

from schools.models.schools import School


class SchoolVenueBooking(models.Model):
    """A venue booking made for a school (makers.VenueBooking cannot point at schools): an ICC's
    bookings are linked on creation, staff may link others in the admin. Feeds the school's calendar."""

    booking = models.OneToOneField(
        "makers.VenueBooking", verbose_name=_("boeking"), on_delete=models.CASCADE, related_name="school_link"
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="venue_booking_links"
    )

    class Meta:
        verbose_name = _("zaalboeking van een school")
        verbose_name_plural = _("zaalboekingen van scholen")

    def __str__(self):
        return f"{self.school} – {self.booking}"
