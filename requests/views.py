"""The public side: the question form, the private status page, the evaluation. No account needed."""

from functools import wraps

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from requests import merging, retention, selectors, services, spam, workflow
from requests import reopen as reopening
from requests.forms import EraseForm, EvaluationForm, ReopenForm, ReplyForm, RequestForm, WithdrawForm
from requests.workflow import Status

SESSION_KEY = "requests_submitted_token"


def _blocked_reason(request, form) -> tuple[str, int] | None:
    """Why this post is refused as spam (a friendly Dutch message and a status), or None."""
    if spam.rate_limited(spam.client_address(request)):
        return _("U heeft in korte tijd veel vragen gestuurd. Probeer het over een uur nog eens."), 429
    if request.POST.get("website"):
        return _("Uw vraag is niet verstuurd. Probeer het nog eens."), 400
    payload = spam.read_form_token(request.POST.get("form_token", ""))
    if payload is None:
        return _("Het formulier was verlopen. Controleer uw gegevens en verstuur het opnieuw."), 400
    if spam.filled_too_fast(payload):
        return _("Dat ging wel heel snel. Controleer uw gegevens en verstuur het opnieuw."), 400
    return None


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request):
    status = 200
    if request.method == "POST":
        data = request.POST.copy()
        if spam.read_form_token(data.get("form_token", "")) is None:
            data["form_token"] = spam.issue_form_token()
        form = RequestForm(data)
        blocked = _blocked_reason(request, form)
        if blocked:
            message, status = blocked
            messages.error(request, message)
        elif form.is_valid():
            key = spam.read_form_token(form.cleaned_data["form_token"])["n"]
            culture_request, _created = services.request_submit(idempotency_key=key, **form.service_fields())
            request.session[SESSION_KEY] = culture_request.status_token
            return redirect("requests:thanks")
        else:
            status = 400
    else:
        form = RequestForm(initial={"form_token": spam.issue_form_token()})
    return render(request, "requests/ask.html", {"form": form}, status=status)


@never_cache
def thanks(request):
    token = request.session.get(SESSION_KEY)
    culture_request = selectors.request_by_token(token).first() if token else None
    return render(request, "requests/thanks.html", {"culture_request": culture_request})


def private_page(view):
    """The status pages: the secret token is the key; no caching, no referrer to other sites, no indexing."""

    @wraps(view)
    def wrapper(request, token, *args, **kwargs):
        culture_request = get_object_or_404(selectors.request_by_token(token))
        response = never_cache(view)(request, culture_request, *args, **kwargs)
        # same-origin, not no-referrer: the token never leaves the site either way, and with no-referrer
        # a browser posts "Origin: null", which the CSRF check refuses (the reply and withdraw forms).
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _closing_note(culture_request) -> str:
    if culture_request.status not in (Status.DECLINED, Status.REFERRED):
        return ""
    event = culture_request.events.filter(to_status=culture_request.status).order_by("-created_at").first()
    return event.shown_note if event else ""


def _status_page(
    request, culture_request, *, reply_form=None, withdraw_form=None, reopen_form=None, code=200
):
    # A merged question's link keeps working: it shows how the question it joined is doing.
    primary = merging.merge_primary_of(culture_request)
    context = {
        "merge_primary": primary,
        "primary_status_text": workflow.ASKER_TEXT[primary.status] if primary else "",
        "culture_request": culture_request,
        "status_text": workflow.ASKER_TEXT[culture_request.status],
        "closing_note": _closing_note(culture_request),
        "may_reply": culture_request.is_open,
        "may_withdraw": culture_request.status in workflow.ASKER_MAY_WITHDRAW,
        "may_evaluate": culture_request.status == Status.COMPLETED,
        "reply_form": reply_form or ReplyForm(),
        "withdraw_form": withdraw_form or WithdrawForm(),
        "may_erase": culture_request.anonymised_at is None,
        "erase_form": EraseForm(),
        "may_reopen": reopening.may_reopen(culture_request),
        "reopen_form": reopen_form or ReopenForm(),
    }
    return render(request, "requests/status.html", context, status=code)


@private_page
def status(request, culture_request):
    return _status_page(request, culture_request)


@require_POST
@private_page
def reply(request, culture_request):
    form = ReplyForm(request.POST)
    if not culture_request.is_open:
        messages.error(request, _("Deze vraag is afgesloten. U kunt niet meer reageren."))
    elif form.is_valid():
        services.message_receive(request=culture_request, body=form.cleaned_data["body"])
        messages.success(request, _("Uw reactie is verstuurd naar de adviseur."))
    else:
        return _status_page(request, culture_request, reply_form=form, code=400)
    return redirect("requests:status", culture_request.status_token)


@require_POST
@private_page
def withdraw(request, culture_request):
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _status_page(request, culture_request, withdraw_form=form, code=400)
    try:
        services.request_withdraw(request=culture_request, note=form.cleaned_data["reason"])
    except services.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Uw vraag is ingetrokken."))
    return redirect("requests:status", culture_request.status_token)


@require_http_methods(["GET", "POST"])
@private_page
def evaluate(request, culture_request):
    if culture_request.status != Status.COMPLETED:
        messages.info(request, _("Voor deze vraag kunt u (nu) geen evaluatie invullen."))
        return redirect("requests:status", culture_request.status_token)
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.evaluation_submit(
                request=culture_request,
                satisfaction=data["satisfaction"],
                answered=data["answered"] == "yes",
                would_ask_again=data["would_ask_again"] == "yes",
                comment=data["comment"],
            )
        except services.RequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Dank u wel voor uw mening!"))
            if reopening.may_reopen(selectors.request_by_token(culture_request.status_token).get()):
                messages.info(
                    request, _("Heeft dit u niet geholpen? Hieronder kunt u uw vraag opnieuw openen.")
                )
        return redirect("requests:status", culture_request.status_token)
    code = 400 if request.method == "POST" else 200
    return render(
        request, "requests/evaluate.html", {"culture_request": culture_request, "form": form}, status=code
    )


@require_POST
@private_page
def reopen(request, culture_request):
    form = ReopenForm(request.POST)
    if not reopening.may_reopen(culture_request):
        messages.error(request, _("Deze vraag kan niet (meer) worden heropend."))
        return redirect("requests:status", culture_request.status_token)
    if not form.is_valid():
        return _status_page(request, culture_request, reopen_form=form, code=400)
    try:
        reopening.request_reopen(request=culture_request, reason=form.cleaned_data["reason"])
    except services.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Uw vraag is weer open. Een adviseur neemt contact met u op."))
    return redirect("requests:status", culture_request.status_token)


@require_POST
@private_page
def erase(request, culture_request):
    form = EraseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vink aan dat u uw gegevens wilt laten verwijderen."))
        return redirect("requests:status", culture_request.status_token)
    retention.request_erase_on_request(request=culture_request)
    messages.success(
        request, _("Uw gegevens zijn verwijderd. We bewaren alleen nog een telling, zonder uw naam.")
    )
    return redirect("requests:status", culture_request.status_token)
