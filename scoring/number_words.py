"""Spell figures out in Spanish, Italian, French, German and Dutch, so they count the syllables they are read with.

Flesch (1948) counts "symbols and figures as they are normally read aloud". English has its
own arithmetic in english_syllables.py; the other languages spell the figure with the
words of data/number_words.toml and let their syllable rule count those words. Both "." and
"," may group thousands or mark decimals: a separator followed by exactly three digits
groups thousands (11.000, 11,000), any other marks the decimals (3,5 or 3.5).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final, NamedTuple

from .lexicons import load

# Figures of more digits than this are read digit by digit (phone numbers, identifiers).
MAX_SPOKEN_DIGITS: Final = 12
# Digit runs and their separators: one-class alternatives, linear.
_DIGITS_RE: Final = re.compile(r"\d+")
_SEGMENT_RE: Final = re.compile(r"[/:\-]")
_WORD_SPLIT_RE: Final = re.compile(r"[ \-]+")


# A named tuple, not a dataclass: ~0.1 ms to define at import against ~0.8 ms (start-up); internal, never in a Report.
class NumberWords(NamedTuple):
    """One language's number words and how it joins them."""

    units: tuple[str, ...]
    tens: tuple[str, ...]  # 20, 30 ... 90
    joiner: str
    unit_first: bool
    unit_first_one: str
    elide: bool
    french: bool
    hundred: str
    one_hundred: str
    hundreds: tuple[str, ...]
    thousand: str
    one_thousand: str
    million: str
    one_million: str
    point: str
    years_in_hundreds: bool

    @classmethod
    def from_table(cls, t) -> NumberWords:
        """Build a speller from its table in data/number_words.toml."""
        return cls(
            units=tuple(str(t["units"]).split()),
            tens=tuple(str(t["tens"]).split()),
            joiner=str(t.get("tens_joiner", "")),
            unit_first=bool(t.get("unit_first", False)),
            unit_first_one=str(t.get("unit_first_one", "")),
            elide=bool(t.get("elide", False)),
            french=bool(t.get("french_seventies", False)),
            hundred=str(t["hundred"]),
            one_hundred=str(t["one_hundred"]),
            hundreds=tuple(str(t.get("hundreds", "")).split()),
            thousand=str(t["thousand"]),
            one_thousand=str(t["one_thousand"]),
            million=str(t["million"]),
            one_million=str(t["one_million"]),
            point=str(t["point"]),
            years_in_hundreds=bool(t.get("years_in_hundreds", False)),
        )

    def below_hundred(self, n: int) -> list[str]:
        """Spell 0-99."""
        if n < len(self.units):
            return [self.units[n]]
        t, u = divmod(n, 10)
        tens = self.tens[t - 2]
        if self.french and t in (7, 9):  # soixante-dix ... quatre-vingt-dix-neuf
            if t == 7 and u == 1:
                return [tens, self.joiner, self.units[11]]  # soixante et onze
            return [tens, self.units[10 + u]]
        if not u:
            return [tens]
        if self.unit_first:  # einundzwanzig, eenentwintig
            return [self.unit_first_one if u == 1 else self.units[u], self.joiner, tens]
        if self.elide and u in (1, 8):  # ventuno, ventotto
            return [tens[:-1], self.units[u]]
        if self.french:  # vingt et un, but quatre-vingt-un and vingt-deux
            return [tens, self.joiner, self.units[1]] if u == 1 and t != 8 else [tens, self.units[u]]
        return [tens, self.joiner, self.units[u]] if self.joiner else [tens, self.units[u]]

    def below_thousand(self, n: int) -> list[str]:
        """Spell 0-999."""
        h, rest = divmod(n, 100)
        words: list[str] = []
        if h == 1:
            words.append(self.hundreds[0] if self.hundreds and rest else self.one_hundred)
        elif h:
            words += [self.hundreds[h - 1]] if self.hundreds else [self.units[h], self.hundred]
        if rest or not h:
            words += self.below_hundred(rest)
        return words

    def integer(self, digits: str) -> list[str]:
        """Spell a digit string; years 1100-1999 in hundreds where the language reads them so."""
        if len(digits) > MAX_SPOKEN_DIGITS or (len(digits) > 1 and digits[0] == "0"):
            return [self.units[int(d)] for d in digits]
        n = int(digits)
        if self.years_in_hundreds and len(digits) == 4 and 1100 <= n <= 1999 and n % 100:
            return self.below_hundred(n // 100) + [self.hundred] + self.below_hundred(n % 100)
        words: list[str] = []
        billions, rest = divmod(n, 10**9)
        if billions:  # past a thousand million the words vary by language: read as thousands of millions
            words += self.below_thousand(billions) + [self.thousand, self.million]
        millions, rest = divmod(rest, 10**6)
        if millions:
            words += [self.one_million] if millions == 1 else self.below_thousand(millions) + [self.million]
        thousands, rest = divmod(rest, 1000)
        if thousands:
            words += [self.one_thousand] if thousands == 1 else self.below_thousand(thousands) + [self.thousand]
        if rest or not words:
            words += self.below_thousand(rest)
        return words

    def figure(self, token: str) -> list[str]:
        """Spell a figure as written: '11.000', '3,5', '12/27/2024', '7:45'."""
        words: list[str] = []
        for segment in _SEGMENT_RE.split(token):
            groups = _DIGITS_RE.findall(segment)
            if not groups:
                continue
            if len(groups) == 1 or all(len(g) == 3 for g in groups[1:]):
                words += self.integer("".join(groups))
            else:
                words += self.integer("".join(groups[:-1])) + [self.point] + self.integer(groups[-1])
        return words


def split_words(words: list[str]) -> list[str]:
    """Split spelled words on spaces and hyphens ("un millón", "dix-sept") for counting."""
    return [w for phrase in words for w in _WORD_SPLIT_RE.split(phrase) if w]


SPELLERS: Final = MappingProxyType(
    {code: NumberWords.from_table(t) for code, t in load("number_words").tables["languages"].items()}
)
