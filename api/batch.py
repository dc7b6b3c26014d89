"""`POST /v1/analyze/batch`: many articles in one request, each answered on its own.

The body is a JSON array of items (`{"id", "text", "format", "options"}`), answered with
`{"items": [...], "succeeded": n, "failed": m}`, or NDJSON (`application/x-ndjson`, one
item per line), answered as NDJSON with one line per item. Either way each item's answer
is sent as soon as that item is analyzed and then freed, so a batch holds one report in
memory at a time. An item that fails gets its own problem object; the others are unaffected.

Limits (environment, `COPYDESK_` prefix): BATCH_MAX_ITEMS items and BATCH_MAX_CHARS
characters of article text in all, refused up front with 413; the body as a whole is also
under MAX_CONTENT_LENGTH. The whole batch shares the request's TIME_BUDGET: items not
started when it runs out are answered 422 `time-budget-exceeded`, so the batch ends
before the worker timeout and the client knows which items to send again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import orjson
from flask import Blueprint, Response, current_app, stream_with_context
from flask import request as flask_request
from marshmallow import ValidationError

from copydesk import scoring
from copydesk.scoring.report import check_deadline

from .articles import include_from, options_from
from .errors import ApiProblem, handle_api_problem, handle_internal_error, handle_scoring_error, handle_validation_error
from .json_provider import ORJSON_OPTIONS
from .limits import check_article, deadline
from .reports import analyze_body, negotiated_locale
from .schemas import ArticleSchema

bp = Blueprint("batch", __name__)

JSON_TYPE = "application/json"
NDJSON_TYPE = "application/x-ndjson"
# DEFAULT_BATCH_MAX_ITEMS (api/settings.py), 100 articles: a newsroom's day of stories;
# bigger archives go in several requests. DEFAULT_BATCH_MAX_CHARS, 1,000,000 characters of
# article text in all: about 170,000 words, some 10 s of one core on the costliest text
# measured (about 10 us a character), inside the 20 s time budget.
# An id names an item in the answer; long enough for a URL or a CMS key, short enough to log.
MAX_ID_LENGTH = 200
# An integer id (a row number) is one every client reads back exactly: JavaScript's
# Number.MAX_SAFE_INTEGER, 2**53 - 1 (issue 22: a 4,000-digit id was echoed as it came).
MAX_INTEGER_ID = 2**53 - 1


def batch_limits() -> tuple[int, int]:
    """(most items, most characters of text in all) from the app's configuration."""
    config = current_app.config
    return int(config["BATCH_MAX_ITEMS"]), int(config["BATCH_MAX_CHARS"])


@bp.post("/v1/analyze/batch")
def analyze_batch():
    """Analyze every article of the batch; each item succeeds or fails on its own."""
    mimetype = flask_request.mimetype
    if mimetype == JSON_TYPE:
        items = _json_items(flask_request.get_data())
        _check_limits(items)
        return Response(stream_with_context(_json_answers(items)), mimetype=JSON_TYPE)
    if mimetype == NDJSON_TYPE:
        items = _ndjson_items(flask_request.get_data())
        _check_limits(items)
        return Response(stream_with_context(_ndjson_answers(items)), mimetype=NDJSON_TYPE)
    raise ApiProblem(
        415,
        "unsupported-media-type",
        "Unsupported Media Type",
        f"{mimetype or 'A body without a Content-Type'} is not accepted here; send {JSON_TYPE} (an array) or {NDJSON_TYPE} (one item per line).",
        extensions={"accepted": [JSON_TYPE, NDJSON_TYPE]},
        headers={"Accept-Post": f"{JSON_TYPE}, {NDJSON_TYPE}"},
    )


def _ndjson_answers(items: list[Any]) -> Iterator[bytes]:
    for position, item in enumerate(items):
        yield _encode(_answer(position, item)) + b"\n"


def _json_answers(items: list[Any]) -> Iterator[bytes]:
    """`{"items": [...], "succeeded": n, "failed": m}`, written an item at a time (the counts come last)."""
    failed = 0
    yield b'{"items": ['
    for position, item in enumerate(items):
        answer = _answer(position, item)
        failed += "problem" in answer
        yield (b", " if position else b"") + _encode(answer)
        del answer  # freed before the next item is analyzed
    yield f'], "succeeded": {len(items) - failed}, "failed": {failed}}}\n'.encode()


def _encode(answer: dict[str, Any]) -> bytes:
    """One item's answer as JSON, by orjson as the app's JSON provider does; the stdlib's encoder for what orjson refuses."""
    try:
        return orjson.dumps(answer, option=ORJSON_OPTIONS)
    except orjson.JSONEncodeError:
        # a lone surrogate in an article, an integer over 64 bits: written as Flask would,
        # non-ASCII escaped (a lone surrogate has no UTF-8 form)
        return json.dumps(answer, allow_nan=False).encode("ascii")


