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
