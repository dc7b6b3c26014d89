"""Turn a scoring Report into the JSON body every client gets, with offsets as the client asked."""

from __future__ import annotations

import gc
import keyword
import math
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields

from copydesk import scoring
from copydesk.scoring.findings import as_json as findings_json
from copydesk.scoring.messages import LOCALES

from .offsets import add_markup_offsets, to_utf16
from .schemas import REPORT_PARTS, ReportSchema

if TYPE_CHECKING:  # the CLI dumps reports without importing Flask
    from flask import Response

# The shape of the report stays declared once, in api/schemas.py (the drift tests hold it to
# scoring/results.py and openapi.yaml); a marshmallow dump of it cost ~1.1 ms a seed-size
# report, so it is compiled once, here, into plain functions that do what marshmallow's dump
# does field for field (~0.1 ms). tests/api/test_reports.py holds the two dumps equal.
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
    """A value that is not a bool, dumped by the field itself, as marshmallow's dump does (4.x passes it through)."""
    def dump(value: Any) -> Any:
        return field._serialize(value, None, None)

    return dump


# Lists of these schemas are dumped by a function scoring compiles (see scoring.findings.as_json).
NATIVE_LISTS: dict[str, Dump] = {"FindingSchema": findings_json}


def _inline(field: fields.Field, name: str, namespace: dict[str, Any], depth: int) -> str:
    """An expression that dumps the value held in variable `name` as marshmallow dumps `field`.

    A value that already has the field's type (a str for String, an int for Integer ...) or is
    None is taken as it is, tested inline: only the others call the converter, so a report's
    ~800 values cost no Python call each (half the dump's time went to those calls).
    """
    if isinstance(field, fields.Nested):
        nested = f"n{len(namespace)}"
        namespace[nested] = _schema_dump(field.schema)
        return f"(None if {name} is None else {nested}({name}))"
    if isinstance(field, fields.List):
        native = NATIVE_LISTS.get(type(field.inner.schema).__name__) if isinstance(field.inner, fields.Nested) else None
        if native is not None:
            convert = f"c{len(namespace)}"
            namespace[convert] = native
            return f"(None if {name} is None else {convert}({name}))"
        item = f"x{depth}"
        # a comprehension is a function call on CPython 3.11: an empty list and a one-item list
        # (most lists of a report) are written without one
        many = f"[{_inline(field.inner, item, namespace, depth + 1)} for {item} in {name}]"
        one = f"[{_inline(field.inner, f'{name}[0]', namespace, depth + 1)}]"
        return f"(None if {name} is None else ({one} if len({name}) == 1 else {many}) if {name} else [])"
    convert = f"c{len(namespace)}"
    if isinstance(field, fields.Boolean):
        namespace[convert] = _boolean(field)
        plain = "bool"
    elif isinstance(field, fields.Integer):
        namespace[convert] = _integer
        plain = "int"
    elif isinstance(field, fields.Float):
        namespace[convert] = _float
        # finite floats pass (x - x is nan for inf and nan); None, ints and the rest are converted
        return f"({name} if type({name}) is float and {name} - {name} == 0.0 else {convert}({name}))"
    elif isinstance(field, fields.String):
        namespace[convert] = _string
        plain = "str"
    else:
        raise TypeError(f"no fast dump for {type(field).__name__}; add one to api/reports.py")
    return f"({name} if type({name}) is {plain} or {name} is None else {convert}({name}))"


def _schema_dump(schema: Schema) -> Dump:
    """A function that dumps an object as `schema.dump` would: the fields in order, each converted.

    Written out as source and compiled, as dataclasses writes its __init__: each attribute read
    into a local, then one dict display (`{"index": (v0 if type(v0) is int ...), ...}`), with
    the conversions inline (_inline). Keys and attribute names are the schema's own, inserted
    with repr() or as identifiers only.
    """
    namespace: dict[str, Any] = {"getattr": getattr}
    lines = ["def dump(obj):"]
    items = []
    for n, (name, field) in enumerate(schema.dump_fields.items()):
        key, attribute = field.data_key or name, field.attribute or name
        plain = attribute.isidentifier() and not keyword.iskeyword(attribute)
        lines.append(f"    v{n} = obj.{attribute}" if plain else f"    v{n} = getattr(obj, {attribute!r})")
        items.append(f"{key!r}: {_inline(field, f'v{n}', namespace, 0)}")
    lines.append(f"    return {{{', '.join(items)}}}")
    exec(compile("\n".join(lines) + "\n", f"<dump {type(schema).__name__}>", "exec"), namespace)
    return namespace["dump"]


dump_report: Dump = _schema_dump(REPORT_SCHEMA)
"""The report as ReportSchema dumps it, without marshmallow's per-field machinery (same dict, same order)."""


# Always in a report, whatever `include` leaves out.
ALWAYS = frozenset({"offsets", "format", "language", "paragraphs"})


