import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cultuur.audit import audit_record
from cultuur.roles import Role, has_role
from requests.forms import AccessRequestForm
from requests.privacy import personal_data_for


@login_required
def access_request(request):
    """Managers answer an access request: everything stored about one e-mail address, as a file."""
    if not (request.user.is_superuser or has_role(request.user, Role.MANAGER)):
        raise PermissionDenied
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        data = personal_data_for(email)
        audit_record(
            action="privacy.access_request.exported",
            by=request.user,
            detail={"email": email},
            request=request,
        )
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="inzage-{stamp}.json"'
        return response
    return render(request, "requests/access_request.html", {"form": form})
