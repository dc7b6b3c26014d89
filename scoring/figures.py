"""Find every figure in an article: the quantity, its normalized value and measure, and what it counts.

One pass over each unit's tokens. A figure starts at a number (digits, "4.5bn", "eleven
thousand", "COVID-19"), takes an optional currency before it and scale, currency, percent,
duration or clock words after it, and the approximation before it as a qualifier kept
apart from the value ("about 11,000" is 11000 qualified by "about"). What it counts (the
referent) is read from the noun phrase after it and the verb it belongs to, after or
before it ("3,000 killed" against "3,000 employees"). Numbers that only identify or
describe something in passing (dates, years, times, "60,000-seat", "34-year-old", "F-35",
phone and list numbers) are figures marked `incidental`. Rules follow the AP Stylebook and
the Chicago Manual of Style on writing numbers; the word lists are in
`data/figures_numbers.toml` and `data/figures_referents.toml`.
"""

from __future__ import annotations

import math
import re
from typing import Final

from .lexicons import load
from .numbers import (
    AMBIGUOUS,
    MAX_DIGITS,
    UNITS,
    ORDINAL_SUFFIXES,
    SCALES,
    WORD_SCALES,
    format_value,
    plain_value,
    read_words,
    split_suffix,
    word_value,
)
from .text import HEADING, NUMBER, PUNCT, SYMBOL, WORD, Document, Token, Unit, lexeme_slots

_NUMBERS = load("figures_numbers")
_REFERENTS = load("figures_referents")

CURRENCY_SYMBOLS: Final[dict[str, str]] = dict(_NUMBERS.tables["currencies"]["symbols"])
CURRENCY_NAMES: Final[dict[str, str]] = dict(_NUMBERS.tables["currencies"]["names"])
DOLLAR_PREFIXES: Final[dict[str, str]] = dict(_NUMBERS.tables["currencies"]["dollar_prefixes"])
PERCENT: Final = _NUMBERS.terms("lists.percent")
NUMBER_WORDS: Final = frozenset(UNITS) | frozenset(AMBIGUOUS)
FRACTIONS: Final[dict[str, float]] = {k: float(v) for k, v in _NUMBERS.tables["fractions"].items()}
DURATIONS: Final = _NUMBERS.terms("lists.durations")
MONTHS: Final = _NUMBERS.terms("lists.months")
MULTIPLICATIVES: Final[dict[str, float]] = {k: float(v) for k, v in _NUMBERS.tables["multiplicatives"].items()}
MULTIPLICATIVE_AFTER: Final = _NUMBERS.terms("lists.multiplicative_after")
RECORD_NOUNS: Final = _NUMBERS.terms("lists.record_nouns")
EXTENT_NOUNS: Final = _NUMBERS.terms("lists.extent_nouns")
WEEKDAYS: Final = _NUMBERS.terms("lists.weekdays")
CLOCK: Final = _NUMBERS.terms("lists.clock")
IDENTIFIER_WORDS: Final = _NUMBERS.terms("lists.identifiers")
IDENTIFIER_NAMES: Final = _NUMBERS.terms("lists.identifier_names")
RANGE_JOINERS: Final = _NUMBERS.terms("lists.range_joiners")
RANGE_OPENERS: Final = _NUMBERS.terms("lists.range_openers")
AGE_BEFORE: Final = _NUMBERS.terms("lists.age_before")
DEATH_WORDS: Final = _NUMBERS.terms("lists.death_words")
# Ages are below this (AP gives ages as figures; no one has lived to 130).
AGE_MAX: Final = 130
# What an age at death is shown as counting.
AGE_AT_DEATH: Final = "age at death"
PAST_AFTER: Final = _NUMBERS.terms("lists.past_after")
PAST_BEFORE: Final = _NUMBERS.terms("lists.past_before")
UNITS_OF_MEASURE: Final[dict[str, str]] = dict(_NUMBERS.tables["units_of_measure"])
# The measure of a quantity in a unit of measure ("80mg", "12 kilometres").
AMOUNT_MEASURE: Final = "amount"
# Longest phrases first so "more than" wins over "than" and "an estimated" over "estimated".
QUALIFIERS: Final[tuple[tuple[str, ...], ...]] = tuple(
    sorted((tuple(p.split()) for p in _NUMBERS.terms("qualifiers.phrases")), key=len, reverse=True)
)
QUALIFIER_FIRST_WORDS: Final = frozenset(q[0] for q in QUALIFIERS)


def _by_last_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases grouped by their last word, each group in the phrases' order."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(group) for word, group in groups.items()}


# Only a phrase ending in the word before a figure can qualify it: one look-up picks those
# (longest first, as in QUALIFIERS) instead of a slice and compare for each of the 48.
QUALIFIERS_BY_LAST_WORD: Final = _by_last_word(QUALIFIERS)

STOPS: Final = _REFERENTS.terms("lists.stops")
PLACES: Final = _REFERENTS.terms("lists.places")
AUXILIARIES: Final = _REFERENTS.terms("lists.auxiliaries")
DETERMINERS: Final = _REFERENTS.terms("lists.determiners")
GENERIC_NOUNS: Final = _REFERENTS.terms("lists.generic")
CLAUSE_OPENERS: Final = _REFERENTS.terms("lists.clause_openers")
IRREGULAR: Final[dict[str, str]] = dict(_REFERENTS.tables["irregular"])
PLURALS: Final[dict[str, str]] = dict(_REFERENTS.tables["plurals"])
VERB_CLASS: Final[dict[str, str]] = {v: k for k, vs in _REFERENTS.tables["verbs"].items() for v in vs}
TALLY_VERBS: Final[dict[str, str]] = dict(_REFERENTS.tables["tally_verbs"])
AMOUNT_VERB_CLASS: Final[dict[str, str]] = {v: k for k, vs in _REFERENTS.tables["verbs_amounts"].items() for v in vs}
KNOWN_VERBS: Final = frozenset(VERB_CLASS) | frozenset(AMOUNT_VERB_CLASS)
VERB_CLASSES: Final = frozenset(VERB_CLASS.values()) | frozenset(AMOUNT_VERB_CLASS.values())
COMMON_VERBS: Final = _REFERENTS.terms("lists.common_verbs")
# After a verb of change, "N to M" with M at least this many times N is a change and the level
# it reached ("rose 3p to 245p", "fell $2 to $48"), not a range ("rose 3 to 5 percent").
CHANGE_LEVEL_RATIO: Final = 10.0
# British pence written after the number ("4.2p a share", "245p"): money. A larger number with
# a "p" is a video resolution or a name ("1080p"), not a price in pence.
PENCE_SUFFIX: Final = "p"
PENCE: Final = "pence"
PENCE_MAX: Final = 1000.0
# Runs counted by an ordinal ("for the third month in a row"; figures_referents.toml, [streaks]).
STREAK_ORDINALS: Final[dict[str, int]] = dict(_REFERENTS.tables["streaks"]["ordinals"])
STREAK_MARKERS: Final = _REFERENTS.terms("streaks.markers")
STREAK_NOUNS: Final = _REFERENTS.terms("streaks.nouns")
STREAK_AFTER: Final = _REFERENTS.terms("streaks.after")
# "in a row" after the run's noun.
IN_A_ROW: Final = ("in", "a", "row")
LEVEL_VERBS: Final = _REFERENTS.terms("lists.level_verbs")
# Verb classes whose subject is what an amount measures: "prices rose 2.9%".
CHANGE_CLASSES: Final = frozenset(("rose", "fell"))
# Measures whose verbs say how an amount changes ("fell to 88 percent") rather than what happened to the things counted.
AMOUNT_MEASURES: Final = frozenset(("money", "percent", "rate", "duration", "amount"))
NOUN_CLASS: Final[dict[str, str]] = {v: k for k, vs in _REFERENTS.tables["nouns"].items() for v in vs}
EVENT_NOUNS: Final[dict[str, str]] = {v: k for k, vs in _REFERENTS.tables["event_nouns"].items() for v in vs}
# Particles that may stand between a verb and "twice": "walk out twice", "held up twice".
PARTICLES: Final = frozenset(("out", "up", "off", "down", "back"))
SUBJECT_CLASS: Final[dict[str, str]] = {v: k for k, vs in _REFERENTS.tables["subject_classes"].items() for v in vs}
# Prepositions after an amount of money that introduce what it is for: "$9.6 million in
# fares", "$5 million for road repairs", "$1.5m on overtime".
MONEY_PREPOSITIONS: Final = frozenset(("in", "for", "on"))
# Determiners that point back to something already known: a figure after one is a reference.
# Not "that" or "this": "reports say that 3,000 died" states the figure.
REFERENCE_WORDS: Final = frozenset(("the", "these", "those", "its", "their", "his", "her", "our", "your", "such"))
# Possessive determiners: a figure after one (or after "the port's") names its owner's things,
# which may be new ("the port's three ferries"): a reference, but no proof it points back.
POSSESSIVE_WORDS: Final = frozenset(("its", "their", "his", "her", "our", "your"))
# Words before an amount that say it is a change: "up 38%", "down 2%".
CHANGE_WORDS: Final = frozenset(("up", "down"))
# Forms of "be" before an amount ("the share is 9.8%").
BE_FORMS: Final = frozenset(("is", "was", "are", "were", "be", "been"))
# Words for a percentage of some whole that name no whole of their own: "the share is 9.8%"
# after "31.7% of households" in one sentence is a share of households.
SHARE_WORDS: Final = frozenset(("share", "proportion", "percentage", "figure", "rate"))
MODALS: Final = frozenset(("will", "would", "shall", "should", "can", "could", "may", "might", "must"))
# Words before a bare verb form that make it a verb: "would lose £10m", "to invest $5m".
INFINITIVE_MARKERS: Final = MODALS | {"to"}
# Adverbs that may stand between a modal and its verb: "will also lose".
MODAL_ADVERBS: Final = frozenset(("also", "not", "still", "then", "now", "only", "even", "never", "probably", "likely"))
# Words before a noun: a known verb form after one is a noun ("the pay", "its cut").
NOUN_MARKERS: Final = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these", "those"))
# Determiners of a partitive whole: "six of those months".
PARTITIVE_DETERMINERS: Final = frozenset(("the", "those", "these", "its", "their", "his", "her", "our"))
# Capitalized words that may name a currency's country before its name: "Hong Kong dollars".
CURRENCY_COUNTRY_MAX: Final = 2
# How many tokens a currency conversion in brackets may run: "$676m (£352m)", "(about 195.3 million pounds)".
CONVERSION_MAX: Final = 6

