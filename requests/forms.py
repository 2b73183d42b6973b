import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from districts.models import District
from districts.selectors import normalise_postcode
from makers.models import Discipline
from requests.models import AgeGroup, Barrier, ContactLanguage, FundingApplication, MatchKind, RequesterKind
from requests.workflow import Status

QUESTION_MAX = 5000
_PHONE = re.compile(r"^\+?[0-9 ()\-]{8,20}$")


class RequestForm(forms.Form):
    requester_kind = forms.ChoiceField(
        label=_("Wie stelt de vraag?"), choices=RequesterKind.choices, widget=forms.RadioSelect
    )
    requester_name = forms.CharField(label=_("Uw naam"), max_length=150)
    organisation = forms.CharField(
        label=_("Naam van de organisatie, het initiatief of de school"),
        max_length=200,
        required=False,
        help_text=_("Niet nodig als u een vraag stelt als inwoner."),
    )
    requester_email = forms.EmailField(label=_("E-mailadres"), required=False, max_length=254)
    requester_phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Vul een e-mailadres of een telefoonnummer in, of allebei."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        help_text=_("Bijvoorbeeld 1503 AB. Dan komt uw vraag bij de adviseurs van uw wijk."),
    )
    district = forms.ModelChoiceField(
        label=_("Of kies de wijk (voor organisaties)"),
        queryset=District.objects.filter(is_central_intake=False),
        required=False,
    )
    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Schrijf in uw eigen woorden wat u zoekt of wilt doen."),
    )
    disciplines = forms.ModelMultipleChoiceField(
        label=_("Welke soort cultuur? (mag leeg blijven)"),
        queryset=Discipline.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    age_group = forms.ChoiceField(
        label=_("Voor wie is het?"),
        choices=[("", _("Weet ik niet of zeg ik liever niet"))] + AgeGroup.choices,
        required=False,
    )
    group_size = forms.IntegerField(
        label=_("Met hoeveel mensen ongeveer?"), min_value=1, max_value=100000, required=False
    )
    timing = forms.CharField(
        label=_("Wanneer?"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: in de herfstvakantie."),
    )
    budget = forms.DecimalField(
        label=_("Budget in euro (als u dat weet)"),
        min_value=Decimal("0"),
        max_value=Decimal("1000000"),
        decimal_places=2,
        required=False,
    )
    barriers = forms.MultipleChoiceField(
        label=_("Wat houdt u nu tegen?"),
        choices=Barrier.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_language = forms.ChoiceField(
        label=_("In welke taal wilt u contact?"), choices=ContactLanguage.choices, initial="nl"
    )
    consent = forms.BooleanField(
        label=_(
            "Ik heb de privacyverklaring gelezen en ga akkoord dat mijn gegevens worden gebruikt voor mijn vraag."
        ),
        error_messages={"required": _("Zonder uw toestemming kunnen we uw vraag niet behandelen.")},
    )
    # Honeypot: hidden from people by CSS; bots fill it in.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_requester_name(self):
        return self.cleaned_data["requester_name"].strip()

    def clean_requester_phone(self):
        phone = self.cleaned_data["requester_phone"].strip()
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError(_("Dit is geen geldig telefoonnummer."))
        return phone

    def clean_postcode(self):
        raw = self.cleaned_data["postcode"].strip()
        if not raw:
            return ""
        postcode = normalise_postcode(raw)
        if postcode is None:
            raise forms.ValidationError(_("Dit is geen geldige postcode. Bijvoorbeeld: 1503 AB."))
        return postcode

    def clean(self):
        data = super().clean()
        if (
            not data.get("requester_email")
            and not data.get("requester_phone")
            and not (self.has_error("requester_email") or self.has_error("requester_phone"))
        ):
            self.add_error("requester_email", _("Vul een e-mailadres of een telefoonnummer in."))
        kind = data.get("requester_kind")
        if kind and kind != RequesterKind.RESIDENT and not data.get("organisation", "").strip():
            self.add_error("organisation", _("Vul de naam van uw organisatie, initiatief of school in."))
        if kind == RequesterKind.RESIDENT and not data.get("postcode") and not self.has_error("postcode"):
            self.add_error("postcode", _("Vul uw postcode in, dan weten we in welke wijk u woont."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        budget = data.get("budget")
        return {
            "requester_kind": data["requester_kind"],
            "requester_name": data["requester_name"],
            "requester_email": data.get("requester_email", ""),
            "requester_phone": data.get("requester_phone", ""),
            "organisation": data.get("organisation", "").strip()
            if data["requester_kind"] != RequesterKind.RESIDENT
            else "",
            "postcode": data.get("postcode", ""),
            "chosen_district": data.get("district"),
            "question": data["question"].strip(),
            "age_group": data.get("age_group", ""),
            "group_size": data.get("group_size"),
            "timing": data.get("timing", "").strip(),
            "budget_cents": int(budget * 100) if budget is not None else None,
            "barriers": list(data.get("barriers") or []),
            "contact_language": data["contact_language"],
            "disciplines": list(data.get("disciplines") or []),
        }


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Uw reactie"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom trekt u uw vraag in? (mag leeg blijven)"), max_length=1000, required=False
    )
    confirm = forms.BooleanField(label=_("Ja, ik trek mijn vraag in."))


class EvaluationForm(forms.Form):
    YES_NO = [("yes", _("Ja")), ("no", _("Nee"))]
    satisfaction = forms.TypedChoiceField(
        label=_("Hoe tevreden bent u? (1 = niet tevreden, 5 = heel tevreden)"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    answered = forms.ChoiceField(
        label=_("Heeft dit uw vraag beantwoord?"), choices=YES_NO, widget=forms.RadioSelect
    )
    would_ask_again = forms.ChoiceField(
        label=_("Zou u opnieuw een vraag stellen?"), choices=YES_NO, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Wilt u nog iets zeggen?"),
        max_length=QUESTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class StatusChangeForm(forms.Form):
    to = forms.ChoiceField(label=_("Nieuwe status"))
    note = forms.CharField(
        label=_("Toelichting (verplicht bij afwijzen of doorverwijzen)"),
        max_length=QUESTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    message = forms.BooleanField(
        label=_("Stuur de toelichting ook als bericht naar de vraagsteller"), required=False
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(t, Status(t).label) for t in Status.values if t in targets]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Bericht aan de vraagsteller"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf een bericht."),
            "max_length": _("Schrijf een bericht van hoogstens 5000 tekens."),
        },
    )
    waiting = forms.BooleanField(
        label=_("Wacht op antwoord van de vraagsteller"),
        required=False,
        help_text=_("De vraag krijgt de status ‘Wachten op vraagsteller’ tot er antwoord is."),
    )

    def __init__(self, *args, can_wait: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_wait:  # the workflow would refuse it: do not offer it
            del self.fields["waiting"]


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Interne notitie"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class MatchForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort koppeling"), choices=MatchKind.choices)
    target_name = forms.CharField(
        label=_("Met wie of wat (naam)"),
        max_length=200,
        required=False,
        help_text=_("Voor wat niet in de gids staat: een partner, een oplossing op maat."),
    )
    description = forms.CharField(
        label=_("Toelichting"),
        max_length=QUESTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Set by the "koppel" buttons next to each proposal; only published records can be chosen.
    maker = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    course = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    venue = forms.ModelChoiceField(label=_("Locatie of maakplek (optioneel)"), queryset=None, required=False)
    co_creation = forms.ModelChoiceField(
        label=_("Bestaande co-creatie (optioneel)"), queryset=None, required=False
    )

    def __init__(self, *args, request=None, **kwargs):
        from makers.selectors import (
            published_cocreations,
            published_courses,
            published_makers,
            published_venues,
        )

        super().__init__(*args, **kwargs)
        self.culture_request = request
        self.fields["maker"].queryset = published_makers()
        self.fields["course"].queryset = published_courses()
        self.fields["venue"].queryset = published_venues()
        self.fields["co_creation"].queryset = published_cocreations()

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "description": data["description"],
            "target_name": data["target_name"].strip(),
            "maker": data.get("maker"),
            "course": data.get("course"),
            "venue": data.get("venue"),
            "co_creation": data.get("co_creation"),
        }


class FundingApplicationForm(forms.ModelForm):
    amount_requested = forms.DecimalField(
        label=_("Gevraagd bedrag (euro)"), min_value=0, max_digits=10, decimal_places=2
    )
    amount_granted = forms.DecimalField(
        label=_("Toegekend bedrag (euro)"), min_value=0, max_digits=10, decimal_places=2, required=False
    )

    class Meta:
        model = FundingApplication
        fields = ["fund", "status", "submitted_on", "decision_on"]
        widgets = {
            "submitted_on": DateInput(),
            "decision_on": DateInput(),
        }

    def clean(self):
        data = super().clean()
        asked, granted = data.get("amount_requested"), data.get("amount_granted")
        if asked is not None and granted is not None and granted > asked:
            self.add_error("amount_granted", _("Het toegekende bedrag is hoger dan het gevraagde bedrag."))
        return data

    def cleaned_data_for_model(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self._meta.fields}

    def money_fields(self) -> dict:
        granted = self.cleaned_data.get("amount_granted")
        return {
            "amount_requested_cents": int(self.cleaned_data["amount_requested"] * 100),
            "amount_granted_cents": int(granted * 100) if granted is not None else None,
        }


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, verwijder mijn naam, e-mailadres, telefoonnummer en mijn vraag. Dit kan niet terug.")
    )


class AccessRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de persoon die om inzage vraagt"))
