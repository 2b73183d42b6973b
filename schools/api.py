"""The schools API: the same scoping as the pages (visible_schools), the same services for writes."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from cultuur.paging import CappedPaginator
from schools import budget, selectors, services
from schools.models import Ambition, BudgetLine, CmkPlan, Milestone, MonitoringEntry, School
from schools.school_year import SchoolYear


def _call(fn):
    try:
        return fn()
    except DjangoValidationError as error:
        # Always an object (never a bare list), the shape the schema documents for a 400.
        raise ValidationError(
            error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        ) from error
    except services.SchoolsError as error:
        raise ValidationError({"detail": str(error)}) from error


@extend_schema_field(OpenApiTypes.STR)
class SchoolYearField(serializers.Field):
    default_error_messages = {"invalid": _("Een schooljaar als 2025-2026.")}

    def to_representation(self, value):
        return SchoolYear(value).label

    def to_internal_value(self, data):
        try:
            return SchoolYear.parse(str(data)).start_year
        except ValueError:
            self.fail("invalid")


class SchoolSerializer(serializers.ModelSerializer):
    board = serializers.StringRelatedField()
    municipality = serializers.StringRelatedField()
    district = serializers.StringRelatedField()
    account_holder = serializers.StringRelatedField()
    culture_types = serializers.SerializerMethodField()

    class Meta:
        model = School
        fields = [
            "id",
            "name",
            "brin_code",
            "board",
            "municipality",
            "district",
            "class_groups",
            "pupils",
            "cmk_track",
            "certified_icc",
            "has_culture_policy",
            "account_holder",
            "culture_types",
        ]

    def get_culture_types(self, obj) -> dict[str, str]:
        return {record.year.label: record.culture_type for record in obj.culture_types.all()}


class SchoolViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SchoolSerializer

    def get_queryset(self):
        return selectors.visible_schools(self.request.user).prefetch_related("culture_types").order_by("name")


class AmbitionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ambition
        fields = ["id", "domain", "approach", "principles", "description", "success_indicators"]


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_date"]


class CmkPlanSerializer(serializers.ModelSerializer):
    school_year = SchoolYearField()
    # Plain text, not an enum: several apps have a "status" and the schema must not collide.
    status = serializers.CharField(read_only=True, help_text="draft, submitted, agreed, sent_back")
    ambitions = AmbitionSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = CmkPlan
        fields = [
            "id",
            "school",
            "school_year",
            "status",
            "vision",
            "review_comments",
            "submitted_at",
            "agreed_at",
            "ambitions",
            "milestones",
        ]


class SendBackSerializer(serializers.Serializer):
    comments = serializers.CharField(max_length=5000)


class CmkPlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Plans, read like the pages; the workflow steps are POST actions through the same services."""

    serializer_class = CmkPlanSerializer
    filterset_fields = ["school", "status"]

    def _step(self, call):
        plan = self.get_object()
        plan = _call(lambda: call(plan))
        return Response(self.get_serializer(self.get_queryset().get(pk=plan.pk)).data)

    @extend_schema(request=None, responses=CmkPlanSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(lambda plan: services.plan_submit(plan=plan, by=request.user))

    @extend_schema(request=None, responses=CmkPlanSerializer)
    @action(detail=True, methods=["post"])
    def agree(self, request, pk=None):
        return self._step(lambda plan: services.plan_agree(plan=plan, by=request.user))

    @extend_schema(request=SendBackSerializer, responses=CmkPlanSerializer)
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        # Out of scope answers 404 and without the right 403, before the body is looked at.
        if not selectors.is_account_holder(request.user, self.get_object().school):
            raise PermissionDenied
        data = SendBackSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comments = data.validated_data["comments"]
        return self._step(lambda plan: services.plan_send_back(plan=plan, comments=comments, by=request.user))

    def get_queryset(self):
        return (
            selectors.visible_plans(self.request.user)
            .prefetch_related(
                Prefetch("ambitions", queryset=Ambition.objects.order_by("domain", "pk")),
                Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "pk")),
            )
            .order_by("school__name", "-school_year")
        )


class BudgetLineSerializer(serializers.ModelSerializer):
    school_year = SchoolYearField()
    below_fair_practice = serializers.SerializerMethodField()

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "school",
            "school_year",
            "description",
            "maker",
            "co_creation",
            "planned_date",
            "hours",
            "hourly_rate_cents",
            "fixed_amount_cents",
            "planned_amount_cents",
            "invoiced_amount_cents",
            "invoiced_on",
            "paid_on",
            "below_fair_practice",
        ]
        read_only_fields = ["planned_amount_cents"]
        # The model's full_clean (in the service) checks the combination; here only the shape.
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            # Another school's id is "does not exist" to this caller, as in the pages.
            self.fields["school"].queryset = selectors.visible_schools(request.user)
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            self.fields["school"].read_only = True
            self.fields["school_year"].read_only = True

    def get_below_fair_practice(self, obj) -> bool:
        return budget.below_fair_practice(obj)


class CappedPagination(PageNumberPagination):
    """`count` stops at cultuur.paging.COUNT_CAP instead of counting every visible line."""

    django_paginator_class = CappedPaginator


class BudgetLineViewSet(viewsets.ModelViewSet):
    serializer_class = BudgetLineSerializer
    filterset_fields = ["school", "school_year"]
    pagination_class = CappedPagination

    def get_queryset(self):
        # In the order of the (school, school_year, planned_date, id) index: a page is a slice of
        # it. "school_id", not "school": that would order by the school's name (School's default
        # ordering) and sort every visible line for each page.
        return selectors.budget_lines_for_page(self.request.user).order_by(
            "school_id", "school_year", "planned_date", "pk"
        )

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        school = data.pop("school")
        year = SchoolYear(data.pop("school_year"))
        serializer.instance = _call(
            lambda: services.budget_line_create(school=school, year=year, by=self.request.user, **data)
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = _call(
            lambda: services.budget_line_update(line=serializer.instance, by=self.request.user, **data)
        )

    def perform_destroy(self, instance):
        _call(lambda: services.budget_line_delete(line=instance, by=self.request.user))


class MonitoringEntrySerializer(serializers.ModelSerializer):
    school_year = SchoolYearField(read_only=True)
    author = serializers.StringRelatedField()

    class Meta:
        model = MonitoringEntry
        fields = [
            "id",
            "school",
            "school_year",
            "date",
            "contact_kind",
            "phase",
            "notes",
            "solution_realised",
            "development",
            "could_be_better",
            "next_step",
            "shared_with_school",
            "author",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["school"].queryset = selectors.visible_schools(request.user)


class MonitoringEntryViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MonitoringEntrySerializer
    filterset_fields = ["school", "phase"]

    def get_queryset(self):
        return selectors.visible_monitoring(self.request.user).order_by("school__name", "-date", "-pk")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        school = data.pop("school")
        serializer.instance = _call(
            lambda: services.monitoring_entry_create(school=school, by=self.request.user, **data)
        )
