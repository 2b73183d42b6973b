import datetime

import factory

from makers.models import CoCreation, Course, Discipline, Maker, PublicationStatus, Venue, VenueBooking
from tests.factories import DistrictFactory, UserFactory


def discipline(slug: str = "dans") -> Discipline:
    """The disciplines are rows from the data migration; tests use those."""
    return Discipline.objects.get(slug=slug)


class MakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Maker
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Maker {n}")
    slug = factory.Sequence(lambda n: f"maker-{n}")
    short_description = "Workshops voor jong en oud."
    status = PublicationStatus.PUBLISHED
    rate_per_hour_cents = 7500

    @factory.post_generation
    def disciplines(self, create, extracted, **kwargs):
        if create and extracted:
            self.disciplines.set(extracted)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


class OwnedMakerFactory(MakerFactory):
    user = factory.SubFactory(UserFactory, roles=["maker"])


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Zaal {n}")
    slug = factory.Sequence(lambda n: f"zaal-{n}")
    kind = Venue.Kind.HALL
    street = "Hoogstraat 1"
    postcode = "1506 AA"
    city = "Zaandam"
    district = factory.SubFactory(DistrictFactory)
    capacity = 40
    hourly_rate_cents = 2500
    is_published = True


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Cursus {n}")
    slug = factory.Sequence(lambda n: f"cursus-{n}")
    description = "Tien lessen voor beginners."
    maker = factory.SubFactory(MakerFactory)
    discipline = factory.LazyFunction(lambda: discipline("muziek"))
    age_min = 8
    age_max = 12
    venue = factory.SubFactory(VenueFactory)
    price_cents = 9500
    reduced_price_cents = 2500
    capacity = 12
    places_left = 5
    status = PublicationStatus.PUBLISHED


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VenueBooking

    venue = factory.SubFactory(VenueFactory)
    date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=7))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(12, 0)
    purpose = "Repetitie koor"
    contact_name = "Anna de Vries"
    contact_email = "anna@example.org"


class CoCreationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoCreation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Co-creatie {n}")
    slug = factory.Sequence(lambda n: f"co-creatie-{n}")
    description = "Scholen en makers maken samen lesmateriaal."
    reusable_material = "Lesbrieven en filmpjes."
    status = CoCreation.Status.DRAFT

    @factory.post_generation
    def makers(self, create, extracted, **kwargs):
        if create and extracted:
            self.makers.set(extracted)


class QualityMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "makers.QualityMark"

    maker = factory.SubFactory(MakerFactory)
    kind = "cultuurkeur"
    issuer = "Cultuurconnectie"
    issued_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=365))
    expires_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=365))
    verified_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
