"""Each option of `copydesk analyze` changes the report as documented (in process: copydesk.api.cli.main), at its bounds and one past.

The claims options (--[no-]anonymous-as-vague, --disabled-rules), --offsets and the output
formats are tested in tests/test_cli_archive.py.
"""

from __future__ import annotations

import json

import pytest

from copydesk.api import cli
from tests.api.test_option_effects import STORY
from tests.labelled import read_labelled
from tests.scoring.test_readability_wiring import ARTICLES


def analyze_json(tmp_path, text: str, *options: str, suffix: str = ".txt") -> dict:
    path = tmp_path / f"story{suffix}"
    path.write_text(text, encoding="utf-8")
    return analyze_path(path, *options)


def analyze_path(path, *options: str) -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["analyze", "--json", *options, str(path)])
    assert status == cli.EXIT_OK
    (record,) = json.loads(out.getvalue())
    assert record["file"] == str(path)
    return record["report"]


@pytest.mark.parametrize("wpm", ["50", "120", "1000"])
def test_words_per_minute_sets_the_read_time(tmp_path, wpm):
    read_time = analyze_json(tmp_path, STORY, "--words-per-minute", wpm)["read_time"]
    assert read_time["words_per_minute"] == float(wpm)
    assert read_time["seconds"] == round(read_time["words"] * 60 / float(wpm))


def test_without_words_per_minute_the_published_rate_applies(tmp_path):
    assert analyze_json(tmp_path, STORY)["read_time"]["words_per_minute"] == 238


@pytest.mark.parametrize("wpm", ["49.99", "1000.01"])
def test_words_per_minute_one_past_its_bounds_is_refused(tmp_path, wpm, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert cli.main(["analyze", "--words-per-minute", wpm, str(path)]) == cli.EXIT_INPUT_FAILED
    assert "words_per_minute" in capsys.readouterr().err


def test_profile_sets_the_verdicts(tmp_path):
    text, _, _ = read_labelled(ARTICLES / "c03-storm.json")
    verdicts = {}
    for profile in ("news", "feature", "explainer"):
        body = analyze_json(tmp_path, text, "--profile", profile)
        assert body["readability"]["profile"] == profile
        verdicts[profile] = tuple(s["verdict"] for s in body["readability"]["scores"])
    assert len(set(verdicts.values())) == 3


def test_an_unknown_profile_is_refused(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert cli.main(["analyze", "--profile", "tabloid", str(path)]) == cli.EXIT_INPUT_FAILED
    assert "profile must be one of" in capsys.readouterr().err


def test_language_is_used_not_detected(tmp_path):
    assert analyze_json(tmp_path, STORY)["language"]["detected"] is True
    language = analyze_json(tmp_path, STORY, "--language", "en-GB")["language"]
    assert (language["code"], language["detected"]) == ("en", False)


def test_input_format_reads_markup(tmp_path):
    html = "<p>The council cut the budget.</p><p>Mayor Ana Ruiz said it hurt.</p>"
    as_html = analyze_json(tmp_path, html, "--input-format", "html")
    as_text = analyze_json(tmp_path, html, "--input-format", "text")
    assert (as_html["format"], as_text["format"]) == ("html", "text")
    assert "<p>" not in as_html["text"] and "<p>" in as_text["text"]
    # by extension when --input-format is not given
    assert analyze_json(tmp_path, html, suffix=".html")["format"] == "html"
