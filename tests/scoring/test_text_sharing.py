"""Equal token texts of one document share one string object (memory on long articles)."""

import pytest

from copydesk.scoring.text import build_document


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


@pytest.mark.parametrize("word, same_object", [
    ("council", True),  # lower case already: `lower` is the text itself
    ("11,000", True),
    ("Council", False),
    ("iPhone", False),  # no capital first, but not in lower case
    ("\u2102ity", False),  # starts with a capital whose lower case is itself (double-struck C)
])
def test_lower_is_the_text_itself_only_for_lower_case_words_without_a_capital(word, same_object):
    doc = build_document(f"The {word} grew.")
    token = next(t for u in doc.units for t in u.tokens if t.text == word)
    assert token.lower == word.lower()
    assert (token.lower is token.text) is same_object
    assert not (token.lower is token.text and token.text[0].isupper())


@pytest.mark.parametrize("word, capital", [
    ("council", False),
    ("iPhone", False),
    ("Council", True),
    ("COUNCIL", True),
    ("\u2102ity", True),  # its lower case equals it, but it starts with a capital
])
def test_readers_that_skip_the_capital_check_for_shared_lower_case_still_see_capitals(word, capital):
    # readability and terms take `lower is text` to mean "no capital first" and skip the check
    from copydesk.scoring.readability import _WordFacts
    from copydesk.scoring.terms import _word_entry

    doc = build_document(f"The {word} grew.")
    token = next(t for u in doc.units for t in u.tokens if t.text == word)
    lex = token.lexeme
    assert _WordFacts(lex.text, lex.lower, lex.alpha, "en", None, {}).capital is capital
    assert _word_entry(lex.text, lex.lower, lex.alpha)[1] is (capital and not word.isupper())


@pytest.mark.parametrize("word", [
    "council", "Council", "COVID-19", "4.5bn", "co-op", "boss's", "U.S", "11,000", "caf\u00e9",
    "\u0130stanbul",  # capital I with a dot: its lower case is an i and a combining dot, no letter
    "\u00bd", "%", "\u2014", "\u212a",  # a fraction, a mark, a dash, the Kelvin sign (a letter)
])
def test_a_lexeme_knows_whether_its_lower_case_is_all_letters(word):
    doc = build_document(f"The {word} grew.")
    lex = next(t for u in doc.units for t in u.tokens if t.text == word).lexeme
    assert lex.alpha is lex.lower.isalpha()


def test_readability_counts_the_letters_of_a_word_whose_lower_case_is_no_longer_all_letters():
    # "\u0130stanbul" is all letters, its lower case (an i with a combining dot) is not:
    # readability still counts the text as written, all eight characters letters
    from copydesk.scoring.readability import _WordFacts

    word = "\u0130stanbul"
    doc = build_document(f"The {word} grew.")
    lex = next(t for u in doc.units for t in u.tokens if t.text == word).lexeme
    assert word.isalpha() and not lex.alpha
    facts = _WordFacts(lex.text, lex.lower, lex.alpha, "en", None, {})
    assert (facts.letters, facts.characters) == (8, 8)


def test_only_a_word_can_be_all_letters_in_lower_case():
    # text._lexeme asks a WORD only: any one character that is no letter or digit (a mark or a
    # symbol token) has a lower case that is no letter either
    import sys

    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if not c.isalnum():
            assert not c.lower().isalpha(), hex(cp)


@pytest.mark.parametrize("text", [
    "The council met. The mayor spoke.\n\nThe vote was close.",
    "# Budget\n\nPrices rose 11,000 times; 11,000 more followed. \"Rose,\" she said, \"rose.\"",
    "",
])
def test_lexeme_ordinals_number_the_distinct_texts_of_the_document(text):
    # analyses keep one fact per distinct word in a list indexed by the ordinal: equal texts
    # must share it, different texts must not, and every ordinal must fit Document.lexemes
    from copydesk.scoring.text import lexeme_slots

    doc = build_document(text)
    by_text = {}
    for t in (t for u in doc.units for t in u.tokens):
        assert by_text.setdefault(t.text, t.lexeme.ordinal) == t.lexeme.ordinal
    assert sorted(by_text.values()) == list(range(len(by_text)))
    assert doc.lexemes == len(by_text) == lexeme_slots(doc.units)


def test_a_unit_read_alone_gets_lists_long_enough_for_its_ordinals():
    # unit_profile and unit_figures called without the article's memo size one from the unit
    from copydesk.scoring.figures import unit_figures
    from copydesk.scoring.terms import unit_profile

    doc = build_document("One two three.\n\nThe mayor said 4,000 homes were sold, up from 3,000.")
    last = doc.units[-1]
    assert min(t.lexeme.ordinal for t in last.tokens) > 0  # the ordinals do not start at 0 here
    figures = tuple(unit_figures(last))
    assert [f.value for f in figures] == [4000, 3000]
    assert sorted(unit_profile(last, figures)[0]) == ["#3000", "#4000", "home", "mayor", "sold"]
