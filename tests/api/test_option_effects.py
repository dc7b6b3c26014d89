"""Every API option changes the report as documented, given in a JSON body, in the query of a raw body and of a JSON body.

Status 200 is not enough: each option is checked by what it changes (claim statuses and
rule ids, read time, verdicts, offsets), and every limit at its boundary and one past it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import scoring
from copydesk.api import create_app
from copydesk.api.limits import DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_UNITS
from copydesk.api.offsets import utf16_positions
from copydesk.scoring.options import MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE
from tests.conftest import ContractClient
from tests.labelled import read_labelled

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"

# Four sentences: an unsourced figure, an anonymous source, a hedge adverb, a named source.
STORY = (
    "The council cut the library budget by 12 percent on Tuesday. "
    "A senior city official, who spoke on condition of anonymity, said 40 jobs would go. "
    "The mayor reportedly plans to close three branches. "
    "Mayor Ana Ruiz said the cuts were painful."
)
DEFAULT_STATUSES = ["unsourced", "vague", "vague", "attributed"]


def post(client, channel: str, text: str, options: dict, query: str):
    """Send `text` with the options as a JSON body's options, as a query on a raw body, or as a query on a JSON body."""
    if channel == "json":
        return client.post("/v1/analyze", json={"text": text, "options": options})
    if channel == "raw+query":
        return client.post(f"/v1/analyze?{query}", data=text.encode(), content_type="text/plain")
    return client.post(f"/v1/analyze?{query}", json={"text": text})


CHANNELS = ["json", "raw+query", "json+query"]


def claims(body):
    return [(c["status"], c["rules"]) for c in body["claims"]["items"]]


@pytest.mark.parametrize("channel", CHANNELS)
def test_default_statuses(client, channel):
    body = post(client, channel, STORY, {}, "profile=news").get_json()
    assert [s for s, _ in claims(body)] == DEFAULT_STATUSES
    assert (body["claims"]["attributed"], body["claims"]["vague"], body["claims"]["unsourced"]) == (1, 2, 1)


@pytest.mark.parametrize("channel", CHANNELS)
def test_anonymous_as_vague_false_credits_the_anonymous_source(client, channel):
    body = post(client, channel, STORY, {"anonymous_as_vague": False}, "anonymous_as_vague=false").get_json()
    assert claims(body)[1] == ("attributed", ["claim.figure", "vague.anonymous"])
    assert [s for s, _ in claims(body)] == ["unsourced", "attributed", "vague", "attributed"]
    assert (body["claims"]["attributed"], body["claims"]["vague"], body["claims"]["unsourced"]) == (2, 1, 1)


@pytest.mark.parametrize("channel", CHANNELS)
def test_anonymous_as_vague_true_is_the_default(client, channel):
    body = post(client, channel, STORY, {"anonymous_as_vague": True}, "anonymous_as_vague=true").get_json()
    assert claims(body)[1] == ("vague", ["claim.figure", "vague.anonymous"])


@pytest.mark.parametrize("channel", CHANNELS)
def test_disabled_rules_turn_a_rule_off(client, channel):
    body = post(client, channel, STORY, {"disabled_rules": ["vague.hedge-adverb"]}, "disabled_rules=vague.hedge-adverb").get_json()
    # "reportedly" no longer makes the claim vague: nothing else sources it
    assert claims(body)[2] == ("unsourced", ["claim.figure"])
    assert [s for s, _ in claims(body)] == ["unsourced", "vague", "unsourced", "attributed"]


@pytest.mark.parametrize("channel", CHANNELS)
def test_two_disabled_rules(client, channel):
    query = "disabled_rules=vague.hedge-adverb,claim.figure"
    body = post(client, channel, STORY, {"disabled_rules": ["vague.hedge-adverb", "claim.figure"]}, query).get_json()
    # with no figure and no hedge, "The mayor reportedly plans to close three branches" claims nothing
    assert [c["unit"] for c in body["claims"]["items"]] == [0, 1, 3]
    assert claims(body) == [
        ("unsourced", ["claim.event"]),
        ("vague", ["claim.event", "vague.anonymous"]),
        ("attributed", ["claim.event", "attribution.reporting-verb"]),
    ]


def test_disabled_rules_repeated_in_the_query(client):
    body = client.post("/v1/analyze?disabled_rules=vague.hedge-adverb&disabled_rules=claim.figure", data=STORY,
                       content_type="text/plain").get_json()
    assert [c["unit"] for c in body["claims"]["items"]] == [0, 1, 3]
    assert [r for _, r in claims(body)][0] == ["claim.event"]


def test_the_body_wins_over_the_query(client):
    body = client.post("/v1/analyze?anonymous_as_vague=false", json={"text": STORY, "options": {"anonymous_as_vague": True}}).get_json()
    assert claims(body)[1][0] == "vague"


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("wpm", [MIN_WORDS_PER_MINUTE, 120, MAX_WORDS_PER_MINUTE])
def test_words_per_minute_sets_the_read_time(client, channel, wpm):
    read_time = post(client, channel, STORY, {"words_per_minute": wpm}, f"words_per_minute={wpm:g}").get_json()["read_time"]
    assert read_time["words_per_minute"] == wpm
    # read time is words at the rate (no images here)
    assert read_time["seconds"] == round(read_time["words"] * 60 / wpm)
    assert read_time["rule"].startswith(f"{wpm:g} words per minute, as requested")


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("wpm", [MIN_WORDS_PER_MINUTE - 0.01, MAX_WORDS_PER_MINUTE + 0.01])
def test_words_per_minute_one_past_its_range_is_refused(client, channel, wpm):
    response = post(client, channel, STORY, {"words_per_minute": wpm}, f"words_per_minute={wpm}")
    assert response.status_code == 422
    assert "words_per_minute" in response.get_data(as_text=True)


