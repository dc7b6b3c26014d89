"""The contract: valid OpenAPI 3.1, the same operations as the app, examples that hold."""

from __future__ import annotations

import jsonschema
import pytest
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from copydesk.api.schemas import LANGUAGE_PATTERN, PROFILE_NAMES, RULE_IDS
from tests.conftest import spec_document, spec_operations, static_assets

AUTOMATIC_METHODS = {"HEAD", "OPTIONS"}  # Flask adds these to every route


def test_the_spec_is_valid_openapi_3_1():
    document = spec_document()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_the_spec_has_exactly_the_app_operations(app):
    routes = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - AUTOMATIC_METHODS
    }
    assert routes == spec_operations() | {("GET", path) for path in static_assets()}
    # the page files are not operations: a generated client gets no method for a stylesheet
    assert not {path for _, path in spec_operations()} & set(static_assets())


def _schema_validator(name: str) -> jsonschema.Draft202012Validator:
    document = spec_document()
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:copydesk:openapi", resource)
    schema = {"$ref": f"urn:copydesk:openapi#/components/schemas/{name}"}
    return jsonschema.Draft202012Validator(schema, registry=registry)


def _examples(content_type: str):
    body = spec_document()["paths"]["/v1/analyze"]["post"]["requestBody"]["content"][content_type]
    return sorted(body["examples"].items())


def _problem_examples():
    for name, response in sorted(spec_document()["components"]["responses"].items()):
        for example_name, example in response["content"]["application/problem+json"].get("examples", {}).items():
            yield f"{name}/{example_name}", example["value"]


@pytest.mark.parametrize(("name", "example"), _examples("application/json"))
def test_json_request_examples_fit_the_schema_and_are_analyzed(client, name, example):
    _schema_validator("ArticleRequest").validate(example["value"])
    assert client.post("/v1/analyze", json=example["value"]).status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "text/html", "text/markdown"])
def test_raw_request_examples_are_analyzed(client, content_type):
    for _, example in _examples(content_type):
        response = client.post("/v1/analyze", data=example["value"].encode(), content_type=content_type)
        assert response.status_code == 200, response.get_json()


def test_the_plain_text_example_is_the_seed(seed_text):
    assert dict(_examples("text/plain"))["seed"]["value"] == seed_text


@pytest.mark.parametrize(("name", "example"), list(_problem_examples()))
def test_problem_examples_fit_the_problem_schema(name, example):
    _schema_validator("Problem").validate(example)


def test_the_option_vocabularies_are_the_library_s():
    schemas = spec_document()["components"]["schemas"]
    assert schemas["LanguageTag"]["pattern"] == LANGUAGE_PATTERN
    assert schemas["Profile"]["enum"] == list(PROFILE_NAMES)
    assert schemas["RuleId"]["enum"] == list(RULE_IDS)


@pytest.mark.parametrize(
    ("tag", "valid"),
    [("en", True), ("en-US", True), ("fr-CA", True), ("nl", True), ("pt-BR", True), ("EN", False), ("english", False), ("tlh", False), ("en-", False), ("", False)],
)
def test_the_language_pattern(tag, valid):
    assert (_schema_validator("LanguageTag").is_valid(tag)) is valid


def test_the_contract_version_is_the_package_version():
    import tomllib

    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert spec_document()["info"]["version"] == project["version"]
