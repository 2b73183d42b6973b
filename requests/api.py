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
from requests.models import CultureRequest, Message
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
        ]
        read_only_fields = fields

    def get_owner(self, obj) -> str | None:
        return (obj.owner.get_full_name() or obj.owner.email) if obj.owner else None


class StatusChangeSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


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
        response = super().retrieve(request, *args, **kwargs)
        audit_record(
            action="requests.contact.viewed", by=request.user, target=self.get_object(), request=request
        )
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
            )
        except services.RequestError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        culture_request = self.get_queryset().get(pk=culture_request.pk)
        return Response(CultureRequestSerializer(culture_request).data)

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
