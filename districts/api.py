from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError

from cultuur.errors import DomainError
from districts import services
from districts.models import CultureProfile, District, DistrictGrant, Partner
from districts.selectors import can_edit_district, district_overview, districts_visible_to, is_staffed


class CultureProfileSerializer(serializers.ModelSerializer):
    updated_by = serializers.StringRelatedField()

    class Meta:
        model = CultureProfile
        fields = [*CultureProfile.TEXT_FIELDS, "updated_at", "updated_by"]


class DistrictSerializer(serializers.ModelSerializer):
    municipality = serializers.StringRelatedField()
    postcodes = serializers.SerializerMethodField()
    advisors = serializers.SerializerMethodField()
    staffed = serializers.SerializerMethodField()
    # A district without a culture profile yet answers `null`, and the schema must say so.
    profile = CultureProfileSerializer(read_only=True, default=None, allow_null=True)

    class Meta:
        model = District
        fields = [
            "id",
            "name",
            "slug",
            "municipality",
            "is_central_intake",
            "postcodes",
            "advisors",
            "staffed",
            "profile",
        ]

    def get_postcodes(self, obj) -> list[str]:
        return [area.code for area in obj.postcode_areas.all()]

    def get_advisors(self, obj) -> list[str]:
        return [str(member.user) for member in obj.team_members.all()]

    def get_staffed(self, obj) -> bool:
        return is_staffed(obj)


class DistrictViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DistrictSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return district_overview(self.request.user).select_related("profile", "profile__updated_by")


class DistrictScopedMixin:
    """Lists only what lies in the caller's districts; writes only by that district's advisors."""

    def district_from(self, value) -> District:
        district = districts_visible_to(self.request.user).filter(pk=getattr(value, "pk", value)).first()
        if district is None:
            raise ValidationError({"district": _("Onbekende wijk.")})
        if not can_edit_district(self.request.user, district):
            raise PermissionDenied(_("Alleen de adviseurs van deze wijk mogen dit wijzigen."))
        return district


class PartnerSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="slug", queryset=District.objects.all())

    class Meta:
        model = Partner
        fields = ["id", "district", "name", "kind", "contact_person", "notes", "updated_at"]


class PartnerViewSet(DistrictScopedMixin, viewsets.ModelViewSet):
    serializer_class = PartnerSerializer
    filterset_fields = ["district__slug", "kind"]

    def get_queryset(self):
        return Partner.objects.filter(district__in=districts_visible_to(self.request.user)).select_related(
            "district"
        )

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        district = self.district_from(data.pop("district"))
        serializer.instance = services.partner_save(district=district, by=self.request.user, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("district", None)
        district = self.district_from(serializer.instance.district)
        serializer.instance = services.partner_save(
            district=district, partner=serializer.instance, by=self.request.user, **data
        )

    def perform_destroy(self, instance):
        self.district_from(instance.district)
        services.partner_delete(partner=instance, by=self.request.user)


class GrantSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(
        slug_field="slug", queryset=District.objects.all(), source="budget.district"
    )
    decided_by = serializers.StringRelatedField(read_only=True)
    amount_cents = serializers.IntegerField(min_value=1, max_value=10_000_000)

    class Meta:
        model = DistrictGrant
        fields = [
            "id",
            "district",
            "initiative",
            "amount_cents",
            "granted_on",
            "linked_to",
            "decided_by",
            "over_budget_reason",
        ]


class GrantViewSet(DistrictScopedMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = GrantSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["budget__district__slug", "budget__year"]

    def get_queryset(self):
        return DistrictGrant.objects.filter(
            budget__district__in=districts_visible_to(self.request.user)
        ).select_related("budget__district", "decided_by")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        district = self.district_from(data.pop("budget")["district"])
        try:
            serializer.instance = services.grant_create(district=district, by=self.request.user, **data)
        except DomainError as error:
            raise ValidationError({"non_field_errors": [error.message]}) from error
