"""Password backends that refuse staff when STAFF_PASSWORD_LOGIN is off (login form, admin, API).

Only `authenticate` (the password check) refuses: `get_user` keeps a provider sign-in's session.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


def _refused(user) -> bool:
    from cultuur.adapters import password_login_refused  # the adapter imports allauth's settings late

    return user is not None and password_login_refused(user)


class ModelBackend(DjangoModelBackend):
    def authenticate(self, request, *args, **kwargs):
        user = super().authenticate(request, *args, **kwargs)
        return None if _refused(user) else user


class AuthenticationBackend(AllauthBackend):
    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        return None if _refused(user) else user
