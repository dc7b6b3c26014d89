"""Readability end to end: each reported score is textstat's formula fed the report's own counts; counts and verdicts pinned.

tests/scoring/test_formulas_vs_textstat.py holds formulas.py to textstat for given counts;
this file checks the wiring in readability.py, from the counts of a real report to the
value it reports (the wrong count fed to a formula passes the other test). Expected values
come from textstat 0.7.13 (the reference implementation) or from hand counts, never from
our own formulas.
"""

from __future__ import annotations

import importlib
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import pytest

from copydesk import scoring
from copydesk.scoring.options import Options
from tests.labelled import read_labelled

metrics = pytest.importorskip("textstat.backend.metrics")

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
# The seed and articles of different lengths, subjects and sourcing.
WIRED_ARTICLES = ["seed", "a02-city-budget", "b02-health-study", "c03-storm", "f04-marathon", "i01-bees-feature"]


def _const(value):
    return lambda *args, **kwargs: value


# formula id -> (textstat module, function, arguments after the text, counts -> textstat's helper values)
TEXTSTAT = {
    "flesch_reading_ease": ("_flesch_reading_ease", "flesch_reading_ease", ("en",),
                            lambda c: {"words_per_sentence": c.words / c.sentences, "syllables_per_word": c.syllables / c.words}),
    "flesch_kincaid_grade": ("_flesch_kincaid_grade", "flesch_kincaid_grade", ("en",),
                             lambda c: {"words_per_sentence": c.words / c.sentences, "syllables_per_word": c.syllables / c.words}),
    "gunning_fog": ("_gunning_fog", "gunning_fog", ("en",),
                    lambda c: {"count_difficult_words": c.complex_words, "count_words": c.words,
                               "words_per_sentence": c.words / c.sentences}),
    "smog": ("_smog_index", "smog_index", ("en",),
             lambda c: {"count_sentences": c.sentences, "count_polysyllable_words": c.polysyllables}),
    "coleman_liau": ("_coleman_liau_index", "coleman_liau_index", (),
                     lambda c: {"letters_per_word": c.letters / c.words, "sentences_per_word": c.sentences / c.words}),
    "automated_readability_index": ("_automated_readability_index", "automated_readability_index", (),
                                    lambda c: {"chars_per_word": c.characters / c.words, "words_per_sentence": c.words / c.sentences}),
    "dale_chall": ("_dale_chall_readability_score", "dale_chall_readability_score", ("en",),
                   lambda c: {"count_words": c.words, "count_difficult_words": c.difficult_words,
                              "words_per_sentence": c.words / c.sentences}),
    "spache": ("_spache_readability", "spache_readability", ("en",),
               lambda c: {"count_words": c.words, "count_difficult_words": c.difficult_words,
                          "words_per_sentence": c.words / c.sentences}),
    "mcalpine_eflaw": ("_mcalpine_eflaw", "mcalpine_eflaw", (),
                       lambda c: {"count_words": c.words, "count_sentences": c.sentences, "count_miniwords": c.mini_words}),
}
# Where we follow the publication and textstat does not: Coleman & Liau (1975) print 0.0588
# for the letters term, textstat 0.058 (so ours is 0.0008 L higher, L letters per 100 words).
DEVIATION = {"coleman_liau": lambda c: 0.0008 * 100 * c.letters / c.words}


def textstat_value(formula_id: str, counts) -> float:
    """textstat's value of the formula, its count helpers answering with `counts`."""
    module_name, function, args, helpers = TEXTSTAT[formula_id]
    module = importlib.import_module(f"textstat.backend.metrics.{module_name}")
    with ExitStack() as stack:
        for name, value in helpers(counts).items():
            stack.enter_context(mock.patch.object(module, name, _const(value)))
        value = getattr(module, function).__wrapped__("unused text", *args)
    return value + DEVIATION.get(formula_id, lambda c: 0.0)(counts)


def article_report(name: str, options: Options | None = None):
    text, _, _ = read_labelled(ARTICLES / f"{name}.json")
    return scoring.analyze(text, options=options or Options(language="en"))


@pytest.mark.parametrize("name", WIRED_ARTICLES)
def test_each_reported_score_is_textstat_fed_the_reports_counts(name):
    readability = article_report(name).readability
    counts = readability.counts
    scores = {s.id: s.value for s in readability.scores}
    assert set(TEXTSTAT) <= set(scores)
    for formula_id in TEXTSTAT:
        assert scores[formula_id] == pytest.approx(textstat_value(formula_id, counts), abs=0.006), formula_id


@pytest.mark.parametrize("name", WIRED_ARTICLES)
def test_the_counts_that_tell_formulas_apart_differ_in_each_article(name):
    # else the test above could not tell one count fed for another
    c = article_report(name).readability.counts
    assert c.letters != c.characters
    assert c.complex_words != c.polysyllables
    assert c.difficult_words != c.complex_words
    assert c.mini_words != c.long_words


