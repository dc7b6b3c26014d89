"""Find passive-voice clauses: an auxiliary (be, get; ser; être; essere, venire; werden; worden) then a past participle.

The patterns per language are in data/readability_passive.toml with their grammar
sources. It is a shape rule, not a parser: it misses passives without an auxiliary
("the man arrested yesterday") and may flag a participle used as an adjective that is
not on the exclusion list.
"""

from __future__ import annotations

from types import MappingProxyType

from .lexicons import load
from .text import Token


class PassiveRule:
    """One language's passive pattern."""

    # A plain slotted class, not a named tuple: compiled, its fields are read as C struct
    # members, where a named tuple's go through a generic attribute lookup on every word.
    __slots__ = ("max_gap", "auxiliaries", "gap", "gap_suffixes", "prefixes", "suffixes", "min_stem", "irregular",
                 "adjectives")

    def __init__(self, max_gap: int, auxiliaries: frozenset[str], gap: frozenset[str], gap_suffixes: tuple[str, ...],
                 prefixes: tuple[str, ...], suffixes: tuple[str, ...], min_stem: int, irregular: frozenset[str],
                 adjectives: frozenset[str]) -> None:
        self.max_gap = max_gap
        self.auxiliaries = auxiliaries
        self.gap = gap
        self.gap_suffixes = gap_suffixes
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.min_stem = min_stem
        self.irregular = irregular
        self.adjectives = adjectives

    def is_participle(self, word: str) -> bool:
        """True when `word` (lower case) has the shape of a past participle in this language."""
        if word in self.adjectives:
            return False
        if word in self.irregular:
            return True
        if self.prefixes and not word.startswith(self.prefixes):
            return False
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= self.min_stem:
                return True
        return False

    def may_stand_between(self, word: str) -> bool:
        """True when `word` may separate the auxiliary from its participle (an adverb, a negation)."""
        if self.prefixes:  # German, Dutch: the participle closes the clause, anything may come between
            return True
        return word in self.gap or (bool(self.gap_suffixes) and word.endswith(self.gap_suffixes))

    def find(self, words: list[Token], lowered: list[str]) -> tuple[Token, Token] | None:
        """Return the first (auxiliary, participle) pair in a sentence's word tokens (and their lower case), or None."""
        auxiliaries = self.auxiliaries
        size = len(words)
        for i in range(size):
            if lowered[i] not in auxiliaries:
                continue
            for j in range(i + 1, min(size, i + 2 + self.max_gap)):
                candidate = lowered[j]
                if self.is_participle(candidate):
                    return words[i], words[j]
                if candidate in auxiliaries:
                    continue  # a chain of auxiliaries: "è stato chiuso", "has been charged"
                if not self.may_stand_between(candidate):
                    break
        return None


def _words(table, key: str) -> tuple[str, ...]:
    """Read a word list written as one space-separated literal string (fast to parse)."""
    return tuple(str(table.get(key, "")).split())


def _rule(table) -> PassiveRule:
    return PassiveRule(
        max_gap=int(table["max_gap"]),
        auxiliaries=frozenset(_words(table, "auxiliaries")),
        gap=frozenset(_words(table, "gap")),
        gap_suffixes=_words(table, "gap_suffixes"),
        prefixes=_words(table, "prefixes"),
        suffixes=_words(table, "suffixes"),
        min_stem=int(table["min_stem"]),
        irregular=frozenset(_words(table, "irregular")),
        adjectives=frozenset(_words(table, "adjectives")),
    )


RULES = MappingProxyType({code: _rule(t) for code, t in load("readability_passive").tables["languages"].items()})
