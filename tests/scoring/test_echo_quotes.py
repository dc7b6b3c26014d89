"""Echo quotes in other words (scoring/echo.py): a refusal or a judgement said again in the speaker's voice; on sentences written for these tests."""

import pytest

from copydesk.scoring import echo as _echo
from copydesk.scoring import repetition as _repetition
from copydesk.scoring import terms as _terms
from copydesk.scoring.figures import find
from copydesk.scoring.repetition import analyze
from copydesk.scoring.text import build_document


def restated(text):
    doc = build_document(text)
    rep = analyze(doc, find(doc))
    return [(r.unit, r.restates, r.confidence) for r in rep.restatements], rep.index


LEAD = "The council approved the budget on Monday. "
REFUSAL = LEAD + "Mayor Ann Cole declined to comment on the cuts. "


# --- a refusal said again ([refusal] in echo_quotes.toml) -----------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        '"I am not going to comment on that," she said.',
        '"No comment," she said.',
        '"I can\'t comment on the cuts," Cole said.',
        '“I can’t comment on the cuts,” Cole said.',  # typographic marks: the text is folded first
        'She told BBC Radio Five Live: "I won\'t go into it."',  # "Five": part of the audience's name, no figure
    ],
)
def test_must_flag_a_refusal_said_again(quote):
    found, index = restated(REFUSAL + quote)
    assert found == [(2, 1, _echo.REFUSAL_CONFIDENCE)]
    assert index == pytest.approx(1 / 3, abs=1e-4)
    assert _echo.REFUSAL_CONFIDENCE >= _repetition.INDEX_MIN  # counted in the index


def test_must_flag_a_refusal_to_give_details_echoed_with_a_number_in_the_audience():
    text = 'The chairman refused to give any details of the sale. He told Channel 4 News: "I am not going into the details."'
    assert restated(text)[0] == [(1, 0, _echo.REFUSAL_CONFIDENCE)]


@pytest.mark.parametrize(
    "quote",
    [
        # something the paraphrase had not said: which cuts
        '"I won\'t comment on the library closures," she said.',
        # "not going to" is the future, not a refusal to tell (PARTICLE_VERBS need "into")
        '"We are not going to close the library," she said.',
        # another speaker
        '"We will not comment," said Jo Bell, a union official.',
        # a question is no claim
        '"Why would I comment?" she said.',
    ],
)
def test_must_pass_a_quote_that_is_no_echo_of_the_refusal(quote):
    assert restated(REFUSAL + quote)[0] == []


def test_must_pass_a_refusal_that_does_not_follow_the_paraphrase_at_once():
    text = REFUSAL + "The cuts take effect in April. " + '"I am not going to comment on that," she said.'
    assert restated(text)[0] == []


def test_must_pass_a_refusal_quote_after_a_paraphrase_that_refuses_nothing():
    text = LEAD + "Mayor Ann Cole spoke about the cuts. " + '"I am not going to comment on that," she said.'
    assert restated(text)[0] == []


def test_a_refusal_reads_a_verb_of_telling_within_the_window_only():
    assert _echo.REFUSAL_WINDOW == 3
    near = REFUSAL + '"I am not able to comment," she said.'  # not, able, to, comment: within three words
    far = REFUSAL + '"I am not in a position where I can usefully comment," she said.'
    assert restated(near)[0] == [(2, 1, _echo.REFUSAL_CONFIDENCE)]
    assert restated(far)[0] == []


# --- a judgement said again ([evaluation] in echo_quotes.toml) ------------------------------

PRICE = (
    "Tickets for the new stadium go on sale in May. "
    "The ticket price compares favourably with other clubs, said fan group chairman Tom Reed. "
)


@pytest.mark.parametrize(
    "quote",
    [
        '"It is a very fair price," he said.',
        '"It is a very good price point."',  # "price point" is a price (news_synonyms.toml)
    ],
)
def test_must_flag_a_judgement_said_again(quote):
    assert restated(PRICE + quote)[0] == [(2, 1, _echo.JUDGEMENT_CONFIDENCE)]
    assert _echo.JUDGEMENT_CONFIDENCE >= _repetition.INDEX_MIN


@pytest.mark.parametrize(
    "quote",
    [
        # the opposite judgement: news
        '"The price is unacceptable," he said.',
        # a judgement of something the paraphrase had not named
        '"The seats are excellent," he said.',
        # another speaker's judgement is a second voice, not an echo
        '"It is a fair price," said Jo Bell, a season-ticket holder.',
        # a judgement beside news
        '"It is a fair price, but the seats are cramped," he said.',
        # hedged: what might have been
        '"The price could have been fairer," he said.',
    ],
)
def test_must_pass_a_quote_that_is_no_echo_of_the_judgement(quote):
    assert restated(PRICE + quote)[0] == []


def test_must_pass_a_judgement_in_the_writers_own_voice():
    # no one's paraphrase: the quotation is the first time the speaker judges
    text = "Tickets go on sale in May. The ticket price compares favourably with other clubs. " + '"It is a fair price," Reed said.'
    assert restated(text)[0] == []


def test_praise_and_blame_at_once_is_no_single_judgement():
    doc = build_document("The price is fair but the seats are cramped and unsafe.")
    unit = doc.units[0]
    assert _echo.judgement(unit, [False] * len(unit.tokens)) == (0, [])


# --- the frame these read ----------------------------------------------------------------


def test_a_lower_case_title_before_a_name_after_said_is_the_source():
    doc = build_document("The price compares favourably, said fan group chairman Tom Reed.")
    unit = doc.units[0]
    marks = _terms.frame_marks(unit, list(doc.quotes), True)
    words = {t.lexeme.text: m for t, m in zip(unit.tokens, marks) if t.is_word}
    assert words["chairman"] == words["Reed"] == _terms.SPEAKER
    assert words["price"] == _terms.CONTENT


@pytest.mark.parametrize(
    "text",
    [
        "The firm, which employs 300, said it would close its Dayton plant.",  # a function word: what was said
        "The price compares favourably, said fan group chairman of the year Tom Reed.",  # "of", "the"
        "The price compares favourably, said the fan group's long-serving honorary life chairman Tom Reed.",  # too long
    ],
)
def test_what_follows_said_is_no_titled_source_unless_short_and_plain(text):
    assert _terms.TITLED_SOURCE_MAX == 6
    doc = build_document(text)
    unit = doc.units[0]
    marks = _terms.frame_marks(unit, list(doc.quotes), True)
    last_word = [m for t, m in zip(unit.tokens, marks) if t.is_word][-1]
    assert last_word == _terms.CONTENT


# --- an echo quote in the paraphrase's own words (repetition.py's content test) -------------------


def test_must_flag_an_echo_quote_whose_only_other_word_is_doing():
    # "doing" is a form of the auxiliary "do" (stopwords_en.toml, function): no content of its own
    assert "doing" in _terms.STOPWORDS
    text = (
        "The shelter took in 40 dogs last week. "
        "Manager Rosa Diaz said it was the busiest week the shelter had seen in her 12 years there. "
        '"Twelve years I have been doing this, and that is the busiest week we have had," she said.'
    )
    assert [(u, r) for u, r, _ in restated(text)[0]] == [(2, 1)]


def test_must_pass_a_quote_that_adds_what_the_busy_week_meant():
    text = (
        "The shelter took in 40 dogs last week. "
        "Manager Rosa Diaz said it was the busiest week the shelter had seen in her 12 years there. "
        '"Twelve years I have been doing this, and we have never had to turn dogs away before," she said.'
    )
    assert restated(text)[0] == []
