from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from cultuur.roles import Role, has_role
from districts.selectors import district_overview, is_staffed


@login_required
def district_list(request):
    if not (request.user.is_superuser or has_role(request.user, Role.ADVISOR, Role.MANAGER)):
        raise PermissionDenied
    districts = [(district, is_staffed(district)) for district in district_overview(request.user)]
    return render(request, "districts/list.html", {"districts": districts})
