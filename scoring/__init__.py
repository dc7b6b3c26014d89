"""copydesk's scoring library: readability, read time, repetition and unattributed claims.

Pure Python, no web framework: `analyze(text)` returns a frozen `Report`.
"""

from .errors import (
    EmptyTextError,
    InputError,
    InvalidOptionError,
    LexiconError,
    ScoringError,
    TextTooLongError,
    UnsupportedFormatError,
    UnsupportedLanguageError,
)
from .options import Options
from .text import Document, Unit, build_document

__all__ = [
    "Document",
    "EmptyTextError",
    "InputError",
    "InvalidOptionError",
    "LexiconError",
    "Options",
    "Report",
    "ScoringError",
    "TextTooLongError",
    "Unit",
    "UnsupportedFormatError",
    "UnsupportedLanguageError",
    "analyze",
    "build_document",
]


def __getattr__(name: str):
    """Import the analyses on first use, so that reading the text model alone stays cheap."""
    # An AttributeError raised while importing would read as "no such attribute" and hide
    # the real fault, so it is turned into an ImportError that keeps it.
    try:
        if name == "analyze":
            from .report import analyze

            return analyze
        if name == "Report":
            from .results import Report

            return Report
    except AttributeError as exc:
        raise ImportError(f"importing {__name__}.{name} failed: {exc}") from exc
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
