"""Split paragraphs into units: headings (titles, bylines, datelines, "3 min read") and sentences.

A sentence ends at `.`, `!`, `?` or an ellipsis followed by white space, unless the period
belongs to an abbreviation, an initial, a letter-dot acronym (U.S., a.m.) or a list number,
or the next word is lower case ("?" he asked). Decimals, URLs and e-mail addresses never
reach the boundary test: the tokenizer keeps their inner dots inside one token. The
ambiguous cases follow Kiss & Strunk (2006), "Unsupervised Multilingual Sentence Boundary
Detection": after an abbreviation the period also ends the sentence only when the next
word is a frequent sentence starter. The word lists are in `data/abbreviations.toml`.
"""

from __future__ import annotations

import re
from typing import Final, Sequence

from .lexicons import load
from .text import HEADING, PUNCT, SENTENCE, WORD, Paragraph, Token

_ABBREVIATIONS = load("abbreviations")
TITLES: Final = _ABBREVIATIONS.terms("lists.titles")
NUMERIC: Final = _ABBREVIATIONS.terms("lists.numeric")
OTHER: Final = _ABBREVIATIONS.terms("lists.other")
STARTERS: Final = _ABBREVIATIONS.terms("lists.sentence_starters")

# A line of a plain-text paragraph that has no sentence-final punctuation and at most this
# many words is a heading (a title, a sub-heading, a list heading such as "1. The crowds").
HEADING_MAX_WORDS: Final = 25

TERMINATORS: Final = frozenset(".!?\u2026")
_SENTENCE_ENDS: Final = TERMINATORS | {":"}
CLOSERS: Final = frozenset("\"')]}\u00bb")
OPENERS: Final = frozenset("\"'([{\u00ab")
DASHES: Final = frozenset(("-", "--", "\u2013", "\u2014"))

# Letter-dot acronyms in the token text (the final period is a token of its own):
# "U.S", "a.m", "e.g", "Ph.D".
_ACRONYM_RE: Final = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")

# Lines that are headings whatever their punctuation. Each pattern is anchored at the
# line start and bounded, so it reads a fixed number of characters at most.
_BYLINE_RE: Final = re.compile(r"By\s+[A-Z]")
_PUBLISHED_RE: Final = re.compile(r"(?:(?:First |Last )?(?:Published|Updated|Posted|Modified)|Last updated)\b", re.I)
_READ_TIME_RE: Final = re.compile(r"\d{1,3}(?:\.\d)?\s?-?\s?(?:min|mins|minute|minutes)\.?\s+read\s*$", re.I)
# "HARLOW, Ore." or "WASHINGTON (AP)" alone on a line, or before a dash that opens the lede.
_DATELINE_RE: Final = re.compile(
    r"[A-Z][A-Z'.\-]{1,30}(?: [A-Z][A-Z'.\-]{1,30}){0,3}"
    r"(?:, [A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15}){0,2})?"
    r"(?: \([A-Za-z][A-Za-z .&]{0,30}\))?"
)
_BLANK_LINE_RE: Final = re.compile(r"\n[ ]*\n")
# A line that ends with one of these words (or a comma or hyphen) continues on the next.
_CONTINUES: Final = frozenset(
    "a an and as at by for from has have in is its of on or that the their to was were with".split()
)
_BYLINE_MAX_WORDS: Final = 15


def paragraph_spans(norm: str) -> list[tuple[int, int]]:
    """Return the spans of the blank-line separated paragraphs, trimmed of white space."""
    spans = []
    pos = 0
    for m in _BLANK_LINE_RE.finditer(norm):
        spans.append((pos, m.start()))
        pos = m.end() - 1
    spans.append((pos, len(norm)))
    out = []
    for s, e in spans:
        while s < e and norm[s] in " \n":
            s += 1
        while e > s and norm[e - 1] in " \n":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def units(norm: str, tokens: tuple[Token, ...], kind: str) -> list[tuple[str, int, int]]:
    """Return `(type, first_token, end_token)` for each unit of one block's tokens."""
    if kind == "heading":
        return [(HEADING, 0, len(tokens))]
    if kind == "prose":
        return _sentences(norm, tokens, 0, len(tokens))
    out: list[tuple[str, int, int]] = []
    for t_from, t_to in _lines(norm, tokens):
        out.extend(_line_units(norm, tokens, t_from, t_to))
    return out


def _lines(norm: str, tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Group a plain-text paragraph's tokens into logical lines, joining soft-wrapped ones."""
    if norm.find("\n", tokens[0].start, tokens[-1].end) < 0:
        return [(0, len(tokens))]
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(tokens)):
        if norm.find("\n", tokens[i - 1].end, tokens[i].start) < 0:
            continue
        if _hard_break(norm, tokens, start, i):
            out.append((start, i))
            start = i
    out.append((start, len(tokens)))
    return out


def _hard_break(norm: str, tokens: tuple[Token, ...], line_from: int, nxt: int) -> bool:
    """Decide whether the line break before token `nxt` ends a line or only wraps it."""
    last, first = tokens[nxt - 1], tokens[nxt]
    if first.text[0].islower():
        return False
    if last.text in (",", "-") or last.lower in _CONTINUES:
        return _is_heading_line(norm, tokens, line_from, nxt)
    return True


def _line_end(tokens: tuple[Token, ...], t_from: int, t_to: int) -> str:
    """Return the last non-closing punctuation of a line ('' when it ends with a word)."""
    i = t_to - 1
    while i > t_from and tokens[i].text in CLOSERS:
        i -= 1
    return tokens[i].text if tokens[i].kind == PUNCT else ""


