"""POST /v1/analyze/batch: JSON arrays and NDJSON, each item answered on its own, limits on the whole batch."""

from __future__ import annotations

import json

import pytest

from copydesk.api import create_app
from copydesk.api.batch import MAX_ID_LENGTH
from copydesk.api.settings import DEFAULT_BATCH_MAX_CHARS, DEFAULT_BATCH_MAX_ITEMS
from tests.conftest import PROBLEM_JSON, ContractClient

GOOD = "The council said on Monday that repairs would cost $4.2 million."
OTHER = "Experts say the river will flood again within 10 years."
NDJSON = "application/x-ndjson"


def ndjson(*items) -> str:
    return "".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in items)


def ndjson_answers(response) -> list[dict]:
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


@pytest.fixture
def small_client():
    """A client whose batch limits are small enough to test cheaply."""
    app = create_app({"TESTING": True, "BATCH_MAX_ITEMS": 3, "BATCH_MAX_CHARS": 200})
    app.test_client_class = ContractClient
    return app.test_client()


def test_each_item_gets_the_report_the_single_endpoint_gives(client):
    response = client.post("/v1/analyze/batch", json=[{"id": "a", "text": GOOD}, {"id": "b", "text": OTHER, "options": {"offsets": "utf16"}}])
    assert response.status_code == 200
    body = response.get_json()
    assert (body["succeeded"], body["failed"]) == (2, 0)
    assert [item["id"] for item in body["items"]] == ["a", "b"]
    single = client.post("/v1/analyze", json={"text": OTHER, "options": {"offsets": "utf16"}}).get_json()
    assert body["items"][1] == {"id": "b", "status": 200, "report": single}


@pytest.mark.parametrize(
    ("item", "status", "problem_type", "field"),
    [
        ({"id": "empty", "text": ""}, 422, "urn:copydesk:problem:empty-text", "text"),
        ({"id": "no-text"}, 422, "urn:copydesk:problem:invalid-request", "text"),
        ({"id": "bad-format", "text": GOOD, "format": "pdf"}, 422, "urn:copydesk:problem:invalid-request", "format"),
        ({"id": "slow", "text": GOOD, "options": {"words_per_minute": 5}}, 422, "urn:copydesk:problem:invalid-request", "options.words_per_minute"),
        ({"id": "extra", "text": GOOD, "colour": "red"}, 422, "urn:copydesk:problem:invalid-request", "colour"),
        ({"id": ["not", "an", "id"], "text": GOOD}, 422, "urn:copydesk:problem:invalid-request", "id"),
        ("just a string", 422, "urn:copydesk:problem:invalid-request", "body"),
    ],
)
def test_a_failing_item_gets_its_own_problem_and_the_others_still_succeed(client, item, status, problem_type, field):
    response = client.post("/v1/analyze/batch", json=[{"id": "first", "text": GOOD}, item, {"text": OTHER}])
    assert response.status_code == 200
    first, failed, last = response.get_json()["items"]
    assert first["status"] == last["status"] == 200
    assert failed["status"] == status
    assert failed["problem"]["type"] == problem_type
    assert failed["problem"]["status"] == status
    assert field in failed["problem"]["errors"]
    assert "report" not in failed
    assert response.get_json()["failed"] == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"id": "story-17"}, "story-17"),
        ({"id": 17}, "17"),
        ({}, "1"),  # no id: the item's position
        ({"id": "x" * MAX_ID_LENGTH}, "x" * MAX_ID_LENGTH),
        ({"id": "x" * (MAX_ID_LENGTH + 1)}, "1"),  # unusable: the position names it, and it fails
        ({"id": True}, "1"),
    ],
)
def test_ids_name_the_answers(client, given, expected):
    response = client.post("/v1/analyze/batch", json=[{"id": "zero", "text": GOOD}, {"text": OTHER, **given}])
    assert response.get_json()["items"][1]["id"] == expected


def test_ndjson_is_answered_line_by_line_in_order_and_a_bad_line_fails_alone(client):
    body = ndjson({"id": "a", "text": GOOD}, "{not json", "", {"id": "c", "text": OTHER})
    response = client.post("/v1/analyze/batch", data=body, content_type=NDJSON, buffered=True)
    assert response.status_code == 200
    assert response.mimetype == NDJSON
    answers = ndjson_answers(response)
    assert [(a["id"], a["status"]) for a in answers] == [("a", 200), ("1", 400), ("c", 200)]
    assert answers[1]["problem"]["type"] == "urn:copydesk:problem:malformed-json"
    assert answers[0]["report"] == client.post("/v1/analyze", json={"text": GOOD}).get_json()


