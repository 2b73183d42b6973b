"""Read-only API for activities, measurements and goals, scoped like the pages (impact.selectors)."""

from rest_framework import permissions, serializers, viewsets

from impact import selectors
from impact.models import Activity, Goal, Measurement
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