# A four-digit whole number in this range, with no currency, scale or percent, is a year
# (AP: years are the one figure of 1,000 or more written without a comma).
YEAR_RANGE: Final = (1500, 2100)
# Hyphenated or spaced digit groups with at least this many digits in all are phone numbers
# ("555-0142", "212-555-0100"); shorter ones ("10-12") are ranges.
PHONE_MIN_DIGITS: Final = 7
# How far (in tokens) the noun phrase after a figure may run before its head noun.
NOUN_PHRASE_MAX: Final = 4
# How many words may stand between a percentage change and the "to" of the level it reached ("rose 9% in the third quarter to $2.6 billion").
LEVEL_GAP_MAX: Final = 6
# How many tokens before an amount's verb are read for what it is said of ("the county's vaccination rate for kindergartners").
SUBJECT_MAX: Final = 12
# How many auxiliaries or adverbs may stand between the figure's noun and its verb.
VERB_GAP_MAX: Final = 4
# How many determiners/prepositions may stand between a verb and the figure it governs.
VERB_BEFORE_GAP_MAX: Final = 2
# Heading lines that are publication metadata (datelines, bylines, "Published: ...",
# "3 min read") give no figures: their first words.
META_FIRST_WORDS: Final = frozenset(("published", "updated", "posted", "modified", "by", "dateline"))
# ... or these two words when the next is one of the above ("First published", "Last updated").
META_QUALIFIERS: Final = frozenset(("first", "last"))
META_LAST_WORDS: Final = frozenset(("read", "listen", "watch"))

# A heading with at least this share of its words (of four letters or more) capitalized is in
# title case, where a capital before a number says nothing about a name ("Storm Leaves 120,000").
TITLE_CASE_SHARE: Final = 0.6
PERCENT_MEASURE: Final = "percent"
# A result or a tally, higher side first: "beat Crewe 3-1", "voted 5-2", "Arlton United 2 Crewe Vale 1".
SCORE_MEASURE: Final = "score"
# Digits on each side of a score or vote at most ("449-149"); more are codes ("25-0417").
SCORE_DIGITS: Final = 3
# Capitalized words (a team's name) between the two numbers of a written-out result at most.
SCORELINE_NAME_MAX: Final = 3
_DIGIT_RE: Final = re.compile(r"\d")  # one character class, no repetition: linear
IDENTIFIERS: Final = frozenset(("date", "year", "other"))


# A plain class with read-only fields, not a named tuple: compiled, a native class read without look-ups;
# cheap to define at import, unlike a dataclass (~0.8 ms of start-up). Internal, never in a Report.
class Figure:
    """One quantity in the text: where it is, its normalized value and what it counts."""

    __slots__ = (
        "unit", "start", "end", "text", "value", "measure", "currency", "qualifier", "referent", "incidental", "upper",
        "scale_unit", "noun", "verb", "partitive", "reference", "heading", "subject", "possessive", "level",
    )

    unit: Final[int]
    start: Final[int]
    end: Final[int]
    text: Final[str]
    value: Final[float]
    measure: Final[str]  # "count" | "money" | "percent" | "duration" | "amount" | "age" | "rate" | "score" | "date" | "year" | "other"
    currency: Final[str | None]
    qualifier: Final[str | None]
    referent: Final[str]
    incidental: Final[bool]
    upper: Final[float | None]  # the top of a range ("10 to 12 people": value 10, upper 12)
    scale_unit: Final[str]  # the unit written with it: "percent", "dollars", "minutes", "percentage points"
    noun: Final[str]  # head noun of what it counts, normalized ("soldier"), "" if none
    verb: Final[str]  # the verb it belongs to, normalized to its class ("killed"), "" if none
    partitive: Final[bool]  # a part of a larger whole: "300 of the 1,100 jobs"
    reference: Final[bool]  # named as the whole a part is taken from: "of the 1,100 jobs"
    heading: Final[bool]  # in a heading (a headline words its figures its own way)
    subject: Final[str]  # for an amount with no noun, the words its verb is said of, normalized: "price" in "prices rose 2.9%"
    possessive: Final[bool]  # a reference through an owner ("the port's three ferries", "its 40 staff"), not "the", "these"
    level: Final[float | None]  # for a percentage change, the amount it reached: 14.83e9 in "rose 11% to $14.83 billion"

    def __init__(
        self, unit: int, start: int, end: int, text: str, value: float, measure: str, currency: str | None,
        qualifier: str | None, referent: str, incidental: bool, upper: float | None = None, scale_unit: str = "",
        noun: str = "", verb: str = "", partitive: bool = False, reference: bool = False, heading: bool = False,
        subject: str = "", possessive: bool = False, level: float | None = None,
    ) -> None:
        self.unit = unit
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.measure = measure
        self.currency = currency
        self.qualifier = qualifier
        self.referent = referent
        self.incidental = incidental
        self.upper = upper
        self.scale_unit = scale_unit
        self.noun = noun
        self.verb = verb
        self.partitive = partitive
        self.reference = reference
        self.heading = heading
        self.subject = subject
        self.possessive = possessive
        self.level = level

    @property
    def canonical(self) -> str:
        """The figure as the labelled articles write it: value without separators, then what it counts."""
        parts = [format_value(self.value)]
        if self.upper is not None:
            parts[0] += "-" + format_value(self.upper)
        if self.scale_unit:
            parts.append(self.scale_unit)
        if self.referent:
            parts.append(self.referent)
        return " ".join(parts)


class _Raw:
    """A figure being read: token indexes [first, last) and what has been learned so far."""

    # A plain class, not a dataclass: it is mutable, and defining a dataclass costs ~0.8 ms of start-up.
    __slots__ = ("first", "last", "value", "measure", "currency", "incidental", "upper", "scale_unit", "noun_hint", "bare_m")

    def __init__(
        self,
        first: int,
        last: int,
        value: float,
        measure: str = "count",
        currency: str | None = None,
        incidental: bool = False,
        upper: float | None = None,
        scale_unit: str = "",
        noun_hint: str = "",  # a unit noun carried by the number itself ("60,000-seat")
        bare_m: bool = False,  # written "100m": millions or metres, decided by what follows
    ) -> None:
        self.first = first
        self.last = last
        self.value = value
        self.measure = measure
        self.currency = currency
        self.incidental = incidental
        self.upper = upper
        self.scale_unit = scale_unit
        self.noun_hint = noun_hint
        self.bare_m = bare_m


def find(doc: Document) -> tuple[Figure, ...]:
    """Return every figure of the article in document order (publication lines give none)."""
    out: list[Figure] = []
    starts: list[bool | None] = [None] * doc.lexemes  # by Lexeme ordinal: may a figure start there (None: not asked yet)
    for unit in doc.units:
        if unit.type == HEADING and is_meta_line(unit):
            continue
        out.extend(unit_figures(unit, starts))
    return tuple(out)


