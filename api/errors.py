"""Every error as `application/problem+json` (RFC 9457), with the one table that maps exceptions to statuses.

Every problem body is bounded whatever the request held (`bounded_body`): at most
MAX_ERROR_FIELDS fields in `errors`, MAX_MESSAGES_PER_FIELD messages each, no string
longer than its cap, and `errors_omitted` saying how many field errors were left out;
the serialized body never exceeds MAX_PROBLEM_BYTES.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, current_app, json, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from copydesk import scoring
from copydesk.scoring.errors import TimeBudgetExceededError

PROBLEM_JSON = "application/problem+json"
# RFC 9457, section 4.2.1: "about:blank" means the problem is just the HTTP status.
ABOUT_BLANK = "about:blank"
# Problem types of our own: URNs, so nobody mistakes them for pages to fetch.
TYPE_PREFIX = "urn:copydesk:problem:"

# Bounds on a problem body (finding 4 of issue 22: one message per unknown rule id turned a
# 2 MB request into a 301 MB answer). Enough for every field of one article request to be
# wrong at once (an article has 3 fields and 6 options); the rest are counted, not listed.
MAX_ERROR_FIELDS = 10
MAX_MESSAGES_PER_FIELD = 3
# The longest message of ours is the list of rule ids (about 600 characters).
MAX_MESSAGE_CHARS = 800
# A field's path echoes the request's keys (an unknown field's name): a path is a name, not a text.
MAX_FIELD_NAME_CHARS = 120
MAX_DETAIL_CHARS = 1000
MAX_DETAIL_FIELD_CHARS = 60
# The whole serialized body, whatever it holds: 10 fields x 3 messages x 800 characters fit
# in 24,000 characters; escapes of control characters (6 bytes each) could stretch that,
# and past this size the field errors are dropped (the detail still says what to fix).
MAX_PROBLEM_BYTES = 64 * 1024
ELLIPSIS = "…"


class ApiProblem(Exception):
    """A problem the API itself reports (bad body, unsupported type, invalid parameters)."""

    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str,
        *,
        errors: Mapping[str, list[str]] | None = None,
        extensions: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = dict(errors) if errors else None
        self.extensions = dict(extensions or {})
        self.headers = dict(headers or {})


# The scoring library's exceptions, most specific first: (status, type slug, title).
# Anything not listed (LexiconError: a broken data file) is a bug and answers 500.
SCORING_PROBLEMS: tuple[tuple[type[scoring.ScoringError], int, str, str], ...] = (
    (scoring.EmptyTextError, 422, "empty-text", "Nothing to analyze"),
    (scoring.TextTooLongError, 422, "text-too-long", "Article too long"),
    (scoring.UnsupportedFormatError, 422, "unsupported-format", "Unsupported format"),
    (scoring.UnsupportedLanguageError, 422, "unsupported-language", "Unsupported language"),
    (scoring.InvalidOptionError, 422, "invalid-option", "Invalid option"),
    (TimeBudgetExceededError, 422, "time-budget-exceeded", "Time budget exceeded"),
    (scoring.InputError, 422, "invalid-input", "Invalid input"),
)


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    type: str = ABOUT_BLANK,
    errors: Mapping[str, list[str]] | None = None,
    extensions: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """Build an `application/problem+json` response, bounded in size (bounded_body)."""
    body: dict[str, Any] = {"type": type, "title": title, "status": status, "detail": detail}
    if extensions:
        body.update(extensions)
    response = current_app.response_class(bounded_body(body, errors), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def bounded_errors(errors: Mapping[str, list[str]]) -> tuple[dict[str, list[str]], int]:
    """The first MAX_ERROR_FIELDS fields with their first messages, each clipped; and how many fields were left out."""
    out: dict[str, list[str]] = {}
    for field, messages in errors.items():
        if len(out) == MAX_ERROR_FIELDS:
            break
        kept = [clip(str(m), MAX_MESSAGE_CHARS) for m in messages[:MAX_MESSAGES_PER_FIELD]]
        if len(messages) > MAX_MESSAGES_PER_FIELD:
            kept.append(f"({len(messages) - MAX_MESSAGES_PER_FIELD} more messages left out)")
        out[clip(str(field), MAX_FIELD_NAME_CHARS)] = kept
    return out, len(errors) - len(out)


def bounded_body(body: dict[str, Any], errors: Mapping[str, list[str]] | None) -> str:
    """The problem as JSON, its detail and field errors clipped (bounded_errors) and never over MAX_PROBLEM_BYTES."""
    body["detail"] = clip(str(body["detail"]), MAX_DETAIL_CHARS)
    if errors:
        kept, omitted = bounded_errors(errors)
        body["errors"] = kept
        if omitted:
            body["errors_omitted"] = omitted
    text = json.dumps(body)
    if len(text.encode("utf-8")) > MAX_PROBLEM_BYTES and "errors" in body:
        # only escapes can get here (control characters in many field names): drop the list
        body["errors_omitted"] = len(errors or {})
        del body["errors"]
        text = json.dumps(body)
    return text


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Flatten marshmallow's nested messages to {"options.words_per_minute": [...]}."""
    if isinstance(messages, Mapping):
        out: dict[str, list[str]] = {}
        for key, value in messages.items():
            name = str(key) if key != "_schema" else ""
            path = f"{prefix}.{name}" if prefix and name else (prefix or name or "body")
            out.update(flatten_errors(value, path))
        return out
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "body": list(messages)}
    return {prefix or "body": [str(messages)]}


