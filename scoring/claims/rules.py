"""The registry of claims rules: each has an id, an editor's message, its source and examples (data/claims_rules.toml)."""

from __future__ import annotations

from types import MappingProxyType
from typing import NamedTuple
from collections.abc import Mapping

from ..errors import InvalidOptionError, LexiconError
from ..lexicons import load


# A named tuple, not a dataclass: ~0.1 ms to define at import against ~0.8 ms (start-up); internal, never in a Report.
class Rule(NamedTuple):
    """One rule: what it says to an editor, where it comes from, and what it must and must not catch."""

    id: str
    message: str
    source: str
    flag: tuple[str, ...]
    passes: tuple[str, ...]


def _load() -> tuple[Rule, ...]:
    """Read the rules from data/claims_rules.toml."""
    data = load("claims_rules")
    out = []
    for raw in data.tables.get("rules", ()):
        try:
            out.append(Rule(raw["id"], raw["message"], raw["source"], tuple(raw.get("flag", ())), tuple(raw.get("pass", ()))))
        except KeyError as exc:
            raise LexiconError(f"claims_rules: a rule lacks {exc}") from exc
    return tuple(out)


RULES: tuple[Rule, ...] = _load()
BY_ID: Mapping[str, Rule] = MappingProxyType({r.id: r for r in RULES})


def check_disabled(ids: frozenset[str]) -> frozenset[str]:
    """Return `ids` if every one names a rule; raise InvalidOptionError for an unknown id."""
    unknown = sorted(i for i in ids if i not in BY_ID)
    if unknown:
        raise InvalidOptionError(
            f"unknown claims rule id(s): {', '.join(unknown)}; known: {', '.join(sorted(BY_ID))}",
            field="options.disabled_rules",
        )
    return frozenset(ids)


def message(rule_id: str, cue: str = "", source: str = "") -> str:
    """The rule's message with its cue and source filled in."""
    return BY_ID[rule_id].message.format(cue=cue, source=source)
