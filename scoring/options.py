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
# A finding's severity, lowest first (findings.py; data/findings_rules.toml says how each is decided).
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Options:
    """Per-request settings; every field has the default an editor would expect."""

    language: str | None = None  # None: detect from the text
    profile: str = "news"
    words_per_minute: float | None = None  # None: the language's published rate
    anonymous_as_vague: bool = True
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    locale: str | None = None  # the findings' messages: a shipped locale (messages.LOCALES); None: English
    min_severity: str = "info"  # findings below this severity are left out

    def __post_init__(self) -> None:
        wpm = self.words_per_minute
        if wpm is not None and not MIN_WORDS_PER_MINUTE <= wpm <= MAX_WORDS_PER_MINUTE:
            raise InvalidOptionError(
                f"words_per_minute must be between {MIN_WORDS_PER_MINUTE:g} and {MAX_WORDS_PER_MINUTE:g}, got {wpm:g}",
                field="options.words_per_minute",
            )
        if self.min_severity not in SEVERITIES:
            raise InvalidOptionError(
                f"min_severity must be one of {', '.join(SEVERITIES)}, got {self.min_severity!r}", field="options.min_severity"
            )
