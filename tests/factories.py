import factory
from django.contrib.auth.models import Group

from cultuur.models import User
from districts.models import District, DistrictTeamMember, Municipality, PostcodeArea

PASSWORD = "test-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        self.save()
        if extracted:
            # get_or_create: transactional tests flush the groups that the data migration made.
            self.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in extracted))


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    municipality = factory.SubFactory(MunicipalityFactory)


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostcodeArea

    code = factory.Sequence(lambda n: str(1000 + n))
    district = factory.SubFactory(DistrictFactory)


def advisor_in(district: District, **kwargs) -> User:
    user = UserFactory(roles=["advisor"], **kwargs)
    DistrictTeamMember.objects.create(district=district, user=user)
    return user
