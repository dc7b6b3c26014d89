"""English syllable counting over a pronouncing table: the rule, the learned fallback and numbers read aloud.

Pure code, no data: `scoring/syllables.py` builds the one `EnglishSyllables` the library
uses from `data/syllables_en.toml`, and `tools/build_syllables.py` builds others to learn
and check that table.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType
from typing import Final, Mapping

from .charclass import is_alpha, is_upper

VOWEL_LETTERS: Final = "aeiouy"
VOWELS: Final = frozenset(VOWEL_LETTERS)
# Letter runs and digit runs inside one token ("covid-19", "4.5bn", "27th"): two
# single-class alternatives that cannot overlap, so matching is linear.
_PART_RE: Final = re.compile(r"[^\W\d_]+|\d+")
# Endings that make the "'s" of a possessive a syllable of its own (boss's, judge's).
SIBILANT_ENDINGS: Final[tuple[str, ...]] = ("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze")
# Letters after a number that add nothing read aloud: 27th, 1990s, 2nd.
NUMBER_SUFFIXES: Final = frozenset(("st", "nd", "rd", "th", "s"))
# The number at the start of a token ("4.5" of "4.5bn"): a digit, then digits, commas and
# points (one character class under one quantifier: linear).
_LEADING_NUMBER_RE: Final = re.compile(r"\d[\d,.]*")
# Units and scales written straight after a number, by the syllables they are read with:
# 4.5bn "four point five billion", 10km "ten kilometers", 3pm "three p m".
# Ordinals read like their cardinal, except "second", one syllable longer than "two".
NUMBER_UNITS: Final = MappingProxyType({
    "bn": 2, "mn": 2, "m": 2, "k": 2, "tn": 2, "km": 4, "kg": 4, "mph": 3, "cm": 4, "mm": 4,
    "am": 2, "pm": 2, "ft": 1, "lb": 1, "lbs": 1, "s": 0, "st": 0, "nd": 1, "rd": 0, "th": 0,
})
# All-capital words up to this many letters, without a vowel and without a dictionary
# entry, are read letter by letter (FBI, NYPD, BBC); others are read as words (NATO).
SPELLED_ACRONYM_MAX: Final = 5
# "W" is the one English letter name of more than one syllable ("double-u").
_LETTER_NAME_SYLLABLES: Final = {"w": 3}

# Syllables of the English number words, read aloud.
_UNITS: Final[tuple[int, ...]] = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # zero .. nineteen
_TENS: Final[tuple[int, ...]] = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # -, ten (in _UNITS), twenty .. ninety
_HUNDRED: Final = 2
_SCALE: Final = 2  # thousand, million, billion, trillion ...
_POINT: Final = 1
_OH: Final = 1  # the "oh" of 1905 read as a year: "nineteen oh five"
# Letter strings longer than this skip the learned n-gram corrections: no English word is
# that long, and the n-grams of a 100,000-letter "word" would cost far more than the rule.
FALLBACK_MAX_LETTERS: Final = 50
# Digit strings longer than this (or with a leading zero) are read digit by digit:
# phone numbers, identifiers.
MAX_SPOKEN_DIGITS: Final = 15


def english_rule(word: str) -> int:
    """Count vowel groups in a lower-case a-z word, less a silent final -e, -es or -ed."""
    s = word
    if len(s) > 1 and s[0] == "y" and s[1] in VOWELS:
        s = "j" + s[1:]  # initial y before a vowel is a consonant: yes, young
    n = 0
    in_group = False
    for ch in s:  # count the runs of vowels (a loop: compiled, ~4x faster than a regex's findall)
        if ch in VOWELS:  # a set look-up per letter, not a substring search
            if not in_group:
                n += 1
                in_group = True
        else:
            in_group = False
    size = len(s)
    if n > 1 and size > 2:
        last, before = s[-2], s[-3]
        if s[-1] == "e" and last not in VOWELS and not (last == "l" and before not in VOWELS):
            n -= 1  # make, hope; but table, little keep their -le syllable
        elif (
            s.endswith("es")
            and before not in VOWELS
            and before not in "sxzgc"
            and s[-4:-2] not in ("ch", "sh")
            and not (before == "l" and size > 3 and s[-4] not in VOWELS)
        ):
            n -= 1  # makes; but boxes, changes, tables
        elif s.endswith("ed") and before not in VOWELS and before not in "td":
            n -= 1  # jumped; but wanted, ended
    return max(1, n)


def ngrams(word: str, sizes: tuple[int, ...]) -> set[str]:
    """Return the distinct n-grams of "^word$" for each size in `sizes`."""
    padded = "^" + word + "$"
    size = len(padded)
    return {padded[i : i + k] for k in sizes for i in range(size - k + 1)}


def _below_thousand(n: int) -> int:
    count = 0
    if n >= 100:
        count += _UNITS[n // 100] + _HUNDRED
        n %= 100
        if n == 0:
            return count
    if n < 20:
        return count + _UNITS[n]
    return count + _TENS[n // 10] + (_UNITS[n % 10] if n % 10 else 0)


def _scaled(n: int) -> int:
    """Count an integer read in groups of three digits: 11,000 is 'eleven thousand' (5)."""
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    count = 0
    for power, g in enumerate(groups):
        if g:
            count += _below_thousand(g) + (_SCALE if power else 0)
    return count or _UNITS[0]


def integer_syllables(digits: str) -> int:
    """Count a digit string read aloud: 1918 as 'nineteen eighteen' (4), 11000 as 'eleven thousand' (5)."""
    if len(digits) > MAX_SPOKEN_DIGITS or (len(digits) > 1 and digits[0] == "0"):
        return _digit_by_digit(digits)
    n = int(digits)
    if len(digits) == 4 and 1100 <= n <= 2099 and n % 100 and not 2000 <= n <= 2009:
        low = n % 100
        return _below_thousand(n // 100) + _below_thousand(low) + (_OH if low < 10 else 0)
    return _scaled(n)


def number_syllables(token: str) -> int:
    """Count a number token read aloud: '11,000' (5), '3.5' (3), '12/27/2024' (9), '7:45' (4)."""
    # The parts are what r"\d+|\." finds once the commas are gone (\d is str.isdecimal), read
    # in one pass: a call of re.findall and its list cost more than the count on short numbers.
    # ASCII digits are told by code point: compiled, str.isdecimal is a generic method call.
    if "," in token:
        token = token.replace(",", "")  # "11,000" is 11000: a comma joins the digits on either side
    total = 0
    after_point = False
    run = -1  # where the digits read since the last part start, or -1
    for i in range(len(token)):
        c = ord(token[i])
        if 48 <= c <= 57 or (c >= 128 and token[i].isdecimal()):
            if run < 0:
                run = i
            continue
        if run >= 0:
            total += _digits_syllables(token[run:i], after_point)
            after_point = False
            run = -1
        if c == 46:  # "."
            total += _POINT
            after_point = True
    if run >= 0:
        total += _digits_syllables(token[run:], after_point)
    return max(1, total)


def _digits_syllables(digits: str, after_point: bool) -> int:
    """A run of digits read aloud: digit by digit after a decimal point ("three point one four"), else as an integer."""
    return _digit_by_digit(digits) if after_point else integer_syllables(digits)


def _digit_by_digit(digits: str) -> int:
    """Digits read one by one: "zero zero four two", the decimals of "three point one four"."""
    return sum(_UNITS[int(d)] for d in digits)


def _ascii_letters(word: str) -> str:
    """Fold accented letters to their base letter and drop anything that is not a-z."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if "a" <= c <= "z")


