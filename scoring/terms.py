"""Content terms of a unit: lower-cased, stemmed words with function, attribution and filler words left out."""

from __future__ import annotations

from .figures import NOUN_CLASS, VERB_CLASS, Figure, singular, stem
from .lexicons import load
from .numbers import format_value
from .text import Unit

_STOPWORDS = load("stopwords_en")
STOPWORDS = (
    _STOPWORDS.terms("lists.function") | _STOPWORDS.terms("lists.attribution") | _STOPWORDS.terms("lists.filler")
)
# Comparative and superlative endings folded onto the adjective ("busiest", "busier" -> "busy"),
# then the inflections a light stemmer removes, longest first.
_SUFFIXES = (("iest", "y"), ("ier", "y"), ("ness", ""), ("ment", ""), ("ing", ""), ("est", ""), ("ed", ""), ("ly", ""), ("er", ""))
# Stems shorter than this are left whole: "bus", "red", "ring" would lose their meaning.
MIN_STEM = 3


def term(word: str) -> str:
    """Normalize one lower-case word to the term compared between units."""
    base = singular(word)
    if base in NOUN_CLASS:
        return NOUN_CLASS[base]
    verb = stem(base)
    if verb in VERB_CLASS:
        return VERB_CLASS[verb]
    for suffix, repl in _SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= MIN_STEM:
            base = base[: -len(suffix)] + repl
            break
    if len(base) > MIN_STEM + 1 and base[-1] == "e":
        base = base[:-1]  # "capture" and "captured" both give "captur"
    return base


def unit_terms(unit: Unit, figures: tuple[Figure, ...] = ()) -> frozenset[str]:
    """The set of content terms of a unit, figure values included as "#11000"."""
    out = set()
    for tok in unit.tokens:
        if tok.kind != "word":
            continue
        w = tok.text.lower()
        if w.endswith("'s"):
            w = w[:-2]
        if w in STOPWORDS or len(w) < 2 or any(c.isdigit() for c in w):
            continue
        out.add(term(w))
    for fig in figures:
        if fig.measure not in ("date", "year", "other"):
            out.add("#" + format_value(fig.value))
    return frozenset(out)
