"""Request ids, the JSON request log and /metrics, through the Flask test client (one process)."""

from __future__ import annotations

import json
import logging
import os
import re

import pytest

from copydesk.api import observability
from copydesk.api.observability import MAX_REQUEST_ID_LENGTH, request_id_from

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
    from copydesk.api import create_app

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


def test_made_up_methods_are_counted_as_other(client):
    for i in range(20):
        client.open("/v1/health", method=f"JUNK{i:02d}", buffered=True)
        client.open(f"/junk/{i}", method=f"XJUNK{i:02d}", buffered=True)
    client.open("/v1/analyze", method="PATCH", buffered=True)
    metrics = scrape(client)
    assert "JUNK" not in metrics and "/junk/" not in metrics
    assert 'copydesk_http_requests_total{method="other",route="unmatched",status="405"} 20.0' in metrics
    assert 'copydesk_http_requests_total{method="other",route="unmatched",status="404"} 20.0' in metrics
    # a method HTTP defines keeps its name, even on a route that does not allow it
    assert 'copydesk_http_requests_total{method="PATCH",route="unmatched",status="405"} 1.0' in metrics


def test_label_sets_past_the_cap_share_one_overflow_set(client, monkeypatch):
    monkeypatch.setattr(observability, "MAX_LABEL_SETS", 2)
    client.get("/v1/health", buffered=True)
    client.post("/v1/analyze", json={"text": ""}, buffered=True)
    # the third and fourth label sets of each metric: the overflow's
    client.get("/nowhere", buffered=True)
    client.delete("/v1/health", buffered=True)
    metrics = scrape(client)
    assert 'copydesk_http_requests_total{method="GET",route="/v1/health",status="200"} 1.0' in metrics
    assert 'copydesk_http_requests_total{method="POST",route="/v1/analyze",status="422"} 1.0' in metrics
    # the 404, the 405 and the scrape itself
    assert 'copydesk_http_requests_total{method="other",route="unmatched",status="other"} 2.0' in metrics
    assert 'copydesk_http_request_duration_seconds_count{method="other",route="unmatched"} 2.0' in metrics
    assert "/nowhere" not in metrics and 'method="DELETE"' not in metrics


def _write_samples(folder, kind: str, pid, samples) -> None:
    from prometheus_client.mmap_dict import MmapedDict, mmap_key

    values = MmapedDict(str(folder / f"{kind}_{pid}.db"))
    for metric, name, labels, value in samples:
        values.write_value(mmap_key(metric, name, list(labels), list(labels.values()), "help"), value, 0.0)
    values.close()


def _collect(folder) -> dict:
    from prometheus_client import CollectorRegistry
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(folder))
    return {(s.name, tuple(sorted(s.labels.items()))): s.value for m in registry.collect() for s in m.samples}


def test_an_exited_workers_numbers_are_merged_and_its_files_removed(tmp_path):
    get = {"method": "GET", "route": "/v1/health"}
    for pid, n in ((101, 3.0), (102, 4.0), (103, 5.0)):
        _write_samples(tmp_path, "counter", pid, [("c_requests", "c_requests_total", {**get, "status": "200"}, n)])
        _write_samples(tmp_path, "histogram", pid, [
            ("c_latency", "c_latency_bucket", {**get, "le": "0.1"}, n),
            ("c_latency", "c_latency_bucket", {**get, "le": "+Inf"}, n),
            ("c_latency", "c_latency_sum", get, n / 100),
        ])
        _write_samples(tmp_path, "gauge_livesum", pid, [("c_in_flight", "c_in_flight", get, 1.0)])
    before = _collect(tmp_path)
    for pid in (101, 102):
        with pytest.MonkeyPatch.context() as monkeypatch:
            monkeypatch.setenv(observability.MULTIPROC_ENV, str(tmp_path))
            observability.worker_exited(pid)
    after = _collect(tmp_path)
    # the counters and histograms add up as before; the exited workers' requests are no longer in flight
    assert {k: v for k, v in after.items() if k[0] != "c_in_flight"} == pytest.approx(
        {k: v for k, v in before.items() if k[0] != "c_in_flight"}
    )
    assert after[("c_requests_total", (("method", "GET"), ("route", "/v1/health"), ("status", "200")))] == 12.0
    assert after[("c_in_flight", (("method", "GET"), ("route", "/v1/health")))] == 1.0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "counter_103.db", "counter_exited.db", "gauge_livesum_103.db", "histogram_103.db", "histogram_exited.db"
    ]
    assert observability.multiprocess_dir_bytes(str(tmp_path)) == sum(p.stat().st_size for p in tmp_path.iterdir())
