""" "My questions": the asker's e-mail, the one-time link, and the list it opens (no account)."""

import time

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cultuur.paging import CappedPaginator
from requests import my_questions, spam
from requests.tool_forms import MyQuestionsForm

PAGE_SIZE = 20


def _private(response):
    # same-origin, not no-referrer: the token never leaves the site either way, and with no-referrer
    # a browser posts "Origin: null", which the CSRF check refuses (the reply and withdraw forms).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def ask_link(request):
    form = MyQuestionsForm(request.POST or None)
    sent, code = False, 200
    if request.method == "POST":
        if form.is_valid():
            email = form.cleaned_data["email"]
            if my_questions.rate_limited(address=spam.client_address(request), email=email):
                form.add_error(
                    None,
                    _("U heeft in korte tijd vaak een link gevraagd. Probeer het over een uur nog eens."),
                )
                code = 429
            else:
                # Known or not, the same work here and the same answer: the task looks it up.
                my_questions.my_questions_ask(email=email)
                sent = True
        else:
            code = 400
    return render(request, "requests/my_questions_ask.html", {"form": form, "sent": sent}, status=code)


@never_cache
@require_http_methods(["GET", "POST"])
def open_link(request, token):
    """GET shows a button and uses nothing (mail scanners follow links); the POST uses the link."""
    if request.method == "POST":
        email = my_questions.my_questions_open(token=token)
        if email is not None:
            request.session[my_questions.SESSION_KEY] = {
                "email": email,
                "until": int(time.time()) + my_questions.SESSION_SECONDS,
            }
            return redirect("requests:my_questions_list")
        usable = False
    else:
        usable = my_questions.link_usable(token)
    response = render(
        request,
        "requests/my_questions_open.html",
        {"usable": usable, "token": token},
        status=200 if usable else 410,
    )
    return _private(response)


@never_cache
def question_list(request):
    grant = request.session.get(my_questions.SESSION_KEY) or {}
    if not grant.get("email") or grant.get("until", 0) < time.time():
        request.session.pop(my_questions.SESSION_KEY, None)
        messages.info(request, _("Vraag een nieuwe link aan om uw vragen te zien."))
        return redirect("requests:my_questions")
    questions = my_questions.questions_for_email(grant["email"])
    page = CappedPaginator(questions, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return _private(render(request, "requests/my_questions_list.html", {"page": page}))
