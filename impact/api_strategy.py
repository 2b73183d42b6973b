"""Read-only API of strategy cards, agreements (managers) and risks (scoped like the pages)."""

from rest_framework import permissions, serializers, viewsets

from impact import risks, strategy
from impact.models import Agreement, Risk, StrategyCard


class AgreementSerializer(serializers.ModelSerializer):
    card = serializers.SlugRelatedField(slug_field="number", read_only=True)
    partner = serializers.CharField(source="partner.name", read_only=True, default=None)

    class Meta:
        model = Agreement
        fields = ["id", "card", "title", "partner", "who", "what", "when", "deadline", "how", "status"]


class StrategyCardSerializer(serializers.ModelSerializer):
    class Meta:
        model = StrategyCard
        fields = ["number", "title", "theme", "ambition"]


class RiskSerializer(serializers.ModelSerializer):
    score = serializers.IntegerField(read_only=True)
    level = serializers.CharField(read_only=True)
    school = serializers.CharField(source="plan.school.name", read_only=True, default=None)

    class Meta:
        model = Risk
        fields = [
            "id",
            "title",
            "description",
            "goal",
            "plan",
            "school",
            "likelihood",
            "impact",
            "score",
            "level",
            "measure",
            "review_on",
            "status",
        ]


class StrategyCardViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = StrategyCardSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "number"

    def get_queryset(self):
        return strategy.visible_cards(self.request.user)


class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AgreementSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return strategy.visible_agreements(self.request.user).order_by("card__number", "pk")


class RiskViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RiskSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return risks.visible_risks(self.request.user).order_by("review_on", "pk")
