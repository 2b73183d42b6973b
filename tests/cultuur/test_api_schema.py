"""The OpenAPI schema tells the truth about the API's answers (issue 20).

The slow check, a generated client used as every demo role, is the CI stage .ci/api-client; these
are the fast ones: the schema validates, real answers validate against it, and what the model
allows (blank, null) the schema allows too."""

import json

import jsonschema
import pytest
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from drf_spectacular.generators import EndpointEnumerator, SchemaGenerator
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from districts.models import CultureProfile
from tests.factories import DistrictFactory, UserFactory, advisor_in
from tests.makers.factories import MakerFactory, discipline
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))


def _json_schema(node):
    """OpenAPI 3.0 as JSON Schema, which jsonschema understands: `nullable: true` allows null."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    # oneOf as anyOf: a blank URL matches both {maxLength: 0} and {format: uri}, because jsonschema
    # does not check formats; the alternatives the schema offers are what matters here.
    node = {("anyOf" if key == "oneOf" else key): _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def _validator(schema, pointer):
    document = _json_schema(schema)
    return jsonschema.Draft202012Validator({**document, "$ref": pointer})


def _response_pointer(path, method="get", code="200"):
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"#/paths/{escaped}/{method}/responses/{code}/content/application~1json/schema"


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_the_schema_validates_with_no_warnings(tmp_path):
    # --fail-on-warn turns every drf-spectacular warning (an unresolvable field, a name clash) into an error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").read_text().startswith("openapi:")


def test_real_answers_parse_with_the_schema_blank_choice_null_profile_and_facets(schema):
    district = DistrictFactory(name="Peldersveld")  # no culture profile yet: "profile": null
    advisor = advisor_in(district)
    CultureRequestFactory(district=district, age_group="", owner=None, group_size=None)
    MakerFactory(disciplines=[discipline("dans")])
    assert not CultureProfile.objects.filter(district=district).exists()
    api = APIClient()
    api.force_authenticate(advisor)
    for path in ("/api/requests/", "/api/districts/", "/api/makers/facets/", "/api/makers/"):
        body = api.get(path).json()
        errors = [error.message for error in _validator(schema, _response_pointer(path)).iter_errors(body)]
        assert errors == [], path
    assert api.get("/api/requests/").json()["results"][0]["age_group"] == ""
    assert api.get("/api/districts/").json()["results"][0]["profile"] is None


def _model_column(field):
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source or field.source == "*":
        return None
    try:
        return model._meta.get_field(field.source)
    except FieldDoesNotExist:
        return None


def _api_serializers():
    seen = {}
    for _path, _regex, _method, callback in EndpointEnumerator().get_api_endpoints():
        serializer_class = getattr(callback.cls, "serializer_class", None)
        if serializer_class and issubclass(serializer_class, serializers.ModelSerializer):
            seen[serializer_class.__name__] = serializer_class
    return seen.values()


def test_every_blank_or_null_column_is_blank_or_null_in_the_schema(schema):
    checked = 0
    for serializer_class in _api_serializers():
        component = serializer_class.__name__.removesuffix("Serializer")
        assert component in schema["components"]["schemas"], component
        for name, field in serializer_class().fields.items():
            column = _model_column(field)
            if column is None or field.write_only:
                continue
            validator = _validator(schema, f"#/components/schemas/{component}/properties/{name}")
            # A reverse one-to-one (a district's profile) may have no row behind it: null as well.
            if column.null:
                assert validator.is_valid(None), f"{component}.{name} is null in the database"
                checked += 1
            if getattr(column, "blank", False) and column.get_internal_type() in ("CharField", "TextField"):
                assert validator.is_valid(""), f"{component}.{name} may be blank"
                checked += 1
    assert checked > 20  # the walk found the columns, not nothing


def test_public_reads_need_no_credentials_and_the_rest_do(schema):
    security = {(path, method): op.get("security", []) for path, method, op in _operations(schema)}
    assert {} in security[("/api/makers/", "get")]
    assert {} in security[("/api/makers/facets/", "get")]
    assert {} not in security[("/api/makers/", "post")]
    assert {} not in security[("/api/requests/", "get")]
    assert APIClient().get("/api/makers/").status_code == 200
    assert APIClient().get("/api/requests/").status_code == 401


def test_a_bad_token_answers_401_with_a_token_challenge():
    response = APIClient().get("/api/requests/", HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert set(response.json()) == {"detail"}
    good = Token.objects.create(user=UserFactory(roles=["manager"])).key
    assert APIClient().get("/api/requests/", HTTP_AUTHORIZATION=f"Token {good}").status_code == 200


def test_every_operation_documents_its_error_answers(schema):
    for path, method, operation in _operations(schema):
        codes = set(operation["responses"])
        where = f"{method.upper()} {path}"
        assert "401" in codes, where
        if {} not in operation.get("security", []):
            assert "403" in codes, where
        if "{" in path:
            assert "404" in codes, where
        if method in ("post", "put", "patch"):
            assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ValidationError"
            }, where


def test_writes_take_json_only(schema):
    for path, method, operation in _operations(schema):
        if "requestBody" in operation:
            assert list(operation["requestBody"]["content"]) == ["application/json"], f"{method} {path}"
    district = DistrictFactory()
    api = APIClient()
    api.force_authenticate(advisor_in(district))
    form = api.post(
        "/api/district-partners/",
        {"district": district.slug, "name": "Buurthuis De Kroon"},
        format="multipart",
    )
    assert form.status_code == 415
    as_json = api.post(
        "/api/district-partners/",
        {"district": district.slug, "name": "Buurthuis De Kroon", "kind": "school"},
        format="json",
    )
    assert as_json.status_code in (201, 400)
    assert isinstance(as_json.json(), dict)
