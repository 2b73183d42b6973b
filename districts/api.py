from rest_framework import serializers, viewsets

from districts.models import District
from districts.selectors import district_overview, is_staffed


class DistrictSerializer(serializers.ModelSerializer):
    municipality = serializers.StringRelatedField()
    postcodes = serializers.SerializerMethodField()
    advisors = serializers.SerializerMethodField()
    staffed = serializers.SerializerMethodField()

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
        return district_overview(self.request.user)
