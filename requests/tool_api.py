"""API for saved board views (advisors, own and team-shared) and standard texts (managers write, advisors read), scoped
like their pages and writing through the same services."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError

from districts.models import District
from requests import saved_views, standard_texts
from requests.advisor_models import SavedView, StandardText
from requests.models import RequesterKind
from requests.placeholders import placeholder_errors
from requests.services import RequestError
from requests.workflow import Status


class SavedViewSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.email", read_only=True)
    shared_with = serializers.PrimaryKeyRelatedField(
        queryset=District.objects.all(), allow_null=True, required=False, default=None
    )
    query = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")

    class Meta:
        model = SavedView
        fields = ["id", "name", "query", "shared_with", "is_default", "owner"]


class SavedViewViewSet(viewsets.ModelViewSet):
    serializer_class = SavedViewSerializer

    def get_queryset(self):
        return saved_views.saved_views_visible_to(self.request.user)

    def _guard(self):
        if not saved_views.may_save_views(self.request.user):
            raise PermissionDenied(_("Alleen adviseurs bewaren weergaven."))

    def _own(self, view):
        # Team members may read a shared view (it is in their queryset), only its owner changes it.
        if view.owner_id != self.request.user.pk:
            raise PermissionDenied(_("U kunt alleen uw eigen weergaven wijzigen."))

    def _call(self, service, **kwargs):
        try:
            return service(**kwargs)
        except RequestError as error:
            raise ValidationError([str(error)]) from error

    def perform_create(self, serializer):
        self._guard()
        data = serializer.validated_data
        serializer.instance = self._call(
            saved_views.saved_view_create,
            owner=self.request.user,
            name=data["name"],
            query=data.get("query", ""),
            shared_with=data.get("shared_with"),
            is_default=data.get("is_default", False),
        )

    def perform_update(self, serializer):
        view = serializer.instance
        self._own(view)
        data = serializer.validated_data
        serializer.instance = self._call(
            saved_views.saved_view_change,
            view=view,
            name=data.get("name", view.name),
            shared_with=data.get("shared_with", view.shared_with),
            is_default=data.get("is_default", view.is_default),
            by=self.request.user,
        )

    def perform_destroy(self, instance):
        self._own(instance)
        self._call(saved_views.saved_view_delete, view=instance, by=self.request.user)


class StandardTextSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=[("", "")] + list(Status.choices), required=False, default="")
    requester_kind = serializers.ChoiceField(
        choices=[("", "")] + list(RequesterKind.choices), required=False, default=""
    )

    class Meta:
        model = StandardText
        fields = ["id", "title", "status", "requester_kind", "language", "body", "updated_at"]
        read_only_fields = ["updated_at"]

    def validate_body(self, value):
        errors = placeholder_errors(value)
        if errors:
            raise serializers.ValidationError(errors)
        return value


class ManagersWrite(permissions.BasePermission):
    """Reading is scoped by the queryset (advisors read the texts they pick from); writing is the managers'."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or standard_texts.may_manage_texts(request.user)


class StandardTextViewSet(viewsets.ModelViewSet):
    serializer_class = StandardTextSerializer
    permission_classes = [permissions.IsAuthenticated, ManagersWrite]

    def get_queryset(self):
        return standard_texts.standard_texts_visible_to(self.request.user)

    def perform_create(self, serializer):
        text = StandardText(**serializer.validated_data)
        serializer.instance = standard_texts.standard_text_save(text=text, by=self.request.user)

    def perform_update(self, serializer):
        text = serializer.instance
        for name, value in serializer.validated_data.items():
            setattr(text, name, value)
        serializer.instance = standard_texts.standard_text_save(text=text, by=self.request.user)

    def perform_destroy(self, instance):
        standard_texts.standard_text_delete(text=instance, by=self.request.user)