def is_meta_line(unit: Unit) -> bool:
    """True for a byline, dateline, "Published: ..." or "3 min read" heading."""
    words = [t.lower for t in unit.tokens if t.kind == WORD]
    if not words:
        return True  # a heading of digits and punctuation only: a date or a time
    if words[0] in META_FIRST_WORDS or words[-1] in META_LAST_WORDS:
        return True
    if words[0] in META_QUALIFIERS and len(words) > 1 and words[1] in META_FIRST_WORDS:
        return True
    # A dateline is a place in capitals and a comma or an agency: "HARLOW, Ore.", "WASHINGTON (AP)".
    toks = unit.tokens
    first = toks[0].text
    return (
        len(first) > 1 and first.isupper() and first.isalpha() and len(words) <= 4
        and len(toks) > 1 and toks[1].text in (",", "(")
    )


def unit_figures(unit: Unit, starts: list[bool | None] | None = None) -> list[Figure]:
    """Return the figures of one unit, left to right (`starts` caches `_may_start` by Lexeme ordinal)."""
    toks = unit.tokens
    if starts is None:
        starts = [None] * lexeme_slots((unit,))
    # Most tokens cannot start a figure, and most units hold none that can: find the ones that
    # can (asked once per distinct token text), then read from each one that is not inside the
    # figure read before it.
    candidates: list[int] = []
    for j in range(len(toks)):
        k = toks[j].lexeme.ordinal
        may = starts[k]
        if may is None:
            may = starts[k] = _may_start(toks[j])
        if may:
            candidates.append(j)
    if not candidates:
        return []
    low = [t.lexeme.lower for t in toks]
    out: list[Figure] = []
    i = 0
    title_case = unit.type == HEADING and is_title_case(toks)
    before: _Raw | None = None
    for j in candidates:
        if j < i:
            continue  # inside the figure just read
        streak = _streak(unit, toks, low, j)
        if streak is not None:
            out.append(streak)
            i = j + 1
            continue
        raw = _read(toks, low, j, title_case)
        if raw is None:
            continue
        if raw.incidental and raw.measure == "duration" and raw.last < len(low) and low[raw.last] in RECORD_NOUNS:
            raw.incidental = False  # "a three-week high": how long since, a figure
        if raw.incidental and raw.measure == AMOUNT_MEASURE and raw.last < len(low) and low[raw.last] in EXTENT_NOUNS:
            raw.incidental = False  # "a six-mile stretch of river": how far it reached, a figure
        if _is_conversion(low, raw, before):
            raw.incidental = True  # a currency conversion is not a second figure
        out.append(_figure(unit, toks, low, raw, out[-1] if out else None))
        before = raw
        i = max(raw.last, j + 1)
    return out


def _streak(unit: Unit, toks: tuple[Token, ...], low: list[str], j: int) -> Figure | None:
    """A run counted by the ordinal at `j` ("the 20th consecutive month", "for the third year in a row"), or None.

    The ordinal ([streaks] ordinals, or digits with "st", "nd", "rd", "th"), then a marker
    ("consecutive") and one of STREAK_NOUNS, or the noun and "in a row" or "running" after it.
    The figure counts the noun: 20 months in a row.
    """
    n = len(low)
    value = _ordinal_value(low[j])
    if value is None or j + 1 >= n:
        return None
    k = j + 1
    marked = low[k] in STREAK_MARKERS
    if marked:
        k += 1
    if k >= n or singular(low[k]) not in STREAK_NOUNS:
        return None
    noun = singular(low[k])
    end = k + 1
    if not marked:
        if end + 3 <= n and tuple(low[end : end + 3]) == IN_A_ROW:
            end += 3
        elif end < n and low[end] in STREAK_AFTER:
            end += 1
        else:
            return None  # "the third quarter": a period, not a run
    start, stop = toks[j].start, toks[end - 1].end
    return Figure(
        unit.index, start, stop, unit.text[start - unit.start : stop - unit.start], float(value), "count", None, None,
        noun + "s in a row", False, noun=noun, heading=unit.type == HEADING,
    )


def _ordinal_value(word: str) -> int | None:
    """The number an ordinal above "first" stands for ("third", "20th"), or None."""
    value = STREAK_ORDINALS.get(word)
    if value is not None:
        return value
    split = split_suffix(word) if word[:1].isdigit() else None
    if split is None or split[1] not in ORDINAL_SUFFIXES:
        return None
    number = plain_value(split[0])
    return int(number) if number is not None and number >= 2 and number == int(number) else None


def _may_start(tok: Token) -> bool:
    """True for a token a figure can start at: a number, a currency sign, a number word ("twenty-two"), a word with a digit ("4.5bn")."""
    lex = tok.lexeme
    w = lex.lower
    return lex.kind == NUMBER or w in CURRENCY_SYMBOLS or (lex.kind == WORD and (
        w in NUMBER_WORDS or w in MULTIPLICATIVES or w in STREAK_ORDINALS or (not lex.alpha and (  # all letters: no digit, no hyphen (most words)
            _DIGIT_RE.search(w) is not None or ("-" in w and w.partition("-")[0] in NUMBER_WORDS)))))


def is_title_case(toks: tuple[Token, ...]) -> bool:
    """True for a headline in title case: at least TITLE_CASE_SHARE of its longer words are capitalized."""
    words = [t.text for t in toks if t.kind == WORD and len(t.text) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


# --- reading the quantity ---------------------------------------------------------------


def _read(toks: tuple[Token, ...], low: list[str], i: int, title_case: bool = False) -> _Raw | None:
    """Read the figure that starts at token `i`, or return None when none starts there.

    A value beyond the range of a float ("one hundred hundred hundred ...", a thousand digit
    groups) is no quantity a story reports: it is read as a code, incidental, worth 0.
    """
    raw = _read_quantity(toks, low, i, title_case)
    if raw is not None and not (math.isfinite(raw.value) and (raw.upper is None or math.isfinite(raw.upper))):
        return _Raw(raw.first, raw.last, 0.0, "other", incidental=True)
    return raw


def _read_quantity(toks: tuple[Token, ...], low: list[str], i: int, title_case: bool) -> _Raw | None:
    """Read the figure that starts at token `i` (its value may overflow to infinity: `_read` checks)."""
    n = len(toks)
    currency = None
    first = i
    if low[i] in CURRENCY_SYMBOLS and i + 1 < n and _starts_number(toks[i + 1], low[i + 1]):
        currency = CURRENCY_SYMBOLS[low[i]]
        if low[i] == "$" and i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].text.isupper():
            currency = DOLLAR_PREFIXES.get(low[i - 1], currency)  # "A$14m": Australian dollars
        i += 1
    elif low[i] == "us" and i + 2 < n and low[i + 1] == "$" and _starts_number(toks[i + 2], low[i + 2]):
        currency = "dollars"
        i += 2
    elif not _starts_number(toks[i], low[i]):
        return None
    raw = _core(toks, low, i)
    if raw is None:
        return None
    raw.first = first
    if raw.measure in IDENTIFIERS or raw.measure == "age":
        return raw
    if raw.bare_m and not currency and not _millions(toks, low, raw):
        raw.value /= SCALES["m"]
        raw.measure, raw.incidental = "other", True  # "the 100m sprint": a distance in a name
        return raw
    if currency:
        raw.currency, raw.measure, raw.scale_unit = currency, "money", currency
    _suffix(toks, low, raw)
    _range(toks, low, raw)
    _ratio(toks, low, raw)
    _context(toks, low, raw, title_case)
    return raw


def _millions(toks: tuple[Token, ...], low: list[str], raw: _Raw) -> bool:
    """True when a bare "2.5m" means millions: it has a decimal part or counts a plural noun."""
    if "." in low[raw.first]:
        return True
    j = raw.last
    return j < len(low) and toks[j].kind == WORD and (low[j].endswith("s") or low[j] in GENERIC_NOUNS)


def _ratio(toks: tuple[Token, ...], low: list[str], raw: _Raw) -> None:
    """Read "1 in 5 adults" and "one in three" as a rate: the share as a fraction (0.2)."""
    j = raw.last
    if raw.measure != "count" or raw.upper is not None or j + 1 >= len(low) or low[j] != "in":
        return
    k = j + 1
    if toks[k].kind == NUMBER:
        if len(low[k]) == 4 and low[k].isdecimal() and _is_year(float(low[k])):
            return  # "died aged 87 in 2001", "down from 2.5 in 2015": a year, not "1 in 2,000"
        whole = plain_value(low[k])
        last = k + 1
    else:
        found = read_words(low, k)
        whole, last = (found[1], found[0]) if found else (None, k)
    if whole is None or whole <= raw.value:
        return
    raw.value = raw.value / whole
    raw.measure = "rate"
    raw.last = last


