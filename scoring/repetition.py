"""Repetition: restated units, repeated figures, conflicting figures and the repetition index.

    index = confident restated units / all units     (0 = nothing restated, 1 = everything)

Every heading and sentence counts in the denominator, as in the labelled articles
(spec/annotation.md: "the share of units that restate earlier ones").

A unit restates an earlier one when it tells the reader nothing the article had not told
them (spec/annotation.md, Repetition). Either its words are an earlier unit's words (a
duplicated title or sentence; headings only restate headings, since a headline exists to
summarize the body), or, for a sentence, the spec's test:
1. set aside its frame (terms.frame_marks: its source, whom it was told to, an inline dateline
   opening a paragraph, the source's assessment clause: ', calling it "aggressive"'), its
   framing and hedges (terms.FRAMING);
2. it must add no checkable news: no figure the article had not given, no year or date, no
   name, no number and no event (terms.EVENT_TERMS) the article had not named; at most
   NOVEL_MAX other new terms (NOVEL_MAX_WITH_FIGURE when it repeats the earlier sentence's
   figure), and at least KNOWN_MIN of its weighted content said before; a question is not a
   claim and restates nothing;
3. one earlier sentence must hold at least COVER_MIN of its content, terms weighted by inverse
   document frequency (Sparck Jones 1972, "A statistical interpretation of term specificity
   and its application in retrieval"), not inside the same quotation (emphatic repetition),
   and not a hedge or an expectation (terms.HEDGES) when the unit states the thing as fact,
   nor of the other polarity (one denies, NEGATIONS or DENIAL_VERBS, the other does not:
   "did not approve" is news after "approved"), nor general where the unit is about one
   person's own thing (PARTICULAR_WORDS: "his house was destroyed" after "12 homes destroyed");
4. confidence = covered share x already-stated share, lifted by FIGURE_EVIDENCE when the unit
   repeats that sentence's figure about a topic already named (TOPIC_PREFIX), and does not open
   with the figure to say something new of it ('"Two winters is a small sample."'), and by
   ALL_KNOWN_EVIDENCE when none of its ALL_KNOWN_MIN_TERMS or more terms is new, and by
   ECHO_EVIDENCE for an echo quote (its speaker the source of an earlier unit holding
   ECHO_COVER_MIN of it, ECHO_KNOWN_MIN of it said before); only
   restatements of REPORT_MIN or more are reported, and those of INDEX_MIN or more counted in
   the index.
5. a quotation the test above lets pass may still echo, in other words, the refusal or the
   judgement of the same speaker's paraphrase just before it (echo.py): it restates that
   paraphrase when nothing else in it is new.
Sharing a number is never enough: "8% of Google" and "profit rose 8%" differ in everything else.

Cost is linear in the article: figures are grouped through a dictionary keyed by value,
exact duplicates through a dictionary keyed by words, and candidate sentences for the test
come from postings of each unit's rarest terms, each read back at most POSTINGS_MAX deep.
"""

from __future__ import annotations

import math
from typing import Final

from . import echo as _echo
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
from .figures import GENERIC_NOUNS, VERB_CLASSES, Figure
from .numbers import format_value
from .results import Repetition, Restatement
from .text import SENTENCE, WORD, Document, Unit

