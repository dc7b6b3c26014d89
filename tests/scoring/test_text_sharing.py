"""Equal token texts of one document share one string object (memory on long articles)."""

import pytest

from scoring.text import build_document


@pytest.mark.parametrize("text, word", [
    ("The council met. The mayor spoke.\n\nThe vote was close.", "The"),
    ("Prices rose 11,000 times; 11,000 more followed.", "11,000"),
])
def test_equal_token_texts_are_one_object(text, word):
    doc = build_document(text)
    same = [t.text for u in doc.units for t in u.tokens if t.text == word]
    assert len(same) >= 2
    assert all(s is same[0] for s in same)


def test_different_texts_stay_different():
    doc = build_document("Rose rose.")
    first, second = (t.text for t in doc.units[0].tokens if t.kind == "word")
    assert first == "Rose" and second == "rose"