def _is_heading_line(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> bool:
    """Recognize bylines, publication lines, read-time lines and datelines."""
    start, end = tokens[t_from].start, tokens[t_to - 1].end
    line = norm[start:end]
    if _PUBLISHED_RE.match(line) or _READ_TIME_RE.match(line):
        return True
    if _BYLINE_RE.match(line):
        words = sum(1 for t in tokens[t_from:t_to] if t.is_word)
        return words <= _BYLINE_MAX_WORDS and _line_end(tokens, t_from, t_to) not in TERMINATORS
    m = _DATELINE_RE.match(line)
    return bool(m and m.end() == len(line) and _has_two_capitals(line))


def _has_two_capitals(line: str) -> bool:
    """True when the place name before any comma or agency is in capitals ("HARLOW, Ore.")."""
    letters = [c for c in line.split(",")[0].split(" (")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _line_units(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> list[tuple[str, int, int]]:
    """Return the units of one logical line: one heading, or a dateline and sentences."""
    if _is_heading_line(norm, tokens, t_from, t_to):
        return [(HEADING, t_from, t_to)]
    out: list[tuple[str, int, int]] = []
    dateline_end = _dateline_prefix(norm, tokens, t_from, t_to)
    if dateline_end:
        out.append((HEADING, t_from, dateline_end + 1))  # the dash closes the dateline
        t_from = dateline_end + 1
        if t_from >= t_to:
            return out
    sentences = _sentences(norm, tokens, t_from, t_to)
    if (
        len(sentences) == 1
        and _line_end(tokens, t_from, t_to) not in _SENTENCE_ENDS
        and sum(1 for t in tokens[t_from:t_to] if t.is_word) <= HEADING_MAX_WORDS
    ):
        out.append((HEADING, t_from, t_to))
        return out
    out.extend(sentences)
    return out


def _dateline_prefix(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> int:
    """Return the token index of the dash after an opening dateline ("LONDON (Reuters) —"), or 0."""
    start = tokens[t_from].start
    m = _DATELINE_RE.match(norm, start, tokens[t_to - 1].end)
    if not m or not _has_two_capitals(m.group()):
        return 0
    for i in range(t_from, t_to):
        if tokens[i].start >= m.end():
            if tokens[i].text in DASHES and i > t_from:
                return i
            return 0
    return 0


def _sentences(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> list[tuple[str, int, int]]:
    """Return the sentences of `tokens[t_from:t_to]` as `(SENTENCE, first, end)`."""
    out: list[tuple[str, int, int]] = []
    start = t_from
    quotes = 0
    i = t_from
    while i < t_to:
        text = tokens[i].lexeme.text
        if text == '"':
            quotes += 1
        if i == start or text not in TERMINATORS:
            i += 1
            continue
        j = i
        while j + 1 < t_to and tokens[j + 1].start == tokens[j].end and (
            tokens[j + 1].text in TERMINATORS or tokens[j + 1].text in CLOSERS
        ):
            j += 1
            if tokens[j].text == '"':
                quotes += 1
        if j + 1 < t_to and _ends_sentence(tokens, start, i, j, quotes):
            out.append((SENTENCE, start, j + 1))
            start = j + 1
        i = j + 1
    if start < t_to:
        out.append((SENTENCE, start, t_to))
    return out


def _ends_sentence(tokens: tuple[Token, ...], start: int, i: int, j: int, quotes: int) -> bool:
    """Decide whether the terminator run `tokens[i..j]` ends the sentence that began at `start`."""
    if tokens[j + 1].start == tokens[j].end:
        return False  # no space after: "3.5.", "?!)", a URL tail
    nxt = tokens[j + 1]
    k = j + 1
    while nxt.text in OPENERS and k + 1 < len(tokens):
        k += 1
        nxt = tokens[k]
    first = nxt.text[0]
    if first.islower() or (nxt.kind == PUNCT and nxt.text not in OPENERS):
        return False
    run = "".join(t.text for t in tokens[i : j + 1] if t.text in TERMINATORS)
    if run in ("...", "\u2026") or len(run) > 1 and set(run) == {"."}:
        return quotes % 2 == 0  # an ellipsis inside a quotation does not end the sentence
    if run != ".":
        return True
    prev = tokens[i - 1]
    if prev.end != tokens[i].start:
        return True
    word = prev.lower
    if prev.kind != WORD:
        # "1." opening a list item is a marker, not a sentence
        return i - 1 != start
    # a courtesy title is written with a capital ("Rep. Lee", "Messrs. Lee and Park"); in
    # lower case the same letters are a word that can end a sentence ("her last rep. Then")
    if word in TITLES and prev.text[0].isupper():
        return False
    if word in NUMERIC and first.isdigit():
        return False
    if word in NUMERIC or word in OTHER or _ACRONYM_RE.fullmatch(prev.text) or _is_initial(prev.text):
        return nxt.lower in STARTERS and first.isupper()
    return True


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def quote_spans(norm: str, paragraphs: Sequence[Paragraph]) -> tuple[tuple[int, int], ...]:
    """Return the spans of double-quoted passages, marks included.

    A quotation left open at the end of a paragraph ends with it: news style reopens the
    mark on each paragraph of a long quote, so the next paragraph opens its own span.
    """
    spans: list[tuple[int, int]] = []
    for p in paragraphs:
        open_at: int | None = None
        for u in p.units:
            for t in u.tokens:
                if t.lexeme.text != '"':
                    continue
                if open_at is None:
                    open_at = t.start
                else:
                    spans.append((open_at, t.end))
                    open_at = None
        if open_at is not None:
            spans.append((open_at, p.end))
    return tuple(spans)