# The restatement test (see the module docstring). A unit needs at least this many content
# terms, its source set aside: "It has," she said. has too little content to have said it before.
CONTENT_MIN_TERMS: Final = 2
# At most this many of its content terms may be new to the article, and none of them a number
# or an event (terms.EVENT_TERMS) ...
NOVEL_MAX: Final = 1
# ... or this many when it repeats a figure of the earlier sentence (the figure is the fact).
NOVEL_MAX_WITH_FIGURE: Final = 2
# ... and at least this share of its content (weighted as below) must have been stated before ...
KNOWN_MIN: Final = 0.45
# ... and one earlier sentence must hold at least this share of its content (terms weighted by
# inverse document frequency: Sparck Jones 1972).
COVER_MIN: Final = 0.3
# Confidence starts as (share of the content that one earlier sentence holds) x (share the
# article had already stated). A figure the unit repeats from that sentence, with no new
# figure beside it, is checkable evidence that both state one fact: it closes this share of
# the gap to 1 ("Shoppers spent $4.2 million" after "$4.2 million in sales").
FIGURE_EVIDENCE: Final = 0.6
# A unit none of whose content is new to the article, with at least ALL_KNOWN_MIN_TERMS content
# terms, passes the spec's test in full ("everything left was already asserted"); only which
# earlier unit it restates is in doubt, so its confidence closes this share of the gap to 1
# ("families have become reliant on the food bank and its bare winter shelves" after "families
# depend on the food bank" and "its shelves run bare every winter"). Fewer terms prove too
# little: "I cannot tell you what the money was used for" says only two words the article had used.
ALL_KNOWN_EVIDENCE: Final = 0.3
ALL_KNOWN_MIN_TERMS: Final = 4
# An echo quote: a quotation whose speaker is the source of an earlier unit that holds at least
# ECHO_COVER_MIN of it, with at least ECHO_KNOWN_MIN of it said before, repeats that report in
# the speaker's voice, which is framing (spec/annotation.md, Conventions: "An echo quote ...
# restates that paraphrase"); the shared source closes this share of the gap to 1.
ECHO_COVER_MIN: Final = 0.4
ECHO_KNOWN_MIN: Final = 0.7
ECHO_EVIDENCE: Final = 0.6
# A unit with this word asks rather than asserts ("declined to say whether the scheme had been
# scrapped", "it is unclear whether"): like a question, it restates nothing (Quirk et al. 1985,
# 15.6: indirect yes-no questions).
INDIRECT_QUESTION: Final = " whether "
# A restatement is reported from this confidence ...
REPORT_MIN: Final = 0.65
# ... and counts in the index from this one (the report lists only these today; the two are
# kept apart so that a client-side threshold can come later without changing the index).
INDEX_MIN: Final = 0.65
# A repeated value lifts the confidence only if what the unit is about (its first content term)
# was named before, or a word that begins with the same this many letters ("kindergartners",
# "kindergarten": truncation stemming, Frakes 1992, "Stemming algorithms"): "Wages rose 2.9%"
# after "Prices rose 2.9%" is the same value about something new.
TOPIC_PREFIX: Final = 7
# A hedge word that, followed by "not", states an inability rather than a possibility: reported
# speech shifts "cannot" back to "could not" ("Lee said the city could not afford it").
NEGATED_ABILITY: Final = frozenset(("could",))
# Words that deny a verb: a unit with one and an earlier unit without (or the reverse) say
# opposite things in the same words ("The council did not approve the budget" after "The council
# approved the budget" is news, a correction or a setback), so they never restate each other.
# Only the negation of a verb: "no" and "never" mostly make superlatives in news copy ("no
# summer has been busier", "has never had a busier season": the busiest).
NEGATIONS: Final = frozenset(("not", "cannot"))
# ... and verbs that deny their clause: "the company denied the breach affected 2 million
# customers" says the opposite of "the company said the breach affected 2 million customers".
DENIAL_VERBS: Final = frozenset(("deny", "denies", "denied", "denying", "dispute", "disputes", "disputed", "disputing"))
# ... and so does a contraction ending in this ("didn't", "can't", "won't").
NEGATED_SUFFIX: Final = "n't"
# A negation beside one of these words compares, it does not deny: "no summer has been busier
# than this one" is "the busiest summer", "riders do not have another way across" is "the ferry
# is their only way" (Quirk et al. 1985, 10.65: negative comparison and "no other").
NEGATED_COMPARISON: Final = frozenset(("than", "other", "another", "else"))
# A unit about one person's own thing ("Hill said his house was destroyed") tells the reader whose
# it was, which a general earlier unit ("the tornado destroyed 12 homes") had not: with one of
# these words, and no such word in the earlier unit nor the same speaker, and a word (its source
# included) the earlier unit lacks, it elaborates. ("Ferreira lost half his hives" after
# "Ferreira lost half of his 140 hives" names no one new.) Read in the unit's content only: the
# "his" of its frame ("he told reporters outside his department") is no one's own thing.
PARTICULAR_WORDS: Final = frozenset(("his", "her", "my"))
# Every word _stance looks at: the others cost it one set look-up each.
STANCE_WORDS: Final = (
    _terms.HEDGES | NEGATED_ABILITY | NEGATIONS | DENIAL_VERBS | _terms.DENIAL_FRAME_VERBS | NEGATED_COMPARISON | PARTICULAR_WORDS
)
# Candidates come from the postings of this many of a unit's rarest terms ...
RARE_TERMS: Final = 10
# ... reading at most this many earlier units from each term's postings (most recent first) ...
POSTINGS_MAX: Final = 8
# ... and measures in full only this many best candidates.
CANDIDATES: Final = 6


