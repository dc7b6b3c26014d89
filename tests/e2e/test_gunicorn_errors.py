"""gunicorn's own answers (requests it cannot parse) and broken chunked framing: problem+json 4xx with a request id and the security headers."""

from __future__ import annotations

import json
import socket

import pytest

from tests.conftest import PROBLEM_JSON
from tests.e2e.live import REQUEST_TIMEOUT, gunicorn

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    with gunicorn(tmp_path_factory.mktemp("gunicorn-errors") / "server.log", WORKERS="1") as (base, _):
        yield int(base.rsplit(":", 1)[1])


def exchange(port: int, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes on a new connection; the status, headers (lower-cased names) and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT) as conn:
        conn.sendall(raw)
        conn.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


CASES = {
    "garbage request line": (b"NOT HTTP AT ALL\r\n\r\n", 400),
    "bad header name": (b"GET /v1/health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n", 400),
    "request line over the limit": (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    "too many headers": (b"GET /v1/health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: 1\r\n" % i for i in range(120)) + b"\r\n", 431),
    "chunk size not hex": (
        b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n", 400
    ),
    "chunk without its terminator": (
        b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n", 400
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_unparsable_requests_get_a_problem_with_a_request_id_and_the_security_headers(port, case):
    raw, status = CASES[case]
    got, headers, body = exchange(port, raw)
    assert got == status, body[:300]
    assert headers["content-type"] == PROBLEM_JSON
    problem = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]
    assert len(headers["x-request-id"]) == 32
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert len(body) < 1000
