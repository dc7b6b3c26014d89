"""Named readability profiles (news, feature, explainer): grade targets and sentence limits from data/profiles.toml."""

from __future__ import annotations

from types import MappingProxyType

from .errors import InvalidOptionError
from .lexicons import load


class Profile:
    """What a kind of article should read like: verdict thresholds and sentence limits."""

    # A plain slotted class, not a named tuple: compiled, its fields and verdict() are C-level
    # reads and calls, where a named tuple's go through generic attribute lookups.
    __slots__ = ("name", "description", "grade_green_max", "grade_amber_max", "long_sentence_words",
                 "hard_sentence_grade")

    def __init__(self, name: str, description: str, grade_green_max: float, grade_amber_max: float,
                 long_sentence_words: int, hard_sentence_grade: float) -> None:
        self.name = name
        self.description = description
        self.grade_green_max = grade_green_max
        self.grade_amber_max = grade_amber_max
        self.long_sentence_words = long_sentence_words
        self.hard_sentence_grade = hard_sentence_grade

    def verdict(self, grade: float | None) -> str | None:
        """Return green, amber or red for a school-grade equivalent, None when there is none."""
        if grade is None:
            return None
        if grade <= self.grade_green_max:
            return "green"
        if grade <= self.grade_amber_max:
            return "amber"
        return "red"


def _read() -> MappingProxyType:
    data = load("profiles")
    return MappingProxyType(
        {
            name: Profile(
                name=name,
                description=str(t["description"]),
                grade_green_max=float(t["grade_green_max"]),
                grade_amber_max=float(t["grade_amber_max"]),
                long_sentence_words=int(t["long_sentence_words"]),
                hard_sentence_grade=float(t["hard_sentence_grade"]),
            )
            for name, t in data.tables["profiles"].items()
        }
    )


PROFILES = _read()
DEFAULT = "news"


def get(name: str) -> Profile:
    """Return the named profile, or raise InvalidOptionError listing the known ones."""
    profile = PROFILES.get(name)
    if profile is None:
        raise InvalidOptionError(
            f"profile must be one of {', '.join(sorted(PROFILES))}, got {name!r}", field="options.profile"
        )
    return profile
