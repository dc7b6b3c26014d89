"""Repetition: repeated figures, conflicts, restatements and the index, on articles written for these tests."""

import ast
from pathlib import Path

import pytest

from copydesk.scoring import repetition
from copydesk.scoring import terms as _terms
from copydesk.scoring.charclass import COMPILED
from copydesk.scoring.figures import find
from copydesk.scoring.repetition import (
    ECHO_COVER_MIN,
    ECHO_EVIDENCE,
    ECHO_KNOWN_MIN,
    ALL_KNOWN_EVIDENCE,
    ALL_KNOWN_MIN_TERMS,
    APPROXIMATE_TOLERANCE,
    CANDIDATES,
    CONTENT_MIN_TERMS,
    COVER_MIN,
    INDEX_MIN,
    KNOWN_MIN,
    NOVEL_MAX,
    NOVEL_MAX_WITH_FIGURE,
    REPORT_MIN,
    TOPIC_PREFIX,
    POSTINGS_MAX,
    RARE_TERMS,
    SMALL_COUNT,
    analyze,
    same_thing,
)
from copydesk.scoring.text import build_document
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
        "According to the budget office, the council will spend $180 million on the stadium."
    )
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]
    assert rep.restatements[0].confidence >= REPORT_MIN


def test_new_figure_first_is_news_not_a_restatement():
    _, rep = run(
        "The firm will cut 1,100 jobs. The cuts start in May. "
        "Roughly 300 of the 1,100 jobs to go are at the Austin plant."
    )
    assert rep.restatements == ()


def test_a_new_figure_beside_the_repeated_one_elaborates():
    # spec/annotation.md: a new or more precise figure makes it an elaboration
    _, rep = run(
        "Fare revenue reached $9.6 million this summer. Crowds were large. "
        "Fare revenue was $9.6 million, up 12% from last summer."
    )
    assert rep.restatements == ()


def test_paraphrase_without_figures_restates():
    _, rep = run(
        "No summer in the history of the city ferry system has been busier than this one. "
        "Officials plan new routes next spring. "
        "This was the busiest summer the city ferry system has ever had."
    )
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]
    assert rep.restatements[0].similarity >= COVER_MIN


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
    assert all(r.similarity >= COVER_MIN for r in rep.restatements)


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
    confident = [r for r in rep.restatements if r.confidence >= INDEX_MIN]
    assert rep.index == pytest.approx(len(confident) / len(doc.units), abs=1e-4)
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
    # Each unit reads at most RARE_TERMS postings lists, POSTINGS_MAX deep, and measures CANDIDATES.
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
    assert "index = confident restated units / all units" in (ast.get_docstring(ast.parse(source)) or "")


# --- labelled articles written for these tests (tests/data/repetition, spec/annotation.md format) ---

LABELLED = sorted((Path(__file__).resolve().parent.parent / "data" / "repetition").glob("*.json"))
# Floors on the labelled articles as a whole: restated units and repeated-figure pairs,
# matched by unit span as eval/score.py does. Below them a change has lost real cases.
# The restated floor was 0.85 before the tightened definition (docs/annotation.md): r02's
# units 9 and 11, which add a record and a date, were relabelled as elaborations; r04's two
# are paraphrases beyond the synonym table ("opened its doors again", "on the second floor"
# for "moved upstairs") and r03's unit 9 adds new words. Today's figure is 0.60.
LABELLED_RESTATED_F1_MIN = 0.55
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


def test_labelled_articles_exist_and_most_restate_something():
    # r02 restates nothing under the tightened definition: it stays for its figures and as copy the index must leave at 0
    restating = [path.name for path in LABELLED if any(u.get("restates") is not None for u in read_labelled(path)[2])]
    assert len(LABELLED) >= 4 and len(restating) >= 3, restating


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
def test_content_min_terms(last, restates):
    doc, rep = run(f"Ferreira, who keeps 140 hives, lost nearly half of them over the winter. Others quit. {last}")
    profile_terms = _terms.unit_terms(doc.units[-1])
    assert (len(profile_terms) >= CONTENT_MIN_TERMS) == restates
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
    assert len({sum(weight[t] for t in order) for order in orders}) == 2  # what fsum avoids


