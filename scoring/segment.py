"""Split paragraphs into units: headings (titles, bylines, datelines, "3 min read") and sentences.

A sentence ends at `.`, `!`, `?` or an ellipsis followed by white space, unless the period
belongs to an abbreviation, an initial, a letter-dot acronym (U.S., a.m.) or a list number,
or the next word is lower case ("?" he asked). Decimals, URLs and e-mail addresses never
reach the boundary test: the tokenizer keeps their inner dots inside one token. The
ambiguous cases follow Kiss & Strunk (2006), "Unsupervised Multilingual Sentence Boundary
Detection": after an abbreviation the period also ends the sentence only when the next
word is a frequent sentence starter. The word lists are in `data/abbreviations.toml`.

Real copy (annotation.md, "Conventions for real copy"): an inline dateline ("HARLOW, Essex
(Wire) -- Floods closed...") stays in the first sentence, and is a heading only on a line of
its own; plain text hard-wrapped at a fixed width is read as paragraphs (wrap_width: a line
that fills the width runs on into the next); the number of an inline list item ("three
steps: 1. Close...") never ends a sentence; a heading block written as a sentence (a dek)
is a sentence.
"""

from __future__ import annotations

import re
from typing import Final, Sequence

from .lexicons import load
from .text import HEADING, NUMBER, PUNCT, SENTENCE, WORD, Paragraph, Token

_ABBREVIATIONS = load("abbreviations")
TITLES: Final = _ABBREVIATIONS.terms("lists.titles")
NUMERIC: Final = _ABBREVIATIONS.terms("lists.numeric")
OTHER: Final = _ABBREVIATIONS.terms("lists.other")
CLOCK: Final = _ABBREVIATIONS.terms("lists.clock")
# Verbs of saying that, after a name, tag the quotation before them ('"Why?" Dortvig asked').
TAG_VERBS: Final = frozenset(("said", "says", "asked", "asks", "told", "added", "replied", "wondered", "shouted", "cried", "wrote", "insisted"))
# How many name words may stand before such a verb.
TAG_NAME_MAX: Final = 3
AFTER_CLOCK: Final = _ABBREVIATIONS.terms("lists.after_clock")
STARTERS: Final = _ABBREVIATIONS.terms("lists.sentence_starters")

# A line of a plain-text paragraph that has no sentence-final punctuation and at most this
# many words is a heading (a title, a sub-heading, a list heading such as "1. The crowds").
HEADING_MAX_WORDS: Final = 25

# Hard-wrapped plain text (wrap_width): a line that ends within WRAP_SLACK characters of the
# wrap width runs on into the next line. The width is measured only over WRAP_MIN_LINES lines
# or more, must be WRAP_MIN_WIDTH or more (a column of short lines is a list, not wrapped
# copy: wire and e-mail wrap at 64-80), and WRAP_FULL_SHARE of the lines must reach it.
WRAP_MIN_LINES: Final = 3
WRAP_SLACK: Final = 15
WRAP_MIN_WIDTH: Final = 40
WRAP_FULL_SHARE: Final = 0.5
WRAP_SAMPLE_LINES: Final = 500
# A heading block (h2, a Markdown "##") written as a sentence of at least this many words,
# ending with a full stop, is a dek or standfirst: a sentence, not a heading.
DECK_MIN_WORDS: Final = 6
# An inline list item's number ("2.") has at most this many digits.
LIST_ITEM_MAX_DIGITS: Final = 2
# Characters that open a list item at the start of a line.
_BULLETS: Final = frozenset(("-", "*", "\u2022"))

TERMINATORS: Final = frozenset(".!?\u2026")
_SENTENCE_ENDS: Final = TERMINATORS | {":"}
CLOSERS: Final = frozenset("\"')]}\u00bb")
OPENERS: Final = frozenset("\"'([{\u00ab")

# Letter-dot acronyms in the token text (the final period is a token of its own):
# "U.S", "a.m", "e.g", "Ph.D".
_ACRONYM_RE: Final = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")

