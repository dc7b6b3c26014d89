"""The text model: an article read once into paragraphs, units (headings and sentences) and tokens.

Every span is half-open `[start, end)` in Unicode code points into `Document.text`, the text
that was analyzed: for plain-text input that is the submitted text itself (lone surrogates
replaced by U+FFFD, which keeps every offset), for HTML and Markdown the plain text
extracted from the markup. `Document.norm` is a copy of the same length in which white
space, quotation marks and control characters are folded to plain ASCII forms, so every
rule can match one spelling and still report offsets into `text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, NamedTuple, final

from .charclass import COMPILED, is_alpha

HEADING: Final = "heading"
SENTENCE: Final = "sentence"

WORD: Final = "word"  # has at least one letter: "soldiers", "COVID-19", "4.5bn", "U.S"
NUMBER: Final = "number"  # digits with inner separators: "11,000", "3.5", "12/27/2024"
PUNCT: Final = "punct"  # one punctuation character
SYMBOL: Final = "symbol"  # one other character: "$", "%", an emoji

# Characters a word may carry inside it (never first or last): apostrophes, hyphens,
# inner dots (U.S, e.g, example.org), slashes, ampersands (AT&T), @ and +. Commas and
# colons only between digits (11,000; 7:45). Combining marks are part of the word.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# A character that may start a word, and one that may continue it. ASCII letters and digits
# come first as an alternative of their own, which the engine tests without the Unicode
# category look-up that \w needs (~10% of the tokenizer's matching time on news copy).
_WORD_START = r"(?:[a-zA-Z0-9]|[^\W_])"
_WORD_CHAR = rf"(?:[a-zA-Z0-9]|[\w{_MARKS}])"
# Each alternative is deterministic (a joiner must be followed by a word character, and
# the runs either side of it cannot overlap), so a match never backtracks more than one
# character and matching stays linear on any input. No possessive quantifiers: CPython
# 3.11 before 3.11.3 (Debian bookworm's python3) matches them wrongly here (empty tokens).
# This pattern is the definition of a token. Compiled, `tokenize` implements it by hand
# (scan_tokens); tests/scoring/test_tokenizer.py holds both tokenizers equal to it on every
# class of code point.
TOKEN_RE = re.compile(
    rf"{_WORD_START}{_WORD_CHAR}*(?:(?:[.'&@+/\-]|(?<=\d)[,:](?=\d)){_WORD_START}{_WORD_CHAR}*)*|\S"
)
# TOKEN_RE with the white space before each token as a group of its own: findall then gives
# (space, token) pairs from which the offsets follow, without a match object per token.
# White space at the end matches the end (`\Z`, an empty token) instead of failing: after
# `\s*` the next character is then always a token's or the end, so nothing backtracks and a
# run of trailing spaces is read once (without it, findall rescanned the run from each of
# its positions: quadratic, 28 s for 16 KiB of spaces).
_SPACED_TOKEN_RE: Final = re.compile(r"(\s*)(" + TOKEN_RE.pattern + r"|\Z)")
# _MARKS as code point ranges, for the tokenizer.
MARK_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x0610, 0x061A), (0x064B, 0x065F), (0x0900, 0x0903),
    (0x093A, 0x094F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
)
_NUMERIC_RE: Final = re.compile(r"[\d.,:/'&@+\-]+")

# Length-preserving folding for `Document.norm`: every white-space character becomes a
# space or a newline, typographic quotes become ASCII ones, control characters a space
# ("\r" is handled in `_fold_char`), non-breaking hyphens "-", zero-width characters a
# space. Runs of code points (first, last, replacement), written out rather than derived
# from str.isspace() over U+0000-U+3000 at import (~1.4 ms of start-up);
# tests/scoring/test_text_fold.py derives the table again and compares.
_FOLD_RUNS = (
    (0x0000, 0x0009, " "),
    (0x000B, 0x000C, "\n"),
    (0x000D, 0x001B, " "),
    (0x001C, 0x001E, "\n"),
    (0x001F, 0x001F, " "),
    (0x007F, 0x0084, " "),
    (0x0085, 0x0085, "\n"),
    (0x0086, 0x00A0, " "),
    (0x00AB, 0x00AB, '"'),
    (0x00BB, 0x00BB, '"'),
    (0x02BC, 0x02BC, "'"),
    (0x1680, 0x1680, " "),
    (0x2000, 0x200D, " "),
    (0x2010, 0x2011, "-"),
    (0x2018, 0x201B, "'"),
    (0x201C, 0x201F, '"'),
    (0x2028, 0x2029, "\n"),
    (0x202F, 0x202F, " "),
    (0x2032, 0x2032, "'"),
    (0x2033, 0x2033, '"'),
    (0x205F, 0x2060, " "),
    (0x3000, 0x3000, " "),
    (0x301D, 0x301E, '"'),
    (0xFEFF, 0xFEFF, " "),
)
FOLD = {cp: ch for first, last, ch in _FOLD_RUNS for cp in range(first, last + 1)}
_FOLD_RE: Final = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(FOLD)) + "]")
_SURROGATE_RE: Final = re.compile("[" + chr(0xD800) + "-" + chr(0xDFFF) + "]")  # chr(): compilers reject surrogate literals
# FOLD's ASCII entries for str.translate, "\r" alone a newline as in `_fold_char`: on an
# ASCII text (CPython's fast path, ~1 ns a character) instead of the regex's ~8 ns.
_ASCII_FOLD: Final[dict[int, str]] = {cp: ("\n" if cp == 0x0D else ch) for cp, ch in FOLD.items() if cp < 0x80}
# The same as a table of bytes, for bytes.translate: one array read a byte, no dictionary look-up.
_BYTE_FOLD: Final = bytes(ord(_ASCII_FOLD.get(b, chr(b))) if b < 0x80 else b for b in range(256))
# fold() patches the non-ASCII characters of a text one by one while at most one character in
# this many is one (news copy: a few curly quotes, dashes and accents); above it (Cyrillic,
# Greek, CJK copy) the regex does the whole text.
_PATCH_MAX_SHARE: Final = 16


@final
class Lexeme:
    """One distinct token text of a document, shared by every token that has it: the text, its kind, its lower case.

    `lower` is the text itself (the same object) when the text is in lower case and starts
    with no capital. `ordinal` numbers the document's distinct texts from 0, in the order they
    are first seen (`Document.lexemes` counts them): an analysis that works something out once
    per distinct word keeps it in a list at that index, which compiled code reads in a few
    instructions, where a dictionary keyed by the text costs a hash-table probe per token.
    `alpha` says the lower case is all letters (`str.isalpha`): figures, terms and readability
    each skip work for such a word, and ask it once here rather than once each.
    """

    __slots__ = ("text", "kind", "lower", "ordinal", "alpha")

    def __init__(self, text: str, kind: str, lower: str, ordinal: int, alpha: bool) -> None:
        self.text: Final = text
        self.kind: Final = kind
        self.lower: Final = lower
        self.ordinal: Final = ordinal
        self.alpha: Final = alpha


@final
class Token:
    """A word, number, punctuation mark or symbol: where it starts in `Document.norm`, and its Lexeme (text, kind, lower case).

    Two fields: an article repeats its words, so what a token's text says about it (kind,
    lower case) lives once per distinct text, in the Lexeme, and the end follows from the
    length of the text. A token takes 64 bytes as allocated (compiled: a native class, its
    start a C integer); with the text, kind, lower case and end of its own it took 80, and a
    1 MiB article has ~165,000 tokens. `text`, `kind`, `lower` and `end` read as fields.
    """

    __slots__ = ("start", "lexeme")

    def __init__(self, start: int, lexeme: Lexeme) -> None:
        self.start: Final = start
        self.lexeme: Final = lexeme

    @property
    def end(self) -> int:
        return self.start + len(self.lexeme.text)

    @property
    def text(self) -> str:
        return self.lexeme.text

    @property
    def kind(self) -> str:
        return self.lexeme.kind

    @property
    def lower(self) -> str:
        return self.lexeme.lower

    @property
    def is_word(self) -> bool:
        """True for words and numbers: what the readability formulas count as words."""
        kind = self.lexeme.kind
        return kind is WORD or kind is NUMBER

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self.start == other.start and self.text == other.text and self.kind == other.kind

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.kind, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start}, end={self.end}, kind={self.kind!r}, text={self.text!r})"


# Unit, Paragraph and Document write their `__init__` out, as the report's types do (see results.py).
@dataclass(frozen=True, slots=True, init=False)
class Unit:
    """A heading or a sentence: the unit every finding points at."""

    index: int
    type: str
    paragraph: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = field(repr=False)

    def __init__(
        self, index: int, type: str, paragraph: int, start: int, end: int, text: str, tokens: tuple[Token, ...]
    ) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "tokens", tokens)

    @property
    def words(self) -> tuple[Token, ...]:
        """The unit's words and numbers, punctuation left out."""
        # the kind tested inline, as Token.is_word does: a property call per token costs more
        return tuple([t for t in self.tokens if t.kind is WORD or t.kind is NUMBER])


