"""The library's one entry point: read an article once, run the four analyses, return a Report."""

from __future__ import annotations

import gc
import time

from . import claims, figures, findings, language, markup, read_time, readability, repetition
from .errors import EmptyTextError, TimeBudgetExceededError, UnsupportedFormatError
from .options import FORMATS, Options
from .results import Claims, Language, Report
from .text import build_document


def analyze(source: str, *, format: str = "text", options: Options | None = None, deadline: float | None = None) -> Report:
    """Analyze one article given as plain text, HTML or Markdown; past `deadline` (time.monotonic()) raise TimeBudgetExceededError."""
    # The cyclic garbage collector is paused while the article is analyzed. The analysis
    # makes no reference cycles (tests/scoring/test_report_gc.py), so reference counting
    # frees everything it builds; but its objects all live until the report is done, and
    # CPython 3.11 walks the whole growing heap again at each full collection: half the time
    # of a 700,000-word article, and 3-5% of a short one (bench/scaling.py, bench/inprocess.py).
    # The collector is switched back on at the end only if it was on (a caller that turned it
    # off keeps it off), whatever the analysis raised.
    if not gc.isenabled():
        return _analyze(source, format, options, deadline)
    gc.disable()
    try:
        return _analyze(source, format, options, deadline)
    finally:
        gc.enable()


def check_deadline(deadline: float | None, stage: str) -> None:
    """Raise TimeBudgetExceededError when `deadline` (time.monotonic()) has passed; the caller's budget, checked between stages."""
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceededError(f"the analysis ran out of its time budget before {stage}", stage=stage)


def _analyze(source: str, format: str, options: Options | None, deadline: float | None = None) -> Report:
    """`analyze` itself, with the collector as the caller left it."""
    options = options or Options()
    if format not in FORMATS:
        raise UnsupportedFormatError(f"format must be one of {', '.join(FORMATS)}, got {format!r}", field="format")
    extracted = None
    check_deadline(deadline, "reading the text")
    if format == "text":
        doc = build_document(source)
    else:
        extracted = markup.extract(source, format)
        doc = build_document(extracted.text, extracted.blocks, images=extracted.images)
    if not any(t.is_word for u in doc.units for t in u.tokens):
        raise EmptyTextError("the article has no words to analyze", field="text")
    lang = language.resolve(doc, options.language)
    off = findings.check_disabled(options.disabled_rules)
    check_deadline(deadline, "the figures")
    found = figures.find(doc)
    check_deadline(deadline, "readability")
    read = findings.without_disabled(readability.analyze(doc, lang.code, options.profile), off)
    check_deadline(deadline, "repetition")
    repeated = repetition.analyze(doc, found)
    check_deadline(deadline, "the claims")
    if lang.code in language.CLAIMS_LANGUAGES:
        claimed = claims.analyze(doc, found, findings.claims_options(options, off))
    else:
        claimed = _claims_not_analyzed(lang)
    return Report(
        format=format,
        text=doc.text,
        language=lang,
        paragraphs=len(doc.paragraphs),
        units=doc.units,
        readability=read,
        read_time=read_time.analyze(doc, lang.code, options.words_per_minute),
        repetition=repeated,
        claims=claimed,
        captions=extracted.captions if extracted else (),
        findings=findings.build(doc.text, doc.units, read, repeated, claimed, options, off),
        source_map=extracted.source_map if extracted else None,
    )


def _claims_not_analyzed(lang: Language) -> Claims:
    """The claims section of an article in a language the claims rules are not written for: no counts, no flags."""
    name = language.NAMES.get(lang.code, lang.code)
    rules_for = ", ".join(language.NAMES[c] for c in language.CLAIMS_LANGUAGES)
    reason = f"claims are not analyzed in {name} ({lang.code}): the sourcing rules are written for {rules_for} only"
    return Claims(None, None, None, None, None, (), (), analyzed=False, reason=reason)
