"""Repetition: repeated figures, conflicts, restatements and the index, on articles written for these tests."""

import ast
from pathlib import Path

import pytest

from scoring import repetition
from scoring import terms as _terms
from scoring.figures import find
from scoring.repetition import (
    APPROXIMATE_TOLERANCE,
    CANDIDATES,
    LEXICAL_MIN,
    LEXICAL_MIN_TERMS,
    POSTINGS_MAX,
    RARE_TERMS,
    SMALL_COUNT,
    analyze,
    same_thing,
)
from scoring.text import build_document
from tests.labelled import read_labelled


def run(text):
    doc = build_document(text)
    return doc, analyze(doc, find(doc))


def one_figure(text):
    found = [f for f in find(build_document(text)) if not f.incidental]
    assert len(found) == 1, found
    return found[0]


# --- same figure, same thing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Approximately 11,000 soldiers have been sent.", "Around 11,000 troops have been dispatched.", True),
        ("They sent 11,000 soldiers.", "They sent 11 000 soldiers.", True),
        ("They sent 11,000 soldiers.", "They sent 11k soldiers.", True),
        ("They sent 11,000 soldiers.", "They sent eleven thousand soldiers.", True),
        ("It has 1.2 million residents.", "It has 1,200,000 residents.", True),
        ("Prices rose 40%.", "Prices rose forty per cent.", True),
        ("The deal is worth $4.5bn.", "The deal is worth 4.5 billion dollars.", True),
        ("Over 3,000 have fallen.", "More than 3,000 soldiers were killed.", True),
        ("Some 2 million passengers rode.", "Two million people took the ferry.", True),
        ("Some 3,000 were killed.", "It has 3,000 employees.", False),
        ("Some 3,000 soldiers were killed.", "Some 3,000 soldiers were wounded.", False),
        ("They sent 11,000 soldiers.", "They sent 12,000 soldiers.", False),
        ("Prices rose 40%.", "They sent 40 soldiers.", False),
        ("The deal is worth $4.5bn.", "The deal is worth 4.5 billion euros.", False),
        ("It took 10 to 12 people.", "It took 10 people.", False),
    ],
)
def test_same_thing(a, b, same):
    assert same_thing(one_figure(a), one_figure(b)) == same


def test_repeated_figures_group_units_whatever_the_writing():
    _, rep = run(
        "The ferries carried 2 million passengers this summer. On July 4, 38,500 people rode. "
        "A total of 2,000,000 riders boarded. Put another way, two million people took a ferry."
    )
    (group,) = rep.figures
    assert group.units == (0, 2, 3)
    assert group.figure.startswith("2000000 ")
    assert [m.text for m in group.mentions] == ["2 million", "2,000,000", "two million"]


@pytest.mark.parametrize(
    "text",
    [
        "The war has killed 3,000. The company has 3,000 employees.",  # different referents
        "Between 2019 and 2024 it grew. It was founded in 2019.",  # years
        "It happened on July 4. Crowds arrived on July 4.",  # dates
        "Call 555-0142 today. Or call 555-0142 tomorrow.",  # phone numbers
        "Some 10 to 12 people came. Then 10 people left.",  # a range is not its lower end
        "Smith, 47, spoke first. Jones, 47, spoke next.",  # ages of different people
    ],
)
def test_figures_that_must_not_match(text):
    _, rep = run(text)
    assert rep.figures == ()


def test_a_figure_twice_in_one_unit_is_not_repeated():
    _, rep = run("They sent 11,000 soldiers, and 11,000 soldiers came back. Nothing else happened.")
    assert rep.figures == ()


# --- conflicts ---------------------------------------------------------------------------------


def test_same_thing_with_different_values_is_a_conflict():
    _, rep = run("In all, 11,000 soldiers were sent to Russia. Officials said 12,000 soldiers were sent.")
    (conflict,) = rep.conflicts
    assert [m.unit for m in conflict.mentions] == [0, 1]
    assert conflict.values == ("11000", "12000")
    assert "soldiers" in conflict.subject