def _starts_number(tok: Token, low: str) -> bool:
    if tok.kind == NUMBER:
        return True
    if tok.kind != WORD:
        return False
    if _DIGIT_RE.search(low):
        return True  # "11k", "COVID-19", "F-35", "G7"
    head = low.partition("-")[0]
    return word_value(head) is not None or low in AMBIGUOUS or low in MULTIPLICATIVES


def _core(toks: tuple[Token, ...], low: list[str], i: int) -> _Raw | None:
    """Read the number itself at token `i` (digits, suffixed digits, number words or a code)."""
    tok, text = toks[i], low[i]
    if tok.kind == NUMBER:
        return _digits(toks, low, i)
    if text[0].isdecimal():
        return _suffixed(text, i)
    if _DIGIT_RE.search(text):
        return _Raw(i, i + 1, _last_digits(text), "other", incidental=True)  # "COVID-19", "G7"
    head, dash, rest = text.partition("-")
    if dash and word_value(text) is None and word_value(head) is not None and rest:
        return _compound(word_value(head) or 0.0, rest, i)  # "four-year", "six-month"
    if text in MULTIPLICATIVES:
        return _Raw(i, i + 1, MULTIPLICATIVES[text]) if _counts_events(toks, low, i + 1) else None
    found = read_words(low, i)
    if found is None:
        if text == "one" and i + 2 < len(low) and low[i + 1] == "in":
            return _Raw(i, i + 1, 1.0)  # "one in three": _ratio reads the rest
        return None
    return _Raw(i, found[0], found[1])


def _counts_events(toks: tuple[Token, ...], low: list[str], j: int) -> bool:
    """True when "twice" ending at `j` counts events ("walked out twice.", "twice next week"), not a comparison ("twice as many") or a rate ("twice a day")."""
    return j >= len(low) or (toks[j].kind == PUNCT and low[j] != "-") or low[j] in MULTIPLICATIVE_AFTER


def _event_noun(low: list[str], first: int) -> str:
    """What "twice" at `first` counts: the noun of the verb before it, past a particle ("walk out twice": strikes), or ""."""
    k = first - 1
    particle = ""
    if k > 0 and low[k] in PARTICLES:
        particle, k = low[k], k - 1
    if k < 0:
        return ""
    stemmed = stem(low[k])
    for base in (stemmed, stemmed + "e"):  # "scored" stems to "scor" (not a verb of the figure tables): "score"
        noun = (EVENT_NOUNS.get(base + " " + particle) if particle else None) or EVENT_NOUNS.get(base)
        if noun:
            return noun
    return ""


def _digits(toks: tuple[Token, ...], low: list[str], i: int) -> _Raw | None:
    text = low[i]
    if "/" in text:
        return _Raw(i, i + 1, _last_digits(text), "date", incidental=True)  # 12/27/2024, 3/4
    if ":" in text:
        last = i + 1
        if last < len(low) and low[last] in CLOCK:
            last += 1
        return _Raw(i, last, _last_digits(text), "date", incidental=True)  # 7:45 (p.m.)
    if "-" in text:
        parts = text.split("-")
        if len(parts) == 2 and all(len(p) == 4 and p.isdecimal() and _is_year(float(p)) for p in parts):
            return _Raw(i, i + 1, float(parts[0]), "year", incidental=True, upper=float(parts[1]))  # 2019-2024
        if _is_phone(text):
            return _Raw(i, i + 1, _last_digits(text), "other", incidental=True)  # 555-0142
        if len(parts) == 2:
            lo, hi = plain_value(parts[0]), plain_value(parts[1])
            if lo is not None and hi is not None and hi > lo:
                return _Raw(i, i + 1, lo, upper=hi)  # 10-12
        if len(parts) == 2 and all(_is_score_part(p) for p in parts):
            return _Raw(i, i + 1, float(parts[0]), SCORE_MEASURE, upper=float(parts[1]))  # "won 3-1", "voted 5-2"
        return _Raw(i, i + 1, _last_digits(text), "other", incidental=True)  # 25-0417
    value = plain_value(text)
    if (
        i > 0
        and i + 2 < len(low)
        and low[i - 1] == "("
        and low[i + 1] == ")"
        and _is_phone(low[i + 2])
    ):
        return _Raw(i, i + 3, _last_digits(low[i + 2]), "other", incidental=True)  # (212) 555-0100
    if value is None:
        return _Raw(i, i + 1, _last_digits(text), "other", incidental=True)  # 1.2.3, a version
    last = i + 1
    # "11 000": digit groups of three separated by one space (SI / ISO 31-0 style).
    if len(text) <= 3 and text.isdecimal():
        norm_text = text
        while (
            last < len(toks)
            and toks[last].kind == NUMBER
            and len(low[last]) == 3
            and low[last].isdecimal()
            and toks[last].start == toks[last - 1].end + 1
        ):
            norm_text += low[last]
            last += 1
        if len(norm_text) > MAX_DIGITS:
            return _Raw(i, last, _last_digits(norm_text), "other", incidental=True)  # a code, as in plain_value
        value = float(norm_text)
    return _Raw(i, last, value)


def _is_year(value: float) -> bool:
    return YEAR_RANGE[0] <= value <= YEAR_RANGE[1]


def _is_score_part(part: str) -> bool:
    """True for one side of a score or a vote: a whole number of up to SCORE_DIGITS digits with no leading zero ("3", "449"; not "0417")."""
    return part.isdecimal() and len(part) <= SCORE_DIGITS and (part == "0" or part[0] != "0")


def _scoreline(toks: tuple[Token, ...], low: list[str], raw: _Raw) -> bool:
    """Read a result written as names and numbers ("Arlton United 2 Crewe Vale 1") into `raw`, the higher side first; False if it is none."""
    s, j, n = raw.first, raw.last, len(low)
    if s == 0 or toks[s - 1].kind != WORD or not toks[s - 1].text[:1].isupper() or not _is_score_part(low[s]):
        return False
    names = 0
    while j < n and names <= SCORELINE_NAME_MAX and toks[j].kind == WORD and toks[j].text[:1].isupper():
        j += 1
        names += 1
    if not 0 < names <= SCORELINE_NAME_MAX or j >= n or toks[j].kind != NUMBER or not _is_score_part(low[j]):
        return False
    if j + 1 < n and toks[j + 1].kind != PUNCT:
        return False  # "United 2 Crewe Vale 1" ends there, or at a colon or a comma
    other = float(low[j])
    raw.value, raw.upper = max(raw.value, other), min(raw.value, other)
    raw.measure, raw.incidental, raw.last = SCORE_MEASURE, False, j + 1
    return True


def _is_phone(text: str) -> bool:
    parts = text.split("-")
    return len(parts) > 1 and all(p.isdecimal() for p in parts) and sum(map(len, parts)) >= PHONE_MIN_DIGITS


def _suffixed(text: str, i: int) -> _Raw:
    """Digits with letters or a hyphen attached: "4.5bn", "11k", "1990s", "15-minute", "34-year-old"."""
    head, dash, rest = text.partition("-")
    head_value = plain_value(head)
    if dash and head_value is not None:
        return _compound(head_value, rest, i)
    split = split_suffix(text)
    if split is None:
        return _Raw(i, i + 1, _last_digits(text), "other", incidental=True)  # "25-cr-0417", "3d"
    number, suffix = split
    value = plain_value(number) or 0.0
    if suffix in ORDINAL_SUFFIXES:
        return _Raw(i, i + 1, value, "other", incidental=True)  # "12th": a rank, not a quantity
    if suffix == "s" and len(number) == 4:
        return _Raw(i, i + 1, value, "year", incidental=True)  # "1990s"
    if suffix in ("am", "pm"):
        return _Raw(i, i + 1, value, "date", incidental=True)
    if suffix == PENCE_SUFFIX and value < PENCE_MAX:
        return _Raw(i, i + 1, value, "money", PENCE, scale_unit=PENCE)  # "a dividend of 4.2p", "shares rose 3p to 245p"
    if suffix in SCALES and suffix != "m":
        return _Raw(i, i + 1, value * SCALES[suffix])
    if suffix == "m":
        # "$5m" and "2.5m people" are millions; "the 100m sprint" is a distance: _read decides.
        return _Raw(i, i + 1, value * SCALES["m"], "count", bare_m=True)
    if suffix in PERCENT:
        return _Raw(i, i + 1, value, PERCENT_MEASURE, scale_unit=PERCENT_MEASURE)
    if suffix in UNITS_OF_MEASURE:
        return _Raw(i, i + 1, value, AMOUNT_MEASURE, scale_unit=UNITS_OF_MEASURE[suffix])  # "80mg", "12km"
    return _Raw(i, i + 1, value, "other", incidental=True)  # "5g", "4k" screens: a name