def analyze(doc: Document, figures: tuple[Figure, ...]) -> Repetition:
    """Return the repetition section of the report for `doc` and its figures."""
    per_unit: dict[int, list[Figure]] = {}
    for fig in figures:
        per_unit.setdefault(fig.unit, []).append(fig)
    memo: list[tuple[str, bool] | None] = [None] * doc.lexemes  # each distinct word is normalized once per article
    profiles = [_terms.unit_profile(u, tuple(per_unit.get(u.index, ())), memo) for u in doc.units]
    names = [p[1] for p in profiles]
    groups, group_of = group_figures(figures, names)
    restatements = find_restatements(doc, figures, group_of, profiles, memo)
    repeated = tuple(_repeated(g) for g in groups if len({m.unit for m in g.mentions}) > 1)
    units = len(doc.units)
    confident = sum(1 for r in restatements if r.confidence >= INDEX_MIN)
    index = confident / units if units else 0.0
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
    memo: list[tuple[str, bool] | None] | None = None,
) -> tuple[Restatement, ...]:
    """Find the units that restate earlier ones (the module docstring's test); `profiles` are (terms, names) per unit."""
    units = doc.units
    if memo is None:
        memo = [None] * doc.lexemes
    per_unit: dict[int, list[Figure]] = {}
    for fig in figures:
        per_unit.setdefault(fig.unit, []).append(fig)
    # The article's distinct terms numbered from 0 and each unit's terms as those numbers: the
    # counts, weights, ranks and postings below are lists indexed by them, read in a few
    # instructions compiled, where dictionaries keyed by the term cost a hash-table probe each.
    term_ids: dict[str, int] = {}
    unit_terms: list[tuple[int, ...]] = []  # every term of the unit, its source's included
    content: list[tuple[int, ...]] = []  # what the unit asserts: its terms less its source's
    names: list[tuple[int, ...]] = []  # the names it asserts, less its source's
    quote_of: list[tuple[int, int]] = []  # the quotations its first and last words stand in, -1 for none
    topic: list[int] = []  # its first content term, what a news sentence is about; -1 for none
    figure_first: list[bool] = []  # it opens with one of its figures: what it says is said of that figure
    hedged: list[bool] = []  # a hedge or an expectation, not an assertion (terms.HEDGES)
    particular: list[bool] = []  # about one person's own thing (PARTICULAR_WORDS)
    negated: list[bool] = []  # denies something (NEGATIONS)
    speaker: list[frozenset[int]] = []  # the terms of its source phrases: who says it
    quotes = doc.quotes
    q = 0
    said: list[tuple[int, ...]] = []  # what the unit says to a later one: its content and the general words of its kinds
    # by term: the term of its general word (terms.KINDS, "ferry" -> "=vessel"), NO_KIND for none,
    # looked up once per term the first time a unit holds it (KIND_UNREAD until then)
    kind_of: list[int] = []
    # by unit: a quotation that may echo the paraphrase just before it in other words (echo.py)
    echo_hints: dict[int, tuple[str, frozenset[str]]] = {}
    prev: tuple[Unit, list[bool], list[int], frozenset[str]] | None = None  # the sentence before, read for echo_hints
    for unit, profile in zip(units, profiles):
        terms = profile[0]
        own = len(terms)
        ids: list[int] = []  # the unit's terms, then the general words of its kinds
        for t in terms:
            k = term_ids.get(t)
            if k is None:
                k = term_ids[t] = len(term_ids)
                kind_of.append(KIND_UNREAD)
            ids.append(k)
        for m in range(own):
            g = kind_of[ids[m]]
            if g == KIND_UNREAD:
                g = _kind_id(terms[m], term_ids, kind_of)
                kind_of[ids[m]] = g
            if g != NO_KIND and not _held(ids, own, g):
                ids.append(g)  # "the ferries" says "the boats" too
        unit_terms.append(tuple(ids))
        while q < len(quotes) and quotes[q][1] <= unit.start:
            q += 1  # quotations are in order and do not overlap: each is passed once
        spans: list[tuple[int, int]] = []
        k2 = q
        while k2 < len(quotes) and quotes[k2][0] < unit.end:
            spans.append(quotes[k2])
            k2 += 1
        if unit.type == SENTENCE:
            inside = _terms.inside_flags(unit.tokens, spans) if spans else [False] * len(unit.tokens)
            marks = _terms.frame_marks(unit, spans, unit.index == 0 or units[unit.index - 1].paragraph != unit.paragraph, inside)
            source, who = _terms.frame_terms(unit, marks, memo)
            if spans and prev is not None and prev[0].paragraph >= unit.paragraph - 1:
                hint = _echo.echo_hint(unit, inside, marks, prev[0], prev[1], prev[2], memo, prev[3], who)
                if hint is not None:
                    echo_hints[unit.index] = hint
            prev = (unit, inside, marks, who)
        else:
            marks = []
            source = who = frozenset()
            prev = None
        speaker.append(frozenset(term_ids[t] for t in who if t in term_ids and t not in _terms.REPORTING_TERMS) if who else _NO_IDS)
        figs_here = per_unit.get(unit.index)
        if figs_here and marks:
            framed = _framed_figures(unit, figs_here, marks)
            if framed:
                # "He told Channel 4 News:": a number in the frame is part of a name, not news
                figs_here = [f for f in figs_here if f not in framed] or None
                per_unit[unit.index] = figs_here or []
                source = source | frozenset("#" + format_value(f.value) for f in framed)
        if figs_here:
            source = source | _figure_words(unit, figs_here, memo)  # "three per cent": the figure's "#3" stands for them
        content.append(tuple([ids[m] for m in range(own) if terms[m] not in source]))
        general = {kind_of[ids[m]] for m in range(own) if kind_of[ids[m]] != NO_KIND and terms[m] not in source}
        said.append(content[-1] + tuple(sorted(general.difference(content[-1]))) if general else content[-1])
        names.append(tuple(term_ids[t] for t in profile[1] if t not in source))
        quote_of.append(_quote_of(unit, quotes, q))
        first_term = _topic(unit, source, marks, memo)
        stance = _stance(unit, doc.norm, marks)
        hedged.append(stance[0])
        particular.append(stance[1])
        negated.append(stance[2])
        topic.append(term_ids[first_term] if first_term else -1)
        figure_first.append(figs_here is not None and _opens_with_figure(unit, figs_here, marks))
    term_of = list(term_ids)  # a dict keeps its insertion order: term_of[k] is term k
    # what each term is: a figure's value ("#11000"), an event ("killed", "=resign"), a record ("first"), neither
    news = [t.startswith("#") or t.startswith(_terms.RECORD_PREFIX) or t in _terms.EVENT_TERMS for t in term_of]
    anchors = _time_anchors(figures)
    sentences = [u.index for u in units if u.type == SENTENCE]
    df: list[int] = [0] * len(term_of)  # sentences that hold each term
    for i in sentences:
        for k in unit_terms[i]:
            df[k] = df[k] + 1  # not +=: compiled, that is a generic in-place add on a boxed int
    n = max(len(sentences), 1)
    # a term no sentence holds (a heading's alone) weighs nothing
    weight = [math.log(1.0 + n / d) if d else 0.0 for d in df]
    # each term's place from rarest to commonest (ties by the term): candidates come from the rarest
    rank = _rarity_ranks(df)

    # per unit, once: linear (most units state no figure: they share one empty set)
    groups_in = [_figure_groups(per_unit[u.index], group_of) if u.index in per_unit else _NO_IDS for u in units]
    first_mention: dict = {}
    for fig in figures:
        group = group_of.get(id(fig))
        if group is not None and units[fig.unit].type == SENTENCE:
            first_mention.setdefault(id(group), fig.unit)

    seen_words: dict[str, int] = {}
    seen = [False] * len(term_of)  # terms some earlier sentence holds
    seen_prefixes: set[str] = set()  # their first TOPIC_PREFIX letters
    seen_times: set[float] = set()  # years and dates some earlier sentence names
    postings: list[list[int] | None] = [None] * len(term_of)  # by term: the sentences that assert it, in order
    restated: dict[int, int] = {}
    out: list[Restatement] = []
    for unit in units:
        i = unit.index
        words = _words(doc.norm[unit.start : unit.end])
        found = None
        earlier = seen_words.get(words) if words else None
        if earlier is not None and units[earlier].type == unit.type:
            found = Restatement(i, _root(restated, earlier), 1.0, f"Repeats unit {earlier} word for word.", 1.0)
        elif words:
            seen_words[words] = i
        if unit.type == SENTENCE:
            figs = per_unit.get(i, ())
            if (
                found is None
                and not words.rstrip("\"").endswith("?")  # a question is no claim
                and INDIRECT_QUESTION not in words  # "She declined to say whether the scheme had been scrapped": nor is an indirect one
                and not _asserts_new_figure(figs, group_of, first_mention, i)
                and not _new_time(anchors.get(i), seen_times)
                and all(seen[k] for k in names[i])
            ):
                found = _by_content(
                    i, content, said, weight, rank, seen, postings, quote_of, restated, anchors, news, term_of,
                    # classes the grouping compared, and the nouns of figures it found said before ("the death toll
                    # stood at 38" after "killed at least 38 people": "victim" is the grouping's business)
                    frozenset(term_ids.get(f.verb, -1) for f in figs if f.verb in VERB_CLASSES)
                    | frozenset(term_ids.get(_terms.term(f.noun), -1) for f in figs if f.noun and _is_repeat(f, group_of, first_mention, i)),
                    frozenset(term_ids.get(_terms.term(f.noun), -1) for f in figs if f.noun and not _is_repeat(f, group_of, first_mention, i)),
                    groups_in,
                    topic,
                    seen_prefixes,
                    hedged,
                    speaker,
                    particular,
                    negated,
                    unit_terms,
                    figure_first,
                )
                hint = echo_hints.get(i)
                if hint is not None and (found is None or found.confidence < REPORT_MIN):
                    found = _echo_quote(i, hint, content, said, term_ids, negated, hedged, restated) or found
            for k in unit_terms[i]:
                if not seen[k]:
                    seen[k] = True
                    seen_prefixes.add(term_of[k][:TOPIC_PREFIX])
            for k in said[i]:
                plist = postings[k]
                if plist is None:
                    postings[k] = [i]
                else:
                    plist.append(i)
            times = anchors.get(i)
            if times:
                seen_times |= times
        if found is not None and found.confidence >= REPORT_MIN:
            restated[i] = found.restates
            out.append(found)
    return tuple(out)