def test_without_words_per_minute_the_published_rate_applies(client):
    assert client.post("/v1/analyze", json={"text": STORY}).get_json()["read_time"]["words_per_minute"] == 238


@pytest.mark.parametrize("channel", CHANNELS)
def test_profile_sets_the_verdicts(client, channel):
    text, _, _ = read_labelled(ARTICLES / "c03-storm.json")
    verdicts = {}
    for profile in ("news", "feature", "explainer"):
        body = post(client, channel, text, {"profile": profile}, f"profile={profile}").get_json()
        assert body["readability"]["profile"] == profile
        verdicts[profile] = [s["verdict"] for s in body["readability"]["scores"]]
        expected = scoring.analyze(text, options=scoring.Options(profile=profile)).readability.scores
        assert verdicts[profile] == [s.verdict for s in expected]
    # the article's grades fall between the profiles' thresholds: each profile reads it differently
    assert len({tuple(v) for v in verdicts.values()}) == 3


def test_language_option_is_used(client):
    body = client.post("/v1/analyze?language=en-GB", data=STORY, content_type="text/plain").get_json()
    assert (body["language"]["code"], body["language"]["detected"]) == ("en", False)
    assert client.post("/v1/analyze", data=STORY, content_type="text/plain").get_json()["language"]["detected"] is True


# --- offsets -----------------------------------------------------------------------------------
# U+FFFF is the last character of the Basic Multilingual Plane: one UTF-16 code unit; U+1F600
# is past it: a surrogate pair, two.
EDGE = "a\uffff\U0001F600b"


def test_utf16_positions_at_the_edge_of_the_basic_plane():
    assert utf16_positions(EDGE) == [0, 1, 2, 4, 5]
    assert utf16_positions(EDGE)[-1] == len(EDGE.encode("utf-16-le")) // 2


ASTRAL_SENTENCE = f"Officials said {EDGE} cost 3,000 dollars. The mayor agreed."


@pytest.mark.parametrize("channel", CHANNELS)
def test_offsets_utf16_counts_code_units(client, channel):
    points = client.post("/v1/analyze", json={"text": ASTRAL_SENTENCE}).get_json()
    units16 = post(client, channel, ASTRAL_SENTENCE, {"offsets": "utf16"}, "offsets=utf16").get_json()
    assert (points["offsets"], units16["offsets"]) == ("code_points", "utf16")
    first, second = ASTRAL_SENTENCE.split(" The")[0], "The mayor agreed."
    assert [(u["start"], u["end"]) for u in points["units"]] == [(0, len(first)), (len(first) + 1, len(ASTRAL_SENTENCE))]
    n16 = len(first.encode("utf-16-le")) // 2  # one more than code points: only the emoji takes two units
    assert n16 == len(first) + 1
    assert [(u["start"], u["end"]) for u in units16["units"]] == [(0, n16), (n16 + 1, n16 + 1 + len(second))]


@pytest.mark.parametrize("channel", CHANNELS)
def test_offsets_code_points_is_the_default_and_can_be_asked_for(client, channel):
    body = post(client, channel, ASTRAL_SENTENCE, {"offsets": "code_points"}, "offsets=code_points").get_json()
    assert body["offsets"] == "code_points"
    assert body["units"][0]["end"] == len(ASTRAL_SENTENCE.split(" The")[0])


# --- limits at the boundary and one past it -----------------------------------------------------


@pytest.fixture
def limited_client():
    app = create_app({"TESTING": True, "MAX_TEXT_CHARS": 120, "MAX_UNITS": 10})
    app.test_client_class = ContractClient
    return app.test_client()


def test_default_limits_are_the_documented_ones():
    assert (DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_UNITS) == (500_000, 20_000)


@pytest.mark.parametrize(("size", "status"), [(120, 200), (121, 422)])
def test_text_limit_at_the_boundary_and_one_past(limited_client, size, status):
    text = ("Residents waited " * 20)[: size - 1] + "."  # one sentence
    assert len(text) == size
    response = limited_client.post("/v1/analyze", json={"text": text})
    assert response.status_code == status, response.get_json()
    if status == 422:
        assert (response.get_json()["limit"], response.get_json()["actual"]) == (120, 121)


@pytest.mark.parametrize(("sentences", "status"), [(10, 200), (11, 422)])
def test_unit_limit_at_the_boundary_and_one_past(limited_client, sentences, status):
    text = " ".join(["Go."] * sentences)  # 4 characters a sentence: far over 2 per unit, so units are counted
    response = limited_client.post("/v1/analyze", data=text, content_type="text/plain")
    assert response.status_code == status, response.get_json()
    if status == 422:
        assert (response.get_json()["limit"], response.get_json()["actual"]) == (10, 11)
