"""A sentence as the claims rules read it: tokens, lower-cased words, and which lie inside quotations or names."""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from ..charclass import starts_upper
from ..text import NUMBER, WORD, Document, Token, Unit
from .lexicon import NOT_NAMES

QUOTE: Final = '"'


# A plain class with read-only fields, not a named tuple: compiled, a native class read without look-ups;
# cheap to define at import, unlike a dataclass (~0.8 ms of start-up). Internal, never in a Report.
class View:
    """One unit's tokens with their lower-cased text, quotation state and name flags, built once per unit."""

    __slots__ = ("unit", "toks", "low", "quoted", "names", "initial", "words_inside", "words_total")

    unit: Final[Unit]
    toks: Final[tuple[Token, ...]]
    low: Final[tuple[str, ...]]
    quoted: Final[tuple[bool, ...]]  # inside a quotation, marks included
    names: Final[tuple[bool, ...]]  # part of a proper name (see `name_flags`)
    initial: Final[int]  # index of the first word: its capital letter says nothing about names
    words_inside: Final[int]  # words inside quotations
    words_total: Final[int]

    def __init__(
        self, unit: Unit, toks: tuple[Token, ...], low: tuple[str, ...], quoted: tuple[bool, ...],
        names: tuple[bool, ...], initial: int, words_inside: int, words_total: int,
    ) -> None:
        self.unit = unit
        self.toks = toks
        self.low = low
        self.quoted = quoted
        self.names = names
        self.initial = initial
        self.words_inside = words_inside
        self.words_total = words_total

    def is_word(self, k: int) -> bool:
        """True for a word or number token."""
        kind = self.toks[k].kind
        return kind == WORD or kind == NUMBER

    def index_at(self, start: int) -> int:
        """The index of the token that starts at document offset `start` (the first one at or after it)."""
        # a bisection over the tokens' starts (a column of them cost ~40 bytes a token: boxed ints)
        toks = self.toks
        lo, hi = 0, len(toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if toks[mid].start < start:
                lo = mid + 1
            else:
                hi = mid
        return lo

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
    """Read `unit` into a View; quotation state comes from `quotations(doc)`, names from `proper`."""
    return _read(doc, (unit,), proper, quotations(doc))[0][0]


def make_views(doc: Document, quotes: tuple[tuple[int, int], ...]) -> tuple[list[View], frozenset[str]]:
    """Every sentence of `doc` as a View, and the article's proper words, in one pass over the tokens.

    Proper words are capitalized words the article writes with a capital inside its sentences
    and never in lower case: names even at the start of a sentence ("Okonkwo, 47, was elected
    ..."), where a capital alone proves nothing. Headings are left out: title case capitalizes
    everything. The sentence-initial name flags, the only ones that need them, are set last.
    """
    return _read(doc, [u for u in doc.units if u.type == "sentence"], None, quotes)


def _read(
    doc: Document, units: tuple[Unit, ...] | list[Unit], proper: frozenset[str] | None, quotes: tuple[tuple[int, int], ...],
) -> tuple[list[View], frozenset[str]]:
    """Views of `units`; with `proper` None, the proper words are gathered from the same units.

    Speed matters here (every token of the article passes through): one loop per unit reads
    every column, and only capitalized tokens are looked at one by one.
    """
    read: list[_Read] = []
    # one all-False column per length, shared by the units without quotations or names (memory)
    no_flags: dict[int, tuple[bool, ...]] = {}
    upper: set[str] = set()
    written: set[str] = set()  # every token as written in the sentences
    gather = proper is None
    for unit in units:
        toks = unit.tokens
        low: list[str] = []
        caps: list[int] = []  # tokens that start with a capital letter
        total = 0
        initial = first_word = -1
        k = 0
        for t in toks:
            lex = t.lexeme  # the token's text, kind and lower case, read once
            lower = lex.lower
            low.append(lower)  # shared per article by the tokenizer
            kind = lex.kind
            if kind == WORD or kind == NUMBER:
                total += 1
                if initial < 0:
                    initial = k
                if first_word < 0 and kind == WORD:
                    first_word = k
            text = lex.text
            # the tokenizer makes `lower` the text itself only when it has no capital
            if text is not lower and starts_upper(text):
                caps.append(k)
            if gather:
                written.add(text)
            k += 1
        if initial < 0:
            initial = 0
        spans = quotes_in(quotes, unit.start, unit.end)
        inside = 0
        if spans:
            flags: list[bool] = []
            i = 0  # spans are sorted and disjoint: walk them with the tokens
            for t in toks:
                while i < len(spans) and spans[i][1] < t.end:
                    i += 1
                inside_now = i < len(spans) and spans[i][0] <= t.start
                flags.append(inside_now)
                if inside_now and (t.kind == WORD or t.kind == NUMBER):
                    inside += 1
            quoted = tuple(flags)
        else:
            quoted = _no_flags(no_flags, len(toks))
        if gather:
            for k in caps:
                if k != first_word:
                    upper.add(_bare(toks[k].text))
        read.append(_Read(unit, tuple(low), quoted, caps, initial, inside, total))
    if proper is None:
        proper = frozenset(w for w in upper if not _written_lower(w, written) and w.lower() not in NOT_NAMES)
    views = []
    for r in read:
        toks = r.unit.tokens
        lows = r.low
        names = [False] * len(toks)
        named = False
        for k in r.caps:
            if toks[k].kind != WORD or lows[k] in NOT_NAMES:
                continue
            if k == r.initial or k > 0 and toks[k - 1].text in _OPENERS:
                # at the start of the sentence or a quotation a capital proves nothing
                names[k] = _bare(toks[k].text) in proper
            else:
                names[k] = True
            named = named or names[k]
        name_flags = tuple(names) if named else _no_flags(no_flags, len(toks))
        views.append(View(r.unit, toks, lows, r.quoted, name_flags, r.initial, r.inside, r.total))
    return views, proper


def _no_flags(shared: dict[int, tuple[bool, ...]], n: int) -> tuple[bool, ...]:
    """A column of `n` False flags, one per length per article."""
    flags = shared.get(n)
    if flags is None:
        flags = shared[n] = (False,) * n
    return flags


class _Read:
    """One unit's columns, kept until the article's proper words are known."""

    __slots__ = ("unit", "low", "quoted", "caps", "initial", "inside", "total")

    def __init__(self, unit: Unit, low: tuple[str, ...], quoted: tuple[bool, ...], caps: list[int],
                 initial: int, inside: int, total: int) -> None:
        self.unit = unit
        self.low = low
        self.quoted = quoted
        self.caps = caps
        self.initial = initial
        self.inside = inside
        self.total = total


_OPENERS: Final = frozenset((QUOTE, "("))


def _bare(word: str) -> str:
    """A word without its possessive ending ("Millbrook's" is "Millbrook")."""
    return word.removesuffix("'s") or word


def _written_lower(word: str, written: set[str]) -> bool:
    """True when the article also writes `word` in lower case (bare or possessive)."""
    w = word.lower()
    return w in written or w + "'s" in written


def quotations(doc: Document) -> tuple[tuple[int, int], ...]:
    """The article's double-quoted passages, marks included, paired by which way each mark faces.

    A mark after a space or an opening bracket and before a word opens a quotation; one after a
    word or punctuation and before a space closes it. A quotation still open when another
    opens ran on without its closing mark ('He said: "A. B. "C."' merged from two paragraphs):
    it ends before the new one, so the writer's words after the second do not read as quoted.
    A quotation left open at the end of a paragraph ends with it (news style reopens the mark
    on each paragraph of a long quote). Marks that face neither way alternate.
    """
    norm = doc.norm
    size = len(norm)
    spans: list[tuple[int, int]] = []
    for p in doc.paragraphs:
        open_at = -1
        i = norm.find(QUOTE, p.start, p.end)  # str.find: the marks alone, not every token, are visited
        while i >= 0:
            before = norm[i - 1] if i > 0 else " "
            after = norm[i + 1] if i + 1 < size else " "
            opens = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            if open_at < 0:
                if opens or not closes:
                    open_at = i
            elif opens and not closes:
                last_end = i
                while last_end > open_at + 1 and norm[last_end - 1].isspace():
                    last_end -= 1
                spans.append((open_at, last_end))  # the run-on quotation ends at the text before this mark
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = -1
            i = norm.find(QUOTE, i + 1, p.end)
        if open_at >= 0:
            spans.append((open_at, p.end))
    return tuple(spans)


# Characters after which a quotation mark opens a quotation ("(" and dashes: '-"We ...').
_OPENING_CONTEXT: Final = frozenset(("(", "[", "-", "\u2014", "\u2013", "/", ":"))


def quotes_in(quotes: tuple[tuple[int, int], ...], start: int, end: int) -> list[tuple[int, int]]:
    """The quotation spans that overlap [start, end): found by bisection, as `quotes` is sorted."""
    i = bisect_left(quotes, (start, start))
    if i > 0 and quotes[i - 1][1] > start:
        i -= 1  # a quotation opened before the unit and still open in it
    out = []
    while i < len(quotes) and quotes[i][0] < end:
        if quotes[i][1] > start:
            out.append(quotes[i])
        i += 1
    return out


def is_capitalized(token: Token) -> bool:
    """True for a word that starts with a capital letter."""
    return token.kind == WORD and token.text[0].isupper()
