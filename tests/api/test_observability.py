"""Request ids, the JSON request log and /metrics, through the Flask test client (one process)."""

from __future__ import annotations

import json
import logging
import os
import re

import pytest

from api import observability
from api.observability import MAX_REQUEST_ID_LENGTH, request_id_from

GENERATED = re.compile(r"[0-9a-f]{32}")


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        ("4bf92f3577b34da6a3ce929d0e0e4736", True),  # hex, as tracing systems send
        ("req-2024-12-27.001:a/b+c=d~e_f", True),
        ("x" * MAX_REQUEST_ID_LENGTH, True),
        ("x" * (MAX_REQUEST_ID_LENGTH + 1), False),  # too long to log
        ("two words", False),
        ('a"b', False),  # would break out of a log field
        ("line\nbreak", False),  # would forge a log line
        ("", False),
        (None, False),
    ],
)
def test_a_client_request_id_is_kept_only_when_it_is_a_safe_token(header, kept):
    result = request_id_from(header)
    if kept:
        assert result == header
    else:
        assert GENERATED.fullmatch(result)


def test_every_response_carries_the_request_id(client):
    assert client.get("/v1/health", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    generated = client.get("/v1/health").headers["X-Request-ID"]
    assert GENERATED.fullmatch(generated)
    # errors too, and a new id per request
    problem = client.get("/nowhere")
    assert GENERATED.fullmatch(problem.headers["X-Request-ID"]) and problem.headers["X-Request-ID"] != generated


def test_one_json_line_per_request_without_the_article_or_the_query(client, caplog):
    with caplog.at_level(logging.INFO, logger=observability.LOGGER_NAME):
        caplog.handler.setLevel(logging.INFO)
        logger = logging.getLogger(observability.LOGGER_NAME)
        logger.addHandler(caplog.handler)
        try:
            response = client.post(
                "/v1/analyze?words_per_minute=200",
                data="The harbor master said 7,431 boats were moored.",
                headers={"Content-Type": "text/plain", "X-Request-ID": "trace-1", "X-API-Key": "not-to-be-logged"},
                buffered=True,
            )
        finally:
            logger.removeHandler(caplog.handler)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == observability.LOGGER_NAME]
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == "trace-1"
    assert (line["method"], line["path"], line["route"], line["status"]) == ("POST", "/v1/analyze", "/v1/analyze", 200)
    assert line["request_bytes"] == len("The harbor master said 7,431 boats were moored.")
    assert line["response_bytes"] == len(response.data)
    assert line["duration_ms"] >= 0 and line["pid"] == os.getpid()
    text = caplog.text
    assert "7,431" not in text and "not-to-be-logged" not in text and "words_per_minute" not in text


@pytest.mark.parametrize("method", ["GET", "HEAD", "POST", "PUT", "OPTIONS", "DELETE", "BREW"])
@pytest.mark.parametrize(
    "path",
    ["/v1/analyze", "/v1/analyze/", "/v1/analyze/batch", "/v1/health", "/metrics", "/docs", "/docs/", "/",
     "/static/app.js", "/static/", "//v1//health", "/V1/health", "/v1/health.json", "/nowhere", ""],
)
def test_the_route_label_is_what_the_url_map_matches(app, method, path):
    # the observer labels plain paths from a table of the rules without variables; every
    # other request goes through the URL map: both must give the URL map's answer
    from werkzeug.test import EnvironBuilder

    observer = app.wsgi_app
    environ = EnvironBuilder(path=path or "/", method=method).get_environ()
    environ["PATH_INFO"] = path
    assert observer.route(environ) == observability._route(app, environ)


def test_plain_paths_are_labelled_without_matching_the_url_map(app, monkeypatch):
    observer = app.wsgi_app
    monkeypatch.setattr(observability, "_route", lambda *a: pytest.fail("matched the URL map"))
    assert observer.route({"REQUEST_METHOD": "POST", "PATH_INFO": "/v1/analyze"}) == "/v1/analyze"
    assert observer.route({"REQUEST_METHOD": "HEAD", "PATH_INFO": "/v1/health"}) == "/v1/health"
    monkeypatch.undo()
    assert observer.route({"REQUEST_METHOD": "GET", "PATH_INFO": "/v1/analyze", "SERVER_NAME": "x", "SERVER_PORT": "80",
                           "wsgi.url_scheme": "http"}) == observability.UNMATCHED_ROUTE


def scrape(client) -> str:
    return client.get("/metrics", buffered=True).get_data(as_text=True)