# --- counts pinned by hand -------------------------------------------------------------------
# "The committee approved the new budget. Residents celebrated downtown."
#   words: 6 + 3 = 9; sentences: 2; letters = characters (no digits, punctuation not counted):
#   3+9+8+3+3+6 + 9+10+8 = 59.
#   syllables (CMUdict): the 1, committee 3, approved 2, the 1, new 1, budget 2, residents 3,
#   celebrated 4, downtown 2 = 19. monosyllables: the, the, new = 3; polysyllables (3+):
#   committee, residents, celebrated = 3.
#   long words (7+ letters, Björnsson): committee, approved, residents, celebrated, downtown = 5;
#   mini words (3 letters or fewer, McAlpine): the, the, new = 3.
#   complex (Gunning): committee, residents, celebrated (celebrated has 4 syllables, so -ed
#   does not exempt it) = 3; the first word of a sentence is not a name.
#   difficult (Dale-Chall): not on the list of familiar words (data/easy_words_en.toml) nor a
#   regular inflection of one: committee, approved, budget, residents, celebrated = 5.
PINNED_TEXT = "The committee approved the new budget. Residents celebrated downtown."
PINNED_COUNTS = dict(paragraphs=1, headings=0, sentences=2, words=9, letters=59, characters=59, syllables=19,
                     monosyllables=3, polysyllables=3, long_words=5, difficult_words=5, complex_words=3, mini_words=3)


def test_hand_counted_text():
    counts = scoring.analyze(PINNED_TEXT, options=Options(language="en")).readability.counts
    assert {k: getattr(counts, k) for k in PINNED_COUNTS} == PINNED_COUNTS


@pytest.mark.parametrize(
    ("text", "field", "expected", "why"),
    [
        ("Shops reopen today after storms.", "long_words", 0, "six letters (reopen, storms) is not long: LIX counts 7+"),
        ("Shops reopened today after storms.", "long_words", 1, "reopened has 8 letters"),
        ("Voters back the plan.", "mini_words", 1, "the: 3 letters is a mini word; back and plan have 4"),
        ("Voters in it back us.", "mini_words", 3, "in, it, us"),
        ("Officials banned the fireworks.", "polysyllables", 1, "officials has 3 syllables; fireworks 2"),
        ("Officials banned the fireworks.", "complex_words", 1, "officials: 3 syllables, no Gunning ending"),
        ("Crowds gathered in Washington yesterday.", "complex_words", 1,
         "Washington is a name (a capital inside the sentence); yesterday has 3 syllables"),
        ("Washington gathered crowds yesterday.", "complex_words", 2, "the first word of a sentence is not taken for a name"),
        ("A well-established firm left.", "complex_words", 0, "hyphenated compounds are never complex (Gunning)"),
        ("Engineers were repeating tests.", "complex_words", 1,
         "repeating: 3 syllables only by -ing (repeat has 2), exempt; engineers has 3 and is complex"),
    ],
)
def test_word_classes_at_their_edges(text, field, expected, why):
    counts = scoring.analyze(text, options=Options(language="en")).readability.counts
    assert getattr(counts, field) == expected, why


# --- Dale-Chall at exactly 5% unfamiliar words ------------------------------------------------
# 20 words, one sentence, one unfamiliar word ("referendum"): PDW = 5.0, not over 5, so no
# 3.6365 adjustment: 0.1579 * 5 + 0.0496 * 20 = 1.7815 (Dale & Chall 1948's arithmetic).
AT_FIVE_PERCENT = ("The town will hold a referendum next week and the people who live here can all go "
                   "out to vote.")
# The same with one word less: 1/19 = 5.26% is over 5, and the adjustment applies.
OVER_FIVE_PERCENT = "The town will hold a referendum next week and the people who live here can all go to vote."


def test_dale_chall_at_exactly_five_percent_unfamiliar_words_has_no_adjustment():
    readability = scoring.analyze(AT_FIVE_PERCENT, options=Options(language="en")).readability
    counts = readability.counts
    assert (counts.words, counts.sentences, counts.difficult_words) == (20, 1, 1)
    value = next(s.value for s in readability.scores if s.id == "dale_chall")
    assert value == pytest.approx(1.7815, abs=0.006)
    assert value == pytest.approx(textstat_value("dale_chall", counts), abs=0.006)


