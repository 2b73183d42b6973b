"""Access requests (AVG art. 15): everything stored about one e-mail address, as one JSON file."""

from django.contrib.auth import get_user_model

from makers.booking_selectors import waiting_list_for_email
from makers.selectors import bookings_for_email
from requests.models import CultureRequest


def _iso(value):
    return value.isoformat() if value else None


def personal_data_for(email: str) -> dict:
    email = email.strip()
    requests = (
        CultureRequest.objects.filter(requester_email__iexact=email)
        .select_related("district")
        .prefetch_related("messages", "events", "disciplines")
        .order_by("created_at")
    )
    users = get_user_model().objects.filter(email__iexact=email).prefetch_related("groups")
    return {
        "email": email,
        "accounts": [
            {
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "roles": [group.name for group in user.groups.all()],
                "date_joined": _iso(user.date_joined),
                "last_login": _iso(user.last_login),
            }
            for user in users
        ],
        "culture_requests": [
            {
                "reference": r.reference,
                "created_at": _iso(r.created_at),
                "status": r.status,
                "district": r.district.name if r.district else None,
                "requester_kind": r.requester_kind,
                "name": r.requester_name,
                "email": r.requester_email,
                "phone": r.requester_phone,
                "organisation": r.organisation,
                "postcode": r.postcode,
                "question": r.question,
                "disciplines": [d.name for d in r.disciplines.all()],
                "messages": [
                    {"at": _iso(m.created_at), "direction": m.direction, "body": m.body}
                    for m in r.messages.all()
                ],
                "timeline": [
                    {"at": _iso(e.created_at), "action": e.action, "note": e.note} for e in r.events.all()
                ],
                "anonymised_at": _iso(r.anonymised_at),
            }
            for r in requests
        ],
        "venue_bookings": bookings_for_email(email),
        "venue_waiting_list": waiting_list_for_email(email),
    }
