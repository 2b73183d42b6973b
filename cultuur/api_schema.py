"""The OpenAPI schema as the API really answers (issue 20): what a generated client reads must parse.

drf-spectacular's AutoSchema, plus three truths it cannot see on its own:
- security per operation: an operation an anonymous caller may use lists `{}` (no credentials);
- the error answers every operation can give (400/401/403/404), each with its error shape;
- read-only model fields keep the blank and null values of their column (DRF drops `allow_blank`
  from read-only fields, so a blank choice was documented as an enum without "").
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from drf_spectacular import openapi
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class ApiErrorSerializer(serializers.Serializer):
    """What 401, 403 and 404 answer: DRF's `{"detail": "..."}`."""

    detail = serializers.CharField()


# A 400 answers the fields that failed, each with its messages; `detail` or `non_field_errors`
# for what belongs to no single field. The keys depend on the operation, hence free-form.
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Per field a list of messages; `non_field_errors` or `detail` for the whole request.",
    "properties": {
        "detail": {"type": "string"},
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {},
}


class _AnonymousProbe:
    """Just enough of a request for a permission class to answer "may an anonymous caller do this"."""

    def __init__(self, method):
        self.method = method
        self.user = AnonymousUser()
        self.auth = None


def _model_field(field):
    """The model column behind a ModelSerializer field with a plain source, else None."""
    parent = getattr(field, "parent", None)
    model = getattr(getattr(parent, "Meta", None), "model", None)
    source = getattr(field, "source", None)
    if model is None or not source or "." in source or source == "*":
        return None
    try:
        return model._meta.get_field(source)
    except FieldDoesNotExist:
        return None


class AutoSchema(openapi.AutoSchema):
    def is_public(self) -> bool:
        """True when every permission class lets an anonymous caller use this operation."""
        probe = _AnonymousProbe(self.method)
        try:
            return all(perm.has_permission(probe, self.view) for perm in self.view.get_permissions())
        except Exception:  # noqa: BLE001 - a permission that needs more of a request is not public
            return False

    def get_auth(self):
        auths = super().get_auth()
        if {} not in auths and self.is_public():
            auths.append({})
        return auths

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        column = _model_field(field) if field.read_only else None
        if column is not None:
            if "enum" in schema:
                if getattr(column, "blank", False) and "" not in schema["enum"]:
                    schema["enum"] = [*schema["enum"], ""]
                if column.null and None not in schema["enum"]:
                    schema["enum"] = [*schema["enum"], None]
            elif column.null and "$ref" not in schema:
                schema["nullable"] = True
        return schema

    def _error_refs(self):
        detail = self.resolve_serializer(ApiErrorSerializer, "response").ref
        component = ResolvedComponent(
            name="ValidationError",
            type=ResolvedComponent.SCHEMA,
            object="ValidationError",
            schema=VALIDATION_ERROR_SCHEMA,
        )
        self.registry.register_on_missing(component)
        return detail, component.ref

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        detail, validation = self._error_refs()
        is_list = self.method == "GET" and self._is_list_view()
        public = self.is_public()
        errors = {}
        if self.method in WRITE_METHODS or (is_list and getattr(self.view, "filter_backends", None)):
            errors["400"] = (validation, "Invalid input; what failed, per field.")
        # Any caller can send a bad token, so every operation can answer 401.
        errors["401"] = (detail, "Missing, bad or expired credentials (`WWW-Authenticate: Token`).")
        if not public:
            errors["403"] = (detail, "Signed in, but this role may not do this.")
        if "{" in self.path or (is_list and getattr(self.view, "pagination_class", None)):
            errors["404"] = (detail, "Not found or outside the caller's scope (or a page past the end).")
        for code, (ref, description) in errors.items():
            responses.setdefault(
                code, {"content": {"application/json": {"schema": ref}}, "description": description}
            )
        return responses
