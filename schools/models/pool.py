"""The central pool of art teachers (seed 003, "coördinator kunstvakdocenten"): makers who teach
in schools, their availability per school year, and the coordinator's proposals to schools."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schools.models.choices import SCHOOL_YEAR_VALIDATORS
from schools.models.schools import School
from schools.school_year import SchoolYear


class DayPart(models.TextChoices):
    MON_AM = "ma-o", _("maandagochtend")
    MON_PM = "ma-m", _("maandagmiddag")
    TUE_AM = "di-o", _("dinsdagochtend")
    TUE_PM = "di-m", _("dinsdagmiddag")
    WED_AM = "wo-o", _("woensdagochtend")
    THU_AM = "do-o", _("donderdagochtend")
    THU_PM = "do-m", _("donderdagmiddag")
    FRI_AM = "vr-o", _("vrijdagochtend")
    FRI_PM = "vr-m", _("vrijdagmiddag")


def validate_day_parts(value) -> None:
    if not isinstance(value, list) or not value or any(part not in DayPart.values for part in value):
        raise ValidationError(_("Kies minstens één dagdeel."))


class PoolTeacher(models.Model):
    """A maker in the pool. How they work decides which culture type they fit (schools.pool)."""

    maker = models.OneToOneField(
        "makers.Maker", verbose_name=_("cultuurmaker"), on_delete=models.CASCADE, related_name="pool_teacher"
    )
    single_lessons = models.BooleanField(
        _("geeft losse lessen en workshops"), default=True, help_text=_("Past bij consumerende scholen.")
    )
    lesson_series = models.BooleanField(
        _("geeft lessenreeksen"), default=False, help_text=_("Past bij participerende scholen.")
    )
    co_teaching = models.BooleanField(
        _("werkt samen met leerkrachten (co-teaching, vakoverstijgend)"),
        default=False,
        help_text=_("Past bij integrerende scholen."),
    )
    team_training = models.BooleanField(
        _("traint teams van leerkrachten"),
        default=False,
        help_text=_("Past bij ambities voor deskundigheid."),
    )
    note = models.TextField(_("notitie van de coördinator"), blank=True)
    is_active = models.BooleanField(_("actief in de pool"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kunstvakdocent in de pool")
        verbose_name_plural = _("pool van kunstvakdocenten")
        ordering = ["maker__name"]

    def __str__(self):
        return str(self.maker)


class TeacherAvailability(models.Model):
    """What a pool teacher offers in one school year."""

    teacher = models.ForeignKey(
        PoolTeacher, verbose_name=_("kunstvakdocent"), on_delete=models.CASCADE, related_name="availabilities"
    )
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), validators=SCHOOL_YEAR_VALIDATORS)
    day_parts = models.JSONField(_("beschikbare dagdelen"), default=list, validators=[validate_day_parts])
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    disciplines = models.ManyToManyField(
        "makers.Discipline", verbose_name=_("disciplines"), related_name="pool_availabilities"
    )
    grade_min = models.PositiveSmallIntegerField(
        _("vanaf groep"), default=1, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    grade_max = models.PositiveSmallIntegerField(
        _("tot en met groep"), default=8, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    max_schools = models.PositiveSmallIntegerField(
        _("hoogstens zoveel scholen"), default=2, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("beschikbaarheid")
        verbose_name_plural = _("beschikbaarheden")
        ordering = ["teacher", "-school_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "school_year"], name="one_availability_per_school_year"
            ),
            models.CheckConstraint(
                condition=Q(grade_min__lte=F("grade_max")), name="availability_grades_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.teacher} {self.year}"

    @property
    def year(self) -> SchoolYear:
        return SchoolYear(self.school_year)

    @property
    def day_part_labels(self) -> list[str]:
        labels = dict(DayPart.choices)
        return [str(labels[part]) for part in DayPart.values if part in (self.day_parts or [])]

    def clean(self):
        if self.grade_min and self.grade_max and self.grade_min > self.grade_max:
            raise ValidationError(
                {"grade_max": _("De laatste groep moet gelijk aan of hoger zijn dan de eerste.")}
            )


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    ACCEPTED = "accepted", _("geaccepteerd")
    DECLINED = "declined", _("afgewezen")


# A proposal that holds one of the teacher's school places in that year.
CAPACITY_STATUSES = (ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED)


class PoolProposal(models.Model):
    """The coordinator proposes a pool teacher to a school for a school year; the ICC answers."""

    teacher = models.ForeignKey(
        PoolTeacher, verbose_name=_("kunstvakdocent"), on_delete=models.CASCADE, related_name="proposals"
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="pool_proposals"
    )
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), validators=SCHOOL_YEAR_VALIDATORS)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    reasons = models.JSONField(_("waarom deze docent"), default=list, blank=True)
    note = models.TextField(_("toelichting van de coördinator"), blank=True)
    response_note = models.TextField(_("reactie van de school"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("voorstel kunstvakdocent")
        verbose_name_plural = _("voorstellen kunstvakdocenten")
        ordering = ["school", "-school_year", "-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "school", "school_year"], name="one_proposal_per_teacher_school_year"
            )
        ]
        indexes = [models.Index(fields=["teacher", "school_year", "status"], name="proposal_capacity")]

    def __str__(self):
        return f"{self.teacher} → {self.school} {SchoolYear(self.school_year)}"

    @property
    def year(self) -> SchoolYear:
        return SchoolYear(self.school_year)
