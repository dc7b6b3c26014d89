"""Sentence and heading segmentation: the cases a copy editor expects, as a table."""

import pytest

from copydesk.scoring.text import build_document


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
        # a.m. and p.m.: a capitalized word after one starts a sentence, unless it is the day or the zone (AP style)
        ("Buses start at 5 a.m. The first leaves Dunmore.", ["Buses start at 5 a.m.", "The first leaves Dunmore."]),
        ("She spoke before 11 p.m. Tuesday at the hall.", ["She spoke before 11 p.m. Tuesday at the hall."]),
        ("Lee led by 1,212 votes at 8:15 p.m. Okafor moved ahead an hour later.", ["Lee led by 1,212 votes at 8:15 p.m.", "Okafor moved ahead an hour later."]),
        ("Polls close at 8 p.m. EDT in Dunmore.", ["Polls close at 8 p.m. EDT in Dunmore."]),
        # a quotation's "?" or "!" ends the sentence only if a name and its verb of saying do not follow
        ('"Where is the money?" Ines Corr asked, noting the budget rose 2%.', ['"Where is the money?" Ines Corr asked, noting the budget rose 2%.']),
        ('"Is it safe?" The council says yes.', ['"Is it safe?"', "The council says yes."]),
        ("The ferry left at 6 a.m. on Friday.", ["The ferry left at 6 a.m. on Friday."]),
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
        # a dateline on a line of its own is a heading (annotation.md, conventions for real copy)
        ("DUNMORE, Pa. (Wire)\nPrices rose 3% in May.",
         [("heading", "DUNMORE, Pa. (Wire)"), ("sentence", "Prices rose 3% in May.")]),
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


@pytest.mark.parametrize(
    "lede",
    [
        "LONDON (Reuters) \u2014 Prices rose 3% in May.",
        "HARLOW, Essex (Wire) -- Floods closed the bridge on Monday.",
        "PORT ALDEN - The council met for six hours.",
        "ST. LOUIS, Mo. (AP) \u2013 Two stores closed.",
        "WASHINGTON, D.C. -- The Senate adjourned.",
        "BERLIN, Jan. 5 (Wire) - Exports fell 2.1% in December.",
    ],
)
def test_an_inline_dateline_stays_in_the_first_sentence(lede):
    assert units_of(lede + " They fell in June.") == [("sentence", lede), ("sentence", "They fell in June.")]


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
    from copydesk.scoring.segment import HEADING_MAX_WORDS

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


# Wire copy and e-mail hard-wrapped at a fixed width: every line but the last of a paragraph
# fills it, and a break falls before capitals (names; every German noun) as often as not.
WRAPPED = (
    "Storm Closes Coast Road\n"
    "By Ann Lee\n"
    "\n"
    "The county council voted on Tuesday to close the Route 9 bridge over\n"
    "Mill Creek for six months while engineers replace the deck, a job the\n"
    "state put at $14 million. Commuters will be sent along the Harbor Street\n"
    "crossing, which the council said would add 12 minutes to a morning drive\n"
    "Work begins in March.\n"
    "\n"
    "Residents of Dunmore said the detour would send trucks past the primary\n"
    "School on Elm Street twice an hour at the morning peak.\n"
)


def test_wrapped_plain_text_is_read_as_paragraphs_not_lines():
    assert units_of(WRAPPED) == [
        ("heading", "Storm Closes Coast Road"),
        ("heading", "By Ann Lee"),
        ("sentence", "The county council voted on Tuesday to close the Route 9 bridge over\n"
                     "Mill Creek for six months while engineers replace the deck, a job the\n"
                     "state put at $14 million."),
        # a wrapped line without a full stop runs on into the next: it is no heading
        ("sentence", "Commuters will be sent along the Harbor Street\n"
                     "crossing, which the council said would add 12 minutes to a morning drive\n"
                     "Work begins in March."),
        ("sentence", "Residents of Dunmore said the detour would send trucks past the primary\n"
                     "School on Elm Street twice an hour at the morning peak."),
    ]


def test_wrapped_german_is_not_cut_at_capitalized_nouns():
    text = (
        "Der Stadtrat hat am Dienstag beschlossen, die Br\u00fccke an der Hauptstra\u00dfe\n"
        "Wegen der Bauarbeiten f\u00fcr sechs Monate zu sperren, w\u00e4hrend Ingenieure die\n"
        "Fahrbahn erneuern. Die Kosten sch\u00e4tzt das Landesamt f\u00fcr Stra\u00dfenbau auf\n"
        "Rund 14 Millionen Euro, die Arbeiten beginnen nach Angaben der Stadt im\n"
        "M\u00e4rz.\n"
    )
    assert [kind for kind, _ in units_of(text)] == ["sentence", "sentence"]


