"""Both tokenizers (the hand-written scan the compiled build runs, the regex one the interpreted build runs) split as TOKEN_RE says."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest

from copydesk.scoring import text
from copydesk.scoring.text import MARK_RANGES, TOKEN_RE, match_tokens, scan_tokens, tokenize

# The reference: TOKEN_RE with the white space before each token as a group, the end
# matched after trailing white space (so nothing is rescanned), read with findall.
SPACED_TOKEN_RE = re.compile(r"(\s*)(" + TOKEN_RE.pattern + r"|\Z)")

# Each code point is tried in these places: inside a word, after a digit and a comma, before
# a comma and a digit, after a joiner, after a digit and a colon, after "_", doubled, alone,
# and at the end and the start of a run after or before a word (the scan's shortcut for "said,").
CONTEXTS = ("a{c}b", "1,{c}", "{c},1", "a-{c}", "a.{c}x", "2:{c}x", "x_{c}", "{c}{c}", "{c}", "word{c}", "{c}word")
# What decides a character's fate in either: the regex's classes (\w, \s, \d and the marks)
# and the string predicates the tokenizer reads, plus the finer ones that could tell them apart.
PREDICATES = (str.isalnum, str.isspace, str.isdecimal, str.isdigit, str.isnumeric, str.isalpha, str.isupper, str.islower)


def reference(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    pos = start
    for space, token in SPACED_TOKEN_RE.findall(norm, start, end):
        if not token:
            continue  # the end, after any trailing white space
        first = pos + len(space)
        pos = first + len(token)
        out.append((first, pos, token))
    return out


IMPLEMENTATIONS = pytest.mark.parametrize("split", [scan_tokens, match_tokens], ids=["scan", "match"])


def tokens(norm: str, start: int, end: int, split=scan_tokens) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in split(norm, start, end, {})]


def signature(ch: str) -> tuple:
    """Everything about a character that either tokenizer could look at."""
    cp = ord(ch)
    return (
        *(p(ch) for p in PREDICATES),
        ch == "_",
        any(low <= cp <= high for low, high in MARK_RANGES),
        unicodedata.category(ch),
    )


def representatives() -> list[str]:
    """Every Latin-1 character, every code point next to a mark range's ends, and one character of each signature."""
    chosen = {chr(cp) for cp in range(256)}
    for low, high in MARK_RANGES:
        chosen.update(chr(cp) for cp in (low - 1, low, high, high + 1))
    seen = set()
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        key = signature(ch)
        if key not in seen:
            seen.add(key)
            chosen.add(ch)
    return sorted(chosen)


@IMPLEMENTATIONS
def test_every_kind_of_character_splits_as_the_pattern_says(split):
    chars = representatives()
    assert len(chars) > 256 + 50  # Latin-1, then the classes the other scripts add
    text = " ".join(context.format(c=ch) for ch in chars for context in CONTEXTS)
    assert tokens(text, 0, len(text), split) == reference(text, 0, len(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. troops", ["U.S", ".", "troops"]),
        ("AT&T's 11,000 staff at 7:45", ["AT&T's", "11,000", "staff", "at", "7:45"]),
        ("co-op, e-mail -- no", ["co-op", ",", "e-mail", "-", "-", "no"]),
        ("1,a a,1 1, 2 x:1", ["1", ",", "a", "a", ",", "1", "1", ",", "2", "x", ":", "1"]),
        ("caf\u0065\u0301 na\u00efve _x x_y", ["cafe\u0301", "na\u00efve", "_", "x", "x_y"]),
        ("\u0661,\u0662 \u00b2,3", ["\u0661,\u0662", "\u00b2", ",", "3"]),  # Arabic-Indic digits are \d; a superscript is not
        ("end-", ["end", "-"]),
        ("\u2014dash\u2014", ["\u2014", "dash", "\u2014"]),
    ],
)
@IMPLEMENTATIONS
def test_words_joiners_and_single_characters(split, text, expected):
    assert [t for _, _, t in tokens(text, 0, len(text), split)] == expected
    assert tokens(text, 0, len(text), split) == reference(text, 0, len(text))


@IMPLEMENTATIONS
def test_a_window_reads_neither_before_its_start_nor_past_its_end(split):
    # "1,2" cut after the comma: the digit after it is outside, so the comma is its own token
    text = "x 1,2 y"
    assert tokens(text, 2, 4, split) == reference(text, 2, 4) == [(2, 3, "1"), (3, 4, ",")]
    # a window that starts inside a word starts a token there
    assert tokens(text, 4, 7, split) == reference(text, 4, 7) == [(4, 5, "2"), (6, 7, "y")]


@IMPLEMENTATIONS
def test_random_text_in_random_windows_splits_as_the_pattern_says(split):
    alphabet = "aZ9_ .,:'&@+/-\n\t\u00a0\u2014\u00e9\u0301\u0661\u00b2\u4e2d\U0001f600\u2028?\"()"
    rng = random.Random(20261127)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert tokens(text, start, end, split) == reference(text, start, end), (text, start, end)


@IMPLEMENTATIONS
def test_trailing_white_space_yields_no_token_and_long_runs_stay_linear(split):
    norm = "Word, word.   \n  "
    assert [t.text for t in split(norm, 0, len(norm), {})] == ["Word", ",", "word", "."]
    assert split(" " * 100_000, 0, 100_000, {}) == []
    joined = "a-" * 50_000 + "-"
    assert [t.text for t in split(joined, 0, len(joined), {})] == ["a-" * 49_999 + "a", "-", "-"]


def test_tokenize_runs_the_scan_when_compiled_and_the_regex_when_interpreted(monkeypatch):
    # COMPILED is read from the module (compiled, a Final constant is inlined: there the check is
    # that the flag tells the truth about the build)
    assert text.COMPILED == (not hasattr(text.tokenize, "__code__"))
    # either way, equal tokens share one text and one lower case across a document
    seen = {}
    first, second = tokenize("Mayor mayor Mayor", 0, 17, seen), tokenize("Mayor", 0, 5, seen)
    assert first[0].text is first[2].text is second[0].text and first[1].lower is first[1].text
    calls = []
    if not text.COMPILED:
        monkeypatch.setattr(text, "match_tokens", lambda *a: calls.append("match") or [])
        monkeypatch.setattr(text, "scan_tokens", lambda *a: calls.append("scan") or [])
        tokenize("a b", 0, 3)
        monkeypatch.setattr(text, "COMPILED", True)
        tokenize("a b", 0, 3)
        assert calls == ["match", "scan"]
