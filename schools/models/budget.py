from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cultuur.money import format_euros
from schools.models.choices import SCHOOL_YEAR_VALIDATORS
from schools.models.schools import School
from schools.school_year import SchoolYear

# Bounds that catch typing errors (an extra zero), not policy: EUR 500 an hour, 500 hours, EUR 50,000 a line.
MAX_HOURLY_RATE_CENTS = 50_000
MAX_HOURS = Decimal("500")
MAX_LINE_CENTS = 5_000_000
MAX_AMOUNT_PER_GROUP_CENTS = 1_000_000


class AmountPerGroup(models.Model):
    """The development budget per class group for one school year (the seed: "een bedrag per groep")."""

    school_year = models.PositiveSmallIntegerField(
        _("schooljaar"), unique=True, validators=SCHOOL_YEAR_VALIDATORS
    )
    amount_cents = models.PositiveIntegerField(
        _("bedrag per groep (cent)"), validators=[MaxValueValidator(MAX_AMOUNT_PER_GROUP_CENTS)]
    )

    class Meta:
        verbose_name = _("bedrag per groep")
        verbose_name_plural = _("bedragen per groep")
        ordering = ["-school_year"]

    def __str__(self):
        return f"{SchoolYear(self.school_year)}: {format_euros(self.amount_cents)}"


class BudgetLine(models.Model):
    """A planned activity paid from the school's development budget, and what it actually cost."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("school")
    )
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), validators=SCHOOL_YEAR_VALIDATORS)
    description = models.CharField(_("omschrijving"), max_length=200)
    maker = models.ForeignKey(
        "makers.Maker",
        verbose_name=_("cultuurmaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="school_budget_lines",
    )
    co_creation = models.ForeignKey(
        "makers.CoCreation",
        verbose_name=_("co-creatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="school_budget_lines",
    )
    planned_date = models.DateField(_("geplande datum"))
    hours = models.DecimalField(
        _("uren"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(MAX_HOURS)],
    )
    hourly_rate_cents = models.PositiveIntegerField(
        _("uurtarief (cent)"), null=True, blank=True, validators=[MaxValueValidator(MAX_HOURLY_RATE_CENTS)]
    )
    fixed_amount_cents = models.PositiveIntegerField(
        _("vast bedrag (cent)"), null=True, blank=True, validators=[MaxValueValidator(MAX_LINE_CENTS)]
    )
    # Derived from hours x rate or the fixed amount on save, so that totals are one SUM in the database.
    planned_amount_cents = models.PositiveIntegerField(_("gepland bedrag (cent)"), default=0, editable=False)
    invoiced_amount_cents = models.PositiveIntegerField(
        _("gefactureerd bedrag (cent)"), null=True, blank=True, validators=[MaxValueValidator(MAX_LINE_CENTS)]
    )
    invoiced_on = models.DateField(_("gefactureerd op"), null=True, blank=True)
    paid_on = models.DateField(_("betaald op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        ordering = ["school", "school_year", "planned_date", "pk"]
        # The budget page (one school and year, by date) and the API list (in this ordering) read
        # a slice of this index instead of sorting the whole table.
        indexes = [
            models.Index(
                fields=["school", "school_year", "planned_date", "id"], name="budget_line_school_year_date"
            )
        ]
        constraints = [
            models.CheckConstraint(
                name="budget_line_hours_and_rate_or_fixed",
                condition=(
                    Q(hours__isnull=False, hourly_rate_cents__isnull=False, fixed_amount_cents__isnull=True)
                    | Q(hours__isnull=True, hourly_rate_cents__isnull=True, fixed_amount_cents__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="budget_line_hours_positive", condition=Q(hours__isnull=True) | Q(hours__gt=0)
            ),
            models.CheckConstraint(
                name="budget_line_paid_after_invoiced",
                condition=Q(paid_on__isnull=True) | Q(invoiced_amount_cents__isnull=False),
            ),
        ]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        self.planned_amount_cents = self.compute_planned_amount_cents()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "planned_amount_cents" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "planned_amount_cents"]
        super().save(*args, **kwargs)

    @property
    def year(self) -> SchoolYear:
        return SchoolYear(self.school_year)

    @property
    def is_hourly(self) -> bool:
        return self.hours is not None and self.hourly_rate_cents is not None

    def compute_planned_amount_cents(self) -> int:
        if self.is_hourly:
            return int(
                (Decimal(self.hours) * self.hourly_rate_cents).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
            )
        return self.fixed_amount_cents or 0

    @property
    def expected_cents(self) -> int:
        """What the line will cost: the invoice once there is one, the plan before that."""
        if self.invoiced_amount_cents is not None:
            return self.invoiced_amount_cents
        return self.planned_amount_cents

    def clean(self):
        errors = {}
        hourly = self.hours is not None or self.hourly_rate_cents is not None
        if hourly and self.fixed_amount_cents is not None:
            errors["fixed_amount_cents"] = _("Vul uren en uurtarief in, of een vast bedrag, niet allebei.")
        elif hourly and (self.hours is None or self.hourly_rate_cents is None):
            errors["hours"] = _("Vul zowel het aantal uren als het uurtarief in.")
        elif not hourly and self.fixed_amount_cents is None:
            errors["fixed_amount_cents"] = _("Vul uren en uurtarief in, of een vast bedrag.")
        if (
            self.planned_date
            and self.school_year
            and not SchoolYear(self.school_year).contains(self.planned_date)
        ):
            year = SchoolYear(self.school_year)
            errors["planned_date"] = _(
                "De datum moet in schooljaar %(year)s liggen (1 augustus tot en met 31 juli)."
            ) % {"year": year.label}
        if self.paid_on and self.invoiced_amount_cents is None:
            errors["paid_on"] = _("Een regel kan pas betaald zijn als er een gefactureerd bedrag is.")
        if self.paid_on and self.invoiced_on and self.paid_on < self.invoiced_on:
            errors["paid_on"] = _("De betaaldatum ligt voor de factuurdatum.")
        if errors:
            raise ValidationError(errors)
