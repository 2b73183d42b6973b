from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from cultuur.roles import Role, has_role
from schools.selectors import visible_schools
from schools.services import SchoolsError


def school_roles_required(view):
    """ICCs, advisors and managers (and admins) use the school pages; everyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or has_role(user, Role.ICC, Role.ADVISOR, Role.MANAGER)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def school_or_404(request, pk):
    return get_object_or_404(visible_schools(request.user), pk=pk)


def run_service(request, form, call) -> bool:
    """Call a service; put its field errors on the form, its domain error in a message."""
    try:
        call()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return False
    except SchoolsError as error:
        messages.error(request, str(error))
        form.add_error(None, str(error))
        return False
    return True
