"""The registry of claims rules: each has an id, an editor's message, its source and examples (data/claims_rules.toml)."""

from __future__ import annotations

from string import Formatter
from types import MappingProxyType
from typing import Final, NamedTuple
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
# Where a message puts its cue and source.
FIELDS: Final = ("cue", "source")


def _parts(rule: Rule) -> tuple[tuple[str, str], ...]:
    """A message split into (literal text, field name or "") pairs: str.format with keywords costs ~1 us a call."""
    parts = []
    for literal, field, spec, conversion in Formatter().parse(rule.message):
        if field is not None and (field not in FIELDS or spec or conversion):
            raise LexiconError(f"claims_rules: {rule.id}: the message may hold {{cue}} and {{source}} only, not {{{field}}}")
        parts.append((literal, field or ""))
    return tuple(parts)


# Read-only by convention (tests/scoring/test_module_state.py): a plain dict, read directly when compiled.
_PARTS: Final[dict[str, tuple[tuple[str, str], ...]]] = {r.id: _parts(r) for r in RULES}


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
    """The rule's message with its cue and source filled in (what `message.format(cue=..., source=...)` gives)."""
    out = []
    for literal, field in _PARTS[rule_id]:
        out.append(literal)
        if field == "cue":
            out.append(cue)
        elif field == "source":
            out.append(source)
    return "".join(out)
