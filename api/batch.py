"""`POST /v1/analyze/batch`: many articles in one request, each answered on its own.

The body is a JSON array of items (`{"id", "text", "format", "options"}`), answered with
`{"items": [...], "succeeded": n, "failed": m}`, or NDJSON (`application/x-ndjson`, one
item per line), answered as NDJSON with one line per item, sent as soon as that item is
analyzed. An item that fails gets its own problem object; the others are unaffected.

Limits (environment, `COPYDESK_` prefix): BATCH_MAX_ITEMS items and BATCH_MAX_CHARS
characters of article text in all; the body as a whole is also under MAX_CONTENT_LENGTH.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, stream_with_context
from flask import request as flask_request
from marshmallow import ValidationError

import scoring

from .articles import include_from, options_from
from .errors import ApiProblem, handle_api_problem, handle_internal_error, handle_scoring_error, handle_validation_error
from .limits import check_article
from .reports import analyze_body, negotiated_locale
from .schemas import ArticleSchema

bp = Blueprint("batch", __name__)

JSON_TYPE = "application/json"
NDJSON_TYPE = "application/x-ndjson"
# 100 articles: a newsroom's day of stories, a minute or so of one worker's time at most,
# well inside what a client waits for; bigger archives go in several requests.
DEFAULT_BATCH_MAX_ITEMS = 100
# 1,000,000 characters of article text in all: about 170,000 words, a few seconds of work.
DEFAULT_BATCH_MAX_CHARS = 1_000_000
# An id names an item in the answer; long enough for a URL or a CMS key, short enough to log.
MAX_ID_LENGTH = 200


def batch_limits() -> tuple[int, int]:
    """(most items, most characters of text in all) from the app's configuration."""
    config = current_app.config
    return int(config.get("BATCH_MAX_ITEMS", DEFAULT_BATCH_MAX_ITEMS)), int(config.get("BATCH_MAX_CHARS", DEFAULT_BATCH_MAX_CHARS))


@bp.post("/v1/analyze/batch")
def analyze_batch():
    """Analyze every article of the batch; each item succeeds or fails on its own."""
    mimetype = flask_request.mimetype
    if mimetype == JSON_TYPE:
        items = _json_items(flask_request.get_data())
        _check_limits(items)
        answers = [_answer(position, item) for position, item in enumerate(items)]
        failed = sum(1 for a in answers if "problem" in a)
        return {"items": answers, "succeeded": len(answers) - failed, "failed": failed}
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


def _ndjson_answers(items: list[Any]) -> Iterator[str]:
    for position, item in enumerate(items):
        yield json.dumps(_answer(position, item), allow_nan=False, ensure_ascii=False) + "\n"


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
            f"The batch has {len(items)} items, {len(items) - max_items} over the limit of {max_items}; send it in several requests.",
            extensions={"limit": max_items, "actual": len(items)},
        )
    chars = sum(len(item["text"]) for item in items if isinstance(item, dict) and isinstance(item.get("text"), str))
    if chars > max_chars:
        raise ApiProblem(
            413,
            "batch-too-large",
            "Batch too large",
            f"The batch's texts hold {chars} characters, {chars - max_chars} over the limit of {max_chars}; send it in several requests.",
            extensions={"limit": max_chars, "actual": chars},
        )


def _item_id(position: int, item: Any) -> str:
    """The item's own id when it gives a usable one, else its position in the batch ("0", "1", ...)."""
    if isinstance(item, dict) and _valid_id(item.get("id")):
        return str(item["id"])
    return str(position)


def _valid_id(given: Any) -> bool:
    """A string of 1 to MAX_ID_LENGTH characters, or an integer (a row number)."""
    if isinstance(given, str):
        return 0 < len(given) <= MAX_ID_LENGTH
    return isinstance(given, int) and not isinstance(given, bool)


def _answer(position: int, item: Any) -> dict[str, Any]:
    """One item's answer: its report, or the problem that stopped it."""
    item_id = _item_id(position, item)
    try:
        if isinstance(item, _Unreadable):
            raise ApiProblem(400, "malformed-json", "Malformed JSON", item.detail)
        if not isinstance(item, dict):
            raise ValidationError({"body": ["An item is a JSON object with a text."]})
        fields = {k: v for k, v in item.items() if k != "id"}
        if "id" in item and not _valid_id(item["id"]):
            raise ValidationError({"id": [f"An id is a string of 1 to {MAX_ID_LENGTH} characters or an integer."]})
        article = ArticleSchema().load(fields)
        options = article["options"]
        check_article(article["text"], article["format"])
        chosen = negotiated_locale(options_from(options), flask_request.headers.get("Accept-Language"))
        body = analyze_body(article["text"], article["format"], chosen, options["offsets"], include_from(options))
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
