import logging
import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as BaseSessionMiddleware
from django.shortcuts import redirect

from cultuur.roles import is_staff_member
from cultuur.sso import MFA_BY_IDP_SESSION_KEY

# When the session was last saved for its idle timeout (seconds since the epoch).
SESSION_TOUCHED_KEY = "_cultuur_touched"
_ALWAYS_ALLOWED = ("/accounts/", "/static/", "/healthz", "/i18n/")


class RequireStaffMfaMiddleware:
    """With REQUIRE_STAFF_MFA on, staff without an authenticator app are sent to set one up first.

    A sign-in through the municipality's provider that asserted a second factor counts as one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.REQUIRE_STAFF_MFA
            and request.user.is_authenticated
            and not request.path.startswith(_ALWAYS_ALLOWED)
            and is_staff_member(request.user)
            and not request.session.get(MFA_BY_IDP_SESSION_KEY)  # the provider asked for a second factor
            and not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class SessionMiddleware(BaseSessionMiddleware):
    """Django's session middleware, saving a session only when it changed or is due a refresh.

    SESSION_SAVE_EVERY_REQUEST wrote the session row on every request (one UPDATE, plus the
    SELECT that loads it, on pages that never read it) so that the 8 hours of SESSION_COOKIE_AGE
    counted from the last request. Here a session that a request read is re-saved, which moves
    its expiry and the cookie's, at most once per SESSION_REFRESH_SECONDS: the idle timeout stays
    (it ends between SESSION_COOKIE_AGE minus the refresh interval and SESSION_COOKIE_AGE after
    the last request) and a page pays the write once per interval, not every time. Sessions stay
    in the database, so deleting a staff member's rows still signs them out at once.
    """

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        # `accessed` means this request loaded the session already: reading the stamp is free.
        if session is not None and session.accessed and not session.modified and not session.is_empty():
            now = int(time.time())
            touched = session.get(SESSION_TOUCHED_KEY)
            if not isinstance(touched, int) or now - touched >= settings.SESSION_REFRESH_SECONDS:
                session[SESSION_TOUCHED_KEY] = now
        return super().process_response(request, response)


class DatabaseUnavailableMiddleware:
    """A view that lost the database answers 503 with Retry-After, logged as a warning, not a 500.

    Errors raised outside a view (a session saved on the way out) reach handler500, which does the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from cultuur.views import DATABASE_DOWN, database_unavailable

        if isinstance(exception, DATABASE_DOWN):
            logging.getLogger("cultuur.database").warning("database unavailable: %s", exception)
            return database_unavailable(request)
        return None
