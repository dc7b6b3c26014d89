"""copydesk: how hard a news article is to read, how long it takes, what it repeats, which claims stand unsourced.

    from copydesk import analyze

    report = analyze(text)  # a frozen Report; format="html" or "markdown", options=Options(...)

The library is copydesk.scoring (no web framework), re-exported here; the HTTP service is
copydesk.api (gunicorn's app: copydesk.api.wsgi:app). In the repository the two are the
top-level folders scoring/ and api/, mapped into this package by pyproject.toml's package-dir.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Nothing is imported until a name is asked for (PEP 562): `import copydesk.api.cli` (the
# `copydesk` command) must not pay for the analyses' imports it may not need.
if TYPE_CHECKING:
    from .scoring.errors import (
        EmptyTextError,
        InputError,
        InvalidOptionError,
        LexiconError,
        ScoringError,
        TextTooLongError,
        TimeBudgetExceededError,
        UnsupportedFormatError,
        UnsupportedLanguageError,
    )
    from .api.reports import to_dict
    from .scoring.options import Options
    from .scoring.report import analyze
    from .scoring.text import Unit
    from .scoring.results import (
        Claim,
        Claims,
        Cue,
        FigureConflict,
        FigureMention,
        Finding,
        FormulaScore,
        Language,
        NamedSource,
        Readability,
        ReadTime,
        RelatedSpan,
        RepeatedFigure,
        Repetition,
        Report,
        Restatement,
        SentenceFinding,
        Suggestion,
        TextCounts,
    )

# public name -> the module of copydesk.scoring that defines it ("api." for copydesk.api's)
_HOMES = {
    "analyze": "report",
    "Options": "options",
    "Unit": "text",
    # the API's JSON for a report: copydesk.api owns the contract; imported (~85 ms) only when asked
    "to_dict": "api.reports",
    **dict.fromkeys(
        (
            "EmptyTextError",
            "InputError",
            "InvalidOptionError",
            "LexiconError",
            "ScoringError",
            "TextTooLongError",
            "TimeBudgetExceededError",
            "UnsupportedFormatError",
            "UnsupportedLanguageError",
        ),
        "errors",
    ),
    **dict.fromkeys(
        (
            "Claim",
            "Claims",
            "Cue",
            "FigureConflict",
            "FigureMention",
            "Finding",
            "FormulaScore",
            "Language",
            "NamedSource",
            "Readability",
            "ReadTime",
            "RelatedSpan",
            "RepeatedFigure",
            "Repetition",
            "Report",
            "Restatement",
            "SentenceFinding",
            "Suggestion",
            "TextCounts",
        ),
        "results",
    ),
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """Import a public name from copydesk.scoring (or copydesk.api) on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
    from importlib import import_module

    module = f"{__name__}.{home}" if home.startswith("api.") else f"{__name__}.scoring.{home}"
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