def test_wrap_width_needs_enough_full_lines():
    from copydesk.scoring.segment import WRAP_MIN_WIDTH, wrap_width
    from copydesk.scoring.text import fold

    body_lines = WRAPPED.split("\n")[3:7]  # the lines of the first paragraph that another follows
    assert wrap_width(fold(WRAPPED)) == max(len(line) for line in body_lines)
    # short lines are a list or a poem, not wrapped copy
    assert wrap_width("Apples\nPears\nPlums\nFigs\nDates") == 0
    # one long line is no evidence of a width
    assert wrap_width("A" * 80 + "\nB\n\nC\nD") == 0
    assert WRAP_MIN_WIDTH > len("Apples")


def test_lines_of_short_headings_stay_headings_in_wrapped_copy():
    # a title and a byline: shorter than the wrap width, so each line is its own unit
    units = units_of(WRAPPED)
    assert units[0] == ("heading", "Storm Closes Coast Road") and units[1] == ("heading", "By Ann Lee")


def test_a_list_item_on_its_own_line_is_never_joined_to_the_line_before():
    text = (
        "The council approved three projects after a debate that ran past midnight on\n"
        "Tuesday, with the mayor casting the deciding vote on two of them after a tie\n"
        "1. Resurfacing Elm Street between the school and the fire station downtown\n"
        "2. A new roof for the public library on Harbor Street and the annex beside it\n"
        "- A study of the Route 9 bridge\n"
    )
    texts = [t for _, t in units_of(text)]
    assert texts[1].startswith("1. Resurfacing") and texts[2].startswith("2. A new roof")
    assert texts[3] == "- A study of the Route 9 bridge"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # markers of an inline list never end the sentence they open
        ("The board set three goals: 1. Cut costs. 2. Hire staff. 3. Raise fees.",
         ["The board set three goals: 1. Cut costs.", "2. Hire staff.", "3. Raise fees."]),
        ("The plan has steps; 1. Close the road, 2. Rebuild it. It passed.",
         ["The plan has steps; 1. Close the road, 2. Rebuild it.", "It passed."]),
        # a number that ends a sentence still ends it
        ("He scored 2. Then he left.", ["He scored 2.", "Then he left."]),
        ("Votes for the plan came to 12. Then the count ended.", ["Votes for the plan came to 12.", "Then the count ended."]),
        ("The list: 1. Ann. The vote was 12. Then it ended.", ["The list: 1. Ann.", "The vote was 12.", "Then it ended."]),
    ],
)
def test_inline_numbered_lists(text, expected):
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a dek written as a sentence is a sentence, a headline-style one a heading
        ("## The board says repairs will take two years.", ("sentence", "The board says repairs will take two years.")),
        ("## Repairs to take two years", ("heading", "Repairs to take two years")),
        ("## Storm hits.", ("heading", "Storm hits.")),  # under DECK_MIN_WORDS: a headline with a full stop
        ("### Published: Feb. 6, 2025, 7:45 a.m.", ("heading", "Published: Feb. 6, 2025, 7:45 a.m.")),
    ],
)
def test_full_sentence_decks_are_sentences(source, expected):
    from copydesk.scoring.markup import extract

    ex = extract(source, "markdown")
    doc = build_document(ex.text, ex.blocks)
    assert [(u.type, u.text) for u in doc.units] == [expected]


def test_heading_patterns_run_only_on_lines_that_start_with_their_first_character():
    # _is_heading_line skips a pattern by the line's first character: none may match a line it skips
    from copydesk.scoring import segment

    for cp in range(0x3000):
        first = chr(cp)
        for rest in ("irst Published 3", "ublished: x", "pdated May 2", " min read", "0 min read", "y Jane Lee", "ASHINGTON", ""):
            line = first + rest
            if segment._PUBLISHED_RE.match(line):
                assert cp >= 128 or first in segment._PUBLISHED_FIRST, hex(cp)
            if segment._READ_TIME_RE.match(line):
                assert cp >= 128 or first.isdigit(), hex(cp)
            if segment._BYLINE_RE.match(line):
                assert first == "B"
            if segment._DATELINE_RE.match(line):
                assert "A" <= first <= "Z"


def test_paragraph_spans_cut_where_the_blank_line_pattern_matches():
    # paragraph_spans finds _BLANK_LINE_RE's matches with str.find: the same cuts on any text
    import random

    from copydesk.scoring import segment

    def by_pattern(norm):
        spans, pos = [], 0
        for m in segment._BLANK_LINE_RE.finditer(norm):
            spans.append((pos, m.start()))
            pos = m.end() - 1
        spans.append((pos, len(norm)))
        out = []
        for s, e in spans:
            while s < e and norm[s] in " \n":
                s += 1
            while e > s and norm[e - 1] in " \n":
                e -= 1
            if s < e:
                out.append((s, e))
        return out

    rng = random.Random(3)
    for _ in range(3000):
        norm = "".join(rng.choice("\n\n  ab") for _ in range(rng.randint(0, 30)))
        assert segment.paragraph_spans(norm) == by_pattern(norm), repr(norm)
