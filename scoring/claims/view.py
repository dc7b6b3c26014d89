"""A sentence as the claims rules read it: tokens, lower-cased words, and which lie inside quotations or names."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..text import NUMBER, WORD, Document, Token, Unit
from .lexicon import NOT_NAMES

QUOTE = '"'


@dataclass(frozen=True, slots=True)
class View:
    """One unit's tokens with their lower-cased text, quotation state and name flags, built once per unit."""

    unit: Unit
    toks: tuple[Token, ...]
    low: tuple[str, ...]
    quoted: tuple[bool, ...]  # inside a quotation, marks included
    names: tuple[bool, ...]  # part of a proper name (see `name_flags`)
    initial: int  # index of the first word: its capital letter says nothing about names
    words_inside: int  # words inside quotations
    words_total: int

    def is_word(self, k: int) -> bool:
        """True for a word or number token."""
        kind = self.toks[k].kind
        return kind == WORD or kind == NUMBER

    def index_at(self, start: int) -> int:
        """The index of the token that starts at document offset `start` (the first one at or after it)."""
        return bisect_left([t.start for t in self.toks], start)

    def text(self, a: int, b: int) -> str:
        """The unit's text from token `a` to token `b - 1`, as written."""
        unit = self.unit
        return unit.text[self.toks[a].start - unit.start : self.toks[b - 1].end - unit.start]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Document offsets of tokens `a` to `b - 1`."""
        return self.toks[a].start, self.toks[b - 1].end

    @property
    def words_quoted(self) -> tuple[int, int]:
        """How many words lie inside quotations, and how many there are in all."""
        return self.words_inside, self.words_total


def make_view(doc: Document, unit: Unit, proper: frozenset[str]) -> View:
    """Read `unit` into a View; quotation state comes from `doc.quotes`, names from `proper`."""
    toks = unit.tokens
    spans = quotes_in(doc, unit.start, unit.end)
    if spans:
        flags = []
        i = 0  # spans are sorted and disjoint: walk them with the tokens
        for t in toks:
            while i < len(spans) and spans[i][1] < t.end:
                i += 1
            flags.append(i < len(spans) and spans[i][0] <= t.start)
        quoted = tuple(flags)
    else:
        quoted = (False,) * len(toks)
    initial = 0
    inside = total = 0
    for k, t in enumerate(toks):
        if t.kind == WORD or t.kind == NUMBER:
            if not total:
                initial = k
            total += 1
            inside += quoted[k]
    low = tuple(map(str.lower, [t.text for t in toks]))
    names = name_flags(toks, low, initial, proper)
    return View(unit, toks, low, quoted, names, initial, inside, total)


def quotes_in(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The quotation spans that overlap [start, end): found by bisection, as `doc.quotes` is sorted."""
    quotes = doc.quotes
    i = bisect_left(quotes, (start, start))
    if i > 0 and quotes[i - 1][1] > start:
        i -= 1  # a quotation opened before the unit and still open in it
    out = []
    while i < len(quotes) and quotes[i][0] < end:
        if quotes[i][1] > start:
            out.append(quotes[i])
        i += 1
    return out


def name_flags(toks: tuple[Token, ...], low: tuple[str, ...], initial: int, proper: frozenset[str]) -> tuple[bool, ...]:
    """Which tokens are parts of proper names: capitalized words not explained by the start of a sentence or quotation.

    At the start, a capital proves nothing, so the word must be one the article writes with a
    capital elsewhere inside its sentences (`proper_words`). Months, days and "I" are not names.
    """
    out = [False] * len(toks)
    for k, t in enumerate(toks):
        text = t.text
        if not text[0].isupper() or t.kind != WORD or low[k] in NOT_NAMES:
            continue
        if k == initial or (k > 0 and toks[k - 1].text in ('"', "(")):
            out[k] = text.removesuffix("'s") in proper
        else:
            out[k] = True
    return tuple(out)


def proper_words(doc: Document) -> frozenset[str]:
    """Capitalized words the article writes with a capital inside its sentences and never in lower case.

    They are names even at the start of a sentence ("Okonkwo, 47, was elected ..."), where a
    capital letter alone proves nothing. Headings are left out: title case capitalizes everything.
    """
    upper: set[str] = set()
    lower: set[str] = set()
    for unit in doc.units:
        if unit.type != "sentence":
            continue
        # "Millbrook's" counts for "Millbrook": the possessive is the same name
        words = [t.text.removesuffix("'s") for t in unit.tokens if t.kind == WORD]
        for word in words[1:]:
            (upper if word[0].isupper() else lower).add(word)
        if words and not words[0][0].isupper():
            lower.add(words[0])
    return frozenset(w for w in upper if w.lower() not in lower and w.lower() not in NOT_NAMES)


def is_capitalized(token: Token) -> bool:
    """True for a word that starts with a capital letter."""
    return token.kind == WORD and token.text[0].isupper()
