"""The folding table (copydesk.scoring.text.FOLD) against the Unicode categories it is defined by."""

import unicodedata

import pytest

from copydesk.scoring.text import FOLD, fold

# What str.splitlines() breaks on: these fold to a newline, other white space to a space.
NEWLINES = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def derived_fold_table() -> dict[int, str]:
    """The folding table as its definition reads (text.py writes it out as runs, for start-up)."""
    table: dict[int, str] = {}
    for cp in range(0x3000 + 1):
        ch = chr(cp)
        if ch in NEWLINES:
            table[cp] = "\n"
        elif ch.isspace():
            table[cp] = " "
        elif unicodedata.category(ch) == "Cc":
            table[cp] = " "
    for ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e":
        table[ord(ch)] = '"'
    for ch in "\u2018\u2019\u201a\u201b\u2032\u02bc":
        table[ord(ch)] = "'"
    for ch in "\u2010\u2011":
        table[ord(ch)] = "-"
    for ch in "\u200b\u200c\u200d\u2060\ufeff":
        table[ord(ch)] = " "
    return {k: v for k, v in table.items() if chr(k) != v}


def test_the_written_out_table_is_the_one_its_definition_gives():
    assert FOLD == derived_fold_table()


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


def by_definition(text: str) -> str:
    """Folding as the module docstring defines it: "\\r\\n" -> " \\n", a lone "\\r" -> "\\n", FOLD for the rest."""
    text = text.replace("\r\n", " \n")
    return "".join("\n" if ch == "\r" else FOLD.get(ord(ch), ch) for ch in text)


@pytest.mark.parametrize("context", [
    "plain ASCII {c} text", "non-ASCII \u00e9 {c} text", "{c}", "x\r\n{c}\ry",
    # mostly ASCII, a few other characters: those are put back one by one
    "a long line of plain ASCII words, " * 4 + "\u00e9 {c} \u201cquoted?\u201d\r\nend\r",
])
def test_fold_matches_the_table_for_every_code_point_in_ascii_and_other_texts(context):
    # ASCII texts take str.translate, mostly ASCII ones a folded ASCII copy patched, the others the regex:
    # all must give the table's answer
    for cp in [*range(0x80), *FOLD]:
        text = context.format(c=chr(cp))
        assert fold(text) == by_definition(text), (hex(cp), context)
        assert len(fold(text)) == len(text)


@pytest.mark.parametrize("text", [
    # a few other characters among ASCII ones, question marks of the text's own beside them
    "Why? \u201cBecause,\u201d she said?\u2014no\u00a0way?\r\nTab\there?\u2028End \U0001F600?" + " plain words" * 20,
    "??\u2019??\u201c",
    # mostly other characters (Cyrillic, Greek, CJK): the regex folds the whole text
    "\u041f\u0440\u0438\u0432\u0435\u0442 \u00ab\u043c\u0438\u0440\u00bb\u3000\u4e16\u754c? \u03b1\u03b2\u2009\u03b3\r",
    # a lone surrogate (build_document replaces them first; fold itself keeps them)
    "a\ud800b \u201cq\u201d",
])
def test_fold_of_mixed_texts_matches_the_table(text):
    assert fold(text) == by_definition(text)
    assert len(fold(text)) == len(text)
