"""api/worker.py: gunicorn's own error answers as problem+json, and the worker timeout's 500."""

from __future__ import annotations

import json
import socket
import types

import pytest
from gunicorn.workers.base_async import AsyncWorker

from copydesk.api import worker
from copydesk.api.security import SECURITY_HEADERS


def parse(raw: bytes) -> tuple[str, dict[str, str], dict]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return lines[0], headers, json.loads(body)


def test_gunicorn_errors_are_problems_with_an_id_and_the_security_headers_and_a_bounded_echo():
    status, headers, problem = parse(worker.problem_bytes(400, "Bad Request", "Invalid Method '" + "X" * 5000 + "'"))
    assert status == "HTTP/1.1 400 Bad Request"
    assert headers["Content-Type"] == "application/problem+json" and headers["Connection"] == "close"
    assert len(headers["X-Request-ID"]) == 32
    assert all(headers[name] == value for name, value in SECURITY_HEADERS.items())
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert len(problem["detail"]) < worker.MAX_DETAIL_CHARS + 200


def test_an_analysis_cut_short_by_the_worker_timeout_gets_a_500_problem(monkeypatch):
    def aborted(self, listener_name, req, sock, addr):
        raise SystemExit(1)  # what the master's SIGABRT raises inside the running request

    monkeypatch.setattr(AsyncWorker, "handle_request", aborted)
    server, client = socket.socketpair()
    req = types.SimpleNamespace(must_close=False)
    with server, client:
        with pytest.raises(StopIteration):
            worker.Worker.handle_request(object.__new__(worker.Worker), ("127.0.0.1", 1), req, server, ("127.0.0.1", 2))
        server.shutdown(socket.SHUT_WR)
        raw = client.recv(65536)
    status, _, problem = parse(raw)
    assert status.startswith("HTTP/1.1 500") and "worker timeout" in problem["detail"]
    # every answer closes its connection (one request per connection)
    assert req.must_close