@pytest.mark.parametrize(
    "text",
    [
        "More than 3,000 soldiers were killed. Some 3,200 soldiers were killed.",  # a bound, then a value inside it
        "Fewer than 50 people were hired. Only 45 people were hired.",
        "In 2019 the ferries carried 1.7 million passengers. This year they carried 2 million passengers.",
        "Some 300 of the jobs were cut in Austin. In all 1,100 jobs were cut.",  # a part of the whole
        "About 11,000 soldiers were sent. Then 3,000 soldiers were killed.",  # different verbs
    ],
)
def test_no_conflict(text):
    _, rep = run(text)
    assert rep.conflicts == ()


@pytest.mark.parametrize(
    "other, conflict",
    [
        (int(1000 * (1 + APPROXIMATE_TOLERANCE)), False),  # "about 1,000" allows 1,100
        (int(1000 * (1 + 2 * APPROXIMATE_TOLERANCE)), True),
    ],
)
def test_approximate_tolerance(other, conflict):
    _, rep = run(f"About 1,000 soldiers were sent. Exactly {other:,} soldiers were sent.")
    assert bool(rep.conflicts) == conflict


# --- restatements ------------------------------------------------------------------------------


def test_duplicated_title_restates_the_first():
    doc, rep = run("Ferry Summer Breaks Records\nFerry Summer Breaks Records\n\nThe ferries were busy.")
    assert [(r.unit, r.restates, r.similarity) for r in rep.restatements] == [(1, 0, 1.0)]


def test_body_saying_what_the_headline_says_does_not_restate_it():
    _, rep = run("Ferries Carry 2 Million Riders in Record Summer\n\nThe city's ferries carried 2 million riders in a record summer.")
    assert rep.restatements == ()


def test_repeated_figure_with_a_new_source_restates():
    _, rep = run(
        "The council voted to spend $180 million on a stadium. Residents disagreed loudly. "
        "According to the budget office, the council has pledged $180 million to the stadium."
    )
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]
    assert "180000000" in rep.restatements[0].reason


def test_new_figure_first_is_news_not_a_restatement():
    _, rep = run(
        "The firm will cut 1,100 jobs. The cuts start in May. "
        "About 300 of the roughly 1,100 jobs being cut are in Austin."
    )
    assert rep.restatements == ()


def test_minor_detail_after_the_repeated_figure_still_restates():
    _, rep = run(
        "Fare revenue reached $9.6 million this summer. Crowds were large. "
        "Fare revenue was $9.6 million, up 12% from last summer."
    )
    assert [r.unit for r in rep.restatements] == [2]


def test_paraphrase_without_figures_restates():
    _, rep = run(
        "No summer in the history of the city ferry system has been busier than this one. "
        "Officials plan new routes next spring. "
        "This was the busiest summer the city ferry system has ever had."
    )
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]
    assert rep.restatements[0].similarity >= LEXICAL_MIN


def test_a_new_name_makes_it_a_different_fact():
    _, rep = run(
        "The company plans to close its office in Denver. Shares fell. "
        "The company plans to close its office in Dublin."
    )
    assert rep.restatements == ()


def test_unrelated_sentences_are_not_restatements():
    _, rep = run(
        "The mayor opened a new library on Main Street. Rain is expected on Friday. "
        "The school board met to discuss bus routes."
    )
    assert rep.restatements == ()


def test_lexical_min_separates_paraphrase_from_topic_overlap():
    doc = build_document(
        "The storm destroyed the harbor bridge on Monday. "
        "The harbor bridge was destroyed by the storm. "
        "Engineers will inspect the harbor on Friday."
    )
    rep = analyze(doc, find(doc))
    assert [r.unit for r in rep.restatements] == [1]  # the second sentence only; the third shares a word
    assert all(r.similarity >= LEXICAL_MIN for r in rep.restatements)


def test_restatement_of_a_restatement_points_to_the_first_statement():
    _, rep = run(
        "The ferries carried 2 million passengers this summer. Prices held. "
        "A total of 2,000,000 riders boarded this summer. "
        "This summer's total of 2,000,000 passengers was a record."
    )
    assert {r.restates for r in rep.restatements} == {0}