def test_rarity_ranks_order_terms_by_document_frequency_then_by_first_use():
    # terms by number (the order the article first uses them), with how many sentences hold
    # each; "heading" is in none (a heading's alone) and is never ranked
    term_of = ["zeta", "alpha", "beta", "#11000", "Émile", "heading", "gamma"]
    df = [1, 2, 1, 3, 1, 0, 2]
    rank = repetition._rarity_ranks(df)
    held = [k for k, d in enumerate(df) if d]
    assert sorted(held, key=rank.__getitem__) == sorted(held, key=lambda k: (df[k], k))
    assert [term_of[k] for k in sorted(held, key=rank.__getitem__)] == ["zeta", "beta", "Émile", "alpha", "gamma", "#11000"]
    assert sorted(rank[k] for k in held) == list(range(len(held)))
    assert repetition._rarity_ranks([]) == []


# --- the spec's restatement test: must flag / must pass (examples written for these tests) ---


@pytest.mark.parametrize(
    "text",
    [
        # only a source added
        "Floods closed the Elm Street bridge on Monday. Traffic was diverted to Route 9. "
        "Police said floods closed the Elm Street bridge on Monday.",
        # an echo quote: the speaker's voice and a hedge are framing
        "The county tomato harvest has been poor so far, farm adviser Ann Lee said. Markets remain open. "
        '"We are having a fairly poor tomato harvest," Lee said.',
        # one half of an earlier unit
        "The storm knocked out power to 4,000 homes and closed two schools. Crews worked overnight. "
        "The storm knocked out power to 4,000 homes.",
        # a synonym for the same event (news_synonyms.toml: shut, close)
        "Workers shut the Dayton plant last month. Sales slowed. The Dayton plant was closed, the company said.",
    ],
)
def test_must_flag_a_unit_that_adds_nothing(text):
    _, rep = run(text)
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]
    assert rep.restatements[0].confidence >= INDEX_MIN and rep.index > 0


@pytest.mark.parametrize(
    "text",
    [
        # an assessment the article had not made ("remarkable" is the speaker's point, not framing)
        "Firefox gained market share this year. Rivals lost ground. The rise of Firefox has been remarkable, an analyst said.",
        # the same figure with a new predicate (NOVEL_MAX_WITH_FIGURE; "mentor" is no verb class
        # the figure grouping compared, so it counts as new)
        "The city hired 40 teachers this fall. Parents cheered. The 40 teachers will mentor struggling readers.",
        # a question is not a claim
        "Floods closed the Elm Street bridge on Monday. Traffic was diverted. Did floods close the Elm Street bridge on Monday?",
        # a new event or consequence (terms.EVENT_TERMS)
        "Floods closed the bridge. Traffic was diverted. After the bridge closed, the mayor resigned.",
        # a more precise figure
        "About 130 people were hurt in the crash. Roads were closed. 128 people were hurt in the crash, five of them seriously.",
        # a date
        "The council approved the budget. Debate was long. The council approved the budget on June 3.",
        # emphatic repetition inside one quotation
        '"We will rebuild the old library. We will rebuild the old library," the mayor said.',
        # a new name
        "The company plans to close its office in Denver. Shares fell. The company plans to close its office in Dublin.",
        # the same number about a different thing (TOPIC_PREFIX: what the unit is about is new)
        "Prices rose 2.9% in March. Rents were flat. Wages rose 2.9% in the year to March.",
    ],
)
def test_must_pass_a_unit_that_adds_something(text):
    _, rep = run(text)
    assert rep.restatements == () and rep.index == 0.0


