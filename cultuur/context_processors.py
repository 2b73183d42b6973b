from django.conf import settings

from cultuur.roles import Role, is_staff_member, roles_of


def roles(request):
    held = roles_of(request.user)
    return {
        "user_roles": held,
        "is_advisor": Role.ADVISOR in held,
        "is_manager": Role.MANAGER in held,
        "is_icc": Role.ICC in held,
        "is_maker": Role.MAKER in held,
        "is_funds_coordinator": Role.FUNDS_COORDINATOR in held,
        "is_staff_member": is_staff_member(request.user),
        "OIDC_ENABLED": settings.OIDC_ENABLED,  # the "Inloggen met de gemeente" button
    }
