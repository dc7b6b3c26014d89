"""Sentence and heading segmentation: the cases a copy editor expects, as a table."""

import pytest

from scoring.text import build_document


def units_of(text):
    return [(u.type, u.text) for u in build_document(text).units]


def sentences_of(text):
    return [t for kind, t in units_of(text) if kind == "sentence"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations that never end a sentence before a name
        ("Dr. Helen Vasquez spoke. She left.", ["Dr. Helen Vasquez spoke.", "She left."]),
        ("Gov. Lee and Sen. Ortiz met Mr. Kim.", ["Gov. Lee and Sen. Ortiz met Mr. Kim."]),
        # U.S. mid-sentence and at the end of one
        ("The U.S. Midwest froze. Trains stopped.", ["The U.S. Midwest froze.", "Trains stopped."]),
        ("Most staff work in the U.S. The rest are in Ireland.", ["Most staff work in the U.S.", "The rest are in Ireland."]),
        # months and No. before digits
        ("The term begins Jan. 2, 2026. It lasts four years.", ["The term begins Jan. 2, 2026.", "It lasts four years."]),
        ("The case, No. 25-CR-0417, is new.", ["The case, No. 25-CR-0417, is new."]),
        # a.m. and p.m.: end only before a sentence starter
        ("Buses start at 5 a.m. The first leaves Dunmore.", ["Buses start at 5 a.m.", "The first leaves Dunmore."]),
        ("She spoke before 11 p.m. Tuesday at the hall.", ["She spoke before 11 p.m. Tuesday at the hall."]),
        # company abbreviations
        ("Shares of Acme Corp. rose. Castellan Inc. won the bid.", ["Shares of Acme Corp. rose.", "Castellan Inc. won the bid."]),
        # decimals, money and percentages
        ("Revenue rose 2.4% to $3.5 billion. Costs fell.", ["Revenue rose 2.4% to $3.5 billion.", "Costs fell."]),
        # initials
        ("Karen J. Whitcombe, 52, was charged. J. R. R. Tolkien wrote it.", ["Karen J. Whitcombe, 52, was charged.", "J. R. R. Tolkien wrote it."]),
        # quotations ending in ?" or ." end the sentence only if it ends there
        ('"Can Harlow afford it?" he asked. Nobody answered.', ['"Can Harlow afford it?" he asked.', "Nobody answered."]),
        ('"We won." The crowd cheered.', ['"We won."', "The crowd cheered."]),
        ("\u201cWe won,\u201d she said. \u201cThank you.\u201d", ["\u201cWe won,\u201d she said.", "\u201cThank you.\u201d"]),
        # ellipses: inside a quotation they never end it; outside, before a capital they do
        ('"I called Grace ... and I offered support," Feld said.', ['"I called Grace ... and I offered support," Feld said.']),
        ('"I called Grace ... Then I offered support," Feld said.', ['"I called Grace ... Then I offered support," Feld said.']),
        ("He paused... Then he left.", ["He paused...", "Then he left."]),
        # e.g. and vs. inside a sentence
        ("Cities, e.g. Port Alden, still pay. It is stadium vs. no stadium.", ["Cities, e.g. Port Alden, still pay.", "It is stadium vs. no stadium."]),
        # URLs and e-mail addresses
        ("Check tcrta.example.org/harbor first. Write to desk@example.com. Then wait.",
         ["Check tcrta.example.org/harbor first.", "Write to desk@example.com.", "Then wait."]),
        ("See https://example.org/a.b?c=d. It has the list.", ["See https://example.org/a.b?c=d.", "It has the list."]),
        # exclamation and question marks
        ("What a night! Who won? Okonkwo did.", ["What a night!", "Who won?", "Okonkwo did."]),
        # a lower-case word after a period is not a new sentence
        ("It cost approx. two dollars. Then more.", ["It cost approx. two dollars.", "Then more."]),
    ],
)
def test_sentences(text, expected):
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First North Korean Soldier Captured by Ukraine Dies", [("heading", "First North Korean Soldier Captured by Ukraine Dies")]),
        ("3 minute read\nPublished: 12/27/2024", [("heading", "3 minute read"), ("heading", "Published: 12/27/2024")]),
        ("By Marisol Okafor, Transportation Reporter\nPublished: Feb. 6, 2025, 7:45 a.m.",
         [("heading", "By Marisol Okafor, Transportation Reporter"), ("heading", "Published: Feb. 6, 2025, 7:45 a.m.")]),
        ("5 min read", [("heading", "5 min read")]),
        ("Updated: March 3, 2025 at 9:00 a.m. ET", [("heading", "Updated: March 3, 2025 at 9:00 a.m. ET")]),
        ("HARLOW, Ore.", [("heading", "HARLOW, Ore.")]),
        # a dateline that opens the lede is a heading of its own
        ("LONDON (Reuters) \u2014 Prices rose 3% in May. They fell in June.",
         [("heading", "LONDON (Reuters) \u2014"), ("sentence", "Prices rose 3% in May."), ("sentence", "They fell in June.")]),
        # numbered list headings keep their number
        ("1. The crowds were huge", [("heading", "1. The crowds were huge")]),
        ("2. Fares brought in big money\n\nRiders paid more.",
         [("heading", "2. Fares brought in big money"), ("sentence", "Riders paid more.")]),
        # a byline-like sentence is still a sentence when it ends with a full stop
        ("By noon the line had reopened.", [("sentence", "By noon the line had reopened.")]),
    ],
)
def test_headings(text, expected):
    assert units_of(text) == expected


def test_hard_wrapped_prose_is_joined_into_sentences():
    text = "The first soldier captured by\nUkrainian troops has died. He succumbed a\nday later."
    assert sentences_of(text) == [
        "The first soldier captured by\nUkrainian troops has died.",
        "He succumbed a\nday later.",
    ]


def test_long_line_without_full_stop_is_prose_not_a_heading():
    words = " ".join(["word"] * 30)
    assert units_of(words) == [("sentence", words)]


def test_heading_max_words_is_the_boundary():
    from scoring.segment import HEADING_MAX_WORDS

    at_limit = " ".join(["Word"] * HEADING_MAX_WORDS)
    over = " ".join(["Word"] * (HEADING_MAX_WORDS + 1))
    assert units_of(at_limit) == [("heading", at_limit)]
    assert units_of(over) == [("sentence", over)]


def test_paragraphs_split_on_blank_lines_including_whitespace_only_lines():
    doc = build_document("One sentence here.\n \t\nAnother one here.\r\n\r\nA third.")
    assert [p.index for p in doc.paragraphs] == [0, 1, 2]
    assert [u.paragraph for u in doc.units] == [0, 1, 2]


def test_offsets_index_the_submitted_text_with_crlf_and_nbsp():
    text = "Title Here\r\n\r\nPrices\u00a0rose 3%.\r\nThey fell."
    doc = build_document(text)
    for u in doc.units:
        assert text[u.start : u.end] == u.text
    assert [u.text for u in doc.units] == ["Title Here", "Prices\u00a0rose 3%.", "They fell."]


def test_quote_spans_cover_quoted_passages():
    text = 'He said "we will fight" and left. "Never," she said.'
    doc = build_document(text)
    assert [text[s:e] for s, e in doc.quotes] == ['"we will fight"', '"Never,"']
    start = text.index("fight")
    assert doc.in_quote(start, start + 5)
    assert not doc.in_quote(text.index("left"), text.index("left") + 4)