# --- the index ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Title Here\nTitle Here\n\nThey sent 11,000 soldiers. Nobody knows why. About 11,000 soldiers were sent.",
        "Title Here\n\nThey sent 11,000 soldiers. Nobody knows why.",
        "One sentence only.",
    ],
)
def test_index_is_the_share_of_units_restated(text):
    doc, rep = run(text)
    assert rep.index == pytest.approx(len(rep.restatements) / len(doc.units), abs=1e-4)
    assert 0.0 <= rep.index <= 1.0


def test_index_ranks_padded_copy_above_tight_copy():
    _, tight = run("They sent 11,000 soldiers. 3,000 were killed. The war goes on.")
    _, padded = run(
        "They sent 11,000 soldiers. 3,000 were killed. Around 11,000 soldiers were sent. "
        "More than 3,000 soldiers were killed."
    )
    assert padded.index > tight.index


# --- cost ----------------------------------------------------------------------------------------


def test_candidate_search_is_bounded():
    # Each unit reads at most RARE_TERMS postings lists, POSTINGS_MAX deep, and scores CANDIDATES.
    assert RARE_TERMS * POSTINGS_MAX <= 1024
    assert CANDIDATES <= 8
    # A document that repeats one sentence thousands of times is still read: every copy restates the first.
    doc, rep = run("The harbor bridge was destroyed by the storm. " * 2000)
    assert len(rep.restatements) == len(doc.units) - 1
    assert {r.restates for r in rep.restatements} == {0}


def test_results_are_frozen():
    _, rep = run("They sent 11,000 soldiers. About 11,000 soldiers were sent.")
    with pytest.raises(AttributeError):
        rep.index = 0.5  # type: ignore[misc]
    assert isinstance(rep.restatements, tuple) and isinstance(rep.figures, tuple)


def test_module_docstring_states_the_formula():
    # read from the source: a mypyc-compiled module (COPYDESK_COMPILE=1) keeps no docstring
    source = (Path(__file__).resolve().parents[2] / "scoring" / "repetition.py").read_text(encoding="utf-8")
    assert "index = restated units / all units" in (ast.get_docstring(ast.parse(source)) or "")


# --- labelled articles written for these tests (tests/data/repetition, spec/annotation.md format) ---

LABELLED = sorted((Path(__file__).resolve().parent.parent / "data" / "repetition").glob("*.json"))
# Floors on the labelled articles as a whole: restated units and repeated-figure pairs,
# matched by unit span as eval/score.py does. Below them a change has lost real cases.
LABELLED_RESTATED_F1_MIN = 0.85
LABELLED_FIGURE_PAIR_F1_MIN = 0.85


def _gold_unit(unit, spans):
    """The labelled unit a reported unit overlaps most (eval/score.py's alignment)."""
    overlap = [max(0, min(unit.end, e) - max(unit.start, s)) for s, e in spans]
    best = max(range(len(spans)), key=overlap.__getitem__)
    return best if overlap[best] else None


def _pairs(groups):
    return {(a, b) for g in groups for a in sorted(set(g)) for b in sorted(set(g)) if a < b}


def _f1(found, gold):
    tp = len(found & gold)
    return 1.0 if not found and not gold else 2 * tp / (len(found) + len(gold))


def test_labelled_articles_exist_and_restate_something():
    assert len(LABELLED) >= 3
    for path in LABELLED:
        _, _, gold = read_labelled(path)
        assert any(u.get("restates") is not None for u in gold), path.name


def test_labelled_articles_restatements_and_figure_pairs():
    rest_found, rest_gold, fig_found, fig_gold = set(), set(), set(), set()
    for n, path in enumerate(LABELLED):
        text, spans, gold = read_labelled(path)
        doc, rep = run(text)
        to_gold = {u.index: _gold_unit(u, spans) for u in doc.units}
        rest_found |= {(n, to_gold[r.unit]) for r in rep.restatements}
        rest_gold |= {(n, i) for i, u in enumerate(gold) if u.get("restates") is not None}
        fig_found |= {(n, p) for p in _pairs([[to_gold[u] for u in f.units] for f in rep.figures])}
        groups = {}
        for i, u in enumerate(gold):
            for f in u.get("figures") or ():
                groups.setdefault(f, []).append(i)
        fig_gold |= {(n, p) for p in _pairs(groups.values())}
    assert _f1(rest_found, rest_gold) >= LABELLED_RESTATED_F1_MIN, (sorted(rest_found ^ rest_gold))
    assert _f1(fig_found, fig_gold) >= LABELLED_FIGURE_PAIR_F1_MIN, (sorted(fig_found ^ fig_gold))