def _compound(value: float, rest: str, i: int) -> _Raw:
    """A number used as a modifier: "15-minute walk", "34-year-old man", "60,000-seat stadium"."""
    parts = rest.split("-")
    if parts[0] in ("year", "years") and len(parts) > 1 and parts[1] == "old":
        return _Raw(i, i + 1, value, "age", incidental=True)
    if parts[0] in DURATIONS:
        return _Raw(i, i + 1, value, "duration", incidental=True, scale_unit=_plural(parts[0]))
    if parts[0] in PERCENT:
        return _Raw(i, i + 1, value, PERCENT_MEASURE, incidental=True, scale_unit=PERCENT_MEASURE)
    if parts[0].isdecimal():
        return _Raw(i, i + 1, value, "other", incidental=True)
    if parts[0] in SCALES and len(parts[0]) > 1:
        return _Raw(i, i + 1, value * SCALES[parts[0]])  # "a $5-million grant", "a Rs 600-crore plant": an amount, not a description
    if parts[0] in UNITS_OF_MEASURE:
        return _Raw(i, i + 1, value, AMOUNT_MEASURE, incidental=True, scale_unit=UNITS_OF_MEASURE[parts[0]])  # "a 4-nanometer chip"
    if parts[0] in FRACTIONS:
        return _Raw(i, i + 1, value * FRACTIONS[parts[0]], "rate")  # "two-thirds of residents"
    return _Raw(i, i + 1, value, "count", incidental=True, noun_hint=parts[0])


def _last_digits(text: str) -> float:
    digits = ""
    for c in reversed(text):
        if c.isdecimal():
            digits = c + digits
        elif digits:
            break
    return float(digits[-15:]) if digits else 0.0


def _scale(toks: tuple[Token, ...], low: list[str], raw: _Raw) -> None:
    """Apply a scale word after the number: "1.2 million", "4.5 bn", "two dozen"."""
    j = raw.last
    if j < len(low) and (low[j] in WORD_SCALES or (low[j] in SCALES and low[j] != "m" and toks[j].kind == WORD and len(low[j]) > 1)):
        raw.value *= SCALES[low[j]]
        raw.last = j + 1


def _suffix(toks: tuple[Token, ...], low: list[str], raw: _Raw) -> None:
    """Read scale, currency, percent, clock and duration words after the number."""
    n = len(low)
    _scale(toks, low, raw)
    j = raw.last
    if raw.measure != "count" or raw.incidental:
        if raw.measure == "money" and j < n and low[j] in CURRENCY_NAMES:
            raw.last = j + 1  # "$5 million dollars"
        return
    if j >= n:
        return
    w = low[j]
    named = _named_currency(toks, low, j)
    if named:
        raw.measure, raw.currency = "money", CURRENCY_NAMES[low[named - 1]]  # "412 million Norwegian crowns"
        raw.scale_unit = raw.currency
        raw.last = named
    elif w in CURRENCY_NAMES or (w in CURRENCY_SYMBOLS and toks[j].kind == WORD):
        raw.measure, raw.currency = "money", CURRENCY_NAMES.get(w) or CURRENCY_SYMBOLS[w]
        raw.scale_unit = raw.currency
        raw.last = j + 1
    elif w in PERCENT:
        raw.measure, raw.scale_unit = PERCENT_MEASURE, PERCENT_MEASURE
        raw.last = j + 1
        if w == "percentage" and j + 1 < n and low[j + 1] in ("point", "points"):
            raw.scale_unit = "percentage points"
            raw.last = j + 2
    elif w == "per" and j + 1 < n and low[j + 1] == "cent":
        raw.measure, raw.scale_unit = PERCENT_MEASURE, PERCENT_MEASURE
        raw.last = j + 2
    elif w in CLOCK:
        raw.measure, raw.incidental = "date", True
        raw.last = j + 1
    elif w in MONTHS:
        raw.measure, raw.incidental = "date", True  # "4 July"
        raw.last = j + 1
    elif w in DURATIONS:
        if j + 1 < n and low[j + 1] == "old":
            raw.measure, raw.incidental = "age", True  # "47 years old"
            raw.last = j + 2
        else:
            raw.measure, raw.scale_unit = "duration", _plural(w)
            raw.last = j + 1
            if j + 1 < n and low[j + 1] in PAST_AFTER:
                raw.scale_unit += " ago"  # "three years ago": counted back from now
                raw.last = j + 2
            elif raw.first > 1 and low[raw.first - 1] in PAST_BEFORE and low[raw.first - 2] == "the":
                raw.scale_unit += " ago"  # "for the past three years": the same span back from now (not "could last two weeks")
    elif w in UNITS_OF_MEASURE:
        raw.measure, raw.scale_unit = AMOUNT_MEASURE, UNITS_OF_MEASURE[w]  # "80 milligrams", "12 km"
        raw.last = j + 1
    elif w == "of" and j + 2 < n and low[j + 1] in PARTITIVE_DETERMINERS and low[j + 2] in DURATIONS:
        raw.measure, raw.scale_unit = "duration", _plural(low[j + 2])  # "six of those months"
        raw.last = j + 3
    if raw.measure in ("count", AMOUNT_MEASURE) and raw.last < n and low[raw.last] == "per" and raw.last + 1 < n:
        raw.measure = "rate"  # "40 miles per hour", "6 per 100,000"


def _named_currency(toks: tuple[Token, ...], low: list[str], j: int) -> int:
    """The token after a currency named by its country ("Norwegian crowns", "Hong Kong dollars") starting at `j`, or 0 if none starts there."""
    k = j
    while k < len(low) and k - j < CURRENCY_COUNTRY_MAX and toks[k].kind == WORD and toks[k].text[:1].isupper():
        k += 1
    return k + 1 if j < k < len(low) and low[k] in CURRENCY_NAMES else 0


def _range(toks: tuple[Token, ...], low: list[str], raw: _Raw) -> None:
    """Join "10 to 12", "between 2019 and 2024", "$5 million-$6 million" into one figure with an upper bound."""
    j = raw.last
    n = len(low)
    if raw.upper is not None or j + 1 >= n or low[j] not in RANGE_JOINERS:
        return
    opener = low[raw.first - 1] if raw.first > 0 else ""
    if low[j] == "and" and opener != "between":
        return
    if low[j] == "to" and opener == "from":
        return  # "from 10 to 12" is a change between two figures, not a range
    k = j + 1
    if low[k] in CURRENCY_SYMBOLS and k + 1 < n:
        if raw.measure != "money":
            return  # "jumps 38% to Rs 412 crore": a change and the level it reached, not a range
        k += 1
    if not _starts_number(toks[k], low[k]):
        return
    other = _core(toks, low, k)
    if other is None or other.measure in ("other", "age") or other.incidental:
        return
    _scale(toks, low, other)
    if other.value > raw.value * 1000 and raw.value < 1000 and other.value >= 1e3:
        raw.value *= other.value / plain_or(other, low)  # "5 to 6 million": the scale applies to both
    if other.value <= raw.value:
        return
    if low[j] == "to" and stem(opener) in AMOUNT_VERB_CLASS and other.value >= raw.value * CHANGE_LEVEL_RATIO:
        return  # "shares rose 3p to 245p": a change and the level it reached, not a range
    raw.upper = other.value
    raw.last = other.last
    if raw.measure == "count":
        _suffix(toks, low, raw)
    elif raw.last < n and (low[raw.last] in PERCENT or low[raw.last] in CURRENCY_NAMES):
        raw.last += 1  # "between 40% and 45%", "5 to 6 million dollars"


def plain_or(raw: _Raw, low: list[str]) -> float:
    """The value of the number as written, before any scale word ("6" in "6 million")."""
    return plain_value(low[raw.first]) or word_value(low[raw.first]) or raw.value


