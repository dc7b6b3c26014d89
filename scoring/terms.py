"""Content terms of a unit: lower-cased, stemmed words with function, attribution and filler words left out."""

from __future__ import annotations

import re
from typing import Final

from .charclass import is_alpha, is_upper, starts_upper
from .figures import AMOUNT_VERB_CLASS, KNOWN_VERBS, NOUN_CLASS, VERB_CLASS, Figure, singular, stem
from .lexicons import load
from .numbers import format_value
from .text import WORD, Unit, lexeme_slots

_STOPWORDS: Final = load("stopwords_en")
STOPWORDS: Final = (
    _STOPWORDS.terms("lists.function") | _STOPWORDS.terms("lists.attribution") | _STOPWORDS.terms("lists.filler")
)
# Comparative and superlative endings folded onto the adjective ("busiest", "busier" -> "busy"),
# then the inflections a light stemmer removes, longest first.
_SUFFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("iest", "y"), ("ier", "y"), ("ness", ""), ("ment", ""), ("ing", ""), ("est", ""), ("ed", ""), ("ly", ""), ("er", ""),
)
# The same rules by a word's last letter, in their order: a word is tried only against the
# suffixes it can end with. (Typed as tuples of any length: a fixed-length tuple constant is
# a C struct under mypyc, rebuilt as Python tuples on every loop over it.)
_SUFFIXES_BY_LAST: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    last: tuple(rule for rule in _SUFFIXES if rule[0][-1] == last) for last in {s[-1] for s, _ in _SUFFIXES}
}
_DIGIT_RE: Final = re.compile(r"\d")  # one character class, no repetition: linear
_NO_NAMES: Final[frozenset[str]] = frozenset()
# Stems shorter than this are left whole: "bus", "red", "ring" would lose their meaning.
MIN_STEM: Final = 3


def term(word: str) -> str:
    """Normalize one lower-case word to the term compared between units."""
    base = singular(word)
    noun = NOUN_CLASS.get(base)
    if noun is not None:
        return noun
    verb = stem(base)
    if verb in KNOWN_VERBS:
        return VERB_CLASS.get(verb) or AMOUNT_VERB_CLASS[verb]
    rules = _SUFFIXES_BY_LAST.get(base[-1:])
    if rules is not None:
        for suffix, repl in rules:
            if base.endswith(suffix) and len(base) - len(suffix) >= MIN_STEM:
                base = base[: -len(suffix)] + repl
                break
    if len(base) > MIN_STEM + 1 and base[-1] == "e":
        base = base[:-1]  # "capture" and "captured" both give "captur"
    return base


def unit_terms(unit: Unit, figures: tuple[Figure, ...] = (), memo: list[tuple[str, bool] | None] | None = None) -> frozenset[str]:
    """The set of content terms of a unit, figure values included as "#11000"; `memo` caches each word's term per article, by Lexeme ordinal."""
    return frozenset(unit_profile(unit, figures, memo)[0])


def unit_profile(
    unit: Unit, figures: tuple[Figure, ...] = (), memo: list[tuple[str, bool] | None] | None = None
) -> tuple[tuple[str, ...], frozenset[str]]:
    """A unit's distinct content terms (in no particular order) and its names (capitalized words other than a sentence's first), in one pass.

    The terms are a tuple, not a frozenset: a long article holds one per unit, and a tuple of
    12 terms takes 136 bytes against 728.
    """
    if memo is None:
        memo = [None] * lexeme_slots((unit,))
    out: set[str] = set()
    names: set[str] = set()
    first = True
    for tok in unit.tokens:
        lex = tok.lexeme  # the token's text, kind and lower case, read once
        text = lex.text
        if lex.kind != WORD:
            if text == "." or text == '"':
                first = True  # a quotation or a new sentence starts with a capital too
            continue
        entry = memo[lex.ordinal]
        if entry is None:
            entry = memo[lex.ordinal] = _word_entry(text, lex.lower, lex.alpha)
        t, capitalized = entry
        if t:
            out.add(t)
            if capitalized and not first:
                names.add(t)
        first = False
    for fig in figures:
        if fig.measure not in ("date", "year", "other"):
            out.add("#" + format_value(fig.value))
    return tuple(out), (frozenset(names) if names else _NO_NAMES)


def _word_entry(text: str, lower: str, alpha: bool) -> tuple[str, bool]:
    """A word token's term ("" for none) and whether it is written capitalized (not all capitals): done once per word."""
    # `alpha` says `lower` is all letters (Lexeme.alpha)
    w = lower
    if w.endswith("'s"):
        w = w[:-2]
        alpha = is_alpha(w)
    # all letters (most words) means no digit: the regex only reads the rest
    t = "" if w in STOPWORDS or len(w) < 2 or (not alpha and _DIGIT_RE.search(w)) else term(w)
    # `lower` is `text` itself only for a word that starts with no capital (text.tokenize's rule)
    return t, lower is not text and starts_upper(text) and not is_upper(text)