# The empty set of term or group numbers, shared by the units that have none.
_NO_IDS: Final[frozenset[int]] = frozenset()
# What kind_of holds for a term with no general word, and for one not looked up yet.
NO_KIND: Final = -1
KIND_UNREAD: Final = -2


def _kind_id(t: str, term_ids: dict[str, int], kind_of: list[int]) -> int:
    """The number of term `t`'s general word (terms.KINDS), numbered now if new; NO_KIND for none."""
    general = _terms.KINDS.get(t)
    if general is None:
        return NO_KIND
    g = term_ids.get(general)
    if g is None:
        g = term_ids[general] = len(term_ids)
        kind_of.append(KIND_UNREAD)
    return g


def _held(ids: list[int], own: int, k: int) -> bool:
    """True when term `k` is one of the first `own` of `ids` (a unit's own terms)."""
    for m in range(own):
        if ids[m] == k:
            return True
    return False


def _stance(unit: Unit, norm: str, marks: list[int]) -> tuple[bool, bool, bool]:
    """Whether the unit hedges (terms.HEDGES), is about one person's own thing (PARTICULAR_WORDS) and denies (NEGATIONS); `norm` is Document.norm.

    Hedged: "will probably reopen", "hopes to open" assert nothing a later fact could restate;
    "May" with a capital is the month, and "could not" (NEGATED_ABILITY) states an inability.
    Denied: a negation, a denial verb (DENIAL_VERBS), a denial frame ("rejected allegations that",
    terms.DENIAL) or a word ending in NEGATED_SUFFIX, unless
    a NEGATED_COMPARISON word makes it a comparison ("no summer busier than this one"). One
    look-up per word (STANCE_WORDS); only a unit with "may" or "could not" is walked again.
    """
    hedged = may = could = not_ = particular = denies = compared = negated = False
    toks = unit.tokens
    for k in range(len(toks)):
        low = toks[k].lexeme.lower
        if low not in STANCE_WORDS:
            continue
        if low in _terms.HEDGES:
            hedged = True
            may = may or low == "may"
            could = could or low in NEGATED_ABILITY
        if low in PARTICULAR_WORDS and (not marks or marks[k] == _terms.CONTENT):
            particular = True  # "told reporters outside his department": the frame's "his" is no one's own thing
        if low in NEGATIONS:
            negated = True
            not_ = not_ or low == "not"
        if low in DENIAL_VERBS or (marks and marks[k] == _terms.DENIAL):
            denies = True  # "denied", or "rejected allegations that" (terms.frame_marks)
        if low in NEGATED_COMPARISON:
            compared = True
    if hedged and (may or (could and not_)):
        hedged = _hedged_in_order(unit)
    denies = denies or negated or norm.find(NEGATED_SUFFIX, unit.start, unit.end) >= 0
    return hedged, particular, denies and not compared


