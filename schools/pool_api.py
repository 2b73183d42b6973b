"""The pool API: the same scoping (schools.pool) and services as the pages."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from schools import pool, pool_services
from schools.api import SchoolYearField
from schools.models import PoolProposal, PoolTeacher, TeacherAvailability
from schools.selectors import is_icc_of
from schools.services import SchoolsError


class AvailabilitySerializer(serializers.ModelSerializer):
    school_year = SchoolYearField()
    disciplines = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)

    class Meta:
        model = TeacherAvailability
        fields = [
            "school_year",
            "day_parts",
            "hours_per_week",
            "disciplines",
            "grade_min",
            "grade_max",
            "max_schools",
        ]


class PoolTeacherSerializer(serializers.ModelSerializer):
    maker = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    availabilities = AvailabilitySerializer(many=True, read_only=True)

    class Meta:
        model = PoolTeacher
        fields = [
            "id",
            "maker",
            "single_lessons",
            "lesson_series",
            "co_teaching",
            "team_training",
            "is_active",
            "availabilities",
        ]


class PoolTeacherViewSet(viewsets.ReadOnlyModelViewSet):
    """The coordinator reads the whole pool; a maker their own record; others nothing."""

    serializer_class = PoolTeacherSerializer

    def get_queryset(self):
        return (
            pool.pool_teachers_visible_to(self.request.user)
            .prefetch_related("availabilities__disciplines")
            .order_by("maker__name", "pk")
        )


class ProposalSerializer(serializers.ModelSerializer):
    school_year = SchoolYearField(read_only=True)
    teacher = serializers.CharField(source="teacher.maker.name", read_only=True)
    # Plain text, not an enum: several apps have a "status" and the schema must not collide.
    status = serializers.CharField(read_only=True, help_text="proposed, accepted, declined")

    class Meta:
        model = PoolProposal
        fields = [
            "id",
            "teacher",
            "school",
            "school_year",
            "status",
            "score",
            "reasons",
            "note",
            "response_note",
            "proposed_at",
            "responded_at",
        ]
        read_only_fields = fields


class ResponseSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ProposalViewSet(viewsets.ReadOnlyModelViewSet):
    """The coordinator reads the proposals of the schools they see, an ICC their school's, a maker
    their own. The ICC answers with `respond`."""

    serializer_class = ProposalSerializer

    def get_queryset(self):
        return pool.proposals_visible_to(self.request.user).order_by("-school_year", "school__name", "pk")

    @extend_schema(request=ResponseSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"])
    def respond(self, request, pk=None):
        proposal = self.get_object()
        if not is_icc_of(request.user, proposal.school):
            raise PermissionDenied(_("Alleen de ICC van de school reageert op een voorstel."))
        data = ResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            proposal = pool_services.proposal_respond(
                proposal=proposal, by=request.user, **data.validated_data
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except SchoolsError as error:
            raise ValidationError({"detail": str(error)}) from error
        return Response(ProposalSerializer(proposal).data)
