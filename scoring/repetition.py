"""Repetition: restated units, repeated figures, conflicting figures and the repetition index.

    index = restated units / all units            (0 = nothing restated, 1 = everything)

Every heading and sentence counts in the denominator, as in the labelled articles
(spec/annotation.md: "the share of units that restate earlier ones").

A unit restates an earlier one when (checked in this order):
1. its words are the earlier unit's words (a duplicated title or sentence);
2. the first figure it asserts repeats a figure an earlier sentence stated, and it
   asserts no more new figures than repeated ones (a new source or a minor detail
   still restates; "300 of the 1,100 jobs" puts a new figure first and does not);
3. it asserts no new figure, names nobody new, has LEXICAL_MIN_TERMS content terms or
   more, and its content terms overlap an
   earlier sentence's by at least LEXICAL_MIN (the mean of the two weighted coverages,
   terms weighted by inverse document frequency: Sparck Jones 1972, "A statistical
   interpretation of term specificity and its application in retrieval").
Headings only restate headings: a headline exists to summarize the body.

Cost is linear in the article: figures are grouped through a dictionary keyed by value,
exact duplicates through a dictionary keyed by words, and candidate sentences for rule 3
come from postings of each unit's rarest terms, each read back at most POSTINGS_MAX deep.
"""

from __future__ import annotations

import math
from typing import Final

from . import terms as _terms
from .figure_groups import (  # noqa: F401 - SMALL_COUNT, APPROXIMATE_TOLERANCE and same_thing: read from here by tests and callers
    APPROXIMATE_TOLERANCE,
    NOT_REPEATED,
    SMALL_COUNT,
    _Group,
    find_conflicts,
    group_figures,
    same_thing,
)
from .figure_groups import repeated as _repeated
from .figure_groups import time_anchors as _time_anchors
from .figures import Figure
from .results import Repetition, Restatement
from .text import SENTENCE, Document, Unit

# Rule 3: the mean weighted coverage two units need to count as one restating the other.
LEXICAL_MIN: Final = 0.45
# Rule 3 needs at least this many content terms in the unit: a short sentence about a person
# already named covers itself with one shared name.
LEXICAL_MIN_TERMS: Final = 3
# Rule 3 looks for candidates through this many of a unit's rarest terms ...
RARE_TERMS: Final = 10
# ... reading at most this many earlier units from each term's postings (most recent first) ...
POSTINGS_MAX: Final = 8
# ... and scores in full only this many best candidates.
CANDIDATES: Final = 4


def analyze(doc: Document, figures: tuple[Figure, ...]) -> Repetition:
    """Return the repetition section of the report for `doc` and its figures."""
    per_unit: dict[int, list[Figure]] = {}
    for fig in figures:
        per_unit.setdefault(fig.unit, []).append(fig)
    memo: list[tuple[str, bool] | None] = [None] * doc.lexemes  # each distinct word is normalized once per article
    profiles = [_terms.unit_profile(u, tuple(per_unit.get(u.index, ())), memo) for u in doc.units]
    names = [p[1] for p in profiles]
    groups, group_of = group_figures(figures, names)
    restatements = find_restatements(doc, figures, group_of, profiles)
    repeated = tuple(_repeated(g) for g in groups if len({m.unit for m in g.mentions}) > 1)
    units = len(doc.units)
    index = len(restatements) / units if units else 0.0
    return Repetition(
        index=round(index, 4),
        restatements=restatements,
        figures=repeated,
        conflicts=find_conflicts(doc, figures),
    )


# --- restatements -------------------------------------------------------------------------


