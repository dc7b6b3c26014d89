"""A unit's frame, set aside by the restatement test (terms.frame_marks): speaker, audience, inline dateline, the source's assessment; on sentences written for these tests."""

import pytest

from copydesk.scoring import terms as _terms
from copydesk.scoring.figures import find
from copydesk.scoring.repetition import analyze
from copydesk.scoring.text import build_document


def restated(text):
    doc = build_document(text)
    rep = analyze(doc, find(doc))
    return [(r.unit, r.restates) for r in rep.restatements], rep.index


def marked(text, opens_paragraph=True):
    """Each word of the first unit with its mark."""
    doc = build_document(text)
    unit = doc.units[0]
    marks = _terms.frame_marks(unit, list(doc.quotes), opens_paragraph)
    return {t.lexeme.text: m for t, m in zip(unit.tokens, marks) if t.is_word}


# --- the source's assessment: ", calling it ..." (ASSESSMENT_VERBS) --------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a source and its epithet added to a price already stated, nothing else
        'Harlow council set the new bus fare at $2.75 on Monday. Buses will run every 10 minutes. '
        'Mayor Dana Ortiz confirmed the $2.75 fare at a briefing, calling it "fair for what riders get."',
        # the same, with the epithet outside quotation marks
        "Harlow council set the new bus fare at $2.75 on Monday. Buses will run every 10 minutes. "
        "Mayor Dana Ortiz confirmed the $2.75 fare, describing it as overdue.",
    ],
)
def test_must_flag_a_source_and_its_assessment_added_to_a_stated_fact(text):
    assert "calling" in _terms.ASSESSMENT_VERBS and "describing" in _terms.ASSESSMENT_VERBS
    assert restated(text)[0] == [(2, 0)]


@pytest.mark.parametrize(
    "text",
    [
        # "calling for" is a demand, a new event: not an assessment (ASSESSMENT_OBJECTS)
        "Harlow council set the new bus fare at $2.75 on Monday. Buses will run every 10 minutes. "
        "Mayor Dana Ortiz confirmed the $2.75 fare, calling for a review of night routes.",
        # a new fact after the epithet's clause is content again
        'Harlow council set the new bus fare at $2.75 on Monday. Buses will run every 10 minutes. '
        'Mayor Dana Ortiz confirmed the $2.75 fare, calling it "fair", and scrapped the night routes.',
    ],
)
def test_must_pass_an_assessment_beside_news(text):
    assert restated(text) == ([], 0.0)


def test_an_assessment_clause_longer_than_an_epithet_is_content():
    words = " ".join(["costly"] * _terms.ASSESSMENT_MAX_TOKENS)
    marks = marked(f"Ortiz confirmed the fare, calling it {words} and late.")
    assert marks["calling"] == _terms.CONTENT
    marks = marked("Ortiz confirmed the fare, calling it costly and late.")
    assert marks["calling"] == marks["late"] == _terms.ASSESSMENT and marks["fare"] == _terms.CONTENT


# --- an inline dateline is no news (DATELINE) -----------------------------------------------


def test_an_inline_dateline_opening_a_paragraph_is_set_aside():
    marks = marked("HARLOW, Essex (Wire) -- Floods closed the Mill Road bridge.")
    assert marks["HARLOW"] == marks["Essex"] == marks["Wire"] == _terms.DATELINE
    assert marks["Floods"] == marks["bridge"] == _terms.CONTENT
    marks = marked("PASADENA, Calif., March 13, 2026 /Newswire/ \u2014 Jacobs won the contract.")
    assert marks["Newswire"] == _terms.DATELINE and marks["won"] == _terms.CONTENT


@pytest.mark.parametrize(
    "text, opens",
    [
        ("NASA - the space agency - delayed the launch.", False),  # not the paragraph's first sentence
        ("NASA said the launch - set for May - was delayed.", True),  # a lower-case word before the dash
        ("Harlow -- Floods closed the bridge.", True),  # the place is not in capitals
    ],
)
def test_what_is_not_an_inline_dateline(text, opens):
    assert _terms.DATELINE not in marked(text, opens).values()


def test_must_flag_a_lede_that_repeats_its_deck_behind_a_dateline():
    text = (
        "The county has closed the Mill Road bridge because floods damaged its supports.\n\n"
        "HARLOW, Essex (Wire) -- Floods damaged the supports of the Mill Road bridge, and the county has closed it."
    )
    assert restated(text)[0] == [(1, 0)]


def test_must_pass_a_lede_that_names_a_new_place_behind_its_dateline():
    text = (
        "The county has closed the Mill Road bridge because floods damaged its supports.\n\n"
        "HARLOW, Essex (Wire) -- Floods damaged the supports of the Mill Road bridge at Epping, and the county has closed it."
    )
    assert restated(text) == ([], 0.0)


# --- the audience: who was told is attribution, not the speaker (AUDIENCE) --------------------


def test_the_audience_is_attribution_but_not_the_speaker():
    marks = marked('"We will rebuild," she told reporters outside her office.')
    assert marks["reporters"] == marks["office"] == _terms.AUDIENCE
    doc = build_document('"We will rebuild," she told reporters outside her office.')
    memo = [None] * doc.lexemes
    _terms.unit_profile(doc.units[0], (), memo)
    frame, speaker = _terms.frame_terms(doc.units[0], _terms.frame_marks(doc.units[0], list(doc.quotes), True), memo)
    assert _terms.term("office") in frame and _terms.term("office") not in speaker