def _json_items(raw: bytes) -> list[Any]:
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ApiProblem(400, "malformed-json", "Malformed JSON", "The JSON body is nested too deeply to read.") from None
    except ValueError as e:  # UnicodeDecodeError is a ValueError too
        raise ApiProblem(400, "malformed-json", "Malformed JSON", f"The body is not valid JSON: {e}.") from None
    if not isinstance(data, list):
        raise ValidationError({"body": ["A batch is a JSON array of items; send one article to /v1/analyze."]})
    return data


# A line that is not JSON fails as its own item; this marks it for _answer.
class _Unreadable:
    __slots__ = ("detail",)

    def __init__(self, detail: str) -> None:
        self.detail = detail


def _ndjson_items(raw: bytes) -> list[Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ApiProblem(400, "undecodable-body", "Undecodable body", f"The body is not valid UTF-8: byte {e.start} {e.reason}.") from None
    items: list[Any] = []
    # blank lines (a trailing newline, a script's spacing) are not items
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except RecursionError:
            items.append(_Unreadable("The line is nested too deeply to read."))
        except ValueError as e:
            items.append(_Unreadable(f"The line is not valid JSON: {e}."))
    return items


def _check_limits(items: list[Any]) -> None:
    max_items, max_chars = batch_limits()
    if not items:
        raise ValidationError({"body": ["The batch has no items."]})
    if len(items) > max_items:
        raise ApiProblem(
            413,
            "batch-too-large",
            "Batch too large",
            f"The batch has {len(items)} items, {len(items) - max_items} over the limit of {max_items} "
            "(COPYDESK_BATCH_MAX_ITEMS); send it in several requests.",
            extensions={"limit": max_items, "actual": len(items)},
        )
    chars = sum(len(item["text"]) for item in items if isinstance(item, dict) and isinstance(item.get("text"), str))
    if chars > max_chars:
        raise ApiProblem(
            413,
            "batch-too-large",
            "Batch too large",
            f"The batch's texts hold {chars} characters, {chars - max_chars} over the limit of {max_chars} "
            "(COPYDESK_BATCH_MAX_CHARS, the work one request may ask for); send it in several requests.",
            extensions={"limit": max_chars, "actual": chars},
        )


def _item_id(position: int, item: Any) -> str:
    """The item's own id when it gives a usable one, else its position in the batch ("0", "1", ...)."""
    if isinstance(item, dict) and _valid_id(item.get("id")):
        return str(item["id"])
    return str(position)


def _valid_id(given: Any) -> bool:
    """A string of 1 to MAX_ID_LENGTH characters, or an integer (a row number) of at most MAX_INTEGER_ID either side of 0."""
    if isinstance(given, str):
        return 0 < len(given) <= MAX_ID_LENGTH
    return isinstance(given, int) and not isinstance(given, bool) and -MAX_INTEGER_ID <= given <= MAX_INTEGER_ID


def _answer(position: int, item: Any) -> dict[str, Any]:
    """One item's answer: its report, or the problem that stopped it."""
    item_id = _item_id(position, item)
    try:
        # the batch shares the request's time budget: once it is spent, no item starts
        check_deadline(deadline(), "this item")
        if isinstance(item, _Unreadable):
            raise ApiProblem(400, "malformed-json", "Malformed JSON", item.detail)
        if not isinstance(item, dict):
            raise ValidationError({"body": ["An item is a JSON object with a text."]})
        fields = {k: v for k, v in item.items() if k != "id"}
        if "id" in item and not _valid_id(item["id"]):
            raise ValidationError(
                {"id": [f"An id is a string of 1 to {MAX_ID_LENGTH} characters or an integer of at most {MAX_INTEGER_ID:,} either side of 0."]}
            )
        article = ArticleSchema().load(fields)
        options = article["options"]
        check_article(article["text"], article["format"])
        chosen = negotiated_locale(options_from(options), flask_request.headers.get("Accept-Language"))
        body = analyze_body(article["text"], article["format"], chosen, options["offsets"], include_from(options), deadline())
        return {"id": item_id, "status": 200, "report": body}
    except Exception as e:  # every failure belongs to this item alone
        problem = _problem_body(e)
        return {"id": item_id, "status": problem["status"], "problem": problem}


def _problem_body(e: Exception) -> dict[str, Any]:
    """The problem object /v1/analyze would answer for this exception (same handlers, same shape)."""
    if isinstance(e, ApiProblem):
        response = handle_api_problem(e)
    elif isinstance(e, ValidationError):
        response = handle_validation_error(e)
    elif isinstance(e, scoring.ScoringError):
        response = handle_scoring_error(e)
    else:
        current_app.logger.error("unexpected error in a batch item", exc_info=e)
        response = handle_internal_error(e)
    return json.loads(response.get_data())