@dataclass(frozen=True, slots=True, init=False)
class Paragraph:
    """A block of the article: blank-line separated in plain text, a block element in markup."""

    index: int
    start: int
    end: int
    units: tuple[Unit, ...]

    def __init__(self, index: int, start: int, end: int, units: tuple[Unit, ...]) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "units", units)


# A named tuple, not a dataclass: ~0.1 ms to define at import against ~0.8 ms (start-up); internal, never in a Report.
class Block(NamedTuple):
    """A paragraph-level span handed to the segmenter, with what the markup says it is."""

    start: int
    end: int
    kind: str = "auto"  # "auto" (plain text: decide per line), "heading", "prose"


@dataclass(frozen=True, slots=True, init=False)
class Document:
    """An article read once: the analyzed text, its folded copy, paragraphs, units and quotes."""

    text: str
    norm: str
    paragraphs: tuple[Paragraph, ...]
    units: tuple[Unit, ...]
    quotes: tuple[tuple[int, int], ...]
    images: int = 0
    lexemes: int = 0  # distinct token texts: every token's lexeme.ordinal is below it

    def __init__(
        self, text: str, norm: str, paragraphs: tuple[Paragraph, ...], units: tuple[Unit, ...],
        quotes: tuple[tuple[int, int], ...], images: int = 0, lexemes: int = 0,
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "norm", norm)
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "units", units)
        object.__setattr__(self, "quotes", quotes)
        object.__setattr__(self, "images", images)
        object.__setattr__(self, "lexemes", lexemes)

    @property
    def sentences(self) -> tuple[Unit, ...]:
        """The units that are sentences, in order."""
        return tuple(u for u in self.units if u.type == SENTENCE)

    def in_quote(self, start: int, end: int) -> bool:
        """True when `[start, end)` lies inside a quotation (marks included)."""
        for qs, qe in self.quotes:
            if qs <= start and end <= qe:
                return True
            if qs >= end:
                break
        return False


