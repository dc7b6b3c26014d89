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
from .report import analyze
from .results import Report
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
