"""text.clean: lone surrogates become U+FFFD in place; a text without any is returned as it is."""

import pytest

from copydesk.scoring.text import clean


@pytest.mark.parametrize("text, expected", [
    ("a\ud800b", "a\ufffdb"),  # a lone high surrogate
    ("\udfff end", "\ufffd end"),  # a lone low surrogate first
    ("x\udbff\udc00y \ud83d", "x\ufffd\ufffdy \ufffd"),  # a pair in a str is two code points: both replaced
    ("caf\u00e9 \u201cquoted\u201d \U0001f600", "caf\u00e9 \u201cquoted\u201d \U0001f600"),  # non-ASCII, no surrogate
])
def test_clean_replaces_lone_surrogates_and_keeps_offsets(text, expected):
    assert clean(text) == expected
    assert len(clean(text)) == len(text)


def test_clean_returns_a_text_without_surrogates_unchanged():
    text = "The council met on \u2018Tuesday\u2019."
    assert clean(text) is text
