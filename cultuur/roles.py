"""The one place that answers "what role does this user have" for templates, views and the API.

Roles are auth groups, created by a data migration (cultuur/migrations/0002_roles.py).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADVISOR = "advisor", _("Cultuuradviseur")
    MANAGER = "manager", _("Manager")
    ICC = "icc", _("ICC (interne cultuurcoördinator)")
    MAKER = "maker", _("Cultuurmaker")
    FUNDS_COORDINATOR = "funds_coordinator", _("Fondsencoördinator")


# Staff roles work with residents' data; two-factor can be made mandatory for them.
STAFF_ROLES = frozenset({Role.ADVISOR, Role.MANAGER, Role.FUNDS_COORDINATOR})

# When a user holds several roles, the first in this order decides the home page.
_PRECEDENCE = [Role.MANAGER, Role.ADVISOR, Role.FUNDS_COORDINATOR, Role.ICC, Role.MAKER]

# URL name of each role's home page. Later issues point these at their own pages.
HOME_URLS = {
    Role.MANAGER: "impact:dashboard",
    Role.ADVISOR: "requests:triage",
    Role.FUNDS_COORDINATOR: "requests:funding",
    Role.ICC: "schools:home",
    Role.MAKER: "makers:my_profile",
}


def roles_of(user) -> frozenset[Role]:
    """The roles of `user`, read once per request and cached on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_cultuur_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        user._cultuur_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def primary_role(user) -> Role | None:
    held = roles_of(user)
    return next((role for role in _PRECEDENCE if role in held), None)


def is_staff_member(user) -> bool:
    """Staff in the platform's sense: an employee role, or a Django admin."""
    return bool(getattr(user, "is_staff", False) or roles_of(user) & STAFF_ROLES)


def home_url(user) -> str:
    if getattr(user, "is_superuser", False) and primary_role(user) is None:
        return reverse("admin:index")
    role = primary_role(user)
    return reverse(HOME_URLS[role]) if role else reverse("cultuur:overview")
