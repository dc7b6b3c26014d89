"""The formulas: hand-computed values, the empty-text guards, and the bands that explain them."""

import math

import pytest

from copydesk.scoring import bands, formulas


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # 100 words, 5 sentences, 150 syllables: 206.835 - 1.015 * 20 - 84.6 * 1.5
        (formulas.flesch_reading_ease(100, 5, 150), 206.835 - 20.3 - 126.9),
        (formulas.flesch_kincaid_grade(100, 5, 150), 0.39 * 20 + 11.8 * 1.5 - 15.59),
        (formulas.gunning_fog(100, 5, 10), 0.4 * (20 + 10)),
        (formulas.smog(30, 30), 1.0430 * math.sqrt(30) + 3.1291),
        (formulas.coleman_liau(100, 5, 450), 0.0588 * 450 - 0.296 * 5 - 15.8),
        (formulas.automated_readability_index(100, 5, 470), 4.71 * 4.7 + 0.5 * 20 - 21.43),
        (formulas.dale_chall(100, 5, 4), 0.1579 * 4 + 0.0496 * 20),  # 4% unfamiliar: no constant
        (formulas.dale_chall(100, 5, 6), 0.1579 * 6 + 0.0496 * 20 + 3.6365),  # over 5%: constant
        (formulas.linsear_write(90, 10, 5), (90 + 30) / 5 / 2),  # r = 24 > 20
        (formulas.linsear_write(100, 0, 10), (10 - 2) / 2),  # r = 10 <= 20
        (formulas.spache(100, 5, 10), 0.141 * 20 + 0.086 * 10 + 0.839),
        (formulas.mcalpine_eflaw(100, 5, 40), 28.0),
        (formulas.fernandez_huerta(100, 5, 200), 206.84 - 0.60 * 200 - 1.02 * 20),
        (formulas.szigriszt_pazos(100, 5, 200), 206.835 - 62.3 * 2 - 20),
        (formulas.gutierrez_polini(100, 5, 500), 95.2 - 9.7 * 5 - 0.35 * 20),
        (formulas.crawford(100, 5, 200), -0.205 * 5 + 0.049 * 200 - 3.407),
        (formulas.amstad(100, 5, 170), 180 - 20 - 58.5 * 1.7),
        (formulas.wiener_sachtextformel(100, 5, 20, 30, 50), 0.1935 * 20 + 0.1672 * 20 + 0.1297 * 30 - 0.0327 * 50 - 0.875),
        (formulas.kandel_moles(100, 5, 150), 207 - 1.015 * 20 - 73.6 * 1.5),
        (formulas.lix(100, 5, 30), 20 + 30),
        (formulas.gulpease(100, 5, 500), 89 + (1500 - 5000) / 100),
        (formulas.flesch_vacca(100, 5, 200), 217 - 1.3 * 20 - 0.6 * 200),
        (formulas.douma(100, 5, 150), 206.835 - 0.93 * 20 - 77 * 1.5),
        (formulas.brouwer(100, 5, 150), 195 - 2 * 20 - 150 * 2 / 3),
    ],
)
def test_values(value, expected):
    assert value == pytest.approx(expected)


FUNCTIONS = [
    formulas.flesch_reading_ease, formulas.flesch_kincaid_grade, formulas.gunning_fog, formulas.coleman_liau,
    formulas.automated_readability_index, formulas.dale_chall, formulas.spache, formulas.fernandez_huerta,
    formulas.szigriszt_pazos, formulas.gutierrez_polini, formulas.crawford, formulas.amstad,
    formulas.kandel_moles, formulas.lix, formulas.flesch_vacca, formulas.douma, formulas.brouwer,
]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_no_words_or_no_sentences_give_zero(function):
    assert function(0, 5, 10) == 0.0
    assert function(10, 0, 10) == 0.0


def test_guards_of_the_other_signatures():
    assert formulas.smog(0, 10) == 0.0
    assert formulas.mcalpine_eflaw(10, 0, 3) == 0.0
    assert formulas.linsear_write(0, 0, 3) == 0.0
    assert formulas.gulpease(0, 1, 10) == 0.0
    assert formulas.wiener_sachtextformel(0, 1, 1, 1, 1) == 0.0


@pytest.mark.parametrize(
    ("band", "value", "label", "grade"),
    [
        (bands.flesch_ease, 95, "Very easy (5th grade)", 5.0),
        (bands.flesch_ease, 65, "Standard (8th and 9th grade)", 8.5),
        (bands.flesch_ease, 21, "Very confusing (college graduate)", 17.0),
        (bands.flesch_ease, -40, "Very confusing (college graduate)", 17.0),
        (bands.inflesz, 60, "Normal (secondary school, general press)", 9.0),
        (bands.school_grade, 9.4, "Grade 9 (high school)", 9.4),
        (bands.school_grade, 16.8, "Grade 17 (college graduate)", 16.8),
        (bands.school_grade, -3, "Grade 0 (elementary school)", -3),
        (bands.dale_chall, 4.9, "4th grade and below", 4.0),
        (bands.dale_chall, 7.2, "9th and 10th grade", 9.5),
        (bands.dale_chall, 10.0, "College graduate", 16.0),
        (bands.gulpease, 65, "Easy for readers with middle-school education", 8.0),
        (bands.lix, 40, "Medium (newspapers)", None),
        (bands.eflaw, 25, "Quite easy to understand", None),
        (bands.eflaw, 33, "Very confusing", None),
    ],
)
def test_bands(band, value, label, grade):
    assert band(value) == (label, grade)
