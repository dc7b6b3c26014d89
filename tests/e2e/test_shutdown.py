"""Shutdown: SIGTERM while requests are in flight or queued; every accepted request is answered before the workers exit."""

from __future__ import annotations

import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.e2e.live import REQUEST_TIMEOUT, gunicorn

pytestmark = pytest.mark.e2e

IN_FLIGHT = 4
# A long but ordinary article: enough work that requests are still running at SIGTERM.
REPEATS = 40
QUEUED = 6


def in_flight(folder) -> tuple[float, float]:
    """(requests being analyzed, analyses answered) as the workers' metric files say: read here, not asked of the busy server."""
    from prometheus_client import CollectorRegistry
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(folder))
    running = answered = 0.0
    for metric in registry.collect():
        for sample in metric.samples:
            if sample.labels.get("route") != "/v1/analyze":
                continue
            if sample.name == "copydesk_http_requests_in_progress":
                running += sample.value
            elif sample.name == "copydesk_http_requests_total":
                answered += sample.value
    return running, answered


def wait_until(condition, what: str):
    deadline = time.monotonic() + REQUEST_TIMEOUT
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.01)


def post(base, article):
    return requests.post(base + "/v1/analyze", data=article, headers={"Content-Type": "text/plain"}, timeout=REQUEST_TIMEOUT)


def test_sigterm_lets_in_flight_requests_finish(tmp_path, seed_text):
    article = ("\n\n".join([seed_text] * REPEATS)).encode()
    folder = tmp_path / "metrics"
    folder.mkdir()
    extra = {"PROMETHEUS_MULTIPROC_DIR": str(folder)}
    with gunicorn(tmp_path / "server.log", extra_env=extra, WORKERS=str(IN_FLIGHT), GRACEFUL_TIMEOUT="60") as (base, proc):
        with ThreadPoolExecutor(IN_FLIGHT) as pool:
            futures = [pool.submit(post, base, article) for _ in range(IN_FLIGHT)]
            # every request has reached a worker's app, and some are being analyzed right now
            running, answered = wait_until(
                lambda: (lambda r, a: (r, a) if r >= 1 and r + a == IN_FLIGHT else None)(*in_flight(folder)),
                "all requests accepted and one in flight",
            )
            proc.send_signal(signal.SIGTERM)
            answers = [f.result() for f in futures]
        code = proc.wait(timeout=REQUEST_TIMEOUT)
        # after the stop nothing listens any more
        with pytest.raises(requests.ConnectionError):
            requests.get(base + "/v1/health", timeout=5)
    print(f"shutdown: {running:g} in flight and {answered:g} answered at SIGTERM, statuses {[a.status_code for a in answers]}, exit {code}")
    assert running >= 1 and answered < IN_FLIGHT
    assert [a.status_code for a in answers] == [200] * IN_FLIGHT
    assert all(a.json()["units"] for a in answers)
    assert code == 0


def raw_request(port: int, path: str) -> socket.socket:
    """A connection that has sent a whole GET request (the server may not have accepted it yet)."""
    conn = socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT)
    conn.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    return conn


def answer_of(conn: socket.socket) -> str:
    """The status line the server sent on the connection, or what went wrong."""
    chunks = []
    try:
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    except OSError as e:
        return type(e).__name__
    finally:
        conn.close()
    data = b"".join(chunks)
    return data.split(b"\r\n", 1)[0].decode() if data else "closed without an answer"


def test_sigterm_answers_the_requests_queued_in_the_backlog(tmp_path, seed_text):
    """Requests that wait in the listen queue while the only worker analyzes are answered (200 or 503), never reset."""
    article = ("\n\n".join([seed_text] * REPEATS)).encode()
    folder = tmp_path / "metrics"
    folder.mkdir()
    extra = {"PROMETHEUS_MULTIPROC_DIR": str(folder)}
    with gunicorn(tmp_path / "server.log", extra_env=extra, WORKERS="1", GRACEFUL_TIMEOUT="60") as (base, proc):
        port = int(base.rsplit(":", 1)[1])
        with ThreadPoolExecutor(1) as pool:
            long = pool.submit(post, base, article)
            wait_until(lambda: in_flight(folder)[0] >= 1, "the long request in flight")
            queued = [raw_request(port, "/v1/health") for _ in range(QUEUED)]
            proc.send_signal(signal.SIGTERM)
            statuses = [answer_of(conn) for conn in queued]
            first = long.result()
        code = proc.wait(timeout=REQUEST_TIMEOUT)
    print(f"shutdown with a queue: the long request {first.status_code}, the queued ones {statuses}, exit {code}")
    assert first.status_code == 200
    assert all(s.startswith(("HTTP/1.1 200", "HTTP/1.1 503")) for s in statuses), statuses
    assert code == 0