def _context(toks: tuple[Token, ...], low: list[str], raw: _Raw, title_case: bool) -> None:
    """Decide dates, years, ages and identifiers from the words around the number."""
    s = raw.first
    prev = low[s - 1] if s > 0 else ""
    prev2 = low[s - 2] if s > 1 else ""
    if raw.measure != "count":
        return
    if prev in MONTHS or (prev == "." and prev2 in MONTHS):
        raw.measure, raw.incidental = "date", True  # "July 4", "Jan. 2"
        return
    whole = math.isfinite(raw.value) and raw.value == int(raw.value)
    written = low[s]
    if _leading_zero(written) or (s > 0 and toks[s - 1].kind == NUMBER and _leading_zero(prev)):
        raw.measure, raw.incidental = "other", True  # a telephone number or a code: "01632 960418", "007"
        return
    if (
        whole
        and toks[s].kind == NUMBER
        and written.isdecimal()
        and len(written) == 4
        and _is_year(raw.value)
    ):
        raw.measure, raw.incidental = "year", True  # also "between 2019 and 2024"
        return
    at_death = (prev in AGE_BEFORE or prev == "at") and prev2 in DEATH_WORDS and raw.value < AGE_MAX
    if prev in AGE_BEFORE or at_death:
        # "aged 47" describes someone; "died aged 87", "dies at 87" give the age at death
        raw.measure, raw.incidental = "age", not at_death
        return
    if s == 2 and prev in BARE_AGE_VERBS and low[0] in BARE_AGE_PRONOUNS and raw.last == len(low) - 1 and low[raw.last] == ".":
        raw.measure, raw.incidental = "age", False  # "She was 81.": an age stated as the sentence's whole news
        return
    if s == 0 and raw.last < len(low) and low[raw.last] in (".", ")"):
        raw.measure, raw.incidental = "other", True  # a list number: "1. The crowds"
        return
    if prev in IDENTIFIER_WORDS or (prev == "." and prev2 in IDENTIFIER_WORDS) or (
        prev in IDENTIFIER_NAMES and toks[s - 1].text[:1].isupper()
    ):
        raw.measure, raw.incidental = "other", True  # "No. 10", "Route 66", "Round 12"
        return
    if raw.upper is None and _scoreline(toks, low, raw):
        return
    if (
        s > 1
        and not title_case  # in "Storm Leaves 120,000 Without Power" every word is capitalized
        and toks[s - 1].kind == WORD
        and toks[s - 1].text[:1].isupper()
        and prev not in QUALIFIER_FIRST_WORDS
        and prev not in WEEKDAYS
        and low[s - 2] not in ('"', "(")
    ):
        raw.measure, raw.incidental = "other", True  # a name with a number: "Measure 14", "Pier 9"
        return
    if (
        prev == ","
        and s > 1
        and toks[s - 2].text[:1].isupper()
        and raw.last < len(low)
        and low[raw.last] in (",", ".", ";")
        and raw.value < AGE_MAX
        and toks[s].kind == NUMBER
    ):
        raw.measure, raw.incidental = "age", True  # "Karen Whitcombe, 52, of Ashford" (AP ages)


def _leading_zero(written: str) -> bool:
    """True for digits that open with a zero ("01632", "007"): no quantity is written so, a telephone number or a code is."""
    return len(written) > 1 and written[0] == "0" and written[1].isdigit()


# A sentence of a pronoun, a form of "be" and a number alone states an age ("She was 81.", "He
# is 47."): the AP Stylebook's obituary style, where the age at death gets a sentence of its own.
BARE_AGE_PRONOUNS: Final = frozenset(("he", "she"))
BARE_AGE_VERBS: Final = frozenset(("was", "is"))


def _plural(word: str) -> str:
    if word in ("min", "mins"):
        return "minutes"
    if word in ("hr", "hrs"):
        return "hours"
    if word == "century":
        return "centuries"
    return word if word.endswith("s") else word + "s"


# --- what it counts ------------------------------------------------------------------------


def _figure(unit: Unit, toks: tuple[Token, ...], low: list[str], raw: _Raw, earlier: Figure | None = None) -> Figure:
    """The figure read as `raw`, with what it counts (`earlier`: the figure before it in the unit, if any)."""
    qualifier, q_first = _qualifier(low, raw.first)
    start, end = toks[raw.first].start, toks[raw.last - 1].end
    text = unit.text[start - unit.start : end - unit.start]
    reference = _is_reference(low, q_first)
    possessive = reference and _is_possessive(low[q_first - 1])
    heading = unit.type == HEADING
    if raw.measure in IDENTIFIERS:
        return Figure(unit.index, start, end, text, raw.value, raw.measure, raw.currency, qualifier, "",
                      raw.incidental, raw.upper, raw.scale_unit, heading=heading)
    if raw.measure == SCORE_MEASURE:
        return Figure(unit.index, start, end, text, raw.value, raw.measure, raw.currency, qualifier, SCORE_MEASURE,
                      raw.incidental, raw.upper, raw.scale_unit, heading=heading)
    if raw.measure == "age":
        referent = "" if raw.incidental else AGE_AT_DEATH  # an age says whose it is, not what it counts
        return Figure(unit.index, start, end, text, raw.value, raw.measure, raw.currency, qualifier, referent,
                      raw.incidental, raw.upper, raw.scale_unit, heading=heading)
    noun_word, partitive, after = _noun_after(toks, low, raw.last, raw.measure == "money", heading)
    if raw.noun_hint:
        noun_word = _plural(raw.noun_hint)  # "60,000-seat stadium" counts seats
    noun_before = ""
    if not noun_word and raw.measure == "count":
        noun_word = _collective_before(low, q_first)  # "a crew of four": four crew
    if not noun_word and low[raw.first] in MULTIPLICATIVES:
        noun_word = _event_noun(low, q_first)  # "walk out twice": two strikes
    if not noun_word and raw.measure != "count":
        noun_word = noun_before = _noun_before(low, q_first)
    verb_word = _verb_after(low, after)
    subject = ""
    if not verb_word and not noun_before:
        verb_word = _verb_before(low, q_first)  # not across "raises of 3 percent": that word is the noun
    if not verb_word and not noun_word and raw.measure in AMOUNT_MEASURES and q_first > 0 and low[q_first - 1] in CHANGE_WORDS:
        verb_word = low[q_first - 1]  # "rent reached £945, up 38% on 2015": a change
    noun = noun_key(noun_word)
    if raw.measure == AMOUNT_MEASURE and noun_word in EXTENT_NOUNS:
        noun = GENERIC  # "a six-mile stretch" is six miles of whatever it stretches along ("six miles of river")
    verb = verb_key(verb_word, raw.measure) if verb_word else ""
    if verb and not noun_word and (verb in CHANGE_CLASSES or verb in LEVEL_VERBS):
        if raw.measure != "count":
            keys = (noun_key(w) for w in _subject(toks, low, q_first))
            subject = " ".join(SUBJECT_CLASS.get(key, key) for key in keys if key != GENERIC)
        else:
            # a tally's verb says how the count moved, its subject what is counted: "the death toll rose to 27"
            # counts the killed (TALLY_VERBS), "the number of cases reached 40" counts cases
            noun_word = _tally_noun(_subject(toks, low, q_first))
            if noun_word:
                noun = noun_key(noun_word)
                verb = verb_word = TALLY_VERBS.get(singular(noun_word), "")
    if not noun_word and not verb_word and raw.measure == "count" and _level_at(low, q_first):
        # "the death toll stood at 38", "the toll was 38": a tally's level, said without a verb of change
        noun_word = _tally_noun(_subject(toks, low, q_first))
        if noun_word:
            noun = noun_key(noun_word)
            verb = verb_word = TALLY_VERBS.get(singular(noun_word), "")
    if not noun_word and not verb_word and earlier is not None and _names_earlier_share(low, q_first, raw, earlier):
        noun_word, noun, partitive = earlier.referent, earlier.noun, earlier.partitive  # "31.7% of households ..., while in the north the share is 9.8%"
    shown_verb = verb if verb in VERB_CLASSES else verb_word
    referent = " ".join(w for w in (noun_word, shown_verb) if w)
    level = _level_reached(toks, low, raw.last) if raw.measure == PERCENT_MEASURE else None
    return Figure(unit.index, start, end, text, raw.value, raw.measure, raw.currency, qualifier, referent,
                  raw.incidental, raw.upper, raw.scale_unit, noun, verb, partitive, reference, heading, subject,
                  possessive, level)


def _level_reached(toks: tuple[Token, ...], low: list[str], j: int) -> float | None:
    """The amount of money a percentage change reached, read from "to" at most LEVEL_GAP_MAX tokens on: "rose 11% in the quarter to $14.83 billion".

    Nothing else may stand between: no number, no punctuation, no other "to".
    """
    n = len(low)
    for k in range(j, min(n - 1, j + LEVEL_GAP_MAX + 1)):
        if low[k] == "to":
            found = _read(toks, low, k + 1)
            return found.value if found is not None and found.measure == "money" and not found.incidental else None
        if toks[k].kind != WORD or word_value(low[k]) is not None or low[k] in CURRENCY_SYMBOLS:
            return None
    return None


