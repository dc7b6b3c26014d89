"""Shared fixtures: the app, a test client that checks every response against openapi.yaml, the seed."""

from __future__ import annotations

import importlib.abc
import json
import os
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from flask.testing import FlaskClient
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.deserializing.media_types.util import json_loads, plain_loads


# The repository's folders scoring/ and api/ are installed as copydesk.scoring and copydesk.api
# (pyproject.toml's package-dir). pytest puts the repository's root on sys.path, where they
# would also import as `scoring` and `api`: a second copy of every module (its own classes,
# constants and caches) beside the one under test, or a newsroom's own `api` shadowed. So the
# tests refuse the old names, and say what to write instead (tools/rename_imports.py converts).
OLD_TOP_LEVEL = frozenset({"scoring", "api"})  # rename-imports: ok


class OldTopLevelNames(importlib.abc.MetaPathFinder):
    """Fail `import scoring...` and `import api...` with the name to use."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in OLD_TOP_LEVEL:
            raise ModuleNotFoundError(
                f"import copydesk.{fullname}, not {fullname} (the installed package; tools/rename_imports.py converts)", name=fullname
            )
        return None


if not any(isinstance(finder, OldTopLevelNames) for finder in sys.meta_path):
    sys.meta_path.insert(0, OldTopLevelNames())

from copydesk.api import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
SEED_PATH = ROOT / "seeds" / "000_af487410b511baf4.txt"
PROBLEM_JSON = "application/problem+json"
# Slow tests (marker `slow`: the bench scripts' smoke runs) run only when asked: `--run-slow`
# or this variable set to 1 (CI sets it); otherwise they skip and say how to run them.
RUN_SLOW_ENV = "COPYDESK_SLOW_TESTS"


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", help=f"run the tests marked slow (or set {RUN_SLOW_ENV}=1)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow") or os.environ.get(RUN_SLOW_ENV) == "1":
        return
    skip = pytest.mark.skip(reason=f"slow: run with --run-slow or {RUN_SLOW_ENV}=1 (CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@cache
def spec_document() -> dict:
    """The OpenAPI document as plain data."""
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def ndjson_loads(value: bytes, **parameters: str) -> list:
    """NDJSON as the list of its lines' JSON values (blank lines skipped)."""
    return [json.loads(line) for line in plain_loads(value, **parameters).splitlines() if line.strip()]


@cache
def openapi() -> OpenAPI:
    """openapi-core's view of the contract, reading problem+json and YAML bodies too."""
    config = Config(
        extra_media_type_deserializers={
            PROBLEM_JSON: json_loads,
            "application/yaml": yaml.safe_load,
            # the batch's NDJSON: the contract describes its lines as an array of answers
            "application/x-ndjson": ndjson_loads,
            # the demo and docs pages' files: text the contract types as strings
            "text/css": plain_loads,
            "text/javascript": plain_loads,
            "image/svg+xml": plain_loads,
        },
    )
    return OpenAPI.from_file_path(str(SPEC_PATH), config=config)


def spec_operations() -> set[tuple[str, str]]:
    """(METHOD, path) of every operation in the contract."""
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return {(m.upper(), path) for path, item in spec_document()["paths"].items() for m in item if m in methods}


class _SentRequest(WerkzeugOpenAPIRequest):
    """The request as openapi-core sees it; its body was read by the app, and only the response is checked."""

    @property
    def body(self) -> bytes:
        return b""


def static_assets() -> dict[str, str]:
    """The page files the contract lists outside its operations (x-static-assets): path -> media type."""
    return dict(spec_document().get("x-static-assets", {}))


def check_contract(response) -> None:
    """Fail unless `response` is one the contract allows for its request."""
    request = response.request
    if request.method == "GET" and request.path in static_assets() and response.status_code == 200:
        assert response.mimetype == static_assets()[request.path]
        return
    if (request.method, request.path) in spec_operations():
        openapi().validate_response(_SentRequest(request), WerkzeugOpenAPIResponse(response))
        return
    # no operation to hold it to (an unknown path, a method not offered): it must still be a problem
    assert response.status_code >= 400, f"{request.method} {request.path} answered {response.status_code} outside the contract"
    assert response.mimetype == PROBLEM_JSON, response.mimetype
    schema = spec_document()["components"]["schemas"]["Problem"]
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(response.get_json(force=True))
    assert response.get_json(force=True)["status"] == response.status_code


class ContractClient(FlaskClient):
    """A Flask test client that validates every response it receives against openapi.yaml."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        check_contract(response)
        return response


@pytest.fixture
def app():
    """A fresh app per test, configured for testing (the environment is not read)."""
    app = create_app({"TESTING": True})
    app.test_client_class = ContractClient
    return app


@pytest.fixture
def client(app):
    """A test client whose every response is checked against the contract."""
    return app.test_client()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, a wire-style news story."""
    return SEED_PATH.read_text(encoding="utf-8")