def test_must_flag_an_echo_quote_told_to_reporters_outside_her_office():
    # "her office" is where she spoke, not her own thing (PARTICULAR_WORDS read in the content only),
    # and "sought to" is "tried to" (news_synonyms.toml, attempt)
    text = (
        'Mayor Ana Lin said the city had "never sought to delay" the audit of the water board. '
        '"We have never tried to delay the audit of the water board," she told reporters outside her office.'
    )
    assert restated(text)[0] == [(1, 0)]


def test_must_pass_her_own_thing_in_the_content():
    # the "her" of the content still makes it one person's own thing (PARTICULAR_WORDS)
    text = (
        "The tornado destroyed 12 homes in Harlow on Sunday, the county said. Roads were shut. "
        "Ann Lee said her home in Harlow was destroyed by the tornado on Sunday."
    )
    assert restated(text) == ([], 0.0)


def test_a_capitalized_reporting_verb_inside_a_sentence_is_a_name():
    # "States" in "the United States" is no reporting verb: the phone and its price stay content
    marks = marked("The phone costs $999 in the United States and Canada.")
    assert set(marks.values()) == {_terms.CONTENT}


def test_tried_sought_and_attempted_to_are_one_act():
    assert _terms.term("tried") == _terms.term("sought") == _terms.term("attempted") == _terms.term("trying")
    assert _terms.term("tried") != _terms.term("trial")


# --- a denial frame: "rejected allegations that" (DENIAL_FRAME_VERBS, DENIED_NOUNS) -----------


def test_a_denial_frame_is_set_aside_and_denies():
    marks = marked("The mayor has rejected allegations that she pressured the board.")
    assert marks["rejected"] == marks["allegations"] == marks["that"] == _terms.DENIAL
    assert marks["pressured"] == marks["board"] == _terms.CONTENT
    # no noun of DENIED_NOUNS and "that" after it: the verb is an event ("rejected the offer"),
    # and "dismissed" is a court's act, not in DENIAL_FRAME_VERBS
    assert marked("The union rejected the offer that the board made.")["rejected"] == _terms.CONTENT
    assert marked("The judge dismissed claims that the firm lied.")["dismissed"] == _terms.CONTENT


def test_must_flag_a_lede_that_denies_again_what_its_deck_denied():
    # "rejected allegations that" is "denied claims that"; "sign off" is "approve" (news_synonyms.toml, phrases)
    text = (
        "Mayor Ana Lin has denied claims that she pressured the water board to approve a $2 million contract.\n\n"
        "HARLOW (Wire) -- Mayor Ana Lin has rejected allegations that she pressured the water board to sign off "
        "a $2 million contract."
    )
    assert _terms.term("signed") == _terms.term("sign") and _terms.PHRASES["sign off"] == _terms.term("approve")
    assert restated(text)[0] == [(1, 0)]


@pytest.mark.parametrize(
    "text",
    [
        # the denial after the assertion: the opposite, news
        "Mayor Ana Lin said she pressured the water board to approve a $2 million contract. Aides were busy. "
        "Mayor Ana Lin has rejected allegations that she pressured the water board to approve a $2 million contract.",
        # a rejection with no "allegations that" is an event of its own
        "The water board offered the union a $2 million contract on Monday. Talks ran late. "
        "The union rejected the $2 million contract on Monday.",
    ],
)
def test_must_pass_a_denial_of_an_assertion_and_a_rejection(text):
    assert restated(text) == ([], 0.0)


def test_an_opening_according_to_ends_at_its_comma():
    from copydesk.scoring import terms
    from copydesk.scoring.text import build_document, lexeme_slots

    doc = build_document("According to the lender's index, values dropped by 1.8% over the month.")
    unit = doc.units[0]
    source = terms.source_terms(unit, [], [None] * lexeme_slots((unit,)))
    assert {"index", "lend"} <= source and "month" not in source and "fell" not in source
    # at the end of a sentence it runs to the full stop, as before
    doc = build_document("Values dropped by 1.8% over the month, according to the lender's house price index.")
    unit = doc.units[0]
    source = terms.source_terms(unit, [], [None] * lexeme_slots((unit,)))
    assert {"index", "lend", "home"} <= source and "month" not in source


# --- a subject and its appositive before the verb (terms._pick_appositive) -------------------


def test_a_subject_with_its_appositive_before_said_is_the_speaker():
    words = marked("Its chair, retired GP Dr Ruth Kessler, said 2,140 people had been waiting.")
    assert words["chair"] == words["Kessler"] == words["Ruth"] == _terms.SPEAKER
    assert words["people"] == words["waiting"] == _terms.CONTENT


@pytest.mark.parametrize(
    "text, content",
    [
        ("Prices rose, said economists at the bank.", "Prices"),  # one comma: no appositive
        ("The firm, which employs 300, said it would close its plant.", "employs"),  # a relative clause is content
        ("On Monday the board met, and its chair, Ruth Kessler, said 40 posts would go.", "board"),  # the subject does not open the unit
    ],
)
def test_no_appositive_source_without_a_subject_opening_the_unit(text, content):
    assert marked(text)[content] == _terms.CONTENT


def test_must_flag_a_figure_said_again_by_a_source_with_an_appositive():
    text = (
        "The waiting list grew to 68,400, and 2,140 patients had been waiting more than a year for treatment at the trust. "
        "Campaigners marched on Saturday. "
        "Its chair, retired GP Dr Ruth Kessler, said 2,140 patients had now been waiting more than a year for treatment at the trust."
    )
    assert restated(text)[0] == [(2, 0)]
