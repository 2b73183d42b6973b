from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schools.models.choices import SCHOOL_YEAR_VALIDATORS, CmkTrack, CultureType
from schools.school_year import SchoolYear

# Sanity bounds: the largest Dutch primary schools have about 40 groups and 1,000 pupils.
MAX_CLASS_GROUPS = 60
MAX_PUPILS = 2000


class SchoolBoard(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    is_single_school = models.BooleanField(
        _("eenpitter"), default=False, help_text=_("Een bestuur met één school.")
    )

    class Meta:
        verbose_name = _("schoolbestuur")
        verbose_name_plural = _("schoolbesturen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class School(models.Model):
    name = models.CharField(_("naam"), max_length=150)
    brin_code = models.CharField(
        _("BRIN-code"),
        max_length=4,
        unique=True,
        validators=[
            RegexValidator(r"^[0-9]{2}[A-Z]{2}$", _("Twee cijfers en twee hoofdletters, bijvoorbeeld 12AB."))
        ],
    )
    board = models.ForeignKey(
        SchoolBoard, verbose_name=_("bestuur"), on_delete=models.PROTECT, related_name="schools"
    )
    municipality = models.ForeignKey(
        "districts.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="schools"
    )
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="schools",
    )
    class_groups = models.PositiveSmallIntegerField(
        _("aantal groepen"), validators=[MaxValueValidator(MAX_CLASS_GROUPS)]
    )
    pupils = models.PositiveIntegerField(_("aantal leerlingen"), validators=[MaxValueValidator(MAX_PUPILS)])
    cmk_track = models.PositiveSmallIntegerField(
        _("CMK-spoor"), choices=CmkTrack.choices, default=CmkTrack.ONE
    )
    certified_icc = models.BooleanField(_("gecertificeerde ICC"), default=False)
    has_culture_policy = models.BooleanField(_("cultuurbeleidsplan"), default=False)
    account_holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accounthouder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_schools",
        limit_choices_to={"groups__name": "advisor"},
    )

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(class_groups__lte=MAX_CLASS_GROUPS), name="school_class_groups_sane"
            ),
            models.CheckConstraint(condition=Q(pupils__lte=MAX_PUPILS), name="school_pupils_sane"),
        ]

    def __str__(self):
        return self.name


class CultureTypeRecord(models.Model):
    """The culture type of a school in one school year, kept per year to show change over time."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="culture_types")
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), validators=SCHOOL_YEAR_VALIDATORS)
    culture_type = models.CharField(_("cultuurtype"), max_length=20, choices=CultureType.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cultuurtype per schooljaar")
        verbose_name_plural = _("cultuurtypes per schooljaar")
        ordering = ["school", "-school_year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "school_year"], name="one_culture_type_per_school_year")
        ]

    def __str__(self):
        return f"{self.school} {SchoolYear(self.school_year)}: {self.get_culture_type_display()}"

    @property
    def year(self) -> SchoolYear:
        return SchoolYear(self.school_year)


class IccMembership(models.Model):
    """An ICC (internal culture coordinator) works for exactly one school."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="icc_membership",
        verbose_name=_("ICC"),
    )
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="iccs", verbose_name=_("school")
    )
    since = models.DateField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("ICC van een school")
        verbose_name_plural = _("ICC's van scholen")

    def __str__(self):
        return f"{self.user} – {self.school}"
