"""Input limits: how much one article may hold, each refusal saying the limit and how far over it is.

Settings (environment, `COPYDESK_` prefix; defaults let a 50,000-word feature through):

| setting | default | refused with |
| --- | --- | --- |
| MAX_CONTENT_LENGTH | 2 MiB | 413 `body-too-large` (werkzeug reads the body; api/errors.py words it) |
| MAX_TEXT_CHARS | 500,000 | 422 `text-too-long`: characters of the submitted text (markup included) |
| MAX_UNITS | 20,000 | 422 `text-too-long`: headings and sentences of the analyzed text |

`check_article(text, format)` is the one call for every path that analyzes an article
(the single endpoint and each item of a batch).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from flask import Flask, current_app

import scoring
from scoring import markup
from scoring.options import FORMATS
from scoring.text import build_document

# A 50,000-word feature is about 300,000 characters of plain text (six a word with its
# space and punctuation); 500,000 leaves room for its HTML markup. Work grows with the
# text, and the costliest hostile texts measured here ("*a" repeated as Markdown, "a. "
# repeated) take about 40 us a character on one core: some 20 s at this limit, inside
# the 30 s worker timeout (COPYDESK_TIMEOUT); raise one with the other.
DEFAULT_MAX_TEXT_CHARS = 500_000
# A 50,000-word feature has about 2,500 sentences (20 words each); 20,000 lets through
# lists of five-word lines, and bounds the per-unit work of the analyses.
DEFAULT_MAX_UNITS = 20_000
# A unit holds at least one visible character and is set apart from the next by at least
# one more, so a text of n characters has at most (n + 1) // 2 units: shorter texts need
# no count (the count builds the text model, a second time for the ones that pass).
MIN_CHARS_PER_UNIT = 2

DEFAULTS: Mapping[str, int] = MappingProxyType({
    "MAX_TEXT_CHARS": DEFAULT_MAX_TEXT_CHARS,
    "MAX_UNITS": DEFAULT_MAX_UNITS,
})


def init_app(app: Flask) -> None:
    """Fill in the limits the configuration leaves out; refuse to start on a limit that is not a positive integer."""
    for name, default in DEFAULTS.items():
        value = app.config.setdefault(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"COPYDESK_{name} must be a positive integer, got {value!r}")


def max_text_chars() -> int:
    """The most characters an article's text may have, from the app's configuration."""
    return int(current_app.config.get("MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS))


def max_units() -> int:
    """The most units (headings and sentences) an article may have, from the app's configuration."""
    return int(current_app.config.get("MAX_UNITS", DEFAULT_MAX_UNITS))


def check_article(text: str, format: str = "text") -> None:
    """Raise scoring.TextTooLongError (422, with limit and actual) when the article is over a limit."""
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
