"""Source phrases as fresh copy writes them (issue 19): the subject of a reporting verb in its common shapes.

Cases written for these tests after a blind set of articles, written by colleagues who never
saw the rules, showed each shape losing its source. Each names the sentence that decides and
what it must be (see tests/scoring/test_claims_real_copy.py).
"""

from __future__ import annotations

import pytest

from tests.scoring.test_claims_real_copy import check

# a surname that ends like a verb form ("Manning", "Reed") is still a name
NAMES = [
    ("Mayor Paul Manning said the bridge would close for 14 weeks.", -1, "attributed"),
    ("Tom Harding said the bridge would close for 14 weeks.", -1, "attributed"),
    ("Councillor Ann Reed said the closure was badly timed and cost traders £40,000.", -1, "attributed"),
    # a lower-case verb form still ends the phrase: "protesting" is no part of the name
    ("Protesting loudly, Tom Harding said the bridge would close for 14 weeks.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), NAMES)
def test_names_that_end_like_verbs(text, sentence, want):
    check(text, sentence, want)


# asides that only describe the subject (an age, a relative clause) stand between it and its verb
ASIDES = [
    ("Dafydd Rees, 67, whose house on Quay Street flooded in 2019, said he had carried his furniture upstairs.", -1, "attributed"),
    ("Graham Lowe, 71, who has lived in the close for 30 years, said the street flooded twice in 2024.", -1, "attributed"),
    ("Ana Ruiz, the utility's chief engineer, said 40 pipes failed on Sunday.", -1, "attributed"),
    # an aside that hides the subject leaves it anonymous, and so does one person known only by where they live
    ("A neighbour, who asked not to be named, said she heard shouting shortly before 10.30 p.m.", -1, "vague"),
    ("The mayor, who spoke on condition of anonymity, said 40 jobs would go.", -1, "vague"),
    ('A neighbour, who asked not to be named, said she heard shouting at 10 p.m. "I thought it was the television at first," she said.', -1, "vague"),
    # "close" hides a source only as "close to"
    ("Sources close to the council said 40 jobs would go.", -1, "vague"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), ASIDES)
def test_asides_between_subject_and_verb(text, sentence, want):
    check(text, sentence, want)


# "according to" a document by a definite author, or a definite role; "the force" is the police force
PREPOSITIONAL = [
    ("Reserves stand at about £31 million, according to a report by the borough's chief finance officer.", -1, "attributed"),
    ("Reserves stand at about £31 million, according to a report by campaigners.", -1, "vague"),
    ("Gusts of 70 mph were recorded at Penhallow Point on Saturday, according to the forecaster.", -1, "attributed"),
    ("The force said the woman was taken to Eastfield General Hospital on Friday.", -1, "attributed"),
    ("A task force said 40 homes were flooded on Friday.", -1, "vague"),
    # "sources close to", "people familiar with": unnamed, whoever the body after them is
    ("People familiar with the talks said the deal was worth $40 million.", -1, "vague"),
    ("A person close to Mayor Ines Corr said 40 jobs would go.", -1, "vague"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), PREPOSITIONAL)
def test_documents_roles_and_closeness(text, sentence, want):
    check(text, sentence, want)