def test_metrics_count_requests_by_route_and_status(client):
    for _ in range(3):
        client.get("/v1/health", buffered=True)
    client.post("/v1/analyze", json={"text": ""}, buffered=True)
    client.get("/no/such/page", buffered=True)
    client.get("/another/missing/page", buffered=True)
    metrics = scrape(client)
    assert 'copydesk_http_requests_total{method="GET",route="/v1/health",status="200"} 3.0' in metrics
    assert 'copydesk_http_requests_total{method="POST",route="/v1/analyze",status="422"} 1.0' in metrics
    # unknown paths share one label, so probing cannot grow the metrics
    assert 'copydesk_http_requests_total{method="GET",route="unmatched",status="404"} 2.0' in metrics
    assert "/no/such/page" not in metrics
    assert 'copydesk_http_request_duration_seconds_count{method="GET",route="/v1/health"} 3.0' in metrics
    # only the scrape itself is in flight
    assert 'copydesk_http_requests_in_progress{method="GET",route="/v1/health"} 0.0' in metrics
    assert 'copydesk_http_requests_in_progress{method="GET",route="/metrics"} 1.0' in metrics


def test_each_app_counts_its_own_requests(app):
    from api import create_app

    first, second = app.test_client(), create_app({"TESTING": True}).test_client()
    first.get("/v1/health", buffered=True)
    assert 'copydesk_http_requests_total{method="GET",route="/v1/health",status="200"} 1.0' in scrape(first)
    assert 'copydesk_http_requests_total{method="GET",route="/v1/health"' not in scrape(second)


def test_the_gunicorn_hooks_make_clear_and_remove_the_metrics_folder(tmp_path):
    before = {name: os.environ.get(name) for name in (observability.MULTIPROC_ENV, observability.OWNED_DIR_ENV)}
    with pytest.MonkeyPatch.context() as monkeypatch:
        # setenv first, so that monkeypatch restores both variables (the hooks set them in os.environ)
        for name in before:
            monkeypatch.setenv(name, "")
            monkeypatch.delenv(name)
        folder = observability.prepare_multiprocess_dir()
        assert os.environ[observability.MULTIPROC_ENV] == folder and os.path.isdir(folder)
        observability.remove_multiprocess_dir()
        assert not os.path.exists(folder)

        # a folder the operator chose is kept, but an earlier run's numbers are cleared
        monkeypatch.delenv(observability.OWNED_DIR_ENV)
        monkeypatch.setenv(observability.MULTIPROC_ENV, str(tmp_path))
        (tmp_path / "counter_123.db").write_bytes(b"old")
        (tmp_path / "notes.txt").write_text("kept")
        assert observability.prepare_multiprocess_dir() == str(tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
        observability.remove_multiprocess_dir()
        assert tmp_path.exists()
    # a leaked variable would switch every later scrape in this process to multiprocess mode
    assert {name: os.environ.get(name) for name in before} == before


def _logged(app, environ, caplog):
    """Run one request through the observer around a stub app; return its log lines, parsed."""
    observer = app.wsgi_app
    inner = observer.wsgi_app

    def stub(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "2")])
        return [b"{}"]

    logger = logging.getLogger(observability.LOGGER_NAME)
    observer.wsgi_app = stub
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger=observability.LOGGER_NAME):
            caplog.handler.setLevel(logging.INFO)
            body = observer(environ, lambda status, headers, exc_info=None: None)
            b"".join(body)
            body.close()
    finally:
        observer.wsgi_app = inner
        logger.removeHandler(caplog.handler)
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == observability.LOGGER_NAME]


@pytest.mark.parametrize(
    ("content_length", "logged"),
    [("1900", 1900), ("0", 0), (str(2**63 - 1), 2**63 - 1), (str(2**63), None), ("9" * 40, None), ("12x", None), ("", None)],
)
def test_the_log_line_holds_the_request_size_when_it_is_a_64_bit_integer(app, caplog, content_length, logged):
    # the line is written by orjson, which takes 64-bit integers: a larger Content-Length is no
    # size a request can have, and must not break the log line (json.dumps took any integer)
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder(path="/v1/health", method="GET").get_environ()
    environ["CONTENT_LENGTH"] = content_length
    [line] = _logged(app, environ, caplog)
    assert line["request_bytes"] == logged


def test_the_log_line_keeps_a_non_ascii_path(app, caplog):
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder(path="/nowhere", method="GET").get_environ()
    environ["PATH_INFO"] = "/caf\u00e9/\u00ff\x7f"  # WSGI paths are bytes decoded as Latin-1
    [line] = _logged(app, environ, caplog)
    assert line["path"] == "/caf\u00e9/\u00ff\x7f" and line["route"] == observability.UNMATCHED_ROUTE


def test_a_logger_set_above_info_writes_no_line_but_the_metrics_still_count(client, caplog):
    logger = logging.getLogger(observability.LOGGER_NAME)
    level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(caplog.handler)
    try:
        caplog.handler.setLevel(logging.DEBUG)
        for _ in range(2):
            client.get("/v1/health", buffered=True)
    finally:
        logger.setLevel(level)
        logger.removeHandler(caplog.handler)
    assert not [r for r in caplog.records if r.name == observability.LOGGER_NAME]
    assert 'copydesk_http_requests_total{method="GET",route="/v1/health",status="200"} 2.0' in scrape(client)
