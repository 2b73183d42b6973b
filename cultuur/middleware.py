import logging

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect

from cultuur.roles import is_staff_member
from cultuur.sso import MFA_BY_IDP_SESSION_KEY

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