def handle_api_problem(e: ApiProblem) -> Response:
    """Render a problem the API raised while reading the request."""
    return problem(
        e.status, e.title, e.detail, type=TYPE_PREFIX + e.slug, errors=e.errors, extensions=e.extensions, headers=e.headers
    )


def handle_validation_error(e: ValidationError) -> Response:
    """Render marshmallow's field errors as a 422 with `errors`."""
    # sorted, so the fields the detail names are the ones `errors` keeps when it is cut
    errors = dict(sorted(flatten_errors(e.messages).items()))
    names = list(errors)
    # names cut shorter here than in `errors`, so that the count of the others always fits
    fields = ", ".join(clip(name, MAX_DETAIL_FIELD_CHARS) for name in names[:MAX_ERROR_FIELDS])
    if len(names) > MAX_ERROR_FIELDS:
        fields += f" and {len(names) - MAX_ERROR_FIELDS:,} more"
    return problem(
        422, "Invalid request", f"The request does not fit the schema: see {fields}.", type=TYPE_PREFIX + "invalid-request", errors=errors
    )


def handle_scoring_error(e: scoring.ScoringError) -> Response:
    """Render the library's exceptions through SCORING_PROBLEMS; anything unlisted is a 500."""
    for cls, status, slug, title in SCORING_PROBLEMS:
        if isinstance(e, cls):
            field = getattr(e, "field", None)
            extensions: dict[str, Any] = {}
            detail = str(e)
            if isinstance(e, scoring.TextTooLongError):
                extensions = {"limit": e.limit, "actual": e.actual}
            elif isinstance(e, TimeBudgetExceededError):
                budget = current_app.config["TIME_BUDGET"]
                extensions = {"limit": budget}
                detail = (
                    f"The request took longer than its time budget of {budget:g} seconds (COPYDESK_TIME_BUDGET): "
                    f"{e}. Send a shorter article, or fewer items per batch."
                )
            return problem(
                status,
                title,
                detail,
                type=TYPE_PREFIX + slug,
                errors={field: [str(e)]} if field else None,
                extensions=extensions,
            )
    current_app.logger.error("unexpected scoring error", exc_info=e)
    return handle_internal_error(InternalServerError(original_exception=e))


def handle_too_large(e: RequestEntityTooLarge) -> Response:
    """Say the body limit and by how much the request is over it."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    size = request.content_length
    if size is not None and limit is not None and size > limit:
        detail = f"The body is {size} bytes, {size - limit} over the limit of {limit} bytes."
        extensions = {"limit": limit, "actual": size}
    else:
        # a chunked body: its size is unknown until it has been read past the limit
        detail = f"The body is over the limit of {limit} bytes."
        extensions = {"limit": limit}
    return problem(413, "Body too large", detail, type=TYPE_PREFIX + "body-too-large", extensions=extensions)


def handle_http_exception(e: HTTPException) -> Response:
    """Render werkzeug's HTTP errors (404, 405, ...) as problems, keeping their headers (Allow)."""
    headers = {k: v for k, v in e.get_headers() if k.lower() != "content-type"}
    status = e.code or 500
    detail = e.description or e.name
    if status == 404:
        detail = f"There is no {request.path} here; see /openapi.yaml for the operations."
    elif status == 405:
        detail = f"{request.method} is not allowed on {request.path}; allowed: {headers.get('Allow', 'none')}."
    return problem(status, e.name, detail, headers=headers)


def handle_internal_error(e: InternalServerError) -> Response:
    """Answer an unexpected exception without a word about its internals (Flask has logged it)."""
    return problem(500, "Internal Server Error", "The server failed to analyze this request; the error has been logged.")


def register_error_handlers(app: Flask) -> None:
    """Route every error the app can raise to one problem+json renderer."""
    app.register_error_handler(ApiProblem, handle_api_problem)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(scoring.ScoringError, handle_scoring_error)
    app.register_error_handler(RequestEntityTooLarge, handle_too_large)
    app.register_error_handler(InternalServerError, handle_internal_error)
    app.register_error_handler(HTTPException, handle_http_exception)
