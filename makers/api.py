"""The directory API: anyone reads what is published; staff and the owning maker write.

Reads go through the same scoping selectors and filters as the pages."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from cultuur.api_pagination import KeysetPagination
from cultuur.roles import Role, has_role
from districts.models import District
from makers import selectors, services
from makers.filters import CoCreationFilter, CourseFilter, MakerFilter, VenueFilter
from makers.models import CoCreation, Course, Discipline, Language, Maker, TargetGroup, Venue
from makers.slugs import unique_slug


@extend_schema_field(OpenApiTypes.STR)
class PlainChoiceField(serializers.ChoiceField):
    """Several models have a `status` and a `kind` with their own choices: as plain strings in the
    schema they do not collide (the choices are listed in the field description)."""


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class FacetValueField(serializers.Field):
    """A slug or code, or a choice's value (the weekday is a number)."""

    def to_representation(self, value):
        return value


class FacetOptionSerializer(serializers.Serializer):
    value = FacetValueField()
    label = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text="null: too many matches to count")
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    """One filter of the list with the options that have matches (see MakerFilter.facets)."""

    name = serializers.CharField()
    label = serializers.CharField()
    options = FacetOptionSerializer(many=True)


class DirectoryPermission(permissions.BasePermission):
    """Reading is public. Writing needs a maker account or a staff role; the object decides the rest."""

    message = "Alleen de eigenaar of een medewerker mag dit wijzigen."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return bool(
            user.is_authenticated and (has_role(user, Role.MAKER) or selectors.is_directory_editor(user))
        )


