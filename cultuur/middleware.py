from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect

from cultuur.roles import is_staff_member

_ALWAYS_ALLOWED = ("/accounts/", "/static/", "/healthz", "/i18n/")


class RequireStaffMfaMiddleware:
    """With REQUIRE_STAFF_MFA on, staff without an authenticator app are sent to set one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.REQUIRE_STAFF_MFA
            and request.user.is_authenticated
            and not request.path.startswith(_ALWAYS_ALLOWED)
            and is_staff_member(request.user)
            and not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
