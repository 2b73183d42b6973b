from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from districts.models import District
from makers.models import Course, Maker, VenueBooking
from makers.money import cents_to_euros, euros_to_cents

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


class EuroField(forms.DecimalField):
    """Euros on screen, whole cents in the database."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 9)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("localize", True)  # "62,50" as Dutch people type it
        super().__init__(**kwargs)


class CentsFormMixin:
    """Map `<name>_cents` model fields to euro form fields named `<name>`."""

    euro_fields: tuple[str, ...] = ()

    def _init_euros(self):
        for name in self.euro_fields:
            cents = getattr(self.instance, f"{name}_cents", None)
            if cents is not None and name not in self.initial:
                self.initial[name] = cents_to_euros(cents)

    def _update_errors(self, errors):
        # Model validation names `<name>_cents`; show the message at the euro field.
        if hasattr(errors, "error_dict"):
            for name in self.euro_fields:
                if f"{name}_cents" in errors.error_dict:
                    errors.error_dict[name] = errors.error_dict.pop(f"{name}_cents")
        super()._update_errors(errors)

    def _apply_euros(self, instance):
        for name in self.euro_fields:
            setattr(instance, f"{name}_cents", euros_to_cents(self.cleaned_data.get(name)))


def validate_photo(photo):
    if not photo:
        return photo
    if photo.size > settings.MAKERS_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("De foto is te groot (%(size)s). Het maximum is %(max)s.")
            % {"size": filesizeformat(photo.size), "max": filesizeformat(settings.MAKERS_PHOTO_MAX_BYTES)}
        )
    image = getattr(photo, "image", None)
    if image is not None and image.format not in PHOTO_FORMATS:
        raise ValidationError(_("Upload een foto als JPEG, PNG of WebP."))
    return photo


class MakerForm(CentsFormMixin, forms.ModelForm):
    euro_fields = ("rate_per_hour", "rate_per_day_part")
    rate_per_hour = EuroField(label=_("Tarief per uur (euro)"), required=False)
    rate_per_day_part = EuroField(label=_("Tarief per dagdeel (euro)"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    districts = forms.ModelMultipleChoiceField(
        label=_("Wijken"),
        queryset=District.objects.filter(is_central_intake=False),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Maker
        fields = [
            "name",
            "kind",
            "disciplines",
            "short_description",
            "description",
            "photo",
            "photo_alt",
            "whole_municipality",
            "districts",
            "target_groups",
            "age_min",
            "age_max",
            "languages",
            "works_in_education",
            "education_experience",
            "website",
            "contact_preference",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "disciplines": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_euros()
        self.fields["photo"].help_text = _("JPEG, PNG of WebP, hoogstens %(max)s.") % {
            "max": filesizeformat(settings.MAKERS_PHOTO_MAX_BYTES)
        }

    def clean_photo(self):
        return validate_photo(self.cleaned_data.get("photo"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt") and not self.instance.photo_alt:
            self.add_error(
                "photo_alt", _("Beschrijf kort wat er op de foto staat, voor wie hem niet kan zien.")
            )
        return cleaned

    def save_instance(self) -> tuple[Maker, dict]:
        """The unsaved instance and its many-to-many values: the service saves both."""
        maker = super().save(commit=False)
        self._apply_euros(maker)
        m2m = {
            name: self.cleaned_data[name]
            for name in ("disciplines", "districts", "target_groups", "languages")
        }
        return maker, m2m


class CourseForm(CentsFormMixin, forms.ModelForm):
    euro_fields = ("price", "reduced_price")
    price = EuroField(label=_("Prijs (euro)"))
    registration_url = forms.URLField(label=_("Link om aan te melden"), required=False, assume_scheme="https")
    reduced_price = EuroField(
        label=_("Prijs met stadspas (euro)"),
        required=False,
        help_text=_("Voor wie een minimaregeling heeft."),
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "description",
            "discipline",
            "age_min",
            "age_max",
            "level",
            "first_date",
            "last_date",
            "weekday",
            "start_time",
            "end_time",
            "sessions",
            "venue",
            "capacity",
            "places_left",
            "how_to_register",
            "registration_url",
        ]
        widgets = {
            "first_date": DateInput(),
            "last_date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_euros()
        self.fields["venue"].queryset = self.fields["venue"].queryset.filter(is_published=True)

    def _post_clean(self):
        self._apply_euros(self.instance)
        super()._post_clean()


class BookingRequestForm(forms.ModelForm):
    class Meta:
        model = VenueBooking
        fields = [
            "date",
            "start_time",
            "end_time",
            "purpose",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise ValidationError(_("Kies een datum vandaag of later."))
        return date

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("approve", _("Goedkeuren en publiceren")), ("send_back", _("Terugsturen met opmerking"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Opmerking voor de maker"), required=False, widget=forms.Textarea, max_length=2000
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "send_back" and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", _("Schrijf erbij wat er moet veranderen."))
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), widget=forms.Textarea, max_length=2000)


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Naam van de maker of organisatie"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"))
