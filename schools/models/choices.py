"""The CMK3 vocabulary (seed 001): culture types, tracks, domains, approaches and principles."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from schools.school_year import FIRST_YEAR, LAST_YEAR

SCHOOL_YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class CultureType(models.TextChoices):
    CONSUMING = "consuming", _("consumerend")
    PARTICIPATING = "participating", _("participerend")
    INTEGRATING = "integrating", _("integrerend")


class CmkTrack(models.IntegerChoices):
    ONE = 1, _("spoor 1 (deed eerder mee aan CMK)")
    TWO = 2, _("spoor 2 (nieuw in CMK)")


class Domain(models.TextChoices):
    TEAM_EXPERTISE = "team_expertise", _("deskundigheid van het team")
    SCHOOL_PROGRAMME = "school_programme", _("schoolprogramma (binnen en buiten)")
    CULTURAL_ENVIRONMENT = "cultural_environment", _("samenwerking met de culturele omgeving")


class Approach(models.TextChoices):
    # The four V's for consuming schools.
    KEEP = "keep", _("vasthouden")
    REDUCE = "reduce", _("verminderen")
    STRENGTHEN = "strengthen", _("versterken")
    RENEW = "renew", _("vernieuwen")
    # Participating schools.
    BROADEN = "broaden", _("verbreden")
    DEEPEN = "deepen", _("verdiepen")
    SUSTAIN = "sustain", _("verduurzamen")
    # Integrating schools.
    CONNECT = "connect", _("verbinden")


APPROACHES_BY_CULTURE_TYPE = {
    CultureType.CONSUMING: {Approach.KEEP, Approach.REDUCE, Approach.STRENGTHEN, Approach.RENEW},
    CultureType.PARTICIPATING: {Approach.BROADEN, Approach.DEEPEN, Approach.SUSTAIN},
    CultureType.INTEGRATING: {Approach.CONNECT},
}


class Principle(models.TextChoices):
    A = "A", _("A. Samenwerking tussen onderwijs en de culturele omgeving")
    B = "B", _("B. Kansengelijkheid bevorderen")
    C = "C", _("C. Aansluiten op curriculumvernieuwing")
    D = "D", _("D. Cultuureducatie geïntegreerd met andere vakken")
    E = "E", _("E. Professionalisering")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    SUBMITTED = "submitted", _("ingediend")
    AGREED = "agreed", _("akkoord")
    SENT_BACK = "sent_back", _("teruggestuurd")


# The ICC may change a plan only while it is a draft or after it was sent back (schools.workflow).
EDITABLE_PLAN_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.SENT_BACK})


class ContactKind(models.TextChoices):
    VISIT = "visit", _("schoolbezoek")
    MEETING = "meeting", _("overleg met directie en ICC")
    PHONE = "phone", _("telefoon")
    EMAIL = "email", _("e-mail")
    VIDEO = "video", _("videogesprek")
    NETWORK = "network", _("ICC-netwerk")


class PdcaPhase(models.TextChoices):
    PLAN = "plan", _("plan")
    DO = "do", _("do (uitvoeren)")
    CHECK = "check", _("check (evalueren)")
    ACT = "act", _("act (bijstellen)")


class Realised(models.TextChoices):
    YES = "yes", _("ja")
    PARTLY = "partly", _("deels")
    NO = "no", _("nee")


class Development(models.TextChoices):
    BROADENED = "broadened", _("verbreed")
    DEEPENED = "deepened", _("verdiept")
    SUSTAINED = "sustained", _("verduurzaamd")
    NONE = "none", _("(nog) niet")