def _hedged_in_order(unit: Unit) -> bool:
    """The hedge test word by word: "May" written with a capital is the month, "could not" an inability."""
    toks = unit.tokens
    n = len(toks)
    for k in range(n):
        lex = toks[k].lexeme
        low = lex.lower
        if low in _terms.HEDGES:
            if low in NEGATED_ABILITY and k + 1 < n and toks[k + 1].lexeme.lower == "not":
                continue  # "could not afford": a stated inability, not a possibility
            if low != "may" or lex.text == "may":
                return True
    return False


def _names_more(mine: tuple[int, ...], theirs: tuple[int, ...]) -> bool:
    """True when `mine` holds a term `theirs` does not (both every term of a unit, its source's included)."""
    held = frozenset(theirs)
    for k in mine:
        if k not in held:
            return True
    return False


def _topic(unit: Unit, source: frozenset[str], marks: list[int], memo: list[tuple[str, bool] | None]) -> str:
    """What the unit is about: its first content term after any dateline, read up to the first mark, source word or figure ("Wages rose 2.9%": "wage"); "" for none."""
    toks = unit.tokens
    for k in range(len(toks)):
        if marks and marks[k] == _terms.DATELINE:
            continue  # "OSLO (Wire) --": the lede starts behind it
        lex = toks[k].lexeme
        if lex.kind != WORD:
            return ""  # a mark or a number: the subject, if any, is behind
        entry = memo[lex.ordinal]
        if entry is None or not entry[0]:
            continue  # a function word
        if entry[0] in source:
            return ""  # the source, or a figure's words
        if lex.lower not in GENERIC_NOUNS:
            return entry[0]
    return ""


