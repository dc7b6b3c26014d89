"""Code points to UTF-16 code units: the conversion JavaScript clients ask for."""

from __future__ import annotations

import pytest

from copydesk.api.offsets import is_offset_key, to_utf16, utf16_positions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", None),
        ("café, naïve, 東京", None),  # all in the Basic Multilingual Plane: the same counts
        ("a😀b", [0, 1, 3, 4]),
        ("😀😀", [0, 2, 4]),
        ("𝔸", [0, 2]),
    ],
)
def test_positions_count_surrogate_pairs_twice(text, expected):
    assert utf16_positions(text) == expected


@pytest.mark.parametrize(
    ("key", "is_offset"),
    [("start", True), ("end", True), ("source_start", True), ("source_end", True), ("unit", False), ("index", False), ("restates", False), ("ending", False)],
)
def test_offset_keys(key, is_offset):
    assert is_offset_key(key) is is_offset


def test_every_offset_is_converted_and_nothing_else():
    text = "😀 ab 😀 cd"
    body = {
        "text": text,
        "paragraphs": 1,
        "units": [{"index": 0, "start": 2, "end": 4, "paragraph": 0}],
        "claims": {"items": [{"unit": 0, "source_start": 7, "source_end": 9, "cues": [{"start": 5, "end": 6}]}]},
        "nothing": {"source_start": None},
    }
    converted = to_utf16(body, text, text)
    assert converted["units"] == [{"index": 0, "start": 3, "end": 5, "paragraph": 0}]
    claim = converted["claims"]["items"][0]
    assert (claim["unit"], claim["source_start"], claim["source_end"]) == (0, 9, 11)
    assert claim["cues"] == [{"start": 6, "end": 8}]
    assert converted["nothing"] == {"source_start": None}
    assert converted["paragraphs"] == 1


def test_text_without_astral_characters_is_returned_as_is():
    body = {"units": [{"start": 0, "end": 3}]}
    assert to_utf16(body, "abc", "abc") == body


def test_caption_offsets_count_into_the_source():
    source = "<p>😀 and more</p><figure><figcaption>Map</figcaption></figure>"
    text = "😀 and more"
    at = source.index("Map")
    body = {"units": [{"start": 2, "end": 5}], "captions": [{"text": "Map", "markup_start": at, "markup_end": at + 3}]}
    converted = to_utf16(body, text, source)
    assert converted["units"] == [{"start": 3, "end": 6}]  # one emoji before it in the text
    caption = converted["captions"][0]
    assert caption["markup_start"] == at + 1  # one emoji before it in the source
    assert source.encode("utf-16-le")[2 * caption["markup_start"] : 2 * caption["markup_end"]].decode("utf-16-le") == "Map"
