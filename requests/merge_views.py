"""Merging likely duplicates into the request on screen."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from requests import duplicates, merging, selectors
from requests.services import RequestError
from requests.tool_forms import MergeForm
from requests.triage_views import _action_on, board_access


@board_access
@require_http_methods(["GET", "POST"])
def merge(request, reference):
    primary = _action_on(request, reference)
    scope = selectors.visible_requests(request.user)
    found = duplicates.duplicates_of(primary, scope)
    form = MergeForm(request.POST or None, candidates=[d.request for d in found])
    code = 200
    if request.method == "POST":
        code = 400
        if form.is_valid():
            chosen = form.cleaned_data["chosen"]
            # The scoped lookup: a reference of another district is simply not found.
            others = list(scope.filter(reference__in=chosen))
            unknown = sorted(set(chosen) - {other.reference for other in others})
            if unknown:
                form.add_error(
                    "references", _("Vraag %(reference)s is niet gevonden.") % {"reference": unknown[0]}
                )
            else:
                try:
                    merged = merging.requests_merge(primary=primary, others=others, by=request.user)
                except RequestError as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(
                        request,
                        _("Samengevoegd met %(reference)s: %(merged)s.")
                        % {"reference": primary.reference, "merged": ", ".join(m.reference for m in merged)},
                    )
                    return redirect("requests:detail", primary.reference)
    context = {"r": primary, "form": form, "duplicates": found, "max": merging.MERGE_MAX}
    return render(request, "requests/merge.html", context, status=code)