def test_novel_max_lets_a_few_new_words_pass_and_no_more():
    base = "The city ferries carried record crowds this summer. Fares held. "
    _, few = run(base + "The city ferries carried record crowds this summer, officials said.")
    many = " ".join(["blue", "quiet", "northern", "wooden", "tired"][: NOVEL_MAX + 1])
    _, more = run(base + f"The {many} city ferries carried record crowds this summer.")
    assert [r.unit for r in few.restatements] == [2]
    assert more.restatements == ()


def test_the_index_stays_zero_on_copy_that_does_not_repeat_itself():
    _, rep = run(
        "Harlow council approved a $4 million library on Tuesday. The vote was 7-2. "
        "Construction starts in May, the planning office said. The old branch will close in June. "
        "Residents had asked for longer opening hours."
    )
    assert rep.restatements == () and rep.index == 0.0


def test_source_terms_are_set_aside():
    doc = build_document('Liberal spokeswoman Ann Lee said: "Mothers want the pay." It is fast, said Tom Ray, an analyst.')
    memo = [None] * doc.lexemes
    for u in doc.units:
        _terms.unit_profile(u, (), memo)
    first, second = doc.units
    assert {"lee", "ann", "liberal"} <= _terms.source_terms(first, list(doc.quotes), memo)
    assert "want" not in _terms.source_terms(first, list(doc.quotes), memo)
    assert {"tom", "ray", "analyst"} <= _terms.source_terms(second, list(doc.quotes), memo)


def test_synonyms_and_framing():
    assert _terms.term("shut") == _terms.term("closed") == _terms.term("closure")
    assert _terms.term("takeover") == _terms.term("acquired")
    assert _terms.term("declined") != "=refuse"  # a word figures_referents.toml classes keeps its class
    assert "fairly" in _terms.FRAMING and "fairly" in _terms.STOPWORDS
    assert _terms.term("resigned") in _terms.EVENT_TERMS and "killed" in _terms.EVENT_TERMS


SHARED_REAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "real"


