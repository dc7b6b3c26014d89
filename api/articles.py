"""Read an article request from any accepted body: a JSON document or the raw text, HTML or Markdown."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from flask import Request
from marshmallow import ValidationError

from copydesk import scoring
from copydesk.scoring.options import FORMATS

from .errors import ApiProblem
from .schemas import ArticleSchema, OptionsSchema

JSON_TYPE = "application/json"
# Raw bodies: the article itself, its format named by the Content-Type.
RAW_TYPES = MappingProxyType({"text/plain": "text", "text/html": "html", "text/markdown": "markdown"})
ACCEPTED_TYPES = (JSON_TYPE, *RAW_TYPES)
# `curl --data-binary @story.txt URL` sends the file as is, labelled with curl's default
# type. A real form body only holds the characters the form serializer emits (WHATWG URL
# standard, application/x-www-form-urlencoded: alphanumerics, *-._, %XX escapes, + for
# spaces, = and &), so a body with a space, a line break, a quotation mark or any non-ASCII
# byte is the article itself and is read as plain text. (One class, fullmatch: linear.)
FORM_TYPE = "application/x-www-form-urlencoded"
_FORM_BODY_RE = re.compile(rb"[A-Za-z0-9*\-._%+=&]*")
DEFAULT_CHARSET = "utf-8"
# Query parameters that may be given more than once (or as a comma-separated list).
LIST_PARAMETERS = frozenset({"disabled_rules", "include"})
# The keys a JSON body may hold without options for the fast path (see _plain_article).
PLAIN_ARTICLE_KEYS = frozenset({"text", "format"})


@dataclass(frozen=True, slots=True)
class ArticleRequest:
    """What the client asked for, checked and ready for `copydesk.scoring.analyze`."""

    text: str
    format: str
    options: scoring.Options
    offsets: str
    include: tuple[str, ...] | None = None  # the report's parts to send (None: all)


def read_article(request: Request) -> ArticleRequest:
    """Read the request by its Content-Type; raise ApiProblem or ValidationError when it cannot be read."""
    mimetype = request.mimetype
    if not request.get_data():
        # nothing was sent (often a missing file behind `--data-binary @story.txt`): say the
        # article is empty, whatever the type, rather than judge the type of nothing
        return _from_raw(request, "text")
    if mimetype == JSON_TYPE:
        return _from_json(request)
    if mimetype in RAW_TYPES:
        return _from_raw(request, RAW_TYPES[mimetype])
    if mimetype == FORM_TYPE and not _FORM_BODY_RE.fullmatch(request.get_data()):
        return _from_raw(request, "text")
    raise _unsupported_type(mimetype)


def _from_json(request: Request) -> ArticleRequest:
    raw = request.get_data()
    try:
        # json.loads reads UTF-8, UTF-16 and UTF-32 bodies (RFC 8259 allows only UTF-8
        # between systems, but refusing the others helps nobody)
        data = json.loads(raw)
    except RecursionError:
        raise ApiProblem(400, "malformed-json", "Malformed JSON", "The JSON body is nested too deeply to read.") from None
    except UnicodeDecodeError as e:
        raise ApiProblem(400, "malformed-json", "Malformed JSON", f"The JSON body is not valid UTF-8: {_decode_detail(e)}.") from None
    except ValueError as e:
        raise ApiProblem(400, "malformed-json", "Malformed JSON", f"The body is not valid JSON: {e}.") from None
    query = _query_values(request)
    plain = None if query else _plain_article(data)
    if plain is not None:
        return plain
    if query:
        # check the query on its own, so its errors name it, then let the body's options win
        _load(OptionsSchema(), query, "query")
        if isinstance(data, dict) and isinstance(data.get("options", {}), dict):
            data = {**data, "options": {**query, **data.get("options", {})}}
    article = _load(ArticleSchema(), data, "")
    options = article["options"]
    return ArticleRequest(article["text"], article["format"], options_from(options), options["offsets"], include_from(options))


def _from_raw(request: Request, format: str) -> ArticleRequest:
    charset = request.mimetype_params.get("charset", DEFAULT_CHARSET)
    raw = request.get_data()
    try:
        text = raw.decode(charset)
    except LookupError:
        raise ApiProblem(
            415,
            "unsupported-charset",
            "Unsupported charset",
            f"charset={charset} is not a text encoding this server knows; send UTF-8.",
        ) from None
    except UnicodeDecodeError as e:
        raise ApiProblem(
            400, "undecodable-body", "Undecodable body", f"The body is not valid {charset}: {_decode_detail(e)}."
        ) from None
    query = _query_values(request)
    if not query:
        return ArticleRequest(text, format, DEFAULT_OPTIONS, DEFAULT_OFFSETS)
    options = _load(OptionsSchema(), query, "query")
    return ArticleRequest(text, format, options_from(options), options["offsets"], include_from(options))


def _plain_article(data: Any) -> ArticleRequest | None:
    """The request for `{"text": ...}` (and a valid `format`) with no options, else None for ArticleSchema to judge.

    What ArticleSchema would load for such a body, without building two marshmallow schemas
    per request (~0.2 ms of the ~1 ms around the analysis): the text as sent, every option
    at its default. tests/api/test_analyze.py holds the two paths equal.
    """
    if type(data) is not dict or not data.keys() <= PLAIN_ARTICLE_KEYS:
        return None
    text, format = data.get("text"), data.get("format", "text")
    if type(text) is not str or type(format) is not str or format not in FORMATS:
        return None
    return ArticleRequest(text, format, DEFAULT_OPTIONS, DEFAULT_OFFSETS)


def _query_values(request: Request) -> dict[str, Any]:
    values: dict[str, Any] = {}
    repeated = []
    for name in request.args:
        given = request.args.getlist(name)
        if name in LIST_PARAMETERS:
            values[name] = [v.strip() for item in given for v in item.split(",") if v.strip()]
        elif len(given) > 1:
            repeated.append(name)
        else:
            values[name] = given[0]
    if repeated:
        raise ValidationError({"query": {name: ["Give this parameter once."] for name in repeated}})
    return values


def _load(schema: Any, data: Any, prefix: str) -> dict[str, Any]:
    try:
        return schema.load(data)
    except ValidationError as e:
        if not prefix:
            raise
        # say where the bad field was: in the query string, not the body
        raise ValidationError({prefix: e.messages}) from None


def options_from(loaded: dict[str, Any]) -> scoring.Options:
    """Build the library's Options from options loaded by OptionsSchema."""
    return scoring.Options(
        language=loaded["language"],
        profile=loaded["profile"],
        words_per_minute=loaded["words_per_minute"],
        anonymous_as_vague=loaded["anonymous_as_vague"],
        disabled_rules=frozenset(loaded["disabled_rules"]),
        locale=loaded["locale"],
        min_severity=loaded["min_severity"],
    )