def report_body(report: scoring.Report, source: str, offsets: str, include: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Dump `report` (only the parts `include` names, when given); add markup offsets for HTML and Markdown; count in UTF-16 when asked."""
    body: dict[str, Any] = {"offsets": offsets, **dump_report(report)}
    if include is not None:
        body = {k: v for k, v in body.items() if k in ALWAYS or k in include}
    if report.source_map is not None:
        body = add_markup_offsets(body, report.source_span)
    if offsets == "utf16":
        body = to_utf16(body, report.text, source)
    return body


# The units offsets may be counted in (the API's `offsets` option).
OFFSET_UNITS = ("code_points", "utf16")


def to_dict(
    report: scoring.Report,
    source: str | None = None,
    *,
    offsets: str = "code_points",
    include: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """The report as the API's JSON body for it: what `POST /v1/analyze` answers for the same article and options.

    The library's public way to serialize a report (plain dicts, lists, strings and numbers,
    ready for json.dumps). It lives in the API layer, which owns the JSON contract
    (api/schemas.py, openapi.yaml), so that `scoring` stays free of it and never imports `api`.
    `source` is the article as given to `analyze` (its markup, for HTML and Markdown): needed
    only to count markup offsets in UTF-16; by default the report's text.
    """
    if offsets not in OFFSET_UNITS:
        raise ValueError(f"offsets must be one of {', '.join(OFFSET_UNITS)}, got {offsets!r}")
    if source is None:
        if offsets == "utf16" and report.source_map is not None:
            raise ValueError(
                "pass the HTML or Markdown given to analyze as `source`: its markup offsets are counted in UTF-16 over it"
            )
        source = report.text
    if include is not None:
        unknown = sorted(set(include) - set(REPORT_PARTS))
        if unknown:
            raise ValueError(f"include takes parts of the report ({', '.join(REPORT_PARTS)}), not {', '.join(unknown)}")
        include = tuple(include)
    return report_body(report, source, offsets, include)


def analyze_body(
    source: str,
    format: str,
    options: scoring.Options,
    offsets: str,
    include: tuple[str, ...] | None = None,
    deadline: float | None = None,
) -> dict[str, Any]:
    """Analyze an article and dump its report (report_body), the cyclic collector paused until the report is freed."""
    # scoring.analyze pauses the collector while it builds a report (the report makes no
    # cycles) and switches it back on when done. The report's tracked objects, ~2,000 for a
    # 300-word article, then still count as new, so the first allocation of the dump started
    # a collection that walked them all: 0.6 collections and ~2% of the CPU of a request
    # (bench/http_layers.py's articles, in process). Kept paused until the report is freed,
    # the count those objects added is taken back as they go, and no collection meets them.
    # A caller that turned the collector off keeps it off.
    if not gc.isenabled():
        return report_body(scoring.analyze(source, format=format, options=options, deadline=deadline), source, offsets, include)
    gc.disable()
    try:
        report = scoring.analyze(source, format=format, options=options, deadline=deadline)
        body = report_body(report, source, offsets, include)
        del report  # freed here, with the collector still off
        return body
    finally:
        gc.enable()


def negotiated_locale(options: scoring.Options, accept_language: str | None) -> scoring.Options:
    """`options` with the findings' locale taken from an Accept-Language header when the options name none.

    The first language the header prefers (by quality, then order) that has a catalogue wins;
    none of them: English. A `locale` option always wins over the header.
    """
    if options.locale is not None or not accept_language:
        return options
    chosen = best_locale(accept_language)
    return options if chosen is None else replace(options, locale=chosen)


def best_locale(accept_language: str) -> str | None:
    """The shipped locale an Accept-Language header prefers most, or None (RFC 9110 section 12.5.4)."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept_language.split(",")[:MAX_LANGUAGE_RANGES]):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        primary = tag.strip().split("-")[0].lower()
        if quality > 0 and primary in LOCALES:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


# Language ranges of an Accept-Language header that are read (a browser sends a handful).
MAX_LANGUAGE_RANGES = 32


# Responses smaller than this go out as they are: gzip's header and a round trip of CPU buy nothing.
GZIP_MIN_BYTES = 1024
# zlib level 6, gzip's default: the seed's report compresses to ~a fifth, in well under a millisecond.
GZIP_LEVEL = 6
# Types worth compressing: the reports, problems, the contract and the demo page's text.
COMPRESSIBLE = frozenset({
    "application/json", "application/problem+json", "application/x-ndjson", "application/yaml",
    "text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "text/plain",
})


def gzip_response(response: Response, accept_encoding: str | None) -> Response:
    """Gzip a textual response when the client accepts gzip: a whole one of GZIP_MIN_BYTES or more, a streamed one chunk by chunk."""
    response.vary.add("Accept-Encoding")
    if (
        response.direct_passthrough
        or "Content-Encoding" in response.headers
        or response.mimetype not in COMPRESSIBLE
        or not accepts_gzip(accept_encoding)
    ):
        return response
    if response.is_streamed:
        # a batch answers item by item: each item's bytes are flushed as they come, so the
        # client reads every answer as soon as it is done, as it would uncompressed
        response.response = _gzip_stream(response.response)
        response.headers.pop("Content-Length", None)
        response.headers["Content-Encoding"] = "gzip"
        return response
    data = response.get_data()
    if len(data) < GZIP_MIN_BYTES:
        return response
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    response.set_data(packer.compress(data) + packer.flush())
    response.headers["Content-Encoding"] = "gzip"
    return response


def _gzip_stream(chunks: Iterable[bytes | str]) -> Iterator[bytes]:
    """The chunks gzipped, each flushed (Z_SYNC_FLUSH) so that it can be read as soon as it is sent."""
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
    try:
        for chunk in chunks:
            if chunk:
                data = chunk.encode() if isinstance(chunk, str) else chunk
                yield packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH)
        yield packer.flush()
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when an Accept-Encoding header allows gzip (named, or `*`, with a quality above 0)."""
    if not accept_encoding:
        return False
    allowed = None
    for item in accept_encoding.split(",")[:MAX_LANGUAGE_RANGES]:
        coding, _, params = item.strip().partition(";")
        coding = coding.strip().lower()
        if coding not in ("gzip", "x-gzip", "*"):
            continue
        params = params.strip().replace(" ", "")
        quality = 1.0
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if coding == "*":
            allowed = quality > 0 if allowed is None else allowed
        else:
            allowed = quality > 0
    return bool(allowed)