def _names_earlier_share(low: list[str], first: int, raw: _Raw, earlier: Figure) -> bool:
    """True for "the share is 9.8%" after "31.7% of households" in one unit: the share of the same whole, somewhere else."""
    return (
        raw.measure == PERCENT_MEASURE and earlier.measure == PERCENT_MEASURE and bool(earlier.noun) and earlier.partitive
        and first >= 3 and low[first - 1] in BE_FORMS and low[first - 2] in SHARE_WORDS and low[first - 3] == "the"
    )


def _qualifier(low: list[str], first: int) -> tuple[str | None, int]:
    """Return the approximation before token `first` ("more than") and where it starts."""
    if first == 0:
        return None, first
    for phrase in QUALIFIERS_BY_LAST_WORD.get(low[first - 1], ()):
        k = len(phrase)
        if first >= k and tuple(low[first - k : first]) == phrase:
            return " ".join(phrase), first - k
    return None, first


def _is_reference(low: list[str], first: int) -> bool:
    """True for "the 11,000 soldiers", "those 11,000", "Of the $4.2 million", "the summer's 2 million": a figure named as already known."""
    if first == 0:
        return False
    prev = low[first - 1]
    if prev in REFERENCE_WORDS or prev.endswith("'s") or prev.endswith("s'"):
        return True
    return prev == "of" and first >= 2 and low[first - 2] == "out"  # "out of 27"


def _is_possessive(word: str) -> bool:
    """True for "its", "their" or "the port's": the word before a figure names whose it is."""
    return word in POSSESSIVE_WORDS or word.endswith("'s") or word.endswith("s'")


def _noun_after(toks: tuple[Token, ...], low: list[str], j: int, money: bool, heading: bool = False) -> tuple[str, bool, int]:
    """Return the head noun after a figure, whether the figure is a part ("38 of the 112 supports", "8% of Google"), and where the phrase ends.

    A name after the preposition ("invest £10m in Sheffield Wednesday", "8% of Google") says
    where the amount goes, not what it is: no noun (outside headings, where every word is capitalized).
    """
    n = len(low)
    partitive = False
    if j + 1 < n and low[j] == "of" and (low[j + 1] in DETERMINERS or low[j + 1] in ("them", "those", "these") or low[j + 1].endswith("'s")):
        partitive = True
        j += 1
        if low[j] in ("them", "those", "these"):
            return "", True, j + 1
        while j < n and (low[j] in DETERMINERS or low[j].endswith("'s") or low[j] in QUALIFIER_FIRST_WORDS):
            j += 1
        while j < n and (toks[j].kind == NUMBER or low[j] in WORD_SCALES or low[j] in CURRENCY_SYMBOLS or word_value(low[j]) is not None):
            j += 1
    elif money:
        j = _past_conversion(toks, low, j)
    words, k = _noun_phrase(toks, low, j, not partitive)
    if not words and j + 1 < n and (low[j] == "of" or money and low[j] in MONEY_PREPOSITIONS) and toks[j].kind == WORD:
        # "8% of its workforce", "$9.6 million in fares", "$5 million for roads": the noun after the preposition
        partitive = low[j] == "of"
        k = j + 1
        while k < n and (low[k] in DETERMINERS or low[k].endswith("'s")) and low[k] != "of":
            k += 1
        words, k = _noun_phrase(toks, low, k)
        head = _head(words)
        if head and not heading and toks[k - 1 if head == words[-1] else k - 2].text[:1].isupper():
            return "", partitive, k
        return head, partitive, k
    return _head(words), partitive, k


def _past_conversion(toks: tuple[Token, ...], low: list[str], j: int) -> int:
    """The token after a currency conversion in brackets at `j` ("$676m (£352m) loss"), or `j` when there is none."""
    n = len(low)
    if j + 2 >= n or low[j] != "(" or not (low[j + 1] in CURRENCY_SYMBOLS or toks[j + 1].kind == NUMBER or low[j + 1] in QUALIFIER_FIRST_WORDS):
        return j
    for k in range(j + 2, min(n, j + 2 + CONVERSION_MAX)):
        if low[k] == ")":
            return k + 1
    return j


def _is_conversion(low: list[str], raw: _Raw, before: _Raw | None) -> bool:
    """True for an amount of money in brackets right after another: "$676m (£352m)" converts, it states nothing new."""
    return (
        before is not None and before.measure == "money" and raw.measure == "money"
        and raw.first > 0 and low[raw.first - 1] == "(" and before.last == raw.first - 1
    )


def _head(words: list[str]) -> str:
    """The head noun of a noun phrase: its last word, unless a plural is followed by a singular
    word, which is then the verb ("1 in 5 adults smoke", "40 buses run")."""
    if not words:
        return ""
    if len(words) > 1 and words[-2].endswith("s") and not words[-2].endswith("ss") and not words[-1].endswith("s"):
        return words[-2]
    return words[-1]


def _noun_phrase(toks: tuple[Token, ...], low: list[str], k: int, first: bool = False) -> tuple[list[str], int]:
    """Read the words of the noun phrase starting at `k` (`first`: right after the number); its last word is the head noun."""
    n = len(low)
    words: list[str] = []
    while k < n and len(words) < NOUN_PHRASE_MAX:
        w = low[k]
        tok = toks[k]
        if w == "'" and words and words[-1].endswith("s"):
            words.clear()  # "taxpayers' money": the possessive is not the head
            k += 1
            continue
        if w == "&" and words and k + 1 < n and toks[k + 1].text[:1].isupper():
            k += 1  # "1.2 million Hallbrook & Pryce customers": a name joined by "&" runs on to the head noun
            continue
        if tok.kind != WORD or w in STOPS or w in PLACES and tok.text[:1].islower() or w in CLAUSE_OPENERS or w in IRREGULAR and words:
            break
        if w in COMMON_VERBS and not (first and not words and w.endswith("s")):
            break  # a common verb ends the phrase, but "65 lives", "3 costs" right after a number are plural nouns
        if w.endswith("'s"):
            words.clear()  # "Brightwell's staff"
            k += 1
            continue
        if "." in w and k + 1 < n and low[k + 1] == "." and k + 2 < n and toks[k + 2].kind == WORD:
            k += 2  # "$1,199 U.S. price": an abbreviation (its last full stop a token of its own) modifies the noun after it
            continue
        if words and (w.endswith("ed") or w.endswith("ing")):
            break
        if not words and (w.endswith("ed") or w in IRREGULAR) and (k + 1 >= n or toks[k + 1].kind != WORD or low[k + 1] in STOPS):
            break  # "3,000 killed": a verb, not an adjective
        words.append(w)
        k += 1
    return words, k


def _noun_before(low: list[str], first: int) -> str:
    """For money and percentages without a noun after: "a drop of 17.4%", "bail at $50,000"."""
    if first < 2 or low[first - 2] in STOPS or not low[first - 2].isalpha():
        return ""
    w = low[first - 2]
    if low[first - 1] in ("of", "at"):
        return "" if w.endswith("ed") or w in IRREGULAR else w  # "priced at $1,199", "set at 5%": a verb, not what it is

    if low[first - 1] == "to" and not (w in IRREGULAR or w.endswith("ed") or _is_verb(w) or w in COMMON_VERBS):
        return w  # "the debt to under £25m"; not "rose to 88 percent"
    return ""


def _collective_before(low: list[str], first: int) -> str:
    """The collective noun of "a crew of four", "a family of five", "a staff of 200": what the count after it counts, or ""."""
    if first < 3 or low[first - 1] != "of" or low[first - 3] not in ("a", "an"):
        return ""
    w = low[first - 2]
    if not w.isalpha() or w in STOPS or w in QUALIFIER_FIRST_WORDS or w.endswith("ed") or w in IRREGULAR:
        return ""
    return w


def _verb_after(low: list[str], k: int) -> str:
    """The verb after a figure's noun phrase, past auxiliaries: "11,000 soldiers have been sent"."""
    n = len(low)
    gap = 0
    modal = False
    while k < n and low[k] in AUXILIARIES and gap < VERB_GAP_MAX:
        modal = modal or low[k] in MODALS
        k += 1
        gap += 1
    if k >= n or not low[k].isalpha() and "'" not in low[k]:
        return ""
    w = low[k]
    if w in STOPS:
        return ""
    if w in IRREGULAR or w.endswith("ed") or (modal or gap) and _is_verb(w) or modal:
        return w
    return ""