def lexeme_slots(units: Iterable[Unit]) -> int:
    """The length of a list indexed by the Lexeme ordinals of the units' tokens (Document.lexemes for a whole document)."""
    return max((t.lexeme.ordinal + 1 for u in units for t in u.tokens), default=0)


def clean(text: str) -> str:
    """Replace lone surrogates by U+FFFD; every offset stays where it was."""
    try:
        text.encode("utf-8")  # fails only on a lone surrogate; ~6x faster than searching for one
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text)
    return text


def fold(text: str) -> str:
    """Return the length-preserving folded copy of `text` (see the module docstring)."""
    if text.isascii():
        if "\r\n" in text:
            text = text.replace("\r\n", " \n")
        return text.translate(_ASCII_FOLD)
    # Mostly ASCII with a few other characters: fold the ASCII ones at once on a copy in which
    # each other character is one "?" (an encoder's "replace" keeps the length), then put each
    # of them back, folded, where the copy has a "?" the text has not. The regex tests every
    # character against its class; this does one step per "?" (see bench/profile.py's notes).
    raw = text.encode("ascii", "replace")
    if b"\r\n" in raw:
        raw = raw.replace(b"\r\n", b" \n")
    ascii = raw.translate(_BYTE_FOLD).decode("ascii")
    budget = len(ascii) // _PATCH_MAX_SHARE
    pieces: list[str] = []
    last = 0
    pos = ascii.find("?")
    while pos >= 0:
        ch = text[pos]
        if ch != "?":
            if len(pieces) >= 2 * budget:
                return _FOLD_RE.sub(_fold_char, text.replace("\r\n", " \n"))  # mostly other characters
            pieces.append(ascii[last:pos])
            pieces.append(FOLD.get(ord(ch), ch))
            last = pos + 1
        pos = ascii.find("?", pos + 1)
    pieces.append(ascii[last:])
    return "".join(pieces)


