"""Every limit and threshold of the scoring library at its boundary and one past it.

Expected values come from the publications (quoted) or from textstat, never from the code under test.
"""

from __future__ import annotations

import pytest

from copydesk import scoring
from copydesk.scoring import formulas
from copydesk.scoring.errors import InvalidOptionError
from copydesk.scoring.options import MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE, Options
from copydesk.scoring.profiles import Profile
from copydesk.scoring.read_time import image_seconds, minutes
from copydesk.scoring.readability import HARD_SENTENCE_MIN_WORDS, count, findings
from copydesk.scoring.segment import TITLES
from copydesk.scoring.text import build_document
from tests.scoring.test_readability_wiring import textstat_value


def units(text: str) -> list[str]:
    return [u.text for u in scoring.analyze(text, options=Options(language="en")).units]


# --- titles (data/abbreviations.toml) ------------------------------------------------------------


def test_messrs_does_not_end_the_sentence():
    # "Messrs" is six letters, the longest title on the list
    assert units("Messrs. Lee and Park met the mayor.") == ["Messrs. Lee and Park met the mayor."]


@pytest.mark.parametrize("title", sorted(TITLES))
def test_no_capitalized_title_ends_a_sentence_before_a_name(title):
    text = f"The panel heard {title.capitalize()}. Okafor on Monday."
    assert units(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She finished her last rep. Then she rested.", ["She finished her last rep.", "Then she rested."]),
        ("The path crosses a high col. Walkers rest there.", ["The path crosses a high col.", "Walkers rest there."]),
        ("Rep. Lee spoke. Gen. Ortiz left.", ["Rep. Lee spoke.", "Gen. Ortiz left."]),
        ("MR. LEE SPOKE.", ["MR. LEE SPOKE."]),
    ],
)
def test_a_title_is_a_title_only_when_capitalized(text, expected):
    assert units(text) == expected


# --- options ---------------------------------------------------------------------------------


@pytest.mark.parametrize("wpm", [MIN_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE])
def test_words_per_minute_at_its_bounds_is_accepted(wpm):
    assert scoring.analyze("Voters went to the polls.", options=Options(words_per_minute=wpm)).read_time.words_per_minute == wpm


@pytest.mark.parametrize("wpm", [MIN_WORDS_PER_MINUTE - 0.01, MAX_WORDS_PER_MINUTE + 0.01])
def test_words_per_minute_one_past_its_bounds_is_refused(wpm):
    with pytest.raises(InvalidOptionError):
        Options(words_per_minute=wpm)


def test_words_per_minute_bounds_are_the_documented_ones():
    assert (MIN_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE) == (50.0, 1000.0)


def test_the_requested_rate_sets_the_read_time():
    text = " ".join(["cats"] * 120) + "."
    read_time = scoring.analyze(text, options=Options(language="en", words_per_minute=60)).read_time
    assert (read_time.words, read_time.seconds, read_time.minutes) == (120, 120, 2)


# --- read time ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, 1), (29, 1), (89.9, 1), (90, 2), (149.9, 2), (150, 3)],  # half a minute rounds up; never below one
)
def test_minutes_round_half_up(seconds, expected):
    assert minutes(seconds) == expected


# Medium: 12 s for the first image, one second less for each next one, never under 3.
@pytest.mark.parametrize(
    ("images", "expected"),
    [(0, 0), (1, 12), (2, 23), (9, 72), (10, 75), (11, 78), (64, 237), (65, 240), (100, 345)],
)
def test_image_seconds(images, expected):
    assert image_seconds(images) == expected


# --- sentence findings: limits of the profiles ----------------------------------------------------

# data/profiles.toml: a sentence over this many words is long.
LONG_SENTENCE_WORDS = {"news": 30, "feature": 35, "explainer": 25}


def rules(text: str, profile: str) -> list[str]:
    return [f.rule for f in scoring.analyze(text, options=Options(language="en", profile=profile)).readability.findings]


@pytest.mark.parametrize("profile", sorted(LONG_SENTENCE_WORDS))
def test_long_sentence_at_the_limit_and_one_past(profile):
    limit = LONG_SENTENCE_WORDS[profile]
    at = " ".join(["cats"] * limit) + "."
    past = " ".join(["cats"] * (limit + 1)) + "."
    assert "long_sentence" not in rules(at, profile)
    assert rules(past, profile).count("long_sentence") == 1


HARD_WORDS = ("Administrative authorities systematically underestimated intergovernmental organizational "
              "communication responsibilities").split()


def test_hard_sentences_start_at_ten_words():
    assert HARD_SENTENCE_MIN_WORDS == 10
    nine = " ".join(HARD_WORDS + ["yesterday"]) + "."
    ten = " ".join(HARD_WORDS + ["again", "yesterday"]) + "."
    assert "hard_sentence" not in rules(nine, "news")
    assert "hard_sentence" in rules(ten, "news")


SENTENCE = "Administrative authorities systematically underestimated the communication responsibilities of every agency."


@pytest.mark.parametrize(("delta", "hard"), [(0.0, False), (-0.01, True)])
def test_hard_sentence_at_the_profiles_grade_and_just_under_it(delta, hard):
    doc = build_document(SENTENCE)
    counts, _, per_sentence = count(doc, "en")
    assert (counts.sentences, counts.words) == (1, 10)
    grade = textstat_value("flesch_kincaid_grade", counts)  # the sentence's grade, by the reference
    profile = Profile("test", "a profile whose limit is this sentence's grade", 9.0, 12.0, 30, grade + delta)
    found = [f.rule for f in findings(doc, "en", profile, per_sentence)]
    assert ("hard_sentence" in found) is hard


# --- formula thresholds ------------------------------------------------------------------------


def test_linsear_write_at_twenty_and_just_past():
    # O'Hayre (1966): r = (easy + 3 hard) / sentences; over 20, r / 2; else (r - 2) / 2
    assert formulas.linsear_write(20, 0, 1.0) == pytest.approx(9.0)
    assert formulas.linsear_write(21, 0, 1.0) == pytest.approx(10.5)


def test_dale_chall_at_five_percent_and_just_past():
    # Dale & Chall (1948): 0.1579 PDW + 0.0496 ASL, plus 3.6365 when PDW is over 5
    assert formulas.dale_chall(20, 1, 1) == pytest.approx(1.7815)
    assert formulas.dale_chall(19, 1, 1) == pytest.approx(5.4100, abs=1e-4)


# --- headings: a plain-text line with no closing punctuation and at most 25 words ------------------


@pytest.mark.parametrize(("words", "kind"), [(25, "heading"), (26, "sentence")])
def test_an_unpunctuated_line_is_a_heading_up_to_25_words(words, kind):
    from copydesk.scoring.segment import HEADING_MAX_WORDS

    assert HEADING_MAX_WORDS == 25
    text = " ".join(["Council"] * words) + "\n\nThe council met on Monday and voted."
    types = [u.type for u in scoring.analyze(text, options=Options(language="en")).units]
    assert types == [kind, "sentence"]
