"""Every error is application/problem+json with the right status, and says what to fix."""

from __future__ import annotations

import dataclasses

import pytest

from copydesk import scoring
from copydesk.api import create_app
from tests.conftest import PROBLEM_JSON, ContractClient

TEXT = "The council said repairs would cost $4.2 million."

# What `curl -d text=...` sends: name=value pairs, "+" for spaces.
FORM = "text=The+mayor+said+3%2C000+homes+flooded."

# (name, request kwargs, status, problem type, field that must appear in `errors` or None)
CASES = [
    ("malformed JSON", {"data": '{"text": ', "content_type": "application/json"}, 400, "urn:copydesk:problem:malformed-json", None),
    ("JSON not UTF-8", {"data": b'{"text": "caf\xe9"}', "content_type": "application/json"}, 400, "urn:copydesk:problem:malformed-json", None),
    ("JSON nested too deeply", {"data": "[" * 100_000, "content_type": "application/json"}, 400, "urn:copydesk:problem:malformed-json", None),
    ("raw body not UTF-8", {"data": b"caf\xe9 au lait", "content_type": "text/plain"}, 400, "urn:copydesk:problem:undecodable-body", None),
    ("raw body not its charset", {"data": b"\xff\xfe\xfd", "content_type": "text/html; charset=ascii"}, 400, "urn:copydesk:problem:undecodable-body", None),
    ("no content type", {"data": TEXT}, 415, "urn:copydesk:problem:unsupported-media-type", None),
    ("a real form body", {"data": FORM, "content_type": "application/x-www-form-urlencoded"}, 415, "urn:copydesk:problem:unsupported-media-type", None),
    ("XML", {"data": "<a/>", "content_type": "application/xml"}, 415, "urn:copydesk:problem:unsupported-media-type", None),
    ("unknown charset", {"data": TEXT, "content_type": "text/plain; charset=klingon"}, 415, "urn:copydesk:problem:unsupported-charset", None),
    ("a transform, not a text encoding", {"data": TEXT, "content_type": "text/plain; charset=rot13"}, 415, "urn:copydesk:problem:unsupported-charset", None),
    ("empty text", {"json": {"text": ""}}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("white space only", {"json": {"text": " \n\t\u00a0"}}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("empty raw body", {"data": "", "content_type": "text/plain"}, 422, "urn:copydesk:problem:empty-text", "text"),
    # an empty body is empty whatever its type (curl --data-binary @missing-file sends curl's form type)
    ("empty JSON body", {"data": "", "content_type": "application/json"}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("empty body, curl's form type", {"data": "", "content_type": "application/x-www-form-urlencoded"}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("empty body, no content type", {"data": ""}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("empty body, a type never read", {"data": "", "content_type": "application/pdf"}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("empty body, bad query option", {"data": "", "content_type": "application/x-www-form-urlencoded", "query_string": "offsets=bytes"}, 422, "urn:copydesk:problem:invalid-request", "query.offsets"),
    ("markup without words", {"data": "<p><img src=x></p>", "content_type": "text/html"}, 422, "urn:copydesk:problem:empty-text", "text"),
    ("text missing", {"json": {"format": "text"}}, 422, "urn:copydesk:problem:invalid-request", "text"),
    ("text not a string", {"json": {"text": 42}}, 422, "urn:copydesk:problem:invalid-request", "text"),
    ("body not an object", {"json": ["text"]}, 422, "urn:copydesk:problem:invalid-request", "body"),
    ("unknown field", {"json": {"text": TEXT, "title": "Flood"}}, 422, "urn:copydesk:problem:invalid-request", "title"),
    ("unknown format", {"json": {"text": TEXT, "format": "pdf"}}, 422, "urn:copydesk:problem:invalid-request", "format"),
    ("rate too slow", {"json": {"text": TEXT, "options": {"words_per_minute": 1}}}, 422, "urn:copydesk:problem:invalid-request", "options.words_per_minute"),
    ("rate not a number", {"json": {"text": TEXT, "options": {"words_per_minute": "fast"}}}, 422, "urn:copydesk:problem:invalid-request", "options.words_per_minute"),
    ("rate NaN", {"data": '{"text": "Hi there.", "options": {"words_per_minute": NaN}}', "content_type": "application/json"}, 422, "urn:copydesk:problem:invalid-request", "options.words_per_minute"),
    ("unknown option", {"json": {"text": TEXT, "options": {"speed": 2}}}, 422, "urn:copydesk:problem:invalid-request", "options.speed"),
    ("rules not a list", {"json": {"text": TEXT, "options": {"disabled_rules": "x"}}}, 422, "urn:copydesk:problem:invalid-request", "options.disabled_rules"),
    ("unknown rule", {"json": {"text": TEXT, "options": {"disabled_rules": ["no.such-rule"]}}}, 422, "urn:copydesk:problem:invalid-request", "options.disabled_rules"),
    ("unknown profile", {"json": {"text": TEXT, "options": {"profile": "poetry"}}}, 422, "urn:copydesk:problem:invalid-request", "options.profile"),
    ("offsets unit unknown", {"json": {"text": TEXT, "options": {"offsets": "bytes"}}}, 422, "urn:copydesk:problem:invalid-request", "options.offsets"),
    ("bad query option with a JSON body", {"json": {"text": TEXT}, "query_string": "offsets=bytes"}, 422, "urn:copydesk:problem:invalid-request", "query.offsets"),
    ("query rate out of range", {"data": TEXT, "content_type": "text/plain", "query_string": "words_per_minute=5000"}, 422, "urn:copydesk:problem:invalid-request", "query.words_per_minute"),
    ("query flag not a boolean", {"data": TEXT, "content_type": "text/plain", "query_string": "anonymous_as_vague=maybe"}, 422, "urn:copydesk:problem:invalid-request", "query.anonymous_as_vague"),
    ("query parameter twice", {"data": TEXT, "content_type": "text/plain", "query_string": "profile=a&profile=b"}, 422, "urn:copydesk:problem:invalid-request", "query.profile"),
    ("unknown query parameter", {"data": TEXT, "content_type": "text/plain", "query_string": "title=Flood"}, 422, "urn:copydesk:problem:invalid-request", "query.title"),
]


@pytest.mark.parametrize(("name", "kwargs", "status", "type", "field"), CASES, ids=[c[0] for c in CASES])
def test_bad_requests_get_a_problem(client, name, kwargs, status, type, field):
    response = client.post("/v1/analyze", **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM_JSON
    problem = response.get_json()
    assert problem["status"] == status
    assert problem["type"] == type
    assert problem["detail"]
    if field is None:
        assert "errors" not in problem
    else:
        assert field in problem["errors"], problem


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "application/pdf", None])
def test_415_names_the_accepted_types(client, content_type):
    response = client.post("/v1/analyze", data=FORM, content_type=content_type)
    accepted = ["application/json", "text/plain", "text/html", "text/markdown"]
    assert response.get_json()["accepted"] == accepted
    assert response.headers["Accept-Post"] == ", ".join(accepted)
    for media_type in accepted:
        assert media_type in response.get_json()["detail"]


def test_the_form_encoded_refusal_says_how_to_send_text(client):
    response = client.post("/v1/analyze", data=FORM, content_type="application/x-www-form-urlencoded")
    assert "curl --data-binary @story.txt" in response.get_json()["detail"]


def test_an_article_sent_with_curls_default_type_is_read_as_plain_text(client, seed_text):
    # `curl --data-binary @story.txt URL` labels the raw file application/x-www-form-urlencoded
    as_form = client.post("/v1/analyze", data=seed_text.encode(), content_type="application/x-www-form-urlencoded")
    as_text = client.post("/v1/analyze", data=seed_text.encode(), content_type="text/plain")
    assert as_form.status_code == 200
    assert as_form.get_json() == as_text.get_json()


@pytest.mark.parametrize(
    ("body", "type"),
    [
        # named: the schema knows the languages read here
        ({"text": TEXT, "options": {"language": "tlh"}}, "urn:copydesk:problem:invalid-request"),
        # detected: the library tells
        ({"text": "Мэр города заявил, что ремонт обойдётся в четыре миллиона рублей, а река снова разольётся."}, "urn:copydesk:problem:unsupported-language"),
    ],
)
def test_an_unsupported_language_is_a_problem_with_its_field(client, body, type):
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 422
    assert response.get_json()["type"] == type
    assert "options.language" in response.get_json()["errors"]


@pytest.fixture
def small_app():
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 100})
    app.test_client_class = ContractClient
    return app


@pytest.mark.parametrize(
    ("size", "status"),
    [(100, 200), (101, 413), (5000, 413)],
)
def test_the_body_limit_is_inclusive_and_413_says_by_how_much(small_app, size, status):
    body = ("Word. " * size)[:size]
    response = small_app.test_client().post("/v1/analyze", data=body, content_type="text/plain")
    assert response.status_code == status
    if status == 413:
        problem = response.get_json()
        assert (problem["limit"], problem["actual"]) == (100, size)
        assert f"{size - 100} over the limit of 100 bytes" in problem["detail"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v1/analyze", 405),
        ("PUT", "/v1/analyze", 405),
        ("DELETE", "/v1/health", 405),
        ("POST", "/openapi.yaml", 405),
        ("POST", "/", 405),  # "/" is the demo page (api/demo), GET only
        ("GET", "/index.html", 404),
        ("POST", "/v1/analyze/now", 404),
        ("GET", "/v2/health", 404),
    ],
)
def test_unknown_routes_and_methods_are_problems(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.mimetype == PROBLEM_JSON
    assert response.get_json()["type"] == "about:blank"
    if status == 405:
        assert response.headers["Allow"]


@pytest.mark.parametrize(
    "error",
    [RuntimeError("secret path /etc/copydesk and a stack"), scoring.LexiconError("secret data file broken")],
)
def test_unexpected_errors_answer_500_without_internals(monkeypatch, error):
    app = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False})
    app.test_client_class = ContractClient

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr("copydesk.scoring.analyze", broken)
    response = app.test_client().post("/v1/analyze", json={"text": TEXT})
    assert response.status_code == 500
    assert response.mimetype == PROBLEM_JSON
    assert "secret" not in response.get_data(as_text=True)


def test_a_non_finite_number_is_a_500_not_invalid_json(monkeypatch):
    app = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False})
    app.test_client_class = ContractClient
    real = scoring.analyze

    def broken(*args, **kwargs):
        report = real(*args, **kwargs)
        return dataclasses.replace(report, readability=dataclasses.replace(report.readability, grade=float("nan")))

    monkeypatch.setattr("copydesk.scoring.analyze", broken)
    response = app.test_client().post("/v1/analyze", json={"text": TEXT})
    assert response.status_code == 500
    assert "NaN" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("error", "type"),
    [
        (scoring.TextTooLongError("over 10 characters", limit=10, actual=12), "urn:copydesk:problem:text-too-long"),
        (scoring.UnsupportedFormatError("no pdf", field="format"), "urn:copydesk:problem:unsupported-format"),
        (scoring.InvalidOptionError("bad profile", field="options.profile"), "urn:copydesk:problem:invalid-option"),
        (scoring.InputError("cannot read"), "urn:copydesk:problem:invalid-input"),
    ],
)
def test_every_input_error_of_the_library_is_a_422(monkeypatch, client, error, type):
    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr("copydesk.scoring.analyze", refuse)
    response = client.post("/v1/analyze", json={"text": TEXT})
    assert response.status_code == 422
    assert response.get_json()["type"] == type
    assert response.get_json()["detail"] == str(error)
    if error.field:
        assert response.get_json()["errors"] == {error.field: [str(error)]}