def include_from(loaded: dict[str, Any]) -> tuple[str, ...] | None:
    """The report parts the options ask for (None: all of them)."""
    include = loaded.get("include")
    return None if include is None else tuple(include)


def _decode_detail(e: UnicodeDecodeError) -> str:
    bad = e.object[e.start : e.start + 1].hex()
    return f"byte {e.start} (0x{bad}) {e.reason}"


def _unsupported_type(mimetype: str) -> ApiProblem:
    accepted = ", ".join(ACCEPTED_TYPES)
    if not mimetype:
        detail = f"The request has no Content-Type; send one of {accepted}."
    elif mimetype == "application/x-www-form-urlencoded":
        # only a body that really is form-encoded gets here (see FORM_TYPE): name=value
        # pairs with "+" for spaces, e.g. from `curl -d text=...`; say how to send an article
        detail = (
            "A form-encoded body (name=value pairs) is not an article; send the article itself "
            f"(curl --data-binary @story.txt) or one of {accepted}."
        )
    else:
        detail = f"{mimetype} is not accepted; send one of {accepted}."
    return ApiProblem(
        415,
        "unsupported-media-type",
        "Unsupported Media Type",
        detail,
        extensions={"accepted": list(ACCEPTED_TYPES)},
        headers={"Accept-Post": ", ".join(ACCEPTED_TYPES)},
    )


def _defaults() -> tuple[scoring.Options, str]:
    """The Options and offsets unit that OptionsSchema loads from no options at all."""
    loaded = OptionsSchema().load({})
    return options_from(loaded), loaded["offsets"]


# Built once at import (Options is frozen): every request without options shares them.
DEFAULT_OPTIONS, DEFAULT_OFFSETS = _defaults()
