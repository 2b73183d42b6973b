"""allauth login stages of our own."""

from allauth.mfa.stages import AuthenticateStage

from cultuur import sso


class MfaUnlessProviderAsserted(AuthenticateStage):
    """Ask for the app code, except on a provider sign-in whose ID token says a second factor was used."""

    def _should_handle(self, request) -> bool:
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and sso.asserts_mfa(sso.claims_of(sociallogin)):
            return False
        return super()._should_handle(request)