def _opens_with_figure(unit: Unit, figs: list[Figure], marks: list[int]) -> bool:
    """True when the unit's first word, past a dateline and opening marks, stands in one of its figures ("Two winters on one pass ...")."""
    toks = unit.tokens
    for k in range(len(toks)):
        if marks and marks[k] == _terms.DATELINE or not toks[k].is_word:
            continue
        start = toks[k].start
        return any(f.start <= start < f.end for f in figs)
    return False


def _figure_groups(figs: list[Figure] | tuple[Figure, ...], group_of: dict[int, _Group]) -> frozenset[int]:
    """The figure groups (by id) a unit states: two units that share one state the same figure about the same thing."""
    return frozenset(id(group_of[id(f)]) for f in figs if id(f) in group_of)


def _framed_figures(unit: Unit, figs: list[Figure], marks: list[int]) -> list[Figure]:
    """The figures whose first word stands in the unit's source or audience ("told Channel 4 News", "said the 10 Downing Street spokesman")."""
    out: list[Figure] = []
    toks = unit.tokens
    k = 0
    for f in sorted(figs, key=_start_of):
        while k < len(toks) and toks[k].start < f.start:
            k += 1
        if k < len(toks) and toks[k].start == f.start and (marks[k] == _terms.SPEAKER or marks[k] == _terms.AUDIENCE):
            out.append(f)
    return out


def _start_of(fig: Figure) -> int:
    return fig.start


def _figure_words(unit: Unit, figs: list[Figure], memo: list[tuple[str, bool] | None]) -> frozenset[str]:
    """The terms of the words inside the unit's figures ("eighty-eight", "million"): the figure's value term replaces them."""
    out: set[str] = set()
    for tok in unit.tokens:
        lex = tok.lexeme
        entry = memo[lex.ordinal]
        if entry is None or not entry[0]:
            continue  # unit_profile filled the memo for every word; none or no term: nothing to drop
        for f in figs:
            if f.start <= tok.start < f.end:
                out.add(entry[0])
                break
    return frozenset(out)


def _quote_of(unit: Unit, quotes: tuple[tuple[int, int], ...], q: int) -> tuple[int, int]:
    """The quotations that hold the unit's first and last words, -1 for none (`q`: the first quotation that ends after the unit starts)."""
    first = last = -1
    for tok in unit.tokens:
        if tok.is_word:
            last = tok.start
            if first < 0:
                first = tok.start
    return _quote_at(first, quotes, q), _quote_at(last, quotes, q)


def _quote_at(pos: int, quotes: tuple[tuple[int, int], ...], q: int) -> int:
    k = q
    while pos >= 0 and k < len(quotes) and quotes[k][0] <= pos:
        if pos < quotes[k][1]:
            return k
        k += 1
    return -1


