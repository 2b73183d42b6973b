from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cultuur import sso
from cultuur.mail import with_html
from cultuur.oidc_http import Session
from cultuur.roles import STAFF_ROLES, Role, home_url, roles_of
from cultuur.services import user_roles_sync_from_idp

STAFF_USE_IDP = _(
    "Medewerkers loggen niet in met een wachtwoord, maar via de gemeente: "
    "gebruik de knop “Inloggen met de gemeente”."
)


def password_login_refused(user) -> bool:
    """With STAFF_PASSWORD_LOGIN off, staff roles sign in through the provider only.

    A Django admin without a staff role keeps the password: the way in when the provider is down.
    """
    return not settings.STAFF_PASSWORD_LOGIN and bool(roles_of(user) & STAFF_ROLES)


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to makers only; staff accounts are created by an admin or invited."""

    def is_open_for_signup(self, request):
        return settings.ALLOW_MAKER_SIGNUP

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get(name=Role.MAKER))
        return user

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's own mails (password reset, e-mail confirmation) get the same HTML part as ours."""
        return with_html(super().render_mail(template_prefix, email, context, headers=headers))

    def get_login_redirect_url(self, request):
        return home_url(request.user)

    def get_signup_redirect_url(self, request):
        return home_url(request.user)

    def post_login(self, request, user, **kwargs):
        # Before the redirect is chosen: at every provider sign-in its claims decide the staff roles.
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if sociallogin is not None and sociallogin.account.provider == sso.PROVIDER_ID:
            claims = sso.claims_of(sociallogin)
            user_roles_sync_from_idp(user=user, claims=claims, request=request)
            request.session[sso.MFA_BY_IDP_SESSION_KEY] = sso.asserts_mfa(claims)
        return super().post_login(request, user, **kwargs)

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is None and not settings.STAFF_PASSWORD_LOGIN:
            # The backends refuse staff; say why instead of "wrong password" when the password was right.
            email = (credentials.get("email") or "").strip().lower()
            candidate = get_user_model().objects.filter(email__iexact=email).first() if email else None
            if (
                candidate is not None
                and password_login_refused(candidate)
                and candidate.check_password(credentials.get("password") or "")
            ):
                raise ValidationError(STAFF_USE_IDP)
        return user

    def get_login_stages(self):
        # A second factor the provider already asked for is not asked again here.
        return [
            "cultuur.stages.MfaUnlessProviderAsserted"
            if path == "allauth.mfa.stages.AuthenticateStage"
            else path
            for path in super().get_login_stages()
        ]


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """The municipality's provider signs staff in; an account is made only for a mapped staff role."""

    def is_open_for_signup(self, request, sociallogin):
        return sso.gives_staff_role(sso.claims_of(sociallogin))

    def get_requests_session(self):
        return Session(timeout=settings.SOCIALACCOUNT_REQUESTS_TIMEOUT)