@pytest.mark.parametrize(
    ("content_type", "body", "status", "problem_type"),
    [
        ("application/json", "[{", 400, "urn:copydesk:problem:malformed-json"),
        ("application/json", '{"text": "one article"}', 422, "urn:copydesk:problem:invalid-request"),
        ("application/json", "[]", 422, "urn:copydesk:problem:invalid-request"),
        (NDJSON, "\n\n", 422, "urn:copydesk:problem:invalid-request"),
        (NDJSON, b"\xff\xfe", 400, "urn:copydesk:problem:undecodable-body"),
        ("text/plain", GOOD, 415, "urn:copydesk:problem:unsupported-media-type"),
    ],
)
def test_a_batch_that_cannot_be_read_is_one_problem(client, content_type, body, status, problem_type):
    response = client.post("/v1/analyze/batch", data=body, content_type=content_type)
    assert response.status_code == status
    assert response.mimetype == PROBLEM_JSON
    assert response.get_json()["type"] == problem_type


@pytest.mark.parametrize(
    ("items", "limit", "actual"),
    [
        ([{"text": "Word."}] * 4, 3, 4),  # one item over the count
        ([{"text": "a" * 150}, {"text": "b" * 51}], 200, 201),  # one character over the total
    ],
)
def test_limits_on_the_whole_batch_say_by_how_much(small_client, items, limit, actual):
    for content_type, body in (("application/json", json.dumps(items)), (NDJSON, ndjson(*items))):
        response = small_client.post("/v1/analyze/batch", data=body, content_type=content_type)
        assert response.status_code == 413
        problem = response.get_json()
        assert problem["type"] == "urn:copydesk:problem:batch-too-large"
        assert (problem["limit"], problem["actual"]) == (limit, actual)


def test_a_batch_exactly_at_its_limits_passes(small_client):
    items = [{"text": "a " * 50}, {"text": "b " * 25}, {"text": "c " * 25}]  # 3 items, 200 characters
    response = small_client.post("/v1/analyze/batch", json=items)
    assert response.status_code == 200
    assert response.get_json()["succeeded"] == 3


def test_each_item_is_held_to_the_single_article_limits():
    app = create_app({"TESTING": True, "MAX_TEXT_CHARS": 30})
    app.test_client_class = ContractClient
    response = app.test_client().post("/v1/analyze/batch", json=[{"text": "Short text."}, {"text": "word " * 10}])
    short, long = response.get_json()["items"]
    assert short["status"] == 200
    assert (long["status"], long["problem"]["type"]) == (422, "urn:copydesk:problem:text-too-long")


def test_an_unexpected_failure_is_that_items_500_without_internals(client, monkeypatch):
    from copydesk import scoring

    real = scoring.analyze

    def analyze(text, **kwargs):
        if "boom" in text:
            raise RuntimeError("internal detail")
        return real(text, **kwargs)

    monkeypatch.setattr(scoring, "analyze", analyze)
    response = client.post("/v1/analyze/batch", json=[{"text": "Say boom now."}, {"text": GOOD}])
    boom, good = response.get_json()["items"]
    assert (boom["status"], good["status"]) == (500, 200)
    assert "internal detail" not in json.dumps(boom)


def test_the_defaults_are_documented_in_the_contract():
    from tests.conftest import spec_document

    description = spec_document()["paths"]["/v1/analyze/batch"]["post"]["description"]
    assert f"({DEFAULT_BATCH_MAX_ITEMS})" in description
    assert f"({DEFAULT_BATCH_MAX_CHARS:,})" in description


@pytest.mark.parametrize("offsets", ["code_points", "utf16"])
def test_a_markup_item_carries_the_same_markup_offsets_as_the_single_endpoint(client, offsets):
    item = {"text": "<h1>Floods</h1><p>Experts say the river will flood again within 10 years.</p>", "format": "html", "options": {"offsets": offsets}}
    (answer,) = client.post("/v1/analyze/batch", json=[item]).get_json()["items"]
    assert answer["report"] == client.post("/v1/analyze", json=item).get_json()