def _same_quotation(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two units stand in one quotation: a word of each inside it."""
    for x in a:
        if x >= 0 and (x == b[0] or x == b[1]):
            return True
    return False


def _same_speaker(speaker: list[frozenset[int]], i: int, j: int) -> bool:
    """True when unit `i`'s source is unit `j`'s: a source word in common, or only a pronoun ("she said") just after `j`."""
    if speaker[i]:
        return bool(speaker[i] & speaker[j])
    return j == i - 1 and bool(speaker[j])


def _new_time(times: frozenset[float] | None, seen_times: set[float]) -> bool:
    """True when the unit names a year or date no earlier sentence named: a date is checkable news."""
    if not times:
        return False
    for t in times:
        if t not in seen_times:
            return True
    return False


def _rarity_ranks(df: list[int]) -> list[int]:
    """Each term's place in the order of (document frequency, term number), from 0, among the terms some sentence holds.

    Terms are numbered in the order the article first uses them, so among equally rare terms
    the earlier one comes first: a counting sort, with no string comparison (sorting the
    terms by their text cost ~1.5% of a seed report's instructions, under callgrind).
    """
    by_df: dict[int, list[int]] = {}
    for k, d in enumerate(df):
        if not d:
            continue  # only in headings: never ranked
        group = by_df.get(d)
        if group is None:
            by_df[d] = [k]
        else:
            group.append(k)
    rank = [0] * len(df)
    place = 0
    for d in sorted(by_df):
        for k in by_df[d]:  # in term order: enumerate appended them so
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


def _different_times(anchors: dict[int, frozenset[float]], a: int, b: int) -> bool:
    """True when both units name a year or date and none in common."""
    x, y = anchors.get(a), anchors.get(b)
    return bool(x and y and not x & y)


def _by_content(
    i: int,
    content: list[tuple[int, ...]],
    said: list[tuple[int, ...]],
    weight: list[float],
    rank: list[int],
    seen: list[bool],
    postings: list[list[int] | None],
    quote_of: list[tuple[int, int]],
    restated: dict[int, int],
    anchors: dict[int, frozenset[float]],
    news: list[bool],
    term_of: list[str],
    grouped_terms: frozenset[int],
    figure_nouns: frozenset[int],
    groups_in: list[frozenset[int]],
    topic: list[int],
    seen_prefixes: set[str],
    hedged: list[bool],
    speaker: list[frozenset[int]],
    particular: list[bool],
    negated: list[bool],
    unit_terms: list[tuple[int, ...]],
    figure_first: list[bool],
) -> Restatement | None:
    """The test itself: the unit's content, its source set aside, was all said before, most of it by one earlier sentence."""
    mine = content[i]
    if len(mine) < CONTENT_MIN_TERMS:
        return None  # "It has," she said.: too little content to have been said before
    # a repeated figure's verb is the grouping's business ("6,500 evacuated" after "6,500 fled")
    novel = [k for k in mine if not seen[k] and k not in grouped_terms]
    for k in novel:
        if news[k]:
            return None  # a new number or a new event: news, however familiar the rest
        if k in figure_nouns:
            return None  # "wages rose 2.9%" after "prices rose 2.9%": the same value about a new thing
    if len(novel) > NOVEL_MAX_WITH_FIGURE:
        return None  # more new words than even a repeated figure allows
    total = _weight_of(mine, weight)  # summed only for a unit the tests above let through
    known = 1.0 - math.fsum([weight[k] for k in novel]) / total
    if known < KNOWN_MIN:
        return None  # most of it is new: news, whatever figure it repeats
    rare = sorted(mine, key=rank.__getitem__)[:RARE_TERMS]  # rarest first: (document frequency, first use)
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
    mine_set = frozenset(mine)
    # the CANDIDATES best by the weight of the rare terms they share, ties to the earlier unit
    best_cover = 0.0
    best_j = -1
    echo_cover = 0.0
    echo_j = -1  # the best candidate whose source speaks again in this quotation
    quoted = quote_of[i][0] >= 0 or quote_of[i][1] >= 0
    measured = 0
    for _, j in sorted([(-s, j) for j, s in score.items()]):
        if measured == CANDIDATES:
            break
        if _same_quotation(quote_of[i], quote_of[j]):
            continue  # emphatic repetition inside one quotation does not restate (spec/annotation.md)
        if _different_times(anchors, i, j):
            continue  # "in 1998" against "on May 24": two events, however alike the words
        if hedged[j] and not hedged[i]:
            continue  # "reopened on Monday" after "will probably reopen on Monday": now it happened
        if negated[i] != negated[j]:
            continue  # "did not approve the budget" after "approved the budget": the opposite
        if particular[i] and not particular[j] and not _same_speaker(speaker, i, j) and _names_more(unit_terms[i], unit_terms[j]):
            continue  # "Hill said his house was destroyed" after "destroyed 12 homes": now we know whose
        measured += 1
        held = [weight[k] for k in said[j] if k in mine_set]
        if groups_in[i] & groups_in[j]:
            # one figure, as group_figures judged: its verb is the earlier one's in other words
            held += [weight[k] for k in mine if k in grouped_terms and k not in said[j]]
        shared = math.fsum(held)  # exactly rounded: any order
        cover = shared / total
        if cover > best_cover:
            best_cover, best_j = cover, j
        if quoted and cover > echo_cover and _same_speaker(speaker, i, j):
            echo_cover, echo_j = cover, j
    if best_j < 0 or best_cover < COVER_MIN:
        return None
    echo = echo_j >= 0 and echo_cover >= ECHO_COVER_MIN and known >= ECHO_KNOWN_MIN
    if echo:
        best_cover, best_j = echo_cover, echo_j  # the speaker's own report, said again in their voice
    # a figure of the earlier sentence said again: the same value about the same thing (group_figures)
    repeats_figure = bool(groups_in[i] & groups_in[best_j]) or any(news[k] and term_of[k].startswith("#") for k in said[best_j] if k in mine_set)
    if topic[i] >= 0 and not seen[topic[i]] and topic[i] not in grouped_terms and term_of[topic[i]][:TOPIC_PREFIX] not in seen_prefixes:
        repeats_figure = False  # "Wages rose 2.9%" after "Prices rose 2.9%": the same value about something new
    if repeats_figure and novel and figure_first[i]:
        repeats_figure = False  # '"Two winters is a small sample."' after "over two winters": something new said of the figure
    if len(novel) > (NOVEL_MAX_WITH_FIGURE if repeats_figure else NOVEL_MAX):
        return None
    confidence = best_cover * known
    if repeats_figure:
        confidence += (1.0 - confidence) * FIGURE_EVIDENCE
    if not novel and len(mine) >= ALL_KNOWN_MIN_TERMS:
        confidence += (1.0 - confidence) * ALL_KNOWN_EVIDENCE
    if echo:
        confidence += (1.0 - confidence) * ECHO_EVIDENCE
    confidence = round(confidence, 3)
    what = "adds nothing" if not novel else "adds little"
    return Restatement(
        i, _root(restated, best_j), round(best_cover, 3),
        f"Says again what unit {best_j} said and {what} the article had not already said.", confidence,
    )


def _echo_quote(
    i: int,
    hint: tuple[str, frozenset[str]],
    content: list[tuple[int, ...]],
    said: list[tuple[int, ...]],
    term_ids: dict[str, int],
    negated: list[bool],
    hedged: list[bool],
    restated: dict[int, int],
) -> Restatement | None:
    """The echo quote of echo.echo_hint, if the quotation says nothing else the paraphrase before it had not said.

    Past the refusal or the judgement, every content term must be one the paraphrase said (an
    event or a number it did not say is news); a judgement must be of something the paraphrase
    named, in the same polarity, and not hedged ("could have been stronger" weighs what might
    have been).
    """
    kind, carried = hint
    j = i - 1
    carry = frozenset(term_ids[t] for t in carried if t in term_ids)
    held = frozenset(said[j])
    rest = [k for k in content[i] if k not in carry]
    for k in rest:
        if k not in held:
            return None
    if kind == _echo.JUDGEMENT:
        if not rest or negated[i] != negated[j] or hedged[i]:
            return None
        confidence = _echo.JUDGEMENT_CONFIDENCE
    else:
        confidence = _echo.REFUSAL_CONFIDENCE
    mine = content[i]
    similarity = sum(1 for k in mine if k in held) / len(mine) if mine else 0.0
    return Restatement(
        i, _root(restated, j), round(similarity, 3),
        f"Says again in the speaker's words the {kind} unit {j} reported, and adds nothing the article had not already said.",
        confidence,
    )


# Weights are summed with math.fsum, exactly rounded: the result does not depend on the order
# of the terms, which follows string hashes and so changes from one process to the next.


def _weight_of(terms: tuple[int, ...], weight: list[float]) -> float:
    """The summed weight of a unit's terms (1.0 when it has none that weigh)."""
    return math.fsum([weight[k] for k in terms]) or 1.0