class _DirectoryViewSet(viewsets.ModelViewSet):
    lookup_field = "slug"
    pagination_class = KeysetPagination
    permission_classes = [DirectoryPermission]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    # The facets are a plain list, not a page of the list's items.
    @extend_schema(responses=FacetSerializer(many=True))
    @action(detail=False, pagination_class=None)
    def facets(self, request):
        """The facet counts for the same filters as the list."""
        filterset = self.filterset_class(request.GET, queryset=self.get_queryset(), request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return Response(filterset.facets())

    def _run(self, write):
        try:
            return write()
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except services.DirectoryError as error:
            raise ValidationError({"detail": str(error)}) from error
        except DjangoValidationError as error:
            raise ValidationError(
                getattr(error, "message_dict", {"non_field_errors": error.messages})
            ) from error


# --- Makers -----------------------------------------------------------------------------------


class MakerSerializer(serializers.ModelSerializer):
    disciplines = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Discipline.objects.all()
    )
    districts = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=District.objects.all(), required=False
    )
    target_groups = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=TargetGroup.objects.all(), required=False
    )
    languages = serializers.SlugRelatedField(
        many=True, slug_field="code", queryset=Language.objects.all(), required=False
    )
    kind = PlainChoiceField(choices=Maker.Kind.choices, required=False)
    status = PlainChoiceField(choices=Maker.Status.choices, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Maker
        fields = [
            "slug",
            "url",
            "name",
            "kind",
            "disciplines",
            "short_description",
            "description",
            "photo",
            "photo_alt",
            "districts",
            "whole_municipality",
            "target_groups",
            "age_min",
            "age_max",
            "languages",
            "works_in_education",
            "education_experience",
            "rate_per_hour_cents",
            "rate_per_day_part_cents",
            "website",
            "contact_preference",
            "status",
        ]
        read_only_fields = ["slug", "url", "photo", "status"]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class MakerViewSet(_DirectoryViewSet):
    serializer_class = MakerSerializer
    filterset_class = MakerFilter

    def get_queryset(self):
        if self.action in ("list", "facets"):
            return selectors.published_makers()
        return selectors.makers_visible_to(self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        m2m = {
            name: data.pop(name, []) for name in ("disciplines", "districts", "target_groups", "languages")
        }
        maker = Maker(**data, slug=unique_slug(Maker, data["name"]))
        serializer.instance = self._run(
            lambda: services.maker_save(maker=maker, m2m=m2m, by=self.request.user)
        )

    def perform_update(self, serializer):
        maker = serializer.instance
        if not selectors.can_edit_maker(self.request.user, maker):
            raise PermissionDenied("Je kunt alleen je eigen profiel bewerken.")
        data = dict(serializer.validated_data)
        m2m = {
            name: data.pop(name)
            for name in ("disciplines", "districts", "target_groups", "languages")
            if name in data
        }
        for name, value in data.items():
            setattr(maker, name, value)
        serializer.instance = self._run(
            lambda: services.maker_save(maker=maker, m2m=m2m, by=self.request.user)
        )

    @action(detail=True, methods=["post"])
    def submit(self, request, slug=None):
        maker = self.get_object()
        self._run(lambda: services.maker_submit(maker=maker, by=request.user))
        return Response(self.get_serializer(maker).data)


# --- Courses ----------------------------------------------------------------------------------


class CourseSerializer(serializers.ModelSerializer):
    maker = serializers.SlugRelatedField(
        slug_field="slug", queryset=Maker.objects.all(), allow_null=True, required=False
    )
    discipline = serializers.SlugRelatedField(slug_field="slug", queryset=Discipline.objects.all())
    venue = serializers.SlugRelatedField(
        slug_field="slug", queryset=Venue.objects.all(), allow_null=True, required=False
    )
    status = PlainChoiceField(choices=Course.Status.choices, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Course
        fields = [
            "slug",
            "url",
            "title",
            "description",
            "maker",
            "discipline",
            "age_min",
            "age_max",
            "level",
            "first_date",
            "last_date",
            "weekday",
            "start_time",
            "end_time",
            "sessions",
            "venue",
            "price_cents",
            "reduced_price_cents",
            "capacity",
            "places_left",
            "how_to_register",
            "registration_url",
            "status",
        ]
        read_only_fields = ["slug", "url", "status"]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class CourseViewSet(_DirectoryViewSet):
    serializer_class = CourseSerializer
    filterset_class = CourseFilter

    def get_queryset(self):
        if self.action in ("list", "facets"):
            return selectors.published_courses()
        return selectors.courses_visible_to(self.request.user)

    def _save(self, course):
        return self._run(lambda: services.course_save(course=course, by=self.request.user))

    def perform_create(self, serializer):
        data = serializer.validated_data
        course = Course(**data, slug=unique_slug(Course, data["title"]))
        if course.maker is None and not selectors.is_directory_editor(self.request.user):
            raise PermissionDenied("Kies het profiel waar deze cursus bij hoort.")
        serializer.instance = self._save(course)

    def perform_update(self, serializer):
        course = serializer.instance
        if not selectors.can_edit_course(self.request.user, course):
            raise PermissionDenied("Je kunt alleen je eigen cursussen bewerken.")
        for name, value in serializer.validated_data.items():
            setattr(course, name, value)
        serializer.instance = self._save(course)

    @action(detail=True, methods=["post"])
    def submit(self, request, slug=None):
        course = self.get_object()
        self._run(lambda: services.course_submit(course=course, by=request.user))
        return Response(self.get_serializer(course).data)


# --- Venues and co-creations --------------------------------------------------------------------


class VenueSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="slug", queryset=District.objects.all())
    maker = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind = PlainChoiceField(choices=Venue.Kind.choices)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Venue
        fields = [
            "slug",
            "url",
            "name",
            "kind",
            "description",
            "street",
            "postcode",
            "city",
            "district",
            "maker",
            "capacity",
            "has_sound",
            "has_light",
            "has_instruments",
            "has_tools",
            "step_free",
            "hourly_rate_cents",
            "is_published",
        ]
        read_only_fields = ["slug", "url", "maker"]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class VenueViewSet(_DirectoryViewSet):
    serializer_class = VenueSerializer
    filterset_class = VenueFilter

    def get_queryset(self):
        if self.action in ("list", "facets"):
            return selectors.published_venues()
        return selectors.venues_visible_to(self.request.user)

    def perform_create(self, serializer):
        if not selectors.is_directory_editor(self.request.user):
            raise PermissionDenied("Alleen medewerkers kunnen een locatie toevoegen.")
        serializer.save(slug=unique_slug(Venue, serializer.validated_data["name"]))

    def perform_update(self, serializer):
        if not selectors.venues_editable_by(self.request.user).filter(pk=serializer.instance.pk).exists():
            raise PermissionDenied("Je kunt alleen je eigen locaties bewerken.")
        if "is_published" in serializer.validated_data and not selectors.is_directory_editor(
            self.request.user
        ):
            raise PermissionDenied("Alleen medewerkers publiceren een locatie.")
        serializer.save()


class CoCreationSerializer(serializers.ModelSerializer):
    makers = serializers.SerializerMethodField()
    disciplines = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)
    status = PlainChoiceField(choices=CoCreation.Status.choices, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = CoCreation
        fields = [
            "slug",
            "url",
            "title",
            "description",
            "reusable_material",
            "material_url",
            "makers",
            "disciplines",
            "status",
            "started_on",
        ]

    def get_makers(self, obj) -> list[str]:
        # Only published makers are prefetched (see selectors), so drafts never leak through here.
        return [maker.slug for maker in obj.makers.all()]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class CoCreationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = CoCreationSerializer
    filterset_class = CoCreationFilter
    lookup_field = "slug"
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        if self.action in ("list", "facets"):
            return selectors.published_cocreations()
        return selectors.cocreations_visible_to(self.request.user)
