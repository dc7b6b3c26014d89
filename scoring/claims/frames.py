"""A frame: one place in a sentence that credits (or fails to credit) its content to a source."""

from __future__ import annotations

from typing import Final

from .sources import Source


# A plain class with read-only fields, not a named tuple: compiled, a native class read without look-ups;
# cheap to define at import, unlike a dataclass (~0.8 ms of start-up). Internal, never in a Report.
class Frame:
    """The cue that credits a claim (a reporting verb, "according to", "reportedly") and its source."""

    __slots__ = ("rule", "kind", "cue_start", "cue_end", "cue", "source", "trailing")

    rule: Final[str]  # the rule id that found it
    kind: Final[str]  # sources.NAMED | ANONYMOUS | VAGUE | PRONOUN
    cue_start: Final[int]
    cue_end: Final[int]
    cue: Final[str]
    source: Final[Source | None]
    trailing: Final[bool]  # the frame ends its sentence (", the agency said."): it governs what came before

    def __init__(
        self, rule: str, kind: str, cue_start: int, cue_end: int, cue: str, source: Source | None,
        trailing: bool = False,
    ) -> None:
        self.rule = rule
        self.kind = kind
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.cue = cue
        self.source = source
        self.trailing = trailing