def _verb_before(low: list[str], first: int) -> str:
    """The verb that governs the figure as its object: "raised $1.2 million", "eliminate about 1,100 jobs"."""
    k = first - 1
    gap = 0
    while k >= 0 and low[k] in DETERMINERS and gap < VERB_BEFORE_GAP_MAX:
        k -= 1
        gap += 1
    if k < 0:
        return ""
    w = low[k]
    if w in STOPS or not w.isalpha():
        return ""
    if k > 0 and (low[k - 1] in NOUN_MARKERS or low[k - 1].endswith("'s")):
        return ""  # "extend the pay to nine months": a noun, whatever verb it looks like
    if w in IRREGULAR or w.endswith("ed") or _is_verb(w) or _after_modal(low, k):
        return w
    return ""


def _subject(toks: tuple[Token, ...], low: list[str], first: int) -> list[str]:
    """The content words of the subject of the verb that governs an amount, read from the clause's start, at most SUBJECT_MAX tokens back.

    "The county's vaccination rate for kindergartners has fallen to 88 percent" gives county,
    vaccination, rate, kindergartners: the head and its modifiers, since the head need not be
    the word next to the verb. A plural followed by a participle and a preposition ends the
    subject ("the number of households renting from a private landlord rose": number,
    households). "Up" or "down" after a comma ("rent reached £945, up 38%") is said of the
    main clause's subject, which ends at its verb. The verb is found as _verb_before finds it.
    """
    k = first - 1
    gap = 0
    while k >= 0 and low[k] in DETERMINERS and gap < VERB_BEFORE_GAP_MAX:
        k -= 1
        gap += 1
    main = k > 0 and low[k] in CHANGE_WORDS and low[k - 1] == ","
    k -= 2 if main else 1  # the verb (and the comma before "up")
    gap = 0
    while not main and k >= 0 and (low[k] in AUXILIARIES or low[k] in MODAL_ADVERBS) and gap < VERB_GAP_MAX:
        k -= 1
        gap += 1
    end = k + 1
    stop = max(-1, k - SUBJECT_MAX)
    while k > stop and (
        toks[k].kind == WORD and low[k] not in CLAUSE_OPENERS and low[k] not in ("said", "says")
        or toks[k].kind == NUMBER or toks[k].kind == SYMBOL or low[k] == "%"  # "rent reached £945 a month": a figure inside the clause
    ):
        k -= 1
    words: list[str] = []
    plural = False
    for j in range(k + 1, end):
        raw_word = low[j]
        if words and main and (raw_word in AUXILIARIES or raw_word in IRREGULAR or raw_word.endswith("ed") or _is_verb(raw_word)):
            break  # the main clause's verb
        if plural and (raw_word.endswith("ing") or raw_word.endswith("ed")) and j + 1 < end and low[j + 1] in STOPS:
            break  # "households renting from ...": what follows says which ones, it is not what is counted
        w = raw_word[:-2] if raw_word.endswith("'s") else raw_word
        # names ("Google rose 8%") say who, not what; sentence-initial capitals are ordinary words
        if w.isalpha() and w not in STOPS and w not in COMMON_VERBS and not (j > 0 and toks[j].text[:1].isupper()):
            words.append(w)
            plural = singular(w) != w
    return words


def _tally_noun(subject: list[str]) -> str:
    """What a tally counts: the word before "toll" ("the death toll") or after "number of" ("the number of cases"); "" for people or any other subject.

    Only those two shapes: what follows the counted noun ("the number of people sickened by the
    disease in Port Ashby") is about it, not what is counted.
    """
    for i, w in enumerate(subject):
        if w == DEATH_TOLL_HEAD and (i == 0 or singular(subject[i - 1]) not in TALLY_VERBS):
            return DEATH_TOLL_COUNTS  # "the toll", "the flood toll": the dead
        if w in _TALLY_HEADS and i > 0 and not is_generic(subject[i - 1]):
            return subject[i - 1]
        if w == "number" and i + 1 < len(subject):
            counted = subject[i + 1]  # function words are out of the subject: "the number of cases" is ["number", "cases"]
            return "" if is_generic(counted) or counted in ("people", "persons") else counted  # "people sickened by ...": cases, patients, anyone
    return ""


# Nouns of a tally named by what it counts before it ("the death toll", "the casualty toll").
_TALLY_HEADS: Final = frozenset(("toll", "tally"))
# A toll that names no tally of its own ("the toll", "the flood toll", "the quake toll") counts
# the dead, as headlines shorten "the death toll" (Merriam-Webster, "toll": "a grievous or
# ruinous price; especially: cost in life or health").
DEATH_TOLL_HEAD: Final = "toll"
DEATH_TOLL_COUNTS: Final = "death"
# Verbs that state a level with "at" after them ("the toll stood at 38", "remains at 12").
LEVEL_AT_VERBS: Final = frozenset(("stood", "stands", "stand", "remained", "remains", "remain"))


def _level_at(low: list[str], first: int) -> bool:
    """True when the figure at `first` is a level stated by "stood at" (LEVEL_AT_VERBS) or a form of "be" just before it."""
    if first >= 2 and low[first - 1] == "at" and low[first - 2] in LEVEL_AT_VERBS:
        return True
    return first >= 1 and low[first - 1] in BE_FORMS


def _after_modal(low: list[str], k: int) -> bool:
    """True when the word at `k` follows a modal or "to", past an adverb: "will also lose", "to invest"."""
    k -= 1
    if k >= 0 and low[k] in MODAL_ADVERBS:
        k -= 1
    return k >= 0 and low[k] in INFINITIVE_MARKERS


def _is_verb(word: str) -> bool:
    return stem(word) in KNOWN_VERBS


def stem(word: str) -> str:
    """A light verb stemmer: irregular forms from the table, then -ied, -ed, -ing, -ies, -es, -s.

    A stripped form is checked against the known verbs as written, with an "e" put back
    ("raised" -> "raise") and with a doubled consonant undone ("stopped" -> "stop"). Unknown
    -ed and -ing forms give the stripped stem; unknown -s forms are left whole (most are nouns).
    """
    irregular = IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    last = word[-1:]
    if last == "d":
        if not word.endswith("ed") or len(word) < 4:
            return word
        bases = (word[:-3] + "y", word[:-1]) if word.endswith("ied") else (word[:-2],)  # "carried", "died"
        keep = True
    elif last == "g":
        if not word.endswith("ing") or len(word) < 5:
            return word
        bases = (word[:-3],)
        keep = True
    elif last == "s":
        if len(word) < 4:
            return word
        bases = (word[:-3] + "y",) if word.endswith("ies") else (word[:-2], word[:-1]) if word.endswith("es") else (word[:-1],)
        keep = False
    else:
        return word
    for base in bases:
        if base in KNOWN_VERBS:
            return base
        if base + "e" in KNOWN_VERBS:
            return base + "e"
        if len(base) > 2 and base[-1] == base[-2] and base[:-1] in KNOWN_VERBS:
            return base[:-1]
    return bases[0] if keep else word


def verb_key(word: str, measure: str = "count") -> str:
    """Normalize a verb to its class ("dispatched" -> "sent"), or to its stem when it has none."""
    base = stem(word)
    first, second = (AMOUNT_VERB_CLASS, VERB_CLASS) if measure in AMOUNT_MEASURES else (VERB_CLASS, AMOUNT_VERB_CLASS)
    return first.get(base) or second.get(base) or base


# Endings for `singular`, as constants: a tuple literal in the call is built anew on every
# call under mypyc. Typed as tuples of any length, which it keeps as Python objects.
_ES_PLURALS: Final[tuple[str, ...]] = ("ches", "shes", "sses", "xes")
_NOT_PLURAL_S: Final[tuple[str, ...]] = ("ss", "us", "is")


def singular(word: str) -> str:
    """A light English singular: "supports" -> "support", "casualties" -> "casualty"."""
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2]
    if word[-1:] != "s":
        return word
    if word in PLURALS:
        return PLURALS[word]
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(_ES_PLURALS):
        return word[:-2]
    if len(word) > 2 and not word.endswith(_NOT_PLURAL_S):  # it ends in "s" (checked above)
        return word[:-1]
    return word


GENERIC: Final = "*"


def noun_key(word: str) -> str:
    """Normalize a noun to its class ("troops" -> "soldier"); generic nouns ("people", "them") give GENERIC."""
    if not word:
        return ""
    base = singular(word)
    if word in GENERIC_NOUNS or base in GENERIC_NOUNS:
        return GENERIC
    return NOUN_CLASS.get(base, base)


def is_generic(word: str) -> bool:
    """True for nouns that say nothing about what is counted: "people", "them", "total"."""
    return word in GENERIC_NOUNS or singular(word) in GENERIC_NOUNS