def test_dale_chall_one_word_past_five_percent_is_adjusted():
    readability = scoring.analyze(OVER_FIVE_PERCENT, options=Options(language="en")).readability
    counts = readability.counts
    assert (counts.words, counts.sentences, counts.difficult_words) == (19, 1, 1)
    value = next(s.value for s in readability.scores if s.id == "dale_chall")
    # 0.1579 * 100/19 + 0.0496 * 19 + 3.6365 = 5.4100
    assert value == pytest.approx(5.4100, abs=0.006)
    assert value == pytest.approx(textstat_value("dale_chall", counts), abs=0.006)


# --- verdicts: each profile's own thresholds ------------------------------------------------
# data/profiles.toml, restated as what an editor was promised: green up to the first grade,
# amber up to the second, red above.
THRESHOLDS = {"news": (9.0, 12.0), "feature": (10.0, 13.0), "explainer": (8.0, 11.0)}


def expected_verdict(profile: str, grade: float) -> str:
    green, amber = THRESHOLDS[profile]
    return "green" if grade <= green else "amber" if grade <= amber else "red"


@pytest.mark.parametrize("profile", sorted(THRESHOLDS))
@pytest.mark.parametrize(
    "grade",
    [7.9, 8.0, 8.01, 8.5, 9.0, 9.01, 9.5, 10.0, 10.01, 10.5, 11.0, 11.01, 11.5, 12.0, 12.01, 12.5, 13.0, 13.01, 20.0],
)
def test_profile_verdict_at_and_past_each_threshold(profile, grade):
    from copydesk.scoring.profiles import get

    assert get(profile).verdict(grade) == expected_verdict(profile, grade)


def test_verdicts_differ_between_profiles_for_grades_between_their_thresholds():
    from copydesk.scoring.profiles import get

    # 9.5: over news' green (9) and explainer's (8), inside feature's (10)
    assert [get(p).verdict(9.5) for p in ("news", "feature", "explainer")] == ["amber", "green", "amber"]
    # 12.5: red for news and explainer, amber for feature
    assert [get(p).verdict(12.5) for p in ("news", "feature", "explainer")] == ["red", "amber", "red"]
    # 8.5: green for news and feature, amber for explainer
    assert [get(p).verdict(8.5) for p in ("news", "feature", "explainer")] == ["green", "green", "amber"]


@pytest.mark.parametrize("name", WIRED_ARTICLES)
def test_reported_verdicts_follow_the_requested_profile(name):
    by_profile = {}
    for profile in THRESHOLDS:
        readability = article_report(name, Options(language="en", profile=profile)).readability
        assert readability.profile == profile
        by_profile[profile] = {s.id: s.verdict for s in readability.scores}
    # the grade-scale scores are school grades: each verdict is the profile's for that grade
    news = article_report(name).readability
    for s in news.scores:
        if s.scale == "grade" and s.verdict is not None and s.value >= 1:
            grade = s.value
            for profile in THRESHOLDS:
                if abs(grade - THRESHOLDS[profile][0]) > 0.05 and abs(grade - THRESHOLDS[profile][1]) > 0.05:
                    assert by_profile[profile][s.id] == expected_verdict(profile, grade), (profile, s.id, grade)


def test_some_article_scores_fall_between_profiles_thresholds():
    # else the verdict test above could not tell one profile from another
    differing = 0
    for name in WIRED_ARTICLES:
        verdicts = [
            tuple(s.verdict for s in article_report(name, Options(language="en", profile=p)).readability.scores)
            for p in THRESHOLDS
        ]
        differing += len(set(verdicts)) > 1
    assert differing >= 3


# --- the consensus grade ------------------------------------------------------------------------
# The median school grade of the formulas made for general prose; Spache (primary grades) and
# McAlpine EFLAW (its own scale) stay out, as readability.py's formula table documents.
CONSENSUS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
             "automated_readability_index", "dale_chall", "linsear_write")


@pytest.mark.parametrize("name", WIRED_ARTICLES)
def test_consensus_grade_is_the_median_of_the_named_formulas(name):
    import statistics

    from copydesk.scoring import bands

    readability = article_report(name).readability
    grade_of = {"flesch_reading_ease": lambda v: bands.flesch_ease(v)[1], "dale_chall": lambda v: bands.dale_chall(v)[1]}
    grades = [grade_of.get(s.id, lambda v: v)(s.value) for s in readability.scores if s.id in CONSENSUS]
    assert len(grades) == len(CONSENSUS)
    # scores are reported to 2 decimals, the grade to 1
    assert readability.grade == pytest.approx(statistics.median(grades), abs=0.06)


def test_the_formulas_left_out_of_the_consensus_would_move_it():
    # else the test above could not tell them apart: Spache and EFLAW grade the seed far from the median
    readability = article_report("seed").readability
    values = {s.id: s.value for s in readability.scores}
    assert abs(values["spache"] - readability.grade) > 2 and abs(values["mcalpine_eflaw"] - readability.grade) > 2
