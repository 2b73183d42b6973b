"""The requests API: the board's rows scoped by role; status changes through the same service."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cultuur.api_pagination import KeysetPagination
from cultuur.audit import audit_record
from requests import selectors, services
from requests.filters import RequestFilter
from requests.models import AgeGroup, CultureRequest, Message
from requests.workflow import Status


class CultureRequestSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district.name", read_only=True)
    owner = serializers.SerializerMethodField()
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = CultureRequest
        fields = [
            "reference",
            "status",
            "status_display",
            "requester_kind",
            "requester_name",
            "requester_email",
            "requester_phone",
            "organisation",
            "postcode",
            "district",
            "district_id",
            "owner",
            "question",
            "age_group",
            "group_size",
            "timing",
            "budget_cents",
            "barriers",
            "contact_language",
            "created_at",
            "last_action_at",
            "first_contact_at",
            "norm_deadline",
            "reopened_at",
            "version",
        ]
        read_only_fields = fields

    def get_owner(self, obj) -> str | None:
        return (obj.owner.get_full_name() or obj.owner.email) if obj.owner else None


class VersionedSerializer(serializers.Serializer):
    # The version the client read (optimistic locking); or send it as `If-Match: "<version>"`.
    version = serializers.IntegerField(required=False, min_value=1)


class StatusChangeSerializer(VersionedSerializer):
    to = serializers.ChoiceField(choices=Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class AssignSerializer(VersionedSerializer):
    pass


class DetailsSerializer(VersionedSerializer):
    """The intake details an advisor corrects (requests.services.DETAIL_FIELDS); all optional."""

    age_group = serializers.ChoiceField(
        choices=[("", "–"), *AgeGroup.choices], required=False, allow_blank=True
    )
    group_size = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=100000)
    timing = serializers.CharField(required=False, allow_blank=True, max_length=200)
    budget_cents = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=10**9)


def etag(culture_request: CultureRequest) -> str:
    return f'"{culture_request.version}"'


def expected_version(request, validated: dict) -> int | None:
    """From the body's `version`, else from If-Match (a quoted or bare number); None: unchecked."""
    if validated.get("version") is not None:
        return validated["version"]
    header = request.headers.get("If-Match", "").strip()
    if header.startswith("W/"):
        header = header[2:]
    header = header.strip('"')
    if not header or header == "*":
        return None
    if not header.isdigit():
        raise serializers.ValidationError({"version": [_("If-Match moet een versienummer zijn.")]})
    return int(header)


def conflict(error) -> Response:
    return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)


class MessageSendSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)
    waiting = serializers.BooleanField(
        required=False, default=False, help_text=_("Wacht op antwoord van de vraagsteller")
    )


class MessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Message
        fields = ["id", "direction", "body", "created_at"]
        read_only_fields = fields


class CultureRequestViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CultureRequestSerializer
    filterset_class = RequestFilter
    pagination_class = KeysetPagination
    lookup_field = "reference"

    def get_queryset(self):
        return selectors.board_requests(self.request.user)

    # The API shows askers' contact details: every read of them is logged, like the detail page.
    def retrieve(self, request, *args, **kwargs):
        culture_request = self.get_object()
        response = Response(self.get_serializer(culture_request).data)
        response["ETag"] = etag(culture_request)
        audit_record(
            action="requests.contact.viewed", by=request.user, target=culture_request, request=request
        )
        return response

    def _changed(self, culture_request) -> Response:
        culture_request = self.get_queryset().get(pk=culture_request.pk)
        response = Response(CultureRequestSerializer(culture_request).data)
        response["ETag"] = etag(culture_request)
        return response

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        references = [row["reference"] for row in response.data.get("results", [])]
        audit_record(
            action="requests.contact.listed",
            by=request.user,
            detail={"query": request.GET.urlencode()[:500], "references": references},
            request=request,
        )
        return response

    @action(detail=True, methods=["post"], url_path="change-status", serializer_class=StatusChangeSerializer)
    def change_status(self, request, reference=None):
        culture_request = self.get_object()
        if not selectors.can_work_on(request.user, culture_request):
            raise PermissionDenied(_("U mag deze vraag alleen bekijken."))
        serializer = StatusChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.request_change_status(
                request=culture_request,
                to=serializer.validated_data["to"],
                note=serializer.validated_data["note"],
                by=request.user,
                version=expected_version(request, serializer.validated_data),
            )
        except services.RequestConflict as error:
            return conflict(error)
        except services.RequestError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        return self._changed(culture_request)

    @action(detail=True, methods=["post"], url_path="assign-to-me", serializer_class=AssignSerializer)
    def assign_to_me(self, request, reference=None):
        """Make the caller the request's owner, as the board's "Wijs aan mij toe"."""
        culture_request = self.get_object()
        if not selectors.can_work_on(request.user, culture_request):
            raise PermissionDenied(_("U mag deze vraag alleen bekijken."))
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.request_assign(
                request=culture_request,
                owner=request.user,
                by=request.user,
                version=expected_version(request, serializer.validated_data),
            )
        except services.RequestConflict as error:
            return conflict(error)
        return self._changed(culture_request)

    @action(detail=True, methods=["patch", "post"], url_path="details", serializer_class=DetailsSerializer)
    def details(self, request, reference=None):
        """Correct age group, group size, timing or budget; 409 when the version is not current."""
        culture_request = self.get_object()
        if not selectors.can_work_on(request.user, culture_request):
            raise PermissionDenied(_("U mag deze vraag alleen bekijken."))
        serializer = DetailsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = {k: v for k, v in serializer.validated_data.items() if k != "version"}
        try:
            services.request_update_details(
                request=culture_request,
                by=request.user,
                version=expected_version(request, serializer.validated_data),
                **fields,
            )
        except services.RequestConflict as error:
            return conflict(error)
        return self._changed(culture_request)

    @action(detail=True, methods=["post"], url_path="send-message", serializer_class=MessageSendSerializer)
    def send_message(self, request, reference=None):
        """A message to the asker; with `waiting` the request waits on their answer."""
        culture_request = self.get_object()
        if not selectors.can_work_on(request.user, culture_request):
            raise PermissionDenied(_("U mag deze vraag alleen bekijken."))
        serializer = MessageSendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            message = services.message_send(
                request=culture_request,
                body=serializer.validated_data["body"],
                waiting=serializer.validated_data["waiting"],
                by=request.user,
            )
        except services.RequestError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
