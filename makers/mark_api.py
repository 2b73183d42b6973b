"""The quality-marks API: read through the same scoping as the pages (marks_visible_to)."""

from rest_framework import serializers, viewsets

from makers import marks
from makers.models import QualityMark


class QualityMarkSerializer(serializers.ModelSerializer):
    maker = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    label = serializers.CharField(read_only=True)
    verified = serializers.SerializerMethodField()
    in_force = serializers.SerializerMethodField()

    class Meta:
        model = QualityMark
        fields = [
            "id",
            "maker",
            "kind",
            "label",
            "issuer",
            "issued_on",
            "expires_on",
            "certificate_reference",
            "certificate_url",
            "verified",
            "in_force",
        ]

    def get_verified(self, obj) -> bool:
        return obj.is_verified

    def get_in_force(self, obj) -> bool:
        return obj.is_in_force()


class QualityMarkViewSet(viewsets.ReadOnlyModelViewSet):
    """Staff read every mark; a maker their own and the public ones; others the public ones."""

    serializer_class = QualityMarkSerializer

    def get_queryset(self):
        return marks.marks_visible_to(self.request.user).order_by("maker__name", "kind", "pk")
