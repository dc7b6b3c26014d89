"""Input limits: how much one article may hold, each refusal saying the limit and how far over it is.

Settings (environment, `COPYDESK_` prefix; defaults let a 50,000-word feature through):

| setting | default | refused with |
| --- | --- | --- |
| MAX_CONTENT_LENGTH | 2 MiB | 413 `body-too-large` (werkzeug reads the body; api/errors.py words it) |
| MAX_TEXT_CHARS | 500,000 | 422 `text-too-long`: characters of the submitted text (markup included) |
| MAX_UNITS | 20,000 | 422 `text-too-long`: headings and sentences of the analyzed text |
| TIME_BUDGET | 2/3 of TIMEOUT (20 s) | 422 `time-budget-exceeded`: seconds one request may take |

`check_article(text, format)` is the one call for every path that analyzes an article
(the single endpoint and each item of a batch). A body sent without a Content-Length
(chunked) is read here up to the limit and one byte more, and refused with 413 when it
holds that byte: werkzeug alone would stop reading at the limit and hand the view a cut body.
"""

from __future__ import annotations

import io
import time

from flask import Flask, current_app, g, request
from werkzeug.exceptions import RequestEntityTooLarge

from copydesk import scoring
from copydesk.scoring import markup
from copydesk.scoring.options import FORMATS
from copydesk.scoring.text import build_document

from .settings import DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_UNITS

# DEFAULT_MAX_TEXT_CHARS (api/settings.py), 500,000: a 50,000-word feature is about 300,000
# characters of plain text (six a word with its space and punctuation); 500,000 leaves room
# for its HTML markup. Work grows with the text, and the costliest hostile texts measured
# here ("*a" repeated as Markdown, "a. " repeated) take about 10-40 us a character on one
# core: a few seconds to 20 s at this limit, inside the time budget (TIME_BUDGET) and the
# 30 s worker timeout (COPYDESK_TIMEOUT); raise them together.
# DEFAULT_MAX_UNITS, 20,000: a 50,000-word feature has about 2,500 sentences (20 words
# each); 20,000 lets through lists of five-word lines, and bounds the per-unit work.
# A unit holds at least one visible character and is set apart from the next by at least
# one more, so a text of n characters has at most (n + 1) // 2 units: shorter texts need
# no count (the count builds the text model, a second time for the ones that pass).
MIN_CHARS_PER_UNIT = 2

# Methods whose body the API reads: only they are checked for a chunked body.
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def init_app(app: Flask) -> None:
    """Start each request's time budget and read a chunked body up to the limit (limits are checked by api/settings.py)."""
    app.before_request(start_request)


def start_request() -> None:
    """Note when this request's time budget runs out; refuse a chunked body over MAX_CONTENT_LENGTH with 413."""
    g.deadline = time.monotonic() + float(current_app.config["TIME_BUDGET"])
    # the environ, not request.content_length: that one is cached, and read_unframed_body sets it
    if request.method in BODY_METHODS and not request.environ.get("CONTENT_LENGTH"):
        read_unframed_body(request.environ, int(current_app.config["MAX_CONTENT_LENGTH"]))


def read_unframed_body(environ: dict, limit: int) -> None:
    """Read a body without Content-Length (chunked) up to `limit` + 1 bytes; raise RequestEntityTooLarge if it has more.

    The body read is put back as the request's input with its Content-Length, so the view
    reads it as any other. Only servers that end the stream themselves (gunicorn sets
    wsgi.input_terminated) send such bodies on; werkzeug reads nothing from the others.
    """
    if "wsgi.input_terminated" not in environ:
        return
    stream = environ["wsgi.input"]
    chunks = []
    size = 0
    while size <= limit:
        chunk = stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise RequestEntityTooLarge()
    body = b"".join(chunks)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))


def deadline() -> float:
    """When this request's time budget runs out (time.monotonic()); TIME_BUDGET from now outside a request hook."""
    given = g.get("deadline")
    if given is None:
        given = g.deadline = time.monotonic() + float(current_app.config["TIME_BUDGET"])
    return float(given)


def time_budget() -> float:
    """The seconds a request may take (COPYDESK_TIME_BUDGET)."""
    return float(current_app.config["TIME_BUDGET"])


def max_text_chars() -> int:
    """The most characters an article's text may have, from the app's configuration."""
    return int(current_app.config.get("MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS))


def max_units() -> int:
    """The most units (headings and sentences) an article may have, from the app's configuration."""
    return int(current_app.config.get("MAX_UNITS", DEFAULT_MAX_UNITS))


def check_article(text: str, format: str = "text") -> None:
    """Raise copydesk.scoring.TextTooLongError (422, with limit and actual) when the article is over a limit."""
    limit = max_text_chars()
    size = len(text)
    if size > limit:
        raise scoring.TextTooLongError(
            f"The text is {size:,} characters, {size - limit:,} over the limit of {limit:,} characters "
            "(COPYDESK_MAX_TEXT_CHARS); split the article or raise the limit.",
            limit=limit,
            actual=size,
        )
    unit_limit = max_units()
    if (size + 1) // MIN_CHARS_PER_UNIT <= unit_limit:
        return
    units = count_units(text, format)
    if units > unit_limit:
        raise scoring.TextTooLongError(
            f"The text has {units:,} headings and sentences, {units - unit_limit:,} over the limit of {unit_limit:,} "
            "(COPYDESK_MAX_UNITS); split the article or raise the limit.",
            limit=unit_limit,
            actual=units,
        )


def count_units(text: str, format: str = "text") -> int:
    """The number of units scoring would analyze (0 for a format it does not read: scoring refuses that later)."""
    if format == "text":
        return len(build_document(text).units)
    if format not in FORMATS:
        return 0
    extracted = markup.extract(text, format)
    return len(build_document(extracted.text, extracted.blocks, images=extracted.images).units)
