import datetime

import factory

from districts.models import Partner
from impact.models import Agreement, Risk, StrategyCard, ThemeBudget
from tests.factories import DistrictFactory
from tests.impact.factories import GoalFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = "cultural"
    email = factory.Sequence(lambda n: f"partner{n}@example.org")


class StrategyCardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategyCard
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n % 90 + 1)
    title = factory.Sequence(lambda n: f"Kaart {n}")
    ambition = "In 2027 wordt in de hele stad lokaal cultuur geprogrammeerd."


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    card = factory.SubFactory(StrategyCardFactory)
    title = factory.Sequence(lambda n: f"Afspraak {n}")
    partner = factory.SubFactory(PartnerFactory)
    what = "Een cultureel werker per wijk."
    when = "2023-2026"
    how = "Inzet van 1,32 fte."
    status = "running"


class ThemeBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeBudget

    card = factory.SubFactory(StrategyCardFactory)
    year = 2025
    amount_cents = 30_000_00


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    goal = factory.SubFactory(GoalFactory)
    plan = None
    title = factory.Sequence(lambda n: f"Risico {n}")
    likelihood = 3
    impact = 3
    review_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