def test_the_same_amount_for_different_purposes_is_not_one_figure():
    _, rep = run("The plan puts $5 million for schools. Officials also set aside $5 million for road repairs.")
    assert rep.figures == ()
    assert rep.restatements == ()


@pytest.mark.parametrize(
    "text, repeated",
    [
        ("In the final, Smith scored 2 goals. In the league, Jones scored 2 goals for City.", False),  # two people
        (f"Smith scored {SMALL_COUNT} goals on Saturday. Jones scored {SMALL_COUNT} goals last season.", True),
        ("Smith scored 2 goals on Saturday. The striker scored 2 goals, the club said.", True),  # no second name
    ],
)
def test_small_counts_about_different_people_are_different_figures(text, repeated):
    _, rep = run(text)
    assert bool(rep.figures) == repeated


def test_sentences_about_different_times_do_not_restate():
    _, rep = run(
        "Rovers will face United in the final on May 24. Tickets go on sale Monday. "
        "Rovers last reached a final in 1998, when they lost to United."
    )
    assert rep.restatements == ()


@pytest.mark.parametrize(
    "last, restates",
    [
        ("Ferreira is not one of them.", False),  # one content term: too little to restate anything
        ("Ferreira lost nearly half his hives to the winter.", True),
    ],
)
def test_lexical_min_terms(last, restates):
    doc, rep = run(f"Ferreira, who keeps 140 hives, lost nearly half of them over the winter. Others quit. {last}")
    profile_terms = _terms.unit_terms(doc.units[-1])
    assert (len(profile_terms) >= LEXICAL_MIN_TERMS) == restates
    assert bool(rep.restatements) == restates


def test_no_character_lower_cases_to_white_space():
    # what repetition._words's short path relies on, over every code point
    import sys

    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if not c.isspace() and any(x.isspace() for x in c.lower())]


@pytest.mark.parametrize("span", [
    "The mayor spoke.",  # short path: already one space between words
    "The  mayor\nspoke.",  # double space and a newline: split and join
    "THE MAYOR \u03a3POKE \u03a3.",  # capital sigma: final-sigma lower-casing as the general form does
    "\u0130stanbul grew",  # dotted capital I lower-cases to two code points
])
def test_word_for_word_text_equals_the_general_form(span):
    assert repetition._words(span) == " ".join(span.lower().split())


def test_weights_sum_the_same_in_any_order_of_the_terms():
    # a unit's terms follow string hashes, which change from one process to the next; a plain
    # sum of these weights gives 0.6000000000000001 or 0.6 depending on the order
    import itertools

    weight = [0.1, 0.2, 0.3]  # by term number, as find_restatements keeps them
    orders = list(itertools.permutations((0, 1, 2)))
    totals = {repetition._weight_of(order, weight) for order in orders}
    assert totals == {0.6}
    shared = {repetition._similarity(frozenset((0, 1, 2)), order, weight, 1.0, 1.0) for order in orders}
    assert shared == {0.6}
    assert len({sum(weight[t] for t in order) for order in orders}) == 2  # what fsum avoids


def test_rarity_ranks_order_terms_by_document_frequency_then_by_the_term():
    # terms by number, with how many sentences hold each; "heading" is in none (a heading's alone)
    term_of = ["zeta", "alpha", "beta", "#11000", "Émile", "heading", "gamma"]
    df = [1, 2, 1, 3, 1, 0, 2]
    ranked = sorted((d, t) for t, d in zip(term_of, df) if d)
    rank = repetition._rarity_ranks(df, term_of)
    assert [rank[term_of.index(t)] for _, t in ranked] == list(range(len(ranked)))
    assert sorted((t for t, d in zip(term_of, df) if d), key=lambda t: rank[term_of.index(t)]) == [
        "beta", "zeta", "Émile", "alpha", "gamma", "#11000"]
    assert repetition._rarity_ranks([], []) == []
