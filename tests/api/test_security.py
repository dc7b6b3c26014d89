"""API keys, CORS and security headers (api/security.py)."""

from __future__ import annotations

import hashlib
import logging

import pytest
from flask.testing import FlaskClient

from copydesk.api import create_app
from copydesk.api.security import CONTENT_SECURITY_POLICY, key_digests, key_matches
from tests.conftest import ContractClient, spec_document, spec_operations

KEY = "s3cret-key-for-tests"
OTHER_KEY = "another-key"
DIGEST = hashlib.sha256(KEY.encode()).hexdigest()
ORIGIN = "https://cms.example.org"
ARTICLE = {"text": "The council met on Monday. It approved the budget."}


def keyed_app(**config):
    app = create_app({"TESTING": True, "API_KEYS": DIGEST, **config})
    app.test_client_class = ContractClient
    return app


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": f"Bearer {KEY}"}, 200),
        ({"Authorization": f"bearer {KEY}"}, 200),
        ({"X-API-Key": KEY}, 200),
        ({"Authorization": f"Bearer {OTHER_KEY}"}, 401),
        ({"X-API-Key": DIGEST}, 401),  # the stored digest is not a key
        ({"Authorization": f"Basic {KEY}"}, 401),
        ({"Authorization": "Bearer "}, 401),
    ],
)
def test_keys_guard_analyze(headers, status):
    response = keyed_app().test_client().post("/v1/analyze", json=ARTICLE, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert KEY not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "method, path, status",
    [("GET", "/v1/health", 200), ("GET", "/openapi.yaml", 200), ("GET", "/metrics", 401), ("GET", "/v1/nowhere", 401)],
)
def test_only_health_and_the_browser_pages_are_open_when_keys_are_set(method, path, status):
    # a plain client: the contract lists no 401 for /metrics (api/observability.py's operation)
    app = keyed_app()
    assert FlaskClient(app).open(path, method=method).status_code == status


def test_the_pages_a_browser_loads_are_open_with_keys_on_and_the_contract_says_so():
    # issue 22, finding 10: with keys on, the demo page and /docs answered 401 to the browser,
    # which cannot send a key to load a page; they are static and hold no data
    document = spec_document()
    open_in_spec = {
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and operation.get("security") == []
    }
    assert ("GET", "/") in open_in_spec and ("GET", "/docs") in open_in_spec
    client = FlaskClient(keyed_app())
    for method, path in sorted(spec_operations()):
        response = client.open(path, method=method, json=ARTICLE if method == "POST" else None)
        assert (response.status_code != 401) == ((method, path) in open_in_spec), (method, path, response.status_code)


def test_the_demo_page_takes_a_key_and_sends_it():
    client = keyed_app().test_client()
    page = client.get("/").get_data(as_text=True)
    assert 'id="api-key"' in page and 'type="password"' in page
    script = client.get("/demo/demo.js").get_data(as_text=True)
    assert '"X-API-Key"' in script


@pytest.mark.parametrize("content", ["# newsroom CMS, key rotated out\n\n   # nothing left\n", "", "\n\n"])
def test_a_keys_file_without_a_key_refuses_to_start(tmp_path, content):
    # issue 22, finding 9: a keys file of comments started the service open, without a word
    keys = tmp_path / "keys"
    keys.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="COPYDESK_API_KEYS_FILE.*holds no digest"):
        create_app({"TESTING": True, "API_KEYS_FILE": str(keys)})


def test_a_keys_file_that_cannot_be_read_refuses_to_start(tmp_path):
    with pytest.raises(ValueError, match="COPYDESK_API_KEYS_FILE"):
        create_app({"TESTING": True, "API_KEYS_FILE": str(tmp_path / "missing")})


@pytest.mark.parametrize("keys", [",", " , ", "[]"])
def test_a_key_list_without_a_key_refuses_to_start(keys):
    with pytest.raises(ValueError, match="COPYDESK_API_KEYS"):
        key_digests(keys, None)


def test_a_keys_file_of_comments_given_in_the_environment_refuses_to_start(monkeypatch, tmp_path):
    keys = tmp_path / "keys"
    keys.write_text("# no keys yet\n", encoding="utf-8")
    monkeypatch.setenv("COPYDESK_API_KEYS_FILE", str(keys))
    with pytest.raises(ValueError, match="holds no digest"):
        create_app()


