"""Exceptions the scoring library raises; none of them knows about HTTP.

ScoringError
 ├── InputError (ValueError): the article or the options cannot be analyzed as given
 │    ├── EmptyTextError: nothing to analyze once markup and white space are gone
 │    ├── TextTooLongError: over a configured limit (characters or units)
 │    ├── UnsupportedFormatError: a format other than text, html or markdown
 │    ├── UnsupportedLanguageError: a language without formulas here
 │    ├── InvalidOptionError: an option with a value out of range or unknown
 │    └── TimeBudgetExceededError: the analysis ran past the deadline its caller gave
 └── LexiconError: a data file shipped with the library is malformed (a bug, not bad input)
"""

from __future__ import annotations


class ScoringError(Exception):
    """Base of every error the scoring library raises."""


class InputError(ScoringError, ValueError):
    """The article or its options cannot be analyzed as given."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class EmptyTextError(InputError):
    """The article has no words to analyze."""


class TextTooLongError(InputError):
    """The article is over a configured limit."""

    def __init__(self, message: str, *, limit: int, actual: int, field: str | None = "text") -> None:
        super().__init__(message, field=field)
        self.limit = limit
        self.actual = actual


class UnsupportedFormatError(InputError):
    """The article's format is not one the library reads."""


class UnsupportedLanguageError(InputError):
    """The article's language has no formulas here."""


class InvalidOptionError(InputError):
    """An analysis option has a value the library cannot use."""


class TimeBudgetExceededError(InputError):
    """The analysis ran past the deadline its caller gave (checked between stages)."""

    def __init__(self, message: str, *, stage: str) -> None:
        super().__init__(message, field=None)
        self.stage = stage


class LexiconError(ScoringError):
    """A shipped data file is malformed."""
