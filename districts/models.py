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
