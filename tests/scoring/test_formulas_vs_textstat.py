"""Fed the same counts, our formulas give textstat 0.7.13's values, except the documented deviations.

textstat's metric functions read their counts through helpers imported into each metric's
module; the tests replace those helpers with our counts and call the undecorated function
(`__wrapped__`, past its lru_cache). Nothing here needs NLTK's CMUdict, so nothing downloads.
"""

from __future__ import annotations

import importlib

import pytest

from copydesk.scoring import formulas

textstat_metrics = pytest.importorskip("textstat.backend.metrics")

# (words, sentences, syllables, letters, characters, polysyllables, monosyllables,
#  long_words, difficult_words, complex_words, mini_words)
COUNTS = [
    dict(W=677, S=26, Sy=1275, L=3799, C=3822, P=178, M=343, Lo=242, D=220, X=108, Mi=192),  # the seed
    dict(W=12, S=1, Sy=15, L=50, C=52, P=1, M=10, Lo=2, D=3, X=1, Mi=6),  # one short sentence
    dict(W=250, S=20, Sy=340, L=1050, C=1061, P=20, M=180, Lo=40, D=10, X=12, Mi=110),  # plain prose
]


def const(value):
    return lambda *args, **kwargs: value


# id -> (textstat module, function, args after the text, patches(c), ours(c), ours - textstat(c))
CASES = {
    "flesch_reading_ease": (
        "_flesch_reading_ease", "flesch_reading_ease", ("en",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.flesch_reading_ease(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    "flesch_kincaid_grade": (
        "_flesch_kincaid_grade", "flesch_kincaid_grade", ("en",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.flesch_kincaid_grade(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    "gunning_fog": (
        "_gunning_fog", "gunning_fog", ("en",),
        lambda c: {"count_difficult_words": c["X"], "count_words": c["W"], "words_per_sentence": c["W"] / c["S"]},
        lambda c: formulas.gunning_fog(c["W"], c["S"], c["X"]), lambda c: 0.0,
    ),
    "smog": (
        "_smog_index", "smog_index", ("en",),
        lambda c: {"count_sentences": c["S"], "count_polysyllable_words": c["P"]},
        lambda c: formulas.smog(c["S"], c["P"]), lambda c: 0.0,
    ),
    # Deviation: Coleman & Liau (1975) print 0.0588; textstat uses 0.058.
    "coleman_liau": (
        "_coleman_liau_index", "coleman_liau_index", (),
        lambda c: {"letters_per_word": c["L"] / c["W"], "sentences_per_word": c["S"] / c["W"]},
        lambda c: formulas.coleman_liau(c["W"], c["S"], c["L"]), lambda c: 0.0008 * 100 * c["L"] / c["W"],
    ),
    # Same formula; the deviation is in the count (we leave punctuation out of characters).
    "automated_readability_index": (
        "_automated_readability_index", "automated_readability_index", (),
        lambda c: {"chars_per_word": c["C"] / c["W"], "words_per_sentence": c["W"] / c["S"]},
        lambda c: formulas.automated_readability_index(c["W"], c["S"], c["C"]), lambda c: 0.0,
    ),
    "dale_chall": (
        "_dale_chall_readability_score", "dale_chall_readability_score", ("en",),
        lambda c: {"count_words": c["W"], "count_difficult_words": c["D"], "words_per_sentence": c["W"] / c["S"]},
        lambda c: formulas.dale_chall(c["W"], c["S"], c["D"]), lambda c: 0.0,
    ),
    "spache": (
        "_spache_readability", "spache_readability", ("en",),
        lambda c: {"count_words": c["W"], "count_difficult_words": c["D"], "words_per_sentence": c["W"] / c["S"]},
        lambda c: formulas.spache(c["W"], c["S"], c["D"]), lambda c: 0.0,
    ),
    "mcalpine_eflaw": (
        "_mcalpine_eflaw", "mcalpine_eflaw", (),
        lambda c: {"count_words": c["W"], "count_sentences": c["S"], "count_miniwords": c["Mi"]},
        lambda c: formulas.mcalpine_eflaw(c["W"], c["S"], c["Mi"]), lambda c: 0.0,
    ),
    "fernandez_huerta": (
        "_fernandez_huerta", "fernandez_huerta", ("es",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.fernandez_huerta(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    # Deviation: Szigriszt Pazos (1993) starts from 206.835; textstat reuses Fernández Huerta's 206.84.
    "szigriszt_pazos": (
        "_szigriszt_pazos", "szigriszt_pazos", ("es",),
        lambda c: {"count_syllables": c["Sy"], "count_words": c["W"], "count_sentences": c["S"]},
        lambda c: formulas.szigriszt_pazos(c["W"], c["S"], c["Sy"]), lambda c: -0.005,
    ),
    "gutierrez_polini": (
        "_gutierrez_polini", "gutierrez_polini", (),
        lambda c: {"letters_per_word": c["L"] / c["W"], "words_per_sentence": c["W"] / c["S"]},
        lambda c: formulas.gutierrez_polini(c["W"], c["S"], c["L"]), lambda c: 0.0,
    ),
    "crawford": (
        "_crawford", "crawford", ("es",),
        lambda c: {"sentences_per_word": c["S"] / c["W"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.crawford(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    "wiener_sachtextformel": (
        "_wiener_sachtextformel", "wiener_sachtextformel", (1, "de"),
        lambda c: {"count_words": c["W"], "count_polysyllable_words": c["P"], "words_per_sentence": c["W"] / c["S"],
                   "count_long_words": c["Lo"], "count_monosyllable_words": c["M"]},
        lambda c: formulas.wiener_sachtextformel(c["W"], c["S"], c["P"], c["Lo"], c["M"]), lambda c: 0.0,
    ),
    # Same formula fed letters; textstat's own count takes every non-space character.
    "gulpease": (
        "_gulpease_index", "gulpease_index", (),
        lambda c: {"sentences_per_word": c["S"] / c["W"], "chars_per_word": c["L"] / c["W"]},
        lambda c: formulas.gulpease(c["W"], c["S"], c["L"]), lambda c: 0.0,
    ),
    "lix": (
        "_lix", "lix", (),
        lambda c: {"count_words": c["W"], "count_long_words": c["Lo"], "words_per_sentence": c["W"] / c["S"]},
        lambda c: formulas.lix(c["W"], c["S"], c["Lo"]), lambda c: 0.0,
    ),
    "kandel_moles": (
        "_flesch_reading_ease", "flesch_reading_ease", ("fr",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.kandel_moles(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    "amstad": (
        "_flesch_reading_ease", "flesch_reading_ease", ("de",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.amstad(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    "flesch_vacca": (
        "_flesch_reading_ease", "flesch_reading_ease", ("it",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.flesch_vacca(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
    "douma": (
        "_flesch_reading_ease", "flesch_reading_ease", ("nl",),
        lambda c: {"words_per_sentence": c["W"] / c["S"], "syllables_per_word": c["Sy"] / c["W"]},
        lambda c: formulas.douma(c["W"], c["S"], c["Sy"]), lambda c: 0.0,
    ),
}
DEVIATIONS = {"coleman_liau", "szigriszt_pazos"}


@pytest.mark.parametrize("counts", COUNTS, ids=["seed", "short", "plain"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_same_counts_same_value(case, counts, monkeypatch):
    module_name, function, args, patches, ours, deviation = CASES[case]
    module = importlib.import_module(f"textstat.backend.metrics.{module_name}")
    for name, value in patches(counts).items():
        monkeypatch.setattr(module, name, const(value))
    theirs = getattr(module, function).__wrapped__("unused text", *args)
    assert ours(counts) - theirs == pytest.approx(deviation(counts), abs=1e-9)


@pytest.mark.parametrize("case", sorted(DEVIATIONS))
def test_documented_deviations_are_real(case, monkeypatch):
    module_name, function, args, patches, ours, deviation = CASES[case]
    module = importlib.import_module(f"textstat.backend.metrics.{module_name}")
    for name, value in patches(COUNTS[0]).items():
        monkeypatch.setattr(module, name, const(value))
    theirs = getattr(module, function).__wrapped__("unused text", *args)
    assert ours(COUNTS[0]) != pytest.approx(theirs, abs=1e-6)


@pytest.mark.parametrize(
    ("syllables_per_word", "sentences"),
    [([1] * 80 + [3] * 20, 5), ([2] * 100, 4), ([1] * 50 + [4] * 50, 10), ([1] * 100, 12)],
)
def test_linsear_write_matches(syllables_per_word, sentences, monkeypatch):
    module = importlib.import_module("textstat.backend.metrics._linsear_write_formula")
    words = [f"w{i}" for i in range(len(syllables_per_word))]
    table = dict(zip(words, syllables_per_word))
    monkeypatch.setattr(module, "count_syllables", lambda word, lang: table[word])
    monkeypatch.setattr(module, "count_sentences", const(sentences))
    theirs = module.linsear_write_formula.__wrapped__(" ".join(words), "en", False, False)
    hard = sum(1 for n in syllables_per_word if n >= 3)
    ours = formulas.linsear_write(len(words) - hard, hard, sentences)
    assert ours == pytest.approx(theirs)
