"""The report's three descriptions agree: scoring/results.py, api/schemas.py and openapi.yaml."""

from __future__ import annotations

import dataclasses
import types
import typing

import pytest
from marshmallow import fields

from copydesk.api.schemas import API_ONLY_REPORT_KEYS, NOT_DUMPED_REPORT_FIELDS, REPORT_PARTS, ReportSchema
from copydesk.scoring import results
from tests.conftest import spec_document

# Dataclass fields the API leaves out of the JSON on purpose.
NOT_DUMPED = {("Unit", "tokens")} | {("Report", name) for name in NOT_DUMPED_REPORT_FIELDS}


def _dataclass_of(annotation) -> type | None:
    """The dataclass inside an annotation: X, X | None, tuple[X, ...]."""
    if dataclasses.is_dataclass(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _dataclass_of(arg)
        if found is not None:
            return found
    return None


def _walk(cls: type, seen: set | None = None):
    """Yield (dataclass, its dumped field names, {field: nested dataclass}) for the report, recursively."""
    seen = set() if seen is None else seen
    if cls in seen:
        return
    seen.add(cls)
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if (cls.__name__, f.name) not in NOT_DUMPED]
    nested = {name: _dataclass_of(hints[name]) for name in names if _dataclass_of(hints[name]) is not None}
    yield cls, names, nested
    for child in nested.values():
        yield from _walk(child, seen)


REPORT_TYPES = list(_walk(results.Report))


def _marshmallow_schema(path: list[str]):
    schema = ReportSchema()
    for name in path:
        field = schema.fields[name]
        if isinstance(field, fields.List):
            field = field.inner
        schema = field.schema
    return schema


def _openapi_schema(path: list[str]) -> dict:
    components = spec_document()["components"]["schemas"]

    def resolve(node: dict) -> dict:
        if "oneOf" in node:  # a nullable object: the branch that is not null
            node = next(n for n in node["oneOf"] if n.get("type") != "null")
        while "$ref" in node:
            node = components[node["$ref"].rsplit("/", 1)[1]]
        if node.get("type") == "array":
            return resolve(node["items"])
        return node

    node = components["Report"]
    for name in path:
        node = resolve(node["properties"][name])
    return node


def _paths(cls: type, prefix: list[str] | None = None):
    """Yield (dataclass, path from the report to it) for every dataclass in the report."""
    prefix = prefix or []
    yield cls, prefix
    _, _, nested = next(t for t in REPORT_TYPES if t[0] is cls)
    for name, child in nested.items():
        yield from _paths(child, [*prefix, name])


PATHS = list(_paths(results.Report))


@pytest.mark.parametrize(("cls", "path"), PATHS, ids=[".".join(["report", *p]) for _, p in PATHS])
def test_marshmallow_dumps_every_field_of_the_dataclass(cls, path):
    names = next(n for c, n, _ in REPORT_TYPES if c is cls)
    dumped = set(_marshmallow_schema(path).fields)
    assert set(names) - dumped == set(), f"api/schemas.py is missing fields of {cls.__name__}"
    extra = dumped - set(names) - (API_ONLY_REPORT_KEYS if cls is results.Report else set())
    assert extra == set(), f"api/schemas.py dumps fields {cls.__name__} does not have"


@pytest.mark.parametrize(("cls", "path"), PATHS, ids=[".".join(["report", *p]) for _, p in PATHS])
def test_openapi_describes_every_field_of_the_dataclass(cls, path):
    names = next(n for c, n, _ in REPORT_TYPES if c is cls)
    schema = _openapi_schema(path)
    extra_keys = API_ONLY_REPORT_KEYS if cls is results.Report else set()
    markup_keys = _markup_keys(names)
    assert set(schema["properties"]) == set(names) | extra_keys | markup_keys, f"openapi.yaml and {cls.__name__} disagree"
    # the report's parts are sent unless the `include` option leaves them out
    optional = set(REPORT_PARTS) if cls is results.Report else set()
    assert set(schema["required"]) == set(schema["properties"]) - markup_keys - optional, f"{cls.__name__}: every field is always present"


def _markup_keys(names):
    """The offsets into the submitted markup the API adds beside a span (HTML and Markdown only)."""
    keys = set()
    if {"start", "end"} <= set(names):
        keys |= {"markup_start", "markup_end"}
    if {"source_start", "source_end"} <= set(names):
        keys |= {"source_markup_start", "source_markup_end"}
    return keys


def test_the_walk_reaches_every_result_dataclass():
    reached = {cls for cls, _ in PATHS}
    defined = {
        obj
        for obj in vars(results).values()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == results.__name__
    }
    assert defined - reached == set(), "a result type is not reachable from Report: is it dumped?"


def test_walk_finds_nested_types_in_optionals_and_tuples():
    assert _dataclass_of(tuple[results.Cue, ...]) is results.Cue
    assert _dataclass_of(results.Language | None) is results.Language
    assert _dataclass_of(int) is None
    assert _dataclass_of(types.NoneType) is None
