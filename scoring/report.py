"""The library's one entry point: read an article once, run the four analyses, return a Report."""

from __future__ import annotations

from . import claims, figures, language, markup, read_time, readability, repetition
from .errors import EmptyTextError, UnsupportedFormatError
from .options import FORMATS, Options
from .results import Report
from .text import build_document


def analyze(source: str, *, format: str = "text", options: Options | None = None) -> Report:
    """Analyze one article given as plain text, HTML or Markdown."""
    options = options or Options()
    if format not in FORMATS:
        raise UnsupportedFormatError(f"format must be one of {', '.join(FORMATS)}, got {format!r}", field="format")
    extracted = None
    if format == "text":
        doc = build_document(source)
    else:
        extracted = markup.extract(source, format)
        doc = build_document(extracted.text, extracted.blocks, images=extracted.images)
    if not any(t.is_word for u in doc.units for t in u.tokens):
        raise EmptyTextError("the article has no words to analyze", field="text")
    lang = language.resolve(doc, options.language)
    found = figures.find(doc)
    return Report(
        format=format,
        text=doc.text,
        language=lang,
        paragraphs=len(doc.paragraphs),
        units=doc.units,
        readability=readability.analyze(doc, lang.code, options.profile),
        read_time=read_time.analyze(doc, lang.code, options.words_per_minute),
        repetition=repetition.analyze(doc, found),
        claims=claims.analyze(doc, found, options),
        captions=extracted.captions if extracted else (),
        source_map=extracted.source_map if extracted else None,
    )
