"""The claims analysis's thresholds at the boundary and one past it (new file: test_claims*.py are being rewritten)."""

from __future__ import annotations

import pytest

from copydesk import scoring
from copydesk.scoring.claims import ORPHAN_QUOTE_SHARE
from copydesk.scoring.claims.detect import EVENT_MIN_WORDS


def claims(text: str) -> list[tuple[int, str, str | None]]:
    return [(c.unit, c.status, c.source) for c in scoring.analyze(text).claims.items]


def test_thresholds_are_the_documented_ones():
    assert (ORPHAN_QUOTE_SHARE, EVENT_MIN_WORDS) == (0.6, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested.", []),  # two words: too short to state an event
        ("Police arrested Smith.", [(0, "unsourced", None)]),  # three: an event about an identifiable person
    ],
)
def test_an_event_needs_three_words(text, expected):
    assert claims(text) == expected


SPEAKER = "Mayor Ana Ruiz said the plan was sound. "


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        ('"Crews cut jobs" last spring.', "attributed"),  # 3 of 5 words quoted: 60%, the previous speaker's
        ('"Crews cut jobs" last spring again.', "unsourced"),  # 3 of 6: 50%, not a quotation of hers
    ],
)
def test_an_orphan_quotation_is_at_least_sixty_percent_quoted(quote, status):
    found = claims(SPEAKER + quote)
    assert found[0] == (0, "attributed", "Ana Ruiz")
    assert found[1][:2] == (1, status)
