"""Count syllables in a word as it is read aloud, per language.

English: words of the Carnegie Mellon pronouncing dictionary (CMUdict) get the syllable
count of its first pronunciation (one per stressed or unstressed vowel phoneme). To keep
the table small, `data/syllables_en_table.txt` stores only the 20,000 most frequent words
and the dictionary words on which the fallback rule is wrong; every other word, in the
dictionary or not, goes through the rule (its weights are in `data/syllables_en.toml`).
The rule is a vowel-group count with the classic silent-e, -es and -ed corrections, plus
letter n-gram corrections learned from one half of CMUdict by transformation-based
learning (Brill 1995, "Transformation-based error-driven learning and natural language
processing", Computational Linguistics 21(4)); `tools/build_syllables.py` regenerates it
and `bench/syllables.py` measures it on the half it never saw.

Numbers count the syllables they have when read aloud, as Flesch (1948) asks ("count
symbols and figures as they are normally read aloud": 1918 is four syllables).

Spanish, German, French, Italian and Dutch count syllable nuclei: a run of vowels is one
syllable when it is one of the language's diphthongs or triphthongs in
`data/syllables_rules.toml`, and splits into two or more otherwise (hiatus). The "u" of
"qu" and "gu" before a vowel is no nucleus where the language writes it silent or as a glide
(Spanish "quien", "alguien"; German "Quelle"; French "quoi", "guerre"), but the "ü" of
Spanish "pingüino" and the "u" before French "ë" and "ï" ("aiguë") are. Their figures
are spelled out with the language's number words (number_words.py) and counted the same way.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from .english_syllables import EnglishSyllables
from .errors import LexiconError
from .lexicons import load, read_data
from .number_words import SPELLERS, split_words

# --- English -------------------------------------------------------------------------------

_EN = load("syllables_en")
TABLE_FILE = "syllables_en_table.txt"
# Names `parse_table` for the table's compiled copy: change it whenever what it returns changes.
TABLE_PARSER = "syllable-table-1"


def parse_table(text: str) -> dict[str, int]:
    """Parse data/syllables_en_table.txt: lines of a syllable count followed by its words."""
    table: dict[str, int] = {}
    for line in text.splitlines():
        if line and line[0] != "#":
            count, *words = line.split()
            table.update(dict.fromkeys(words, int(count)))
    return table


def _read_table() -> dict[str, int]:
    """The English word table, from its compiled copy when that is fresh (see lexicons.read_data)."""
    try:
        table: dict[str, int] = read_data(TABLE_FILE, parse_table, TABLE_PARSER)  # always a dict
        return table
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{TABLE_FILE}: {exc}") from exc


ENGLISH: Final = EnglishSyllables(
    # Common words, and every dictionary word the fallback gets wrong: word -> syllables.
    table=_read_table(),
    # Learned corrections: weight added once for each distinct n-gram of "^word$".
    weights={gram: int(weight) for gram, weight in (line.split() for line in _EN.tables["fallback"]["weights"].split("\n") if line)},
)

# --- other languages -----------------------------------------------------------------------


class VowelRule:
    """A language's syllable nuclei: vowel letters, the vowel runs that are one syllable, silent endings."""

    # A plain class, not a dataclass (~0.9 ms of start-up to define) nor a named tuple, whose
    # `count` would shadow tuple.count.
    __slots__ = ("vowels", "nuclei", "longest", "silent_final", "min_stem_vowels", "mute_u")

    def __init__(
        self, vowels: frozenset[str], nuclei: frozenset[str], longest: int, silent_final: tuple[str, ...],
        min_stem_vowels: int, mute_u: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.vowels = vowels
        self.nuclei = nuclei
        self.longest = longest
        self.silent_final = silent_final
        self.min_stem_vowels = min_stem_vowels
        # (letter, vowels): a "u" after the letter and before one of the vowels is no vowel
        # of its own: silent (Spanish "quien", French "guerre") or a glide (German "Quelle")
        self.mute_u = mute_u

    @classmethod
    def from_table(cls, table) -> VowelRule:
        """Build a rule from its table in data/syllables_rules.toml."""
        nuclei = frozenset(table["nuclei"])
        return cls(
            vowels=frozenset(table["vowels"]),
            nuclei=nuclei,
            longest=max((len(n) for n in nuclei), default=1),
            silent_final=tuple(table.get("silent_final", ())),
            min_stem_vowels=int(table.get("silent_final_min_syllables", 2)),
            mute_u=tuple((str(letter), str(after)) for letter, after in table.get("mute_u", {}).items()),
        )

    def muted(self, word: str) -> str:
        """Return `word` with each "u" that mute_u makes no vowel replaced by an apostrophe (same length)."""
        if not self.mute_u or "u" not in word:
            return word
        chars = list(word)
        for i in range(1, len(word) - 1):
            if word[i] != "u":
                continue
            before, after = word[i - 1], word[i + 1]
            for letter, vowels in self.mute_u:
                if before == letter and after in vowels:
                    chars[i] = "'"
                    break
        return "".join(chars)

    def count(self, word: str) -> int:
        """Count nuclei: each vowel run splits greedily into the longest listed nuclei (mute "u"s left out)."""
        word = self.muted(word)
        vowels, nuclei, longest = self.vowels, self.nuclei, self.longest
        n = 0
        i = 0
        size = len(word)
        while i < size:
            if word[i] not in vowels:
                i += 1
                continue
            j = i
            while j < size and word[j] in vowels:
                j += 1
            run = word[i:j]
            k = 0
            while k < len(run):  # greedy longest match; a single vowel always matches
                step = 1
                for length in range(min(longest, len(run) - k), 1, -1):
                    if run[k : k + length] in nuclei:
                        step = length
                        break
                n += 1
                k += step
            i = j
        if n >= self.min_stem_vowels:
            for ending in self.silent_final:
                if word.endswith(ending) and len(word) > len(ending) and word[-len(ending) - 1] not in vowels:
                    n -= 1
                    break
        return max(1, n)


_RULES = load("syllables_rules")
RULES = MappingProxyType({code: VowelRule.from_table(table) for code, table in _RULES.tables["languages"].items()})
# Letter runs and digit runs inside one token: two single-class alternatives, linear.
_PART_RE = re.compile(r"[^\W\d_]+|\d+")


def figure_syllables(token: str, language: str) -> int:
    """Count a figure (digits and separators) as read aloud in `language`: '11.000' is 'once mil' (3)."""
    rule = RULES[language]
    return max(1, sum(rule.count(w.lower()) for w in split_words(SPELLERS[language].figure(token))))


def other(token: str, language: str) -> int:
    """Count the syllables of a word or number token with a language's nucleus rule and number words."""
    lower = token.lower()
    if lower[0].isdecimal() and not any(c.isalpha() for c in lower):
        return figure_syllables(lower, language)
    rule = RULES[language]
    total = 0
    for part in _PART_RE.findall(lower):
        if part[0].isdecimal():
            total += figure_syllables(part, language)
        else:
            total += rule.count(part)
    return max(1, total)


SUPPORTED = ("en", *sorted(RULES))


def count(token: str, language: str) -> int:
    """Count the syllables of a word or number token (its text as written) in `language`."""
    if language == "en":
        return ENGLISH.token(token)
    return other(token, language)


def counter(language: str):
    """Return the function that counts a token's syllables in `language` (for hot loops)."""
    if language == "en":
        return ENGLISH.token
    return lambda token: other(token, language)