def _fold_char(m: re.Match) -> str:
    ch = m.group()
    return "\n" if ch == "\r" else FOLD[ord(ch)]


def tokenize(norm: str, start: int, end: int, seen: dict[str, Lexeme] | None = None) -> list[Token]:
    """Split `norm[start:end]` into tokens as TOKEN_RE defines them (linear time).

    Compiled (the container's build), a hand-written scan of code points does it: tokenizing
    with the regex took ~900 machine instructions per character of news copy, 540 of them in
    the engine (a fifth of the whole report, under callgrind), the scan took ~390, token
    objects included, and reading whole runs of letters with `str.isalnum` (scan_tokens) took
    that down by a tenth again. Interpreted, the scan costs more than the engine, so the pure-Python
    build reads TOKEN_RE's matches instead. tests/scoring/test_tokenizer.py holds both equal
    to the pattern.

    `seen` (one per document) maps each token text to its Lexeme (its first copy, its kind
    and its lower case), which every later equal token shares: an article repeats its words,
    and a 1 MiB one held 8 MiB of copies.
    """
    if seen is None:
        seen = {}
    if COMPILED:
        return scan_tokens(norm, start, end, seen)
    return match_tokens(norm, start, end, seen)


def match_tokens(norm: str, start: int, end: int, seen: dict[str, Lexeme]) -> list[Token]:
    """`tokenize` by the regex engine: TOKEN_RE's matches, read with findall."""
    out: list[Token] = []
    pos = start
    pairs: list[tuple[str, str]] = _SPACED_TOKEN_RE.findall(norm, start, end)
    while pairs and not pairs[-1][1]:
        pairs.pop()  # the end of the span (after any trailing white space), not a token
    for pair in pairs:
        t = pair[1]
        s = pos + len(pair[0])
        pos = s + len(t)
        out.append(Token(s, _lexeme(t, seen)))
    return out


def scan_tokens(norm: str, start: int, end: int, seen: dict[str, Lexeme]) -> list[Token]:
    """`tokenize` by hand: the span's runs of non-space characters, each one word when it is all letters and digits, else scanned.

    No token holds white space, so the runs that `str.split` cuts (at the characters
    `str.isspace` calls space, as the pattern's white space class does) each hold whole
    tokens. Most runs of news copy are one word (84% of the bench's articles' runs) or a word
    and one ASCII mark after it, "said," (11%): `str.isalnum` (compiled, a loop in C) tells
    both apart without a step per character. Any other run is scanned code point by code
    point (`_scan_run`).
    """
    out: list[Token] = []
    i = start
    for run in norm[start:end].split():
        i = _skip_space(norm, i)
        n = len(run)
        j = i + n
        if run.isalnum():
            out.append(Token(i, _lexeme(run, seen)))
        elif n > 1 and _ends_word(ord(run[n - 1])) and run[: n - 1].isalnum():
            # a word, then one ASCII mark that cannot join it to anything: the run ends after it
            out.append(Token(i, _lexeme(run[: n - 1], seen)))
            out.append(Token(j - 1, _lexeme(run[n - 1], seen)))
        else:
            _scan_run(norm, i, j, seen, out)
        i = j
    return out


def _skip_space(norm: str, i: int) -> int:
    """The first position from `i` on whose character is not white space (one exists)."""
    while True:
        c = ord(norm[i])
        if c < 128:
            if not (c == 32 or 9 <= c <= 13 or 28 <= c <= 31):
                return i
        elif not norm[i].isspace():
            return i
        i += 1


def _ends_word(c: int) -> bool:
    """True for an ASCII character that is a token of its own after a word at the end of a run: not a letter, digit or "_"."""
    return c < 128 and not (97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c == 95)