def test_without_keys_the_service_is_open(client):
    assert client.post("/v1/analyze", json=ARTICLE).status_code == 200


def test_keys_file_with_comments(tmp_path):
    keys = tmp_path / "keys"
    keys.write_text(f"# newsroom CMS\n{DIGEST.upper()}  # rotated 2026\n\n", encoding="utf-8")
    app = create_app({"TESTING": True, "API_KEYS_FILE": str(keys)})
    assert app.test_client().post("/v1/analyze", json=ARTICLE, headers={"X-API-Key": KEY}).status_code == 200
    assert app.test_client().post("/v1/analyze", json=ARTICLE).status_code == 401


@pytest.mark.parametrize("keys", [KEY, DIGEST[:-1], DIGEST + ",not-hex", "z" * 64])
def test_a_plain_key_or_a_bad_digest_refuses_to_start(keys):
    with pytest.raises(ValueError):
        key_digests(keys, None)


@pytest.mark.parametrize("keys, count", [(f"{DIGEST}, {DIGEST.upper()}", 2), (f'["{DIGEST}"]', 1), ("", 0), (None, 0)])
def test_digest_lists(keys, count):
    assert len(key_digests(keys, None)) == count


@pytest.mark.parametrize("key, expected", [(KEY, True), (OTHER_KEY, False), ("", False), ("\ud800", False)])
def test_key_matches(key, expected):
    assert key_matches(key, (hashlib.sha256(b"x").hexdigest(), DIGEST)) is expected


def test_keys_never_reach_the_logs(caplog):
    caplog.set_level(logging.DEBUG)
    client = keyed_app().test_client()
    client.post("/v1/analyze", json=ARTICLE, headers={"Authorization": f"Bearer {KEY}"})
    client.post("/v1/analyze", json=ARTICLE, headers={"X-API-Key": OTHER_KEY})
    text = caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    assert KEY not in text and OTHER_KEY not in text
    assert "council" not in text  # nor the article


@pytest.mark.parametrize("path", ["/v1/health", "/openapi.yaml", "/nowhere"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_security_headers_on_errors_too(client):
    response = client.post("/v1/analyze", data="{", content_type="application/json")
    assert response.status_code == 400
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_csp_allows_no_inline_code():
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "origins, origin, allowed",
    [
        (None, ORIGIN, False),  # nothing open by default
        (ORIGIN, ORIGIN, True),
        (f"https://a.example, {ORIGIN}", ORIGIN, True),
        (ORIGIN, "https://evil.example", False),
        (ORIGIN, ORIGIN + ".evil.example", False),
    ],
)
def test_cors_allowlist(origins, origin, allowed):
    app = create_app({"TESTING": True, "CORS_ORIGINS": origins})
    app.test_client_class = ContractClient
    response = app.test_client().post("/v1/analyze", json=ARTICLE, headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers.get("Access-Control-Allow-Origin") == (origin if allowed else None)


@pytest.mark.parametrize("origin, status", [(ORIGIN, 204), ("https://evil.example", 403)])
def test_cors_preflight(origin, status):
    # preflights are outside the contract's operations: a plain client
    app = create_app({"TESTING": True, "CORS_ORIGINS": ORIGIN, "API_KEYS": DIGEST})
    app.test_client_class = FlaskClient
    response = app.test_client().options(
        "/v1/analyze", headers={"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    )
    assert response.status_code == status
    if status == 204:
        assert response.headers["Access-Control-Allow-Origin"] == origin
        assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    else:
        assert response.mimetype == "application/problem+json"


def test_a_security_header_the_route_set_is_kept_and_none_is_doubled(client):
    # the docs page sets its own Content-Security-Policy; the others are added once each
    response = client.get("/docs")
    assert response.status_code == 200
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Resource-Policy"):
        assert len(response.headers.getlist(name)) == 1, name
    analyzed = client.post("/v1/analyze", json={"text": "The council met on Tuesday."})
    assert [len(analyzed.headers.getlist(name)) for name in ("X-Frame-Options", "Cross-Origin-Resource-Policy")] == [1, 1]