# Lines that are headings whatever their punctuation. Each pattern is anchored at the
# line start and bounded, so it reads a fixed number of characters at most.
_BYLINE_RE: Final = re.compile(r"By\s+[A-Z]")
_PUBLISHED_RE: Final = re.compile(r"(?:(?:First |Last )?(?:Published|Updated|Posted|Modified)|Last updated)\b", re.I)
# The ASCII letters _PUBLISHED_RE's line can start with (its words' first letters, either case).
_PUBLISHED_FIRST: Final = frozenset("FLPUMflpum")
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
    # _BLANK_LINE_RE's matches, found with str.find from newline to newline rather than by
    # the regex engine testing every character (tests/scoring/test_segment.py compares them)
    size = len(norm)
    nl = norm.find("\n")
    while nl >= 0:
        j = nl + 1
        while j < size and norm[j] == " ":
            j += 1
        if j < size and norm[j] == "\n":  # a blank line: the match is norm[nl:j + 1]
            spans.append((pos, nl))
            pos = j
            nl = norm.find("\n", j + 1)
        else:
            nl = norm.find("\n", nl + 1)
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


def wrap_width(norm: str) -> int:
    """Return the width plain text is hard-wrapped at (wire copy, e-mail), or 0 when it is not wrapped.

    The lines that another line follows in the same paragraph are the evidence: in wrapped
    copy most of them end near one width, the longest a line may be. That width is the
    longest such line after leaving out the ones far above the median (a long title); the
    text counts as wrapped when it is at least WRAP_MIN_WIDTH and at least WRAP_FULL_SHARE
    of the lines end within WRAP_SLACK characters of it. The first WRAP_SAMPLE_LINES lines
    decide: copy is wrapped at one width throughout, and the cost stays bounded.
    """
    widths: list[int] = []
    pos = norm.find("\n")
    prev_start = 0
    read = 0
    while pos >= 0 and read < WRAP_SAMPLE_LINES:
        read += 1
        nxt = norm.find("\n", pos + 1)
        line = norm[prev_start:pos].rstrip()
        following = norm[pos + 1 : nxt if nxt >= 0 else len(norm)]
        if line.strip() and following.strip():
            widths.append(len(line))
        prev_start = pos + 1
        pos = nxt
    if len(widths) < WRAP_MIN_LINES:
        return 0
    ordered = sorted(widths)
    median = ordered[len(ordered) // 2]
    width = max(w for w in ordered if w <= median + WRAP_SLACK)
    full = sum(1 for w in ordered if width - WRAP_SLACK <= w <= width)
    if width < WRAP_MIN_WIDTH or full < WRAP_FULL_SHARE * len(ordered):
        return 0
    return width


def units(norm: str, tokens: tuple[Token, ...], kind: str, wrap: int = 0) -> list[tuple[str, int, int]]:
    """Return `(type, first_token, end_token)` for each unit of one block's tokens (`wrap`: the text's wrap_width)."""
    if kind == "heading":
        if _is_full_sentence(norm, tokens):
            return _sentences(norm, tokens, 0, len(tokens))
        return [(HEADING, 0, len(tokens))]
    if kind == "prose":
        return _sentences(norm, tokens, 0, len(tokens))
    out: list[tuple[str, int, int]] = []
    for t_from, t_to in _lines(norm, tokens, wrap):
        out.extend(_line_units(norm, tokens, t_from, t_to))
    return out


def _is_full_sentence(norm: str, tokens: tuple[Token, ...]) -> bool:
    """True for a heading block written as a sentence (a dek or standfirst): it ends with a full stop and has DECK_MIN_WORDS words.

    A byline, dateline or "Published: Feb. 6, 2025, 7:45 a.m." line stays a heading.
    """
    return (
        _line_end(tokens, 0, len(tokens)) == "."
        and sum(1 for t in tokens if t.is_word) >= DECK_MIN_WORDS
        and not _is_heading_line(norm, tokens, 0, len(tokens))
    )


def _lines(norm: str, tokens: tuple[Token, ...], wrap: int) -> list[tuple[int, int]]:
    """Group a plain-text paragraph's tokens into logical lines, joining wrapped ones."""
    if norm.find("\n", tokens[0].start, tokens[-1].end) < 0:
        return [(0, len(tokens))]
    out: list[tuple[int, int]] = []
    start = 0
    line_from = 0  # first token of the physical line that ends at the next break
    for i in range(1, len(tokens)):
        if norm.find("\n", tokens[i - 1].end, tokens[i].start) < 0:
            continue
        if _hard_break(norm, tokens, line_from, i, wrap):
            out.append((start, i))
            start = i
        line_from = i
    out.append((start, len(tokens)))
    return out


def _hard_break(norm: str, tokens: tuple[Token, ...], line_from: int, nxt: int, wrap: int) -> bool:
    """Decide whether the line break before token `nxt` ends a line or only wraps it.

    `line_from` is the first token of the physical line the break ends. A break is a space
    before a lower-case word, after a line that fills the text's wrap width (`wrap`) unless
    a heading line follows, and after a comma, hyphen or function word unless the line is a
    heading (byline, dateline, "Published: ..."); it is kept before a list item.
    """
    last, first = tokens[nxt - 1], tokens[nxt]
    if first.text[0].islower():
        return False
    if _starts_item(norm, tokens, nxt):
        return True
    if wrap:
        line_start = norm.rfind("\n", 0, tokens[line_from].start) + 1
        if wrap - WRAP_SLACK <= last.end - line_start <= wrap:
            # a full line of wrapped copy runs on, unless a byline or dateline follows it
            return _is_heading_line(norm, tokens, nxt, _line_stop(norm, tokens, nxt))
    if _is_heading_line(norm, tokens, line_from, nxt):
        return True
    return not (last.text in (",", "-") or last.lower in _CONTINUES)


def _line_stop(norm: str, tokens: tuple[Token, ...], t_from: int) -> int:
    """Return the end token of the physical line that starts at token `t_from`."""
    newline = norm.find("\n", tokens[t_from].end)
    if newline < 0:
        return len(tokens)
    t = t_from + 1
    while t < len(tokens) and tokens[t].start < newline:
        t += 1
    return t


def _starts_item(norm: str, tokens: tuple[Token, ...], t: int) -> bool:
    """True when token `t` opens a list item: "1." or "2)" then a space, or a bullet ("-", "*", "\u2022")."""
    text = tokens[t].text
    if text in _BULLETS:
        # "- item", not the "--" that opens a dateline's dash on a new line
        return t + 1 >= len(tokens) or tokens[t + 1].start > tokens[t].end
    if tokens[t].kind != NUMBER or len(text) > LIST_ITEM_MAX_DIGITS or t + 1 >= len(tokens):
        return False
    mark = tokens[t + 1]
    return mark.text in (".", ")") and mark.start == tokens[t].end and mark.end < len(norm) and norm[mark.end] == " "


def _line_end(tokens: tuple[Token, ...], t_from: int, t_to: int) -> str:
    """Return the last non-closing punctuation of a line ('' when it ends with a word)."""
    i = t_to - 1
    while i > t_from and tokens[i].text in CLOSERS:
        i -= 1
    return tokens[i].text if tokens[i].kind == PUNCT else ""


def _is_heading_line(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> bool:
    """Recognize bylines, publication lines, read-time lines and datelines."""
    start, end = tokens[t_from].start, tokens[t_to - 1].end
    # Each pattern can match only a line that starts with its first character: an ASCII one
    # rules out the others without running them (a line of prose runs one pattern, not four).
    # The patterns read the line as if it ended at `end` (match's endpos).
    first = ord(norm[start])
    other = first >= 128
    if (other or chr(first) in _PUBLISHED_FIRST) and _PUBLISHED_RE.match(norm, start, end):
        return True
    if (other or 48 <= first <= 57) and _READ_TIME_RE.match(norm, start, end):
        return True
    if first == 66 and _BYLINE_RE.match(norm, start, end):  # "B"
        words = sum(1 for t in tokens[t_from:t_to] if t.is_word)
        return words <= _BYLINE_MAX_WORDS and _line_end(tokens, t_from, t_to) not in TERMINATORS
    if not 65 <= first <= 90:  # "A" to "Z"
        return False
    m = _DATELINE_RE.match(norm, start, end)
    return bool(m and m.end() == end and _has_two_capitals(norm[start:end]))


def _has_two_capitals(line: str) -> bool:
    """True when the place name before any comma or agency is in capitals ("HARLOW, Ore.")."""
    letters = [c for c in line.split(",")[0].split(" (")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _line_units(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> list[tuple[str, int, int]]:
    """Return the units of one logical line: one heading, or a dateline and sentences."""
    if _is_heading_line(norm, tokens, t_from, t_to):
        return [(HEADING, t_from, t_to)]
    out: list[tuple[str, int, int]] = []
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


def _sentences(norm: str, tokens: tuple[Token, ...], t_from: int, t_to: int) -> list[tuple[str, int, int]]:
    """Return the sentences of `tokens[t_from:t_to]` as `(SENTENCE, first, end)`."""
    out: list[tuple[str, int, int]] = []
    start = t_from
    quotes = 0
    last_item = 0  # the number of the last inline list item ("1. ..., 2. ...")
    i = t_from
    while i < t_to:
        text = tokens[i].lexeme.text
        if len(text) != 1:
            i += 1  # a word or a number: every terminator and quotation mark is one character
            continue
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
        item = _list_item(tokens, start, i, j, last_item)
        if item:
            last_item = item  # "1." of an inline list: a marker, not the end of a sentence
        elif j + 1 < t_to and _ends_sentence(tokens, start, i, j, quotes):
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
        # '"Where is the money?" Dortvig asked, ...': a quotation's "?" or "!" ends the sentence only
        # if the sentence ends there (spec, Units); a name and its verb of saying continue it
        return not (tokens[j].text in CLOSERS and _tag_follows(tokens, k))
    prev = tokens[i - 1]
    if prev.end != tokens[i].start:
        return True
    word = prev.lower
    if prev.kind != WORD:
        return True
    # a courtesy title is written with a capital ("Rep. Lee", "Messrs. Lee and Park"); in
    # lower case the same letters are a word that can end a sentence ("her last rep. Then")
    if word in TITLES and prev.text[0].isupper():
        return False
    if word in NUMERIC and first.isdigit():
        return False
    if word in CLOCK:
        return first.isupper() and nxt.lower not in AFTER_CLOCK  # "at 8:15 p.m. Okafor moved ahead", not "8 p.m. Tuesday"
    if word in NUMERIC or word in OTHER or _ACRONYM_RE.fullmatch(prev.text) or _is_initial(prev.text):
        return nxt.lower in STARTERS and first.isupper()
    return True


def _tag_follows(tokens: tuple[Token, ...], k: int) -> bool:
    """True when a capitalized name of at most TAG_NAME_MAX words and a verb of saying start at token `k` ("Dortvig asked", "Ana Ruiz said")."""
    for m in range(k, min(len(tokens), k + TAG_NAME_MAX + 1)):
        tok = tokens[m]
        if tok.lower in TAG_VERBS:
            return m > k
        if tok.kind != WORD or not tok.text[0].isupper() or tok.lower in STARTERS:
            return False
    return False


def _list_item(tokens: tuple[Token, ...], start: int, i: int, j: int, last_item: int) -> int:
    """Return the number of the list item whose marker ("2.") ends at the period `tokens[i]`, else 0.

    A number of at most LIST_ITEM_MAX_DIGITS digits right before a lone period is a marker
    when it opens the sentence, follows a colon or semicolon ("three steps: 1. ..."), or
    comes next after the last marker ("1. close it, 2. rebuild it").
    """
    prev = tokens[i - 1]
    if i != j or prev.kind != NUMBER or len(prev.text) > LIST_ITEM_MAX_DIGITS or not prev.text.isdigit():
        return 0
    if prev.end != tokens[i].start or i - 1 < start:
        return 0
    number = int(prev.text)
    if i - 1 == start or tokens[i - 2].text in (":", ";") or (last_item and number == last_item + 1):
        return number
    return 0


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