@pytest.mark.skipif(not SHARED_REAL.is_dir(), reason="../shared/eval/real (the real labelled articles) is absent")
def test_precision_first_on_real_published_copy():
    # read from ../shared only; never copied into the repository
    import json

    tp = fp = 0
    for path in sorted(SHARED_REAL.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text, spans, gold = read_labelled(path)
        del data
        doc, rep = run(text)
        to_gold = {u.index: _gold_unit(u, spans) for u in doc.units}
        labelled = {i for i, u in enumerate(gold) if u.get("restates") is not None}
        found = {to_gold[r.unit] for r in rep.restatements}
        tp += len(found & labelled)
        fp += len(found - labelled)
        if not labelled:
            assert rep.index == 0.0, path.name  # copy that does not repeat itself
    assert tp + fp == 0 or tp / (tp + fp) >= 0.9


def test_topic_prefix_reads_two_forms_of_one_word_as_one_topic():
    # "kindergartners" and "kindergarten" share their first TOPIC_PREFIX letters: one topic
    assert "kindergartners"[:TOPIC_PREFIX] == "kindergarten"[:TOPIC_PREFIX]
    _, rep = run(
        "The county's vaccination rate for kindergartners has fallen to 88 percent. Clinics opened. "
        "Kindergarten vaccination in the county has dropped to 88 percent."
    )
    assert [r.unit for r in rep.restatements] == [2]


def test_known_min_is_the_share_already_stated(monkeypatch):
    assert 0.0 < KNOWN_MIN < 1.0 and NOVEL_MAX <= NOVEL_MAX_WITH_FIGURE
    # two new words, few but heavy: less than KNOWN_MIN of the unit was said before
    text = "The ferry carried 2 million passengers this summer. Fares held. The 2 million passengers were rowdy drunks."
    assert run(text)[1].restatements == ()
    if COMPILED:
        return  # mypyc reads Final constants as C values, so the patch below runs in the pure-Python build (CI runs both)
    monkeypatch.setattr(repetition, "KNOWN_MIN", 0.0)
    assert [r.unit for r in run(text)[1].restatements] == [2]

def test_figure_evidence_lifts_a_repeated_figure_over_the_threshold(monkeypatch):
    # "2,000,000 riders" is "2 million passengers" (same value, same thing): the figure is the fact
    text = (
        "The city ferries carried 2 million passengers and took in $9.6 million in fares between June 1 and Aug. 31, "
        "the harbor commission said. Crowds were large. A total of 2,000,000 riders boarded at the piers."
    )
    (found,) = run(text)[1].restatements
    assert found.unit == 2 and found.confidence >= REPORT_MIN
    if COMPILED:
        return  # mypyc reads Final constants as C values, so the patch below runs in the pure-Python build (CI runs both)
    monkeypatch.setattr(repetition, "FIGURE_EVIDENCE", 0.0)
    assert run(text)[1].restatements == ()  # by its words alone, too much is new


def test_documents_and_citations_are_sources_too():
    doc = build_document(
        "The survey showed that most people keep numbers only in their phones. "
        "The agency confirmed the death, citing information from a hospital, and closed the case."
    )
    memo = [None] * doc.lexemes
    for u in doc.units:
        _terms.unit_profile(u, (), memo)
    first, second = doc.units
    assert "survey" in _terms.source_terms(first, [], memo)
    source = _terms.source_terms(second, [], memo)
    assert {"agency", "hospital", "information"} <= source and "=close" not in source  # "citing" stops at the comma


@pytest.mark.parametrize(
    "text, source",
    [
        ('"It will close," said the mayor.', {"mayor"}),
        ('"It will close," the mayor said.', {"mayor"}),
        ("The bridge will close, said Jane Smith, the mayor.", {"jan", "smith", "mayor"}),
        # a subject and its appositive opening the unit (terms._pick_appositive)
        ("Jane Smith, the mayor, said the bridge would close.", {"jan", "smith", "mayor"}),
        # a comma before the verb with no appositive and no name after it: nothing is read as the
        # source rather than risk setting the news aside
        ("The bridge would close, said the mayor's office.", set()),
    ],
)
def test_source_before_or_after_its_verb(text, source):
    doc = build_document(text)
    memo = [None] * doc.lexemes
    _terms.unit_profile(doc.units[0], (), memo)
    assert set(_terms.source_terms(doc.units[0], list(doc.quotes), memo)) == source


def test_a_long_run_of_reporting_verbs_is_read_in_linear_time():
    # each verb reads at most SOURCE_MAX_TOKENS words back (no quadratic walk; bench/, not a
    # timed assertion, measures it): only the first "said" is near enough to "Jane Smith"
    doc = build_document("Jane Smith " + "said " * 20000 + "it.")
    memo = [None] * doc.lexemes
    _terms.unit_profile(doc.units[0], (), memo)
    assert set(_terms.source_terms(doc.units[0], [], memo)) == {"jan", "smith"}


def test_a_repeated_figure_holds_its_verb_in_other_words():
    # "paid $9.6 million" is "took in $9.6 million in fares" (group_figures: one figure), so
    # "paid" counts as held by the earlier sentence, not as a word it lacks
    _, rep = run(
        "The city ferries carried 2 million passengers and took in $9.6 million in fares this summer, "
        "the commission said. Crowds were large. Riders paid $9.6 million to cross the lake this summer."
    )
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]


# --- kinds: a general word after a specific one (news_synonyms.toml, [kinds]) ---------------


def test_kinds_map_specific_words_to_their_general_word():
    assert _terms.KINDS[_terms.term("ferries")] == _terms.term("boats") == _terms.term("vessel")
    assert _terms.KINDS[_terms.term("summer")] == _terms.term("season")
    assert _terms.term("season") not in _terms.KINDS  # the general word implies no kind


