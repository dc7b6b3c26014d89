"""Read numbers as written in news copy: digits with separators, scale suffixes and number words."""

from __future__ import annotations

import math
import re
from typing import Final

from .lexicons import load

_NUMBERS = load("figures_numbers")
UNITS: Final[dict[str, float]] = {k: float(v) for k, v in _NUMBERS.tables["units"].items()}
AMBIGUOUS: Final[dict[str, float]] = {k: float(v) for k, v in _NUMBERS.tables["ambiguous"].items()}
SCALES: Final[dict[str, float]] = {k: float(v) for k, v in _NUMBERS.tables["scales"].items()}
# Scale words written out in full may follow a number word; the abbreviations only digits.
WORD_SCALES: Final = frozenset(("dozen", "hundred", "thousand", "million", "billion", "trillion"))

# Digits, optionally grouped by commas in threes, optionally with a decimal part. Used with
# fullmatch on one token; each quantifier reads a class the next one cannot ("," or "."
# after digits), so a failed match backtracks at most once per character: linear.
PLAIN_RE: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Letters a number may carry attached: "4.5bn", "11k", "12th", "1990s", "5pm".
SUFFIX_MAX: Final = 4
ORDINAL_SUFFIXES: Final = frozenset(("st", "nd", "rd", "th"))


# Longer digit strings are codes or noise, not quantities (a trillion has 13 digits).
MAX_DIGITS: Final = 20


def plain_value(text: str) -> float | None:
    """Return the value of "11,000" or "3.5", or None when `text` is not such a number."""
    if len(text) > MAX_DIGITS + MAX_DIGITS // 3 or PLAIN_RE.fullmatch(text) is None:
        return None
    return float(text.replace(",", ""))


def split_suffix(text: str) -> tuple[str, str] | None:
    """Split "4.5bn" into ("4.5", "bn"): a plain number and up to SUFFIX_MAX ASCII letters, or None.

    A scan from the end rather than a regex: a pattern like digits-then-letters backtracks
    over every digit at every start position when searched, which is quadratic.
    """
    k = len(text)
    while k > 0 and len(text) - k <= SUFFIX_MAX and text[k - 1].isascii() and text[k - 1].isalpha():
        k -= 1
    suffix = text[k:]
    if not 0 < len(suffix) <= SUFFIX_MAX or plain_value(text[:k]) is None:
        return None
    return text[:k], suffix


def word_value(word: str) -> float | None:
    """Return the value of one cardinal number word ("forty", "twenty-five"), or None."""
    value = UNITS.get(word)
    if value is not None:
        return value
    tens, dash, ones = word.partition("-")
    if not dash or tens not in UNITS or UNITS[tens] < 20:
        return None
    if ones == "one":
        return UNITS[tens] + 1.0  # "twenty-one": "one" alone is ambiguous ("one of"), never after a tens word
    if ones in UNITS and UNITS[ones] < 10:
        return UNITS[tens] + UNITS[ones]
    return None


def read_words(words: list[str], i: int) -> tuple[int, float] | None:
    """Read number words from `words[i]`: return (index after the last one, value) or None.

    Standard accumulation: units and tens add, "hundred" multiplies the running group,
    larger scales close the group ("two million three hundred thousand"). An ambiguous
    word ("one", "a", "half") counts only when a scale word follows it.
    """
    n = len(words)
    total = 0.0
    group = 0.0
    j = i
    seen = False
    while j < n:
        w = words[j]
        value = word_value(w)
        if value is None and w in AMBIGUOUS and j + 1 < n and words[j + 1] in WORD_SCALES:
            value = AMBIGUOUS[w]
        if value is not None:
            if seen and group and group % 100 and value < 100:
                break  # "twenty five" is written "twenty-five"; two number words in a row are two figures
            group += value
            seen = True
            j += 1
            continue
        if seen and w in WORD_SCALES:
            scale = SCALES[w]
            if scale == 100:
                group = (group or 1) * 100
            elif w == "dozen":
                group = (group or 1) * 12
            else:
                total += (group or 1) * scale
                group = 0.0
            j += 1
            continue
        if seen and w == "and" and j + 1 < n and word_value(words[j + 1]) is not None and (group % 100 == 0) and (group or total):
            j += 1  # "one hundred and twenty"
            continue
        break
    if not seen:
        return None
    if words[j - 1] == "and":
        j -= 1
    return j, total + group


def format_value(value: float) -> str:
    """Write a value without separators: 11000, 4.5, 0.25 (no exponent, no trailing zeros)."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")