def _spelled(letters: str) -> int:
    return sum(_LETTER_NAME_SYLLABLES.get(c, 1) for c in letters if c.isalpha())


# A trie node: each next letter -> (the (n-gram, weight) that ends with it, or None; the node after it).
# One lookup per letter walked finds both the child and whether an n-gram ends there.
_Step = tuple[tuple[str, int] | None, dict]


def ngram_trie(weights: Mapping[str, int]) -> dict[str, _Step]:
    """Index the weighted n-grams by their letters, so one walk per position finds all that start there."""
    root: dict = {}
    for gram, weight in weights.items():
        node = root
        last = len(gram) - 1
        for k, ch in enumerate(gram):
            step = node.get(ch)
            end, child = (None, {}) if step is None else step
            node[ch] = ((gram, weight) if k == last else end), child
            node = child
    return root


class EnglishSyllables:
    """Count English syllables: table first, then the rule plus learned n-gram weights."""

    # A plain class, not a dataclass: defining a dataclass costs ~0.7 ms of start-up. Its tables
    # are plain dicts, read-only by convention (Final; tests/scoring/test_module_state.py checks
    # that no analysis writes to them): compiled, a typed dict is read without the proxy's calls.
    __slots__ = ("table", "weights", "trie")

    def __init__(self, table: dict[str, int], weights: dict[str, int]) -> None:
        self.table: Final = table  # word (lower case) -> syllables
        self.weights: Final = weights  # n-gram of "^word$" -> correction
        self.trie: Final = ngram_trie(weights)

    def fallback(self, word: str) -> int:
        """Estimate a lower-case a-z word: `english_rule` plus the weight of each distinct n-gram it contains."""
        n = english_rule(word)
        if len(word) > FALLBACK_MAX_LETTERS:
            return n
        padded = "^" + word + "$"
        size = len(padded)
        trie = self.trie
        found: dict[str, int] = {}  # distinct n-grams, as the weights were learned
        for i in range(size):
            node: dict[str, _Step] = trie
            for j in range(i, size):
                step = node.get(padded[j])
                if step is None:
                    break
                end, node = step
                if end is not None:
                    found[end[0]] = end[1]
        return max(1, n + sum(found.values()))

    def word(self, word: str) -> int:
        """Count a lower-case word of letters (apostrophes allowed)."""
        table = self.table
        known = table.get(word)
        if known is not None:
            return known
        if "'" in word:
            if word.endswith("'s") and len(word) > 2:
                stem = word[:-2]
                return self.word(stem) + (1 if stem.endswith(SIBILANT_ENDINGS) else 0)
            word = word.replace("'", "")
            known = table.get(word)
            if known is not None:
                return known
        letters = _ascii_letters(word)
        if not letters:
            return 1 if word else 0
        return self.fallback(letters)

    def token(self, token: str) -> int:
        """Count a word or number token as written: 'Ukraine', 'U.S', 'COVID-19', '11,000', "boss's"."""
        lower = token.lower()
        known = self.table.get(lower)
        if known is not None:
            return known
        if is_alpha(lower):
            if len(token) <= SPELLED_ACRONYM_MAX and len(token) > 1 and is_upper(token) and not VOWELS & set(lower):
                return _spelled(lower)
            return self.word(lower)
        if lower[0].isdecimal() and not any(c.isalpha() for c in lower):
            return number_syllables(lower)
        if "." in lower and all(len(p) <= 2 for p in lower.split(".")):
            return _spelled(lower)  # letter-dot acronyms: U.S (2), a.m (2), Ph.D (3)
        if "'" in lower and "-" not in lower and "/" not in lower:
            return self.word(lower)
        total = 0
        rest = lower
        if lower[0].isdecimal():  # "4.5bn", "27th", "10km": the number as read, then its unit
            figure = _LEADING_NUMBER_RE.match(lower).group()  # type: ignore[union-attr]  # a decimal matches
            total += number_syllables(figure)
            rest = lower[len(figure) :]
            unit = NUMBER_UNITS.get(rest)
            if unit is not None:
                return total + unit
        after_number = bool(total)
        for part in _PART_RE.findall(rest):
            if part[0].isdecimal():
                total += integer_syllables(part)
                after_number = True
            else:
                if not (after_number and part in NUMBER_SUFFIXES):
                    total += self.word(part)
                after_number = False
        return max(1, total)