def find_restatements(
    doc: Document,
    figures: tuple[Figure, ...],
    group_of: dict[int, _Group],
    profiles: list[tuple[tuple[str, ...], frozenset[str]]],
) -> tuple[Restatement, ...]:
    """Find the units that restate earlier ones (rules 1-3 of the module docstring); `profiles` are (terms, names) per unit."""
    units = doc.units
    per_unit: dict[int, list[Figure]] = {}
    for fig in figures:
        per_unit.setdefault(fig.unit, []).append(fig)
    # The article's distinct terms numbered from 0 and each unit's terms as those numbers: the
    # counts, weights, ranks and postings below are lists indexed by them, read in a few
    # instructions compiled, where dictionaries keyed by the term cost a hash-table probe each.
    term_ids: dict[str, int] = {}
    unit_terms: list[tuple[int, ...]] = []
    for profile in profiles:
        ids: list[int] = []
        for t in profile[0]:
            k = term_ids.get(t)
            if k is None:
                k = term_ids[t] = len(term_ids)
            ids.append(k)
        unit_terms.append(tuple(ids))
    term_of = list(term_ids)  # a dict keeps its insertion order: term_of[k] is term k
    anchors = _time_anchors(figures)
    sentences = [u.index for u in units if u.type == SENTENCE]
    df: list[int] = [0] * len(term_of)  # sentences that hold each term
    for i in sentences:
        for k in unit_terms[i]:
            df[k] = df[k] + 1  # not +=: compiled, that is a generic in-place add on a boxed int
    n = max(len(sentences), 1)
    # a term no sentence holds (a heading's alone) weighs nothing
    weight = [math.log(1.0 + n / d) if d else 0.0 for d in df]
    # each term's place from rarest to commonest (ties by the term): rule 3 sorts a unit's terms by it
    rank = _rarity_ranks(df, term_of)
    # each unit's summed term weight, the denominator of its coverage: summed once, not per comparison
    totals = [_weight_of(terms, weight) for terms in unit_terms]

    first_mention: dict = {}
    for fig in figures:
        group = group_of.get(id(fig))
        if group is not None and units[fig.unit].type == SENTENCE:
            first_mention.setdefault(id(group), fig.unit)

    seen_words: dict[str, int] = {}
    postings: list[list[int] | None] = [None] * len(term_of)  # by term: the sentences that hold it, in order
    names_of: dict[int, frozenset[str]] = {}
    restated: dict[int, int] = {}
    out: list[Restatement] = []
    for unit in units:
        i = unit.index
        words = _words(doc.norm[unit.start : unit.end])
        found = None
        earlier = seen_words.get(words) if words else None
        if earlier is not None and units[earlier].type == unit.type:
            found = Restatement(i, _root(restated, earlier), 1.0, f"Repeats unit {earlier} word for word.")
        elif words:
            seen_words[words] = i
        if unit.type == SENTENCE:
            names_of[i] = profiles[i][1]
            if found is None:
                found = _by_figure(unit, per_unit.get(i, ()), group_of, first_mention, unit_terms, weight, totals, restated)
            if found is None and not _asserts_new_figure(per_unit.get(i, ()), group_of, first_mention, i):
                found = _by_terms(unit, unit_terms, weight, totals, rank, postings, names_of, restated, anchors)
            if found is not None and _different_times(anchors, i, found.restates):
                found = None  # "in 1998" against "on May 24": two events, however alike the words
            for k in unit_terms[i]:
                plist = postings[k]
                if plist is None:
                    postings[k] = [i]
                else:
                    plist.append(i)
        if found is not None:
            restated[i] = found.restates
            out.append(found)
    return tuple(out)


def _rarity_ranks(df: list[int], term_of: list[str]) -> list[int]:
    """Each term's place in the order of (document frequency, term), from 0, among the terms some sentence holds (by term number).

    The terms are sorted within each frequency, not as (frequency, term) tuples: strings sort
    with a plain string comparison, where tuples compare element by element through the
    generic protocol (3% of the report's instructions, under callgrind).
    """
    by_df: dict[int, list[int]] = {}
    for k, d in enumerate(df):
        if not d:
            continue  # only in headings: rule 3 never ranks it
        group = by_df.get(d)
        if group is None:
            by_df[d] = [k]
        else:
            group.append(k)
    rank = [0] * len(df)
    place = 0
    for d in sorted(by_df):
        for k in sorted(by_df[d], key=term_of.__getitem__):
            rank[k] = place
            place += 1
    return rank


def _words(span: str) -> str:
    """A unit's text in lower case with each run of white space made one space: what "word for word" compares.

    `Document.norm` writes white space as " " or "\n" only, and a unit starts and ends with a
    token; with no newline and no double space the text is already in that form (most units),
    and no character's lower case holds white space (checked over every code point in tests).
    """
    if "\n" not in span and "  " not in span:
        return span.lower()
    return " ".join(span.lower().split())


def _root(restated: dict[int, int], unit: int) -> int:
    """The unit that first stated what `unit` restates (restatements of restatements point home)."""
    return restated.get(unit, unit)


def _asserted(figs: list[Figure] | tuple[Figure, ...]) -> list[Figure]:
    """The figures a unit states as its own news: not dates or codes, not a whole named in passing."""
    return [f for f in figs if f.measure not in NOT_REPEATED and not f.reference]


