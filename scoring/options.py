"""What a request may change about an analysis, checked once before any work is done."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InvalidOptionError

FORMATS = ("text", "html", "markdown")

# Brysbaert (2019), "How many words do we read per minute? A review and meta-analysis of
# reading rate", Journal of Memory and Language 109: 238 wpm for silent reading of
# non-fiction in English.
DEFAULT_WORDS_PER_MINUTE = 238.0
MIN_WORDS_PER_MINUTE = 50.0
MAX_WORDS_PER_MINUTE = 1000.0


@dataclass(frozen=True, slots=True)
class Options:
    """Per-request settings; every field has the default an editor would expect."""

    language: str | None = None  # None: detect from the text
    profile: str = "news"
    words_per_minute: float | None = None  # None: the language's published rate
    anonymous_as_vague: bool = True
    disabled_rules: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        wpm = self.words_per_minute
        if wpm is not None and not MIN_WORDS_PER_MINUTE <= wpm <= MAX_WORDS_PER_MINUTE:
            raise InvalidOptionError(
                f"words_per_minute must be between {MIN_WORDS_PER_MINUTE:g} and {MAX_WORDS_PER_MINUTE:g}, got {wpm:g}",
                field="options.words_per_minute",
            )