# Odd but possible requests: each gets a report or a 4xx problem, never a 500.
ODD_REQUESTS = [
    ("control characters", {"data": "The mayor\x00 said 3 people died.\x07", "content_type": "text/plain"}, 200),
    ("lone surrogate in the text", {"data": '{"text": "The mayor \\ud800 said 3 people died."}', "content_type": "application/json"}, 200),
    ("lone surrogate as a key", {"data": '{"text": "x", "\\ud800": 1}', "content_type": "application/json"}, 422),
    ("a 5,000-digit number", {"data": '{"text": "x", "options": {"words_per_minute": ' + "9" * 5000 + "}}", "content_type": "application/json"}, 400),
    ("a number too big for a float", {"data": '{"text": "x", "options": {"words_per_minute": 1e400}}', "content_type": "application/json"}, 422),
    ("a boolean for a number", {"json": {"text": TEXT, "options": {"words_per_minute": True}}}, 422),
    ("null options", {"json": {"text": TEXT, "options": None}}, 422),
    ("null format", {"json": {"text": TEXT, "format": None}}, 422),
    ("a 100,000-letter word", {"data": "a" * 100_000, "content_type": "text/plain"}, 200),
    ("only emoji", {"data": "😀" * 1000, "content_type": "text/plain"}, 422),
]


@pytest.mark.parametrize(("name", "kwargs", "status"), ODD_REQUESTS, ids=[c[0] for c in ODD_REQUESTS])
def test_odd_requests_never_get_a_500(client, name, kwargs, status):
    response = client.post("/v1/analyze", **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
