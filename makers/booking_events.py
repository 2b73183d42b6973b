"""Signals other apps may listen to (makers imports none of them).

`bookings_made(sender=VenueBooking, bookings=[...], by=user)` is sent inside the transaction that
created the bookings, so a listener's rows (the schools app links an ICC's bookings to the school)
commit or roll back with them.
"""

from django.dispatch import Signal

bookings_made = Signal()
