"""Turn a scoring Report into the JSON body every client gets, with offsets as the client asked."""

from __future__ import annotations

import keyword
import math
from collections.abc import Callable
from typing import Any

from marshmallow import Schema, fields

import scoring

from .offsets import add_markup_offsets, to_utf16
from .schemas import ReportSchema

# The shape of the report stays declared once, in api/schemas.py (the drift tests hold it to
# scoring/results.py and openapi.yaml); a marshmallow dump of it cost ~1.1 ms a seed-size
# report, so it is compiled once, here, into plain functions that do what marshmallow's dump
# does field for field (~0.14 ms). tests/api/test_reports.py holds the two
# dumps equal.
REPORT_SCHEMA = ReportSchema()

Dump = Callable[[Any], Any]


def _integer(value: Any) -> int | None:
    return value if value is None or type(value) is int else int(value)


def _float(value: Any) -> float | None:
    if value is None:
        return None
    number = value if type(value) is float else float(value)
    if not math.isfinite(number):
        # a non-finite number is a bug in an analysis; "NaN" is not JSON, and clients would choke
        raise ValueError(f"non-finite number in the report: {number!r}")
    return number


def _string(value: Any) -> str | None:
    return value if value is None or type(value) is str else str(value)


def _boolean(field: fields.Boolean) -> Dump:
    def dump(value: Any) -> bool | None:
        if value is None or type(value) is bool:
            return value
        if value in field.truthy:
            return True
        if value in field.falsy:
            return False
        return bool(value)

    return dump


def _field_dump(field: fields.Field) -> Dump:
    """The function that dumps one value of `field` as marshmallow would."""
    if isinstance(field, fields.Nested):
        nested = _schema_dump(field.schema)
        return lambda value: None if value is None else nested(value)
    if isinstance(field, fields.List):
        inner = _field_dump(field.inner)
        return lambda value: None if value is None else [inner(item) for item in value]
    if isinstance(field, fields.Boolean):
        return _boolean(field)
    if isinstance(field, fields.Integer):
        return _integer
    if isinstance(field, fields.Float):
        return _float
    if isinstance(field, fields.String):
        return _string
    raise TypeError(f"no fast dump for {type(field).__name__}; add one to api/reports.py")


def _schema_dump(schema: Schema) -> Dump:
    """A function that dumps an object as `schema.dump` would: the fields in order, each converted.

    Written out as one dict display per schema (`{"index": c0(obj.index), ...}`) and compiled,
    as dataclasses writes its __init__: half the time of a loop over (key, getattr, convert).
    Keys and attribute names are the schema's own, inserted with repr() or as identifiers only.
    """
    namespace: dict[str, Any] = {"getattr": getattr}
    items = []
    for n, (name, field) in enumerate(schema.dump_fields.items()):
        key, attribute = field.data_key or name, field.attribute or name
        namespace[f"c{n}"] = _field_dump(field)
        plain = attribute.isidentifier() and not keyword.iskeyword(attribute)
        value = f"obj.{attribute}" if plain else f"getattr(obj, {attribute!r})"
        items.append(f"{key!r}: c{n}({value})")
    source = f"def dump(obj):\n    return {{{', '.join(items)}}}\n"
    exec(compile(source, f"<dump {type(schema).__name__}>", "exec"), namespace)
    return namespace["dump"]


dump_report: Dump = _schema_dump(REPORT_SCHEMA)
"""The report as ReportSchema dumps it, without marshmallow's per-field machinery (same dict, same order)."""


def report_body(report: scoring.Report, source: str, offsets: str) -> dict[str, Any]:
    """Dump `report`; add markup offsets for HTML and Markdown; count in UTF-16 when asked."""
    body: dict[str, Any] = {"offsets": offsets, **dump_report(report)}
    if report.source_map is not None:
        body = add_markup_offsets(body, report.source_span)
    if offsets == "utf16":
        body = to_utf16(body, report.text, source)
    return body
