import datetime
from decimal import Decimal

import factory

from impact.models import Activity, ActivityRole, Goal, ImpactTheme, Indicator, Measurement, Reach
from tests.factories import DistrictFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    role = ActivityRole.PRODUCED
    starts_on = datetime.date(2025, 3, 1)
    municipality = factory.LazyAttribute(lambda o: None)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if extracted:
            self.districts.set(extracted)
            if self.municipality_id is None:
                self.municipality = extracted[0].municipality
                self.save(update_fields=["municipality"])


class ReachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reach

    activity = factory.SubFactory(ActivityFactory)
    participants = 20
    new_participants = 5
    visitors = 100
    pupils = 0


def theme(number: int) -> ImpactTheme:
    return ImpactTheme.objects.get(number=number)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    theme = factory.LazyFunction(lambda: ImpactTheme.objects.get(number=4))
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "deelnemers"
    value_per_unit_cents = 12_50
    value_source = "Maatschappelijke kosten-batenanalyse cultuurparticipatie"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    district = factory.SubFactory(DistrictFactory)
    period_start = datetime.date(2025, 1, 1)
    period_end = datetime.date(2025, 6, 30)
    value = Decimal("10")
    evidence = "Telling presentielijsten"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    title = factory.Sequence(lambda n: f"Doelstelling {n}")
    period_start = datetime.date(2025, 1, 1)
    period_end = datetime.date(2025, 12, 31)
    target = Decimal("4")


class CaseFactory(factory.django.DjangoModelFactory):
    """A published, public case of the project bank (impact.models.cases)."""

    class Meta:
        model = "impact.Case"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    slug = factory.Sequence(lambda n: f"praktijkvoorbeeld-{n}")
    question = "Een buurtcentrum zocht iets voor de jongeren in de wijk."
    approach = "Drie middagen workshops met een docent, daarna een optreden."
    what_worked = "Vaste tijden en een bekende plek."
    status = "published"
    published_at = factory.LazyFunction(lambda: datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC))

    @factory.post_generation
    def disciplines(self, create, extracted, **kwargs):
        if extracted:
            self.disciplines.set(extracted)

    @factory.post_generation
    def makers(self, create, extracted, **kwargs):
        if extracted:
            self.makers.set(extracted)
