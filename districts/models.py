from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The seeds: a district team has at least two advisors.
STAFFED_MINIMUM = 2


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, blank=True, help_text=_("Bijvoorbeeld GM0479."))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self):
        return self.name


class District(models.Model):
    """A district (wijk, gebied) with its own team. The central intake takes what routes nowhere else."""

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="districts",
        null=True,
        blank=True,
    )
    is_central_intake = models.BooleanField(
        _("centrale intake"),
        default=False,
        help_text=_("Vragen met een onbekende postcode komen hier binnen."),
    )
    advisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="DistrictTeamMember",
        related_name="districts",
        verbose_name=_("adviseurs"),
    )

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_central_intake"], condition=Q(is_central_intake=True), name="one_central_intake"
            ),
            models.CheckConstraint(
                condition=Q(municipality__isnull=False) | Q(is_central_intake=True),
                name="district_has_municipality_unless_central",
            ),
            models.UniqueConstraint(
                fields=["municipality", "name"], name="unique_district_name_per_municipality"
            ),
        ]

    def __str__(self):
        return self.name


class PostcodeArea(models.Model):
    """A 4-digit postcode area belongs to exactly one district."""

    code = models.CharField(
        _("postcodegebied"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[1-9][0-9]{3}$", _("Vier cijfers, bijvoorbeeld 1503."))],
    )
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="postcode_areas")

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["code"]

    def __str__(self):
        return self.code


class DistrictTeamMember(models.Model):
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    since = models.DateField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("lid van het wijkteam")
        verbose_name_plural = _("wijkteam")
        constraints = [models.UniqueConstraint(fields=["district", "user"], name="unique_team_member")]

    def __str__(self):
        return f"{self.user} – {self.district}"


class CultureProfile(models.Model):
    """What the district team knows of the district (seed 000: "ieder wijk heeft zijn eigen vingerafdruk")."""

    district = models.OneToOneField(District, on_delete=models.CASCADE, related_name="profile")
    character = models.TextField(_("karakter van de wijk"), blank=True)
    informal_structures = models.TextField(_("informele structuren"), blank=True)
    warm_relations = models.TextField(_("warme relaties"), blank=True)
    networks = models.TextField(_("netwerken om bij aan te sluiten"), blank=True)
    facilities = models.TextField(_("voorzieningen en locaties"), blank=True)
    cultural_needs = models.TextField(_("gehoorde culturele behoeften"), blank=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    TEXT_FIELDS = [
        "character",
        "informal_structures",
        "warm_relations",
        "networks",
        "facilities",
        "cultural_needs",
    ]

    class Meta:
        verbose_name = _("cultuurprofiel")
        verbose_name_plural = _("cultuurprofielen")

    def __str__(self):
        return str(self.district)


class Partner(models.Model):
    class Kind(models.TextChoices):
        CULTURAL = "cultural", _("culturele organisatie")
        SOCIAL = "social", _("maatschappelijke organisatie")
        INITIATIVE = "initiative", _("bewonersinitiatief")
        SCHOOL = "school", _("school of kinderopvang")
        MUNICIPAL = "municipal", _("gemeente of wijkteam")
        BUSINESS = "business", _("ondernemer")
        OTHER = "other", _("anders")

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    contact_person = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    # Where the half-yearly invitation to report progress on strategy agreements goes (impact).
    email = models.EmailField(_("e-mailadres"), blank=True)
    notes = models.TextField(_("notities"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProfileEdit(models.Model):
    """Append-only history: who changed which part of a district's profile, partners or budget, and when."""

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="edits")
    action = models.CharField(max_length=60)  # dotted, e.g. districts.profile.changed
    section = models.CharField(_("onderdeel"), max_length=60)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.action} {self.section}"


class DistrictBudget(models.Model):
    """The district culture budget for one year (seed 003: EUR 5,000 per district per year)."""

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount_cents = models.PositiveIntegerField(_("bedrag (centen)"))

    class Meta:
        verbose_name = _("wijkbudget")
        verbose_name_plural = _("wijkbudgetten")
        constraints = [
            models.UniqueConstraint(fields=["district", "year"], name="one_budget_per_district_year")
        ]

    def __str__(self):
        return f"{self.district} {self.year}"


class DistrictGrant(models.Model):
    """A grant from the district budget to a local initiative."""

    budget = models.ForeignKey(DistrictBudget, on_delete=models.PROTECT, related_name="grants")
    initiative = models.CharField(_("initiatief"), max_length=200)
    amount_cents = models.PositiveIntegerField(_("bedrag (centen)"))
    granted_on = models.DateField(_("datum"))
    # A request reference (CV-2026-00042) or activity, kept as text: districts sit below those apps.
    linked_to = models.CharField(_("gekoppelde vraag of activiteit"), max_length=200, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    over_budget_reason = models.TextField(_("reden voor overschrijding"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wijkbijdrage")
        verbose_name_plural = _("wijkbijdragen")
        ordering = ["-granted_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(amount_cents__gt=0), name="grant_amount_positive")]

    def __str__(self):
        return self.initiative