def _scan_run(norm: str, i: int, end: int, seen: dict[str, Lexeme], out: list[Token]) -> None:
    """Append the tokens of `norm[i:end]`, a run with no white space, in one left-to-right pass over its code points.

    A token is a word (a letter or digit, then word characters, joined by one joiner before
    another letter or digit) or any other character.
    """
    while i < end:
        c = ord(norm[i])
        if c < 128:
            word = 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57
        else:
            word = norm[i].isalnum()
        j = i + 1
        if word:
            j = _word_run_end(norm, j, end)
            # joiner + word start, again and again: "U.S", "AT&T", "11,000", "7:45", "co-op"
            while j + 1 < end:
                c = ord(norm[j])
                if c == 0x2E or c == 0x27 or c == 0x2D or c == 0x2F or c == 0x26 or c == 0x40 or c == 0x2B:  # . ' - / & @ +
                    if not _starts_word(norm, j + 1):
                        break
                elif c == 0x2C or c == 0x3A:  # , and : only between digits
                    if not (norm[j - 1].isdecimal() and norm[j + 1].isdecimal()):
                        break
                else:
                    break
                j = _word_run_end(norm, j + 2, end)
        out.append(Token(i, _lexeme(norm[i:j], seen)))
        i = j


def _lexeme(t: str, seen: dict[str, Lexeme]) -> Lexeme:
    """The document's Lexeme for a token text, made and recorded on the text's first sighting."""
    known = seen.get(t)
    if known is not None:
        return known
    lower = t.lower()
    # an ASCII character that lower() leaves alone is no capital: only others need the look-up
    if lower == t and (ord(t[0]) < 128 or not t[0].isupper()):
        lower = t  # the same object: a reader may skip a word whose lower case `is` its text
    kind = _kind(t)
    # only a WORD can be all letters: numbers have digits, and a mark or symbol is one non-letter
    known = seen[t] = Lexeme(t, kind, lower, len(seen), kind == WORD and is_alpha(lower))
    return known


def _starts_word(norm: str, k: int) -> bool:
    """True when `norm[k]` may start a word (_WORD_START: a letter or digit)."""
    c = ord(norm[k])
    if c < 128:
        return 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57
    return norm[k].isalnum()


def _word_run_end(norm: str, j: int, end: int) -> int:
    """Where the run of word characters (_WORD_CHAR: letters, digits, "_", marks) from `j` ends."""
    while j < end:
        c = ord(norm[j])
        if c < 128:
            if not (97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c == 95):
                return j
        elif not norm[j].isalnum() and not _is_mark(c):
            return j
        j += 1
    return j


def _is_mark(c: int) -> bool:
    """True for a code point in MARK_RANGES."""
    for low, high in MARK_RANGES:
        if low <= c <= high:
            return True
    return False


def _kind(t: str) -> str:
    """The kind of a token text: WORD, NUMBER, PUNCT or SYMBOL."""
    o = ord(t[0])
    if o < 128:  # ASCII letters and digits without a method call each
        if 97 <= o <= 122 or 65 <= o <= 90:
            return WORD
        if 48 <= o <= 57:
            return NUMBER if _NUMERIC_RE.fullmatch(t) else WORD
    c = t[0]
    if c.isalpha():
        return WORD
    if c.isdigit():
        return NUMBER if _NUMERIC_RE.fullmatch(t) else WORD
    if len(t) > 1 or c.isalnum():
        return WORD
    return PUNCT if unicodedata.category(c)[0] == "P" else SYMBOL


def build_document(text: str, blocks: list[Block] | None = None, *, images: int = 0) -> Document:
    """Read `text` into a Document; `blocks` come from markup, or from blank lines when None."""
    from . import segment  # the segmenter needs Token and Unit from this module

    text = clean(text)
    norm = fold(text)
    wrap = 0
    if blocks is None:
        blocks = [Block(s, e) for s, e in segment.paragraph_spans(norm)]
        if "\n" in norm:
            wrap = segment.wrap_width(norm)
    paragraphs: list[Paragraph] = []
    units: list[Unit] = []
    seen: dict[str, Lexeme] = {}  # token texts shared across the document (see tokenize)
    for block in blocks:
        tokens = tuple(tokenize(norm, block.start, block.end, seen))
        if not tokens:
            continue
        p_index = len(paragraphs)
        p_units = []
        for kind, t_from, t_to in segment.units(norm, tokens, block.kind, wrap):
            toks = tokens[t_from:t_to]
            s, e = toks[0].start, toks[-1].end
            unit = Unit(len(units), kind, p_index, s, e, text[s:e], toks)
            units.append(unit)
            p_units.append(unit)
        paragraphs.append(Paragraph(p_index, p_units[0].start, p_units[-1].end, tuple(p_units)))
    quotes = segment.quote_spans(norm, paragraphs)
    return Document(text, norm, tuple(paragraphs), tuple(units), quotes, images, len(seen))
