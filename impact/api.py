"""Read-only API for activities, measurements and goals, scoped like the pages (impact.selectors)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from impact import case_selectors, selectors
from impact.models import Activity, Case, Goal, Measurement
from impact.progress import with_progress


class ActivitySerializer(serializers.ModelSerializer):
    districts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    disciplines = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    makers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    themes = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    request = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    reach = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "slug",
            "title",
            "description",
            "role",
            "status",
            "municipality",
            "whole_municipality",
            "districts",
            "disciplines",
            "makers",
            "other_partners",
            "themes",
            "request",
            "starts_on",
            "ends_on",
            "budget_cents",
            "funding_cents",
            "reach",
        ]

    def get_reach(self, activity) -> dict | None:
        reach = getattr(activity, "reach", None)
        if reach is None:
            return None
        return {
            "participants": reach.participants,
            "new_participants": reach.new_participants,
            "visitors": reach.visitors,
            "pupils": reach.pupils,
        }


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.name", read_only=True)
    sdg = serializers.IntegerField(source="indicator.theme.number", read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    activity = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Measurement
        fields = [
            "id",
            "sdg",
            "indicator",
            "unit",
            "activity",
            "district",
            "period_start",
            "period_end",
            "value",
            "evidence",
        ]


class GoalSerializer(serializers.ModelSerializer):
    measured = serializers.SerializerMethodField()
    progress_percent = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Goal
        fields = [
            "id",
            "title",
            "description",
            "period_start",
            "period_end",
            "target",
            "unit",
            "lower_is_better",
            "metric",
            "evidence",
            "municipality",
            "district",
            "measured",
            "progress_percent",
            "status",
        ]

    def _progress(self, goal):
        return self.context.get("progress", {}).get(goal.pk)

    def get_measured(self, goal) -> str | None:
        progress = self._progress(goal)
        return None if progress is None or progress.measured is None else str(progress.measured)

    def get_progress_percent(self, goal) -> int | None:
        progress = self._progress(goal)
        return progress.percent if progress else None

    def get_status(self, goal) -> str | None:
        progress = self._progress(goal)
        return progress.status if progress else None


class ActivityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActivitySerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.visible_activities(self.request.user).order_by("-starts_on", "pk")


class MeasurementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeasurementSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return selectors.visible_measurements(self.request.user).order_by("-period_start", "pk")


class GoalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GoalSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return selectors.visible_goals(self.request.user).order_by("period_end", "pk")

    def get_serializer(self, *args, **kwargs):
        # Progress for the whole page at once: one query per metric, not one per goal.
        if args and not isinstance(args[0], Goal):
            goals = list(args[0])
            args = (goals, *args[1:])
        elif args:
            goals = [args[0]]
        else:
            goals = []
        context = self.get_serializer_context()
        context["progress"] = {p.goal.pk: p for p in with_progress(goals)}
        kwargs["context"] = context
        return self.get_serializer_class()(*args, **kwargs)


class CaseSerializer(serializers.ModelSerializer):
    """A case of the project bank: its own text only; the source request is not exposed."""

    disciplines = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    makers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    tags = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Case
        fields = [
            "slug",
            "title",
            "practice",
            "question",
            "approach",
            "what_worked",
            "what_did_not",
            "costs_cents",
            "disciplines",
            "makers",
            "tags",
            "district",
            "culture_type",
            "internal",
            "status",
            "published_at",
        ]


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("q", str, description="Zoekwoorden (Nederlandse woordvormen).")]
    )
)
class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    """The project bank, scoped like its pages (impact.case_selectors); `?q=` searches it."""

    serializer_class = CaseSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "slug"

    def get_queryset(self):
        if self.action == "list":
            cases = case_selectors.bank_search(self.request.user, q=self.request.query_params.get("q", ""))
        else:
            cases = case_selectors.with_list_parts(case_selectors.visible_cases(self.request.user))
        return cases.prefetch_related("makers")
