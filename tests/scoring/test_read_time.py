"""Read time: Brysbaert's rate, IReST scaling per language, Medium's image rule, the label."""

import pytest

from copydesk.scoring import read_time
from copydesk.scoring.text import build_document


def words(n):
    return build_document(" ".join(["word"] * n) + ".")


def test_english_default_is_brysbaert_238():
    r = read_time.analyze(words(476), "en", None)
    assert (r.words, r.words_per_minute, r.seconds, r.minutes, r.label) == (476, 238.0, 120, 2, "2 min read")
    assert "Brysbaert" in r.rule
    assert r.speaking_seconds == round(476 * 60 / 183)


@pytest.mark.parametrize(
    ("language", "irest"),
    [("en", 228), ("es", 218), ("de", 179), ("fr", 195), ("it", 188), ("nl", 202)],
)
def test_languages_scale_by_irest(language, irest):
    assert read_time.SILENT_WPM[language] == pytest.approx(238 * irest / 228, abs=0.05)
    assert read_time.ALOUD_WPM[language] == pytest.approx(183 * irest / 228, abs=0.05)


def test_requested_rate_wins():
    r = read_time.analyze(words(300), "en", 300.0)
    assert (r.words_per_minute, r.seconds, r.label) == (300.0, 60, "1 min read")
    assert "requested" in r.rule


@pytest.mark.parametrize(
    ("images", "seconds"),
    [(0, 0), (1, 12), (2, 23), (3, 33), (10, 75), (11, 78), (12, 81), (100, 75 + 90 * 3)],
)
def test_image_seconds_follow_medium(images, seconds):
    assert read_time.image_seconds(images) == seconds


def test_images_add_time():
    doc = build_document(" ".join(["word"] * 238) + ".", images=2)
    r = read_time.analyze(doc, "en", None)
    assert (r.images, r.seconds) == (2, 60 + 23)
    assert "image" in r.rule


@pytest.mark.parametrize(("seconds", "label"), [(1, "1 min read"), (89, "1 min read"), (90, "2 min read"), (179, "3 min read")])
def test_label_rounds_half_up_and_never_says_zero(seconds, label):
    assert read_time.label(seconds) == label


def test_headings_count_as_read():
    doc = build_document("Five Word Heading Right Here\n\nOne two three.")
    assert read_time.analyze(doc, "en", None).words == 8


def test_a_language_timed_by_irest_without_formulas_gets_its_rate():
    result = read_time.analyze(words(181), "pt", None)
    assert result.words_per_minute == read_time.SILENT_WPM["pt"] == pytest.approx(238 * 181 / 228, abs=0.05)
    assert "IReST" in result.rule


def test_a_language_irest_did_not_time_gets_the_english_rate_and_says_so():
    result = read_time.analyze(words(238), "ca", None)
    assert result.words_per_minute == read_time.SILENT_WPM["en"]
    assert result.seconds == 60 and "no reading rate for ca" in result.rule
