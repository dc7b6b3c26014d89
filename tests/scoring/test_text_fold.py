"""The folding table (scoring.text.FOLD) against the Unicode categories it is defined by."""

import unicodedata

import pytest

from scoring.text import FOLD, fold


def test_every_control_character_folds_to_a_space_or_a_newline():
    # the table tests code point ranges instead of unicodedata: it must still cover exactly Cc
    controls = [cp for cp in range(0x3001) if unicodedata.category(chr(cp)) == "Cc"]
    assert controls
    for cp in controls:
        assert FOLD.get(cp, chr(cp)) in (" ", "\n"), hex(cp)


def test_no_character_outside_controls_spaces_and_marks_is_folded():
    for cp in FOLD:
        ch = chr(cp)
        assert unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Pi", "Pf", "Ps", "Pe", "Po", "Pd", "Lm") or ch.isspace(), hex(cp)


@pytest.mark.parametrize("text, folded", [
    ("a\x00b", "a b"),
    ("a\x7fb\x9fc", "a b c"),
    ("tab\there", "tab here"),
    ("\u201cquoted\u201d", '"quoted"'),
    ("e\u0301", "e\u0301"),  # a combining mark is not a control: kept
    ("\u00a0nbsp", " nbsp"),
])
def test_fold_examples(text, folded):
    assert fold(text) == folded
