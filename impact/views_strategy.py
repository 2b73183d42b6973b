"""Strategy pages: the manager keeps cards and agreements; a partner reports progress through a
signed link (no account, no pk in the URL)."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.paging import CappedPaginator
from impact import strategy
from impact.forms_strategy import AgreementForm, CardForm, ProgressForm, SpendingForm
from impact.services import ImpactError
from impact.views import manager_required


@manager_required
def strategy_overview(request):
    page = CappedPaginator(
        strategy.cards_for_page(request.user), settings.IMPACT_STRATEGY_PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    budgets = {}
    for budget in strategy.budget_rows(request.user, cards=page.object_list):
        budgets.setdefault(budget.card_id, []).append(budget)
    for card in page.object_list:
        card.budget_rows = budgets.get(card.pk, [])
    return render(request, "impact/strategy/overview.html", {"page": page, "half": strategy.current_half()})


@manager_required
def strategy_card_edit(request, number=None):
    card = get_object_or_404(strategy.visible_cards(request.user), number=number) if number else None
    form = CardForm(request.POST or None, instance=card)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        card = strategy.card_save(by=request.user, card=card, **fields)
        messages.success(request, _("Strategiekaart opgeslagen."))
        return redirect("impact:strategy")
    return render(request, "impact/strategy/card_form.html", {"form": form, "card": card})


@manager_required
@require_POST
def strategy_card_delete(request, number):
    card = get_object_or_404(strategy.visible_cards(request.user), number=number)
    try:
        strategy.card_delete(card=card, by=request.user)
    except ImpactError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Strategiekaart verwijderd."))
    return redirect("impact:strategy")


@manager_required
def strategy_agreement_create(request, number):
    card = get_object_or_404(strategy.visible_cards(request.user), number=number)
    return _agreement_form(request, card, None)


@manager_required
def agreement_edit(request, pk):
    agreement = get_object_or_404(strategy.visible_agreements(request.user), pk=pk)
    return _agreement_form(request, agreement.card, agreement)


def _agreement_form(request, card, agreement):
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        strategy.agreement_save(by=request.user, card=card, agreement=agreement, **fields)
        messages.success(request, _("Afspraak opgeslagen."))
        return redirect(reverse("impact:strategy") + f"#kaart-{card.number}")
    return _render_agreement(request, form, card, agreement, SpendingForm())


def _render_agreement(request, form, card, agreement, spending_form):
    context = {"form": form, "card": card, "agreement": agreement}
    if agreement is not None:
        context["spending"] = agreement.spending.order_by("-spent_on", "-pk")[:50]
        context["spending_form"] = spending_form
    return render(request, "impact/strategy/agreement_form.html", context)


@manager_required
@require_POST
def agreement_spending(request, pk):
    agreement = get_object_or_404(strategy.visible_agreements(request.user), pk=pk)
    form = SpendingForm(request.POST)
    if not form.is_valid():
        return _render_agreement(request, AgreementForm(instance=agreement), agreement.card, agreement, form)
    data = form.cleaned_data
    strategy.spending_record(
        agreement=agreement,
        by=request.user,
        spent_on=data["spent_on"],
        amount_cents=int(data["amount"] * 100),
        description=data["description"],
    )
    messages.success(request, _("Besteding geboekt."))
    return redirect("impact:agreement_edit", pk=agreement.pk)


@manager_required
@require_POST
def agreement_delete(request, pk):
    agreement = get_object_or_404(strategy.visible_agreements(request.user), pk=pk)
    try:
        strategy.agreement_delete(agreement=agreement, by=request.user)
    except ImpactError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Afspraak verwijderd."))
    return redirect("impact:strategy")


def _private(response):
    # The token is the key: no caching, no indexing, and no referrer to other sites.
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "same-origin"  # "no-referrer" makes the browser post Origin: null (CSRF)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def partner_progress(request, token):
    """Public: the partner's agreements for the half year behind the link, one form for all."""
    link = strategy.read_link(token)
    if link is None:
        raise Http404
    agreements = list(strategy.partner_agreements(link.partner))
    existing = {
        row.agreement_id: row
        for row in strategy.AgreementProgress.objects.filter(
            agreement__in=agreements, period_key=link.period.key
        )
    }
    forms = [
        ProgressForm(
            request.POST or None,
            agreement=agreement,
            initial=(
                {"status": row.status, "text": row.text, "figure": row.figure}
                if (row := existing.get(agreement.pk))
                else {}  # an untouched form is skipped: no status until the partner picks one
            ),
        )
        for agreement in agreements
    ]
    if request.method == "POST":
        if all(form.is_valid() for form in forms):
            reports = {form.agreement.pk: _fields(form) for form in forms if form.is_filled}
            if reports:
                strategy.progress_report_many(link=link, reports=reports)
                messages.success(
                    request,
                    _(
                        "Dank u wel. De voortgang is opgeslagen; u kunt deze tot het einde van het halfjaar aanpassen."
                    ),
                )
                return _private(redirect("impact:partner_progress", token=token))
            messages.error(request, _("Vul bij minstens één afspraak de voortgang in."))
        else:
            messages.error(
                request, _("Niet alles is goed ingevuld. Kijk bij de afspraken met een foutmelding.")
            )
    return _private(
        render(
            request,
            "impact/strategy/partner_progress.html",
            {"link": link, "forms": forms, "reported": set(existing)},
        )
    )


def _fields(form):
    data = form.cleaned_data
    return {"status": data["status"], "text": data["text"], "figure": data.get("figure")}
