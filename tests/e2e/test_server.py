"""End to end: gunicorn with api/gunicorn_conf.py on 127.0.0.1, real HTTP, every answer checked against the contract."""

from __future__ import annotations

import json
import signal

import pytest
import requests
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from tests.conftest import PROBLEM_JSON, openapi
from tests.e2e.live import REQUEST_TIMEOUT, gunicorn

pytestmark = pytest.mark.e2e

BODY_LIMIT = 20_000  # small, so the 413 case stays a few kilobytes


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Start gunicorn as the README does, wait for /v1/health, yield its base URL, stop it by PID."""
    log_path = tmp_path_factory.mktemp("gunicorn") / "server.log"
    with gunicorn(log_path, WORKERS="2", MAX_CONTENT_LENGTH=str(BODY_LIMIT)) as (base, proc):
        yield {"base": base, "proc": proc, "log": log_path}


def call(server, method: str, path: str, **kwargs) -> requests.Response:
    """Send a request and check the answer against openapi.yaml (or the problem schema off-contract)."""
    response = requests.request(method, server["base"] + path, timeout=REQUEST_TIMEOUT, **kwargs)
    known = path.split("?")[0] in ("/v1/analyze", "/v1/health", "/openapi.yaml")
    if known and response.status_code != 405:
        openapi().validate_response(RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response))
    else:
        assert response.headers["Content-Type"] == PROBLEM_JSON
    return response


def test_health(server):
    response = call(server, "GET", "/v1/health")
    assert response.json()["status"] == "ok"


def test_the_seed_posted_like_the_readme_curl(server, seed_text):
    # curl --data-binary @seeds/000_af487410b511baf4.txt -H 'Content-Type: text/plain' .../v1/analyze
    response = call(server, "POST", "/v1/analyze", data=seed_text.encode(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 200
    report = response.json()
    assert report["text"] == seed_text
    assert report["units"] and report["claims"]["items"]


def test_json_body_like_the_scorer_sends(server, seed_text):
    body = json.dumps({"text": seed_text}).encode()
    response = call(server, "POST", "/v1/analyze", data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    raw = call(server, "POST", "/v1/analyze", data=seed_text.encode(), headers={"Content-Type": "text/plain"})
    assert response.json() == raw.json()


@pytest.mark.parametrize(
    ("text", "query", "readability"),
    [
        ("La policía dijo que 3 personas murieron en el incendio del martes en el centro de la ciudad.", "", True),
        ("A polícia disse que três pessoas morreram no incêndio de terça-feira no centro da cidade.", "?language=pt", False),
    ],
)
def test_languages_without_claims_rules_answer_nulls_over_http(server, text, query, readability):
    response = call(server, "POST", f"/v1/analyze{query}", data=text.encode(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 200
    report = response.json()
    assert report["claims"]["analyzed"] is False and report["claims"]["unattributed"] is None
    assert report["claims"]["items"] == [] and report["readability"]["available"] is readability


@pytest.mark.parametrize(
    ("headers", "query", "body"),
    [
        ({"Content-Type": "text/html"}, "", b"<h1>Budget</h1><p>The city will spend $3 million, officials said.</p>"),
        ({"Content-Type": "text/markdown"}, "", b"# Budget\n\nThe city will spend $3 million, officials said.\n"),
        ({"Content-Type": "text/plain; charset=iso-8859-1"}, "?offsets=utf16", "Le maire a déclaré.".encode("iso-8859-1")),
    ],
)
def test_other_bodies(server, headers, query, body):
    response = call(server, "POST", f"/v1/analyze{query}", data=body, headers=headers)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"Content-Type": "application/json"}, b'{"text": "unterminated', 400),
        ({"Content-Type": "application/json"}, b'{"text": ""}', 422),
        ({"Content-Type": "application/json"}, b'{"text": "Fine.", "options": {"words_per_minute": -1}}', 422),
        ({"Content-Type": "text/plain"}, b"\xff\xfe broken", 400),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"text=The+mayor+said+so.", 415),
        ({"Content-Type": "text/plain"}, b"Too long. " * (BODY_LIMIT // 10 + 1), 413),
    ],
)
def test_errors_over_http_are_problems(server, headers, body, status):
    response = call(server, "POST", "/v1/analyze", data=body, headers=headers)
    assert response.status_code == status
    assert response.headers["Content-Type"] == PROBLEM_JSON
    assert response.json()["status"] == status


@pytest.mark.parametrize(("method", "path", "status"), [("GET", "/nowhere", 404), ("GET", "/v1/analyze", 405)])
def test_unknown_routes_over_http(server, method, path, status):
    response = call(server, method, path)
    assert response.status_code == status


def test_the_server_stops_cleanly_on_sigterm(server):
    proc = server["proc"]
    assert call(server, "GET", "/v1/health").ok
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=REQUEST_TIMEOUT) == 0
    assert "Shutting down: Master" in server["log"].read_text(encoding="utf-8")