def _is_repeat(fig: Figure, group_of: dict[int, _Group], first_mention: dict[int, int], unit: int) -> bool:
    group = group_of.get(id(fig))
    return group is not None and first_mention.get(id(group), unit) < unit


def _asserts_new_figure(figs, group_of, first_mention, unit: int) -> bool:
    return any(not _is_repeat(f, group_of, first_mention, unit) for f in _asserted(figs) if not f.incidental)


def _by_figure(
    unit: Unit,
    figs: list[Figure] | tuple[Figure, ...],
    group_of: dict[int, _Group],
    first_mention: dict[int, int],
    unit_terms: list[tuple[int, ...]],
    weight: list[float],
    totals: list[float],
    restated: dict[int, int],
) -> Restatement | None:
    """Rule 2: the unit's first asserted figure repeats an earlier sentence's, and repeats outnumber news."""
    asserted = _asserted(figs)
    if not asserted:
        return None
    main = asserted[0]
    if not _is_repeat(main, group_of, first_mention, unit.index):
        return None
    repeats = sum(1 for f in asserted if _is_repeat(f, group_of, first_mention, unit.index))
    if repeats < len(asserted) - repeats:
        return None
    source = first_mention[id(group_of[id(main)])]
    similarity = _similarity(frozenset(unit_terms[unit.index]), unit_terms[source], weight, totals[unit.index], totals[source])
    return Restatement(
        unit.index,
        _root(restated, source),
        round(similarity, 3),
        f"Repeats the figure {main.canonical!r} first given in unit {source}.",
    )


def _different_times(anchors: dict[int, frozenset[float]], a: int, b: int) -> bool:
    """True when both units name a year or date and none in common."""
    x, y = anchors.get(a), anchors.get(b)
    return bool(x and y and not x & y)


def _by_terms(
    unit: Unit,
    unit_terms: list[tuple[int, ...]],
    weight: list[float],
    totals: list[float],
    rank: list[int],
    postings: list[list[int] | None],
    names_of: dict[int, frozenset[str]],
    restated: dict[int, int],
    anchors: dict[int, frozenset[float]],
) -> Restatement | None:
    """Rule 3: the unit's content terms were already stated by one earlier sentence."""
    i = unit.index
    mine = unit_terms[i]
    if len(mine) < LEXICAL_MIN_TERMS:
        return None  # "Ferreira is not one of them.": too little content to have been said before
    rare = sorted(mine, key=rank.__getitem__)[:RARE_TERMS]  # rarest first: (document frequency, term)
    score: dict[int, float] = {}
    for t in rare:
        plist = postings[t]
        if not plist:
            continue
        w = weight[t]
        for k in range(max(0, len(plist) - POSTINGS_MAX), len(plist)):  # the last POSTINGS_MAX, without a slice
            j = plist[k]
            score[j] = score.get(j, 0.0) + w
    if not score:
        return None
    # the CANDIDATES best scores, ties to the earlier unit
    ranked = sorted([(-s, j) for j, s in score.items()])[:CANDIDATES]
    mine_names = names_of[i]
    mine_set = frozenset(mine)
    best_sim = -1.0
    best_j = -1
    for _, j in ranked:
        if not mine_names <= names_of[j]:
            continue  # a name the earlier sentence does not have: a different fact ("Dublin" vs "Denver")
        if _different_times(anchors, i, j):
            continue
        sim = _similarity(mine_set, unit_terms[j], weight, totals[i], totals[j])
        if best_j < 0 or sim > best_sim:
            best_sim, best_j = sim, j
    if best_j < 0 or best_sim < LEXICAL_MIN:
        return None
    return Restatement(i, _root(restated, best_j), round(best_sim, 3), f"Says again what unit {best_j} said, in other words.")


# Weights are summed with math.fsum, exactly rounded: the result does not depend on the order
# of the terms, which follows string hashes and so changes from one process to the next.


def _weight_of(terms: tuple[int, ...], weight: list[float]) -> float:
    """The summed weight of a unit's terms (1.0 when it has none that weigh)."""
    return math.fsum([weight[k] for k in terms]) or 1.0


def _similarity(a: frozenset[int], b: tuple[int, ...], weight: list[float], w_a: float, w_b: float) -> float:
    """The mean of how much of `a` is in `b` and how much of `b` is in `a`, terms weighted by IDF; `w_a`, `w_b` from _weight_of."""
    shared = [weight[k] for k in b if k in a]  # b's terms are distinct: each shared term once
    if not shared:
        return 0.0
    w_shared = math.fsum(shared)
    return (w_shared / w_a + w_shared / w_b) / 2