@pytest.mark.parametrize(
    "text",
    [
        "No summer in the history of the Harlow ferry service has been busier. Fares rose. "
        "Harlow has never had a busier ferry season.",
        "Soldiers guarded the Harlow bridge overnight, the ministry said. Talks stalled. "
        "The Harlow bridge was under military guard overnight.",
    ],
)
def test_must_flag_a_general_word_after_its_kind(text, monkeypatch):
    _, rep = run(text)
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]
    if COMPILED:
        return  # mypyc reads Final constants as C values, so the patch below runs in the pure-Python build (CI runs both)
    monkeypatch.setattr(_terms, "KINDS", {})
    assert run(text)[1].restatements == ()  # the general word alone was new


@pytest.mark.parametrize(
    "text",
    [
        # "the ferries" after "the boats" says which boats: the implication runs one way only
        "The boats of the Harlow service carried record crowds. Fares rose. The Harlow ferries carried record crowds.",
        "The military guarded the Harlow bridge overnight, the ministry said. Talks stalled. "
        "Soldiers guarded the Harlow bridge overnight.",
    ],
)
def test_must_pass_a_kind_after_its_general_word(text):
    assert run(text)[1].restatements == ()


def test_indefinite_pronouns_and_hedges_of_quantity_carry_no_content():
    for word in ("something", "nobody", "approximately", "roughly", "substantial", "primarily"):
        assert word in _terms.STOPWORDS, word


# --- the speaker's feelings and expectations are framing (stopwords_en.toml, framing) -------

_WALK = "A walking program cut clinic visits by 12% in a year, the health department said. Staff trained for months. "


def test_must_flag_an_echo_quote_wrapped_in_the_speakers_feelings():
    assert {"surprised", "expected", "hoped", "disappointed"} <= _terms.FRAMING
    _, rep = run(_WALK + '"We were surprised that the program cut clinic visits by 12%," the director said.')
    assert [(r.unit, r.restates) for r in rep.restatements] == [(2, 0)]


def test_must_pass_a_feeling_around_a_new_event():
    _, rep = run(_WALK + '"We were surprised that the program cut clinic visits by 12% and closed two wards," the director said.')
    assert rep.restatements == ()


# --- nothing new at all (ALL_KNOWN_EVIDENCE, ALL_KNOWN_MIN_TERMS) -----------------------------

_FOOD_BANK = (
    "Many families depend on the Harlow food bank, the charity said. Its shelves run bare every winter. "
    "Families have become reliant on the food bank and its bare shelves in winter."
)


def test_newsroom_synonyms_read_as_one_term():
    assert _terms.term("reliant") == _terms.term("depend") == _terms.term("dependence")
    assert _terms.term("postponed") == _terms.term("delay")
    assert _terms.term("legislation") == _terms.term("law")
    assert _terms.term("suspended") in _terms.EVENT_TERMS  # halting something is an event


def test_must_flag_a_unit_whose_every_term_was_said_across_earlier_units(monkeypatch):
    # one earlier sentence holds only part of it (cover about 0.57), the next one the rest
    (found,) = run(_FOOD_BANK)[1].restatements
    assert (found.unit, found.restates) == (2, 0) and found.confidence >= REPORT_MIN
    assert found.similarity < REPORT_MIN  # by its cover alone it would not be reported
    if COMPILED:
        return  # mypyc reads Final constants as C values, so the patch below runs in the pure-Python build (CI runs both)
    monkeypatch.setattr(repetition, "ALL_KNOWN_EVIDENCE", 0.0)
    assert run(_FOOD_BANK)[1].restatements == ()


def test_must_pass_a_short_unit_of_known_words():
    # two known terms prove too little: fewer than ALL_KNOWN_MIN_TERMS, no lift
    assert ALL_KNOWN_MIN_TERMS > 2 and 0.0 < ALL_KNOWN_EVIDENCE < 1.0
    _, rep = run(
        "The county paid the contractor in cash, the auditor said. The contractor used the grant on trucks. "
        '"I cannot tell you what the money was used for," the clerk said.'
    )
    assert rep.restatements == () and rep.index == 0.0


