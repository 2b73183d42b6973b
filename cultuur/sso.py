"""Single sign-on for staff through the municipality's OpenID Connect provider (issue 18).

The provider decides who is an advisor, manager or funds coordinator: OIDC_ROLE_MAP maps values
of the claim OIDC_ROLE_CLAIM (usually the groups) to our roles, and every sign-in through the
provider sets exactly the mapped roles it gives. Roles the map never names (ICC, maker) and an
advisor's districts are kept here, because the provider knows nothing of them.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cultuur.roles import STAFF_ROLES, Role

PROVIDER_ID = "gemeente"
# Set on the session when the provider asserted a second factor for this sign-in.
MFA_BY_IDP_SESSION_KEY = "cultuur_mfa_by_idp"


def role_map() -> dict[str, Role]:
    """{claim value: role} from OIDC_ROLE_MAP ("cultuur-adviseurs:advisor,cultuur-managers:manager")."""
    mapping = {}
    for item in settings.OIDC_ROLE_MAP:
        value, _, role = item.rpartition(":")
        if not value or role not in Role.values:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: {item!r} is not 'claim value:role' with a role of {', '.join(Role.values)}"
            )
        mapping[value] = Role(role)
    return mapping


def managed_roles() -> frozenset[Role]:
    """The roles the provider decides: those in the map."""
    return frozenset(role_map().values())


def claims_of(sociallogin) -> dict:
    """The claims of one sign-in: userinfo, with the ID token's on top (amr and acr live there)."""
    data = sociallogin.account.extra_data or {}
    if "userinfo" not in data and "id_token" not in data:
        return dict(data)
    return {**(data.get("userinfo") or {}), **(data.get("id_token") or {})}


def _values(claim) -> set[str]:
    if claim is None:
        return set()
    if isinstance(claim, str):
        return {part for part in claim.replace(",", " ").split() if part}
    if isinstance(claim, list | tuple | set):
        return {str(part) for part in claim}
    return {str(claim)}


def roles_from_claims(claims: dict) -> frozenset[Role]:
    mapping = role_map()
    return frozenset(
        mapping[value] for value in _values(claims.get(settings.OIDC_ROLE_CLAIM)) if value in mapping
    )


def gives_staff_role(claims: dict) -> bool:
    return bool(roles_from_claims(claims) & STAFF_ROLES)


def asserts_mfa(claims: dict) -> bool:
    """Did the provider say this sign-in used a second factor (amr, or an acr we trust for it)?"""
    amr = _values(claims.get("amr"))
    if amr & set(settings.OIDC_MFA_AMR):
        return True
    acr = claims.get("acr")
    return bool(acr) and str(acr) in settings.OIDC_MFA_ACR


# The one-click users of the development provider (OIDC_DEV_PROVIDER): the demo staff, with the
# groups the development role map knows. The advisor's sign-in asserts a second factor.
DEV_PROVIDER_USERS = [
    {
        "sub": "adviseur@cultuur.test",
        "name": "Demi Adviseur",
        "groups": ["cultuur-adviseurs"],
        "amr": ["pwd", "otp"],
    },
    {"sub": "manager@cultuur.test", "name": "Monique Manager", "groups": ["cultuur-managers"]},
    {"sub": "fondsen@cultuur.test", "name": "Frank Fondsen", "groups": ["cultuur-fondsen"]},
]


def dev_provider_command(python: str) -> list[str]:
    """How `manage.py serve` starts the development provider on OIDC_SERVER_URL's port."""
    address = urlsplit(settings.OIDC_SERVER_URL)
    command = [python, "-m", "oidc_provider_mock", "--host", address.hostname or "127.0.0.1"]
    command += ["--port", str(address.port or 9400)]
    for user in DEV_PROVIDER_USERS:
        command += ["--user-claims", json.dumps({**user, "email": user["sub"]})]
    return command