# --- a hedge or an expectation asserts nothing a later fact restates (terms.HEDGES) ---------


@pytest.mark.parametrize(
    "text",
    [
        "The bridge will probably reopen on Monday. Work is slow. The bridge reopened on Monday.",
        "The council hopes to open the library in May. Work is slow. The council opened the library in May.",
    ],
)
def test_must_pass_a_fact_after_its_hedged_forecast(text):
    assert {"probably", "hopes", "expected", "may"} <= _terms.HEDGES
    assert run(text)[1].restatements == ()


@pytest.mark.parametrize(
    "text",
    [
        # the hedge is set aside in the later unit: it says nothing new
        "The bridge reopened on Monday. Work is slow. The bridge will probably reopen on Monday, officials said.",
        # "May" with a capital is the month, not a hedge
        "The council opened the library in May. Work is slow. The library was opened by the council in May.",
    ],
)
def test_must_flag_a_hedged_unit_after_the_fact(text):
    assert [(r.unit, r.restates) for r in run(text)[1].restatements] == [(2, 0)]


# --- echo quotes: the source of an earlier report says it again (ECHO_*) ----------------------

_GREEN = (
    "The Green Party said the new school budget was misdirected. Parents marched on the town hall. "
    "Teachers want smaller classes. "
)


def test_must_flag_an_echo_quote_by_the_source_of_the_report(monkeypatch):
    assert 0.0 < ECHO_COVER_MIN < 1.0 and 0.0 < ECHO_KNOWN_MIN < 1.0 and 0.0 < ECHO_EVIDENCE < 1.0
    text = _GREEN + 'Green Party spokeswoman Ann Lee said: "While parents want smaller classes, the Green Party feels the school budget is misdirected."'
    (found,) = run(text)[1].restatements
    assert (found.unit, found.restates) == (3, 0) and found.confidence >= REPORT_MIN
    if COMPILED:
        return  # mypyc reads Final constants as C values, so the patch below runs in the pure-Python build (CI runs both)
    monkeypatch.setattr(repetition, "ECHO_EVIDENCE", 0.0)
    assert run(text)[1].restatements == ()  # by its words alone it is not sure enough


@pytest.mark.parametrize(
    "tail",
    [
        # another speaker: not an echo of the party's report
        'Labour councillor Tom Ray said: "While parents want smaller classes, the Green Party feels the school budget is misdirected."',
        # a pronoun points back only to the unit just before, which names no source
        '"While parents want smaller classes, the Green Party feels the school budget is misdirected," she said.',
        # an echo that adds an event is news
        'Green Party spokeswoman Ann Lee said: "The school budget is misdirected and will close two libraries."',
    ],
)
def test_must_pass_a_quote_that_is_no_echo(tail):
    assert run(_GREEN + tail)[1].restatements == ()


@pytest.mark.parametrize(
    ("last", "restates"),
    [
        # a reporting verb in the passive is what happened, not who says so: the words before it stay content
        ("The council closed the bridge after a crack was found.", True),
        ("On Monday the council closed the bridge after a crack was later found.", True),
        # an active reporting verb still sets its source aside
        ("Engineers said the council closed the bridge after a crack was found.", True),
        # and a passive does not hide new content: the pier is news
        ("The council closed the pier after a crack was found.", False),
    ],
)
def test_a_passive_reporting_verb_is_not_a_source(last, restates):
    assert _terms.PASSIVE_GAP == 1 and "was" in _terms.PASSIVE_AUXILIARIES
    text = f"The council closed the bridge on Monday after a crack was found. Drivers now take the ring road. {last}"
    assert bool(run(text)[1].restatements) == restates
