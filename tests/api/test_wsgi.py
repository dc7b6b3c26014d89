"""api/wsgi.py's request body: gunicorn's framing errors a 400, a deadline (408), and a per-worker cap on bodies (503)."""

from __future__ import annotations

import io
import threading

import pytest
from gunicorn.http.errors import InvalidChunkSize
from werkzeug.exceptions import BadRequest, RequestTimeout, ServiceUnavailable

from copydesk.api.wsgi import FramedInput, framed


class FakeSocket:
    def __init__(self) -> None:
        self.timeouts: list[float | None] = []

    def settimeout(self, value):
        self.timeouts.append(value)


class Failing:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def read(self, size=None):
        raise self.error


def test_a_malformed_chunk_is_a_400_not_a_500():
    with pytest.raises(BadRequest, match="chunked body is malformed"):
        FramedInput(Failing(InvalidChunkSize(b"ZZ")), None, threading.BoundedSemaphore(1)).read()


def test_a_body_that_stalls_past_the_deadline_is_a_408_and_the_socket_gets_its_blocking_reads_back():
    sock, permits = FakeSocket(), threading.BoundedSemaphore(1)
    body = FramedInput(Failing(TimeoutError("timed out")), sock, permits, seconds=7)
    with pytest.raises(RequestTimeout, match="within 7 seconds"):
        body.read(10)
    # each read waits at most what is left of the deadline
    assert 0 < sock.timeouts[0] <= 7
    body.release()
    assert sock.timeouts[-1] is None
    assert permits.acquire(blocking=False)


def test_past_the_cap_a_body_waits_then_gets_a_503_and_bodiless_requests_never_wait():
    permits = threading.BoundedSemaphore(1)
    first = FramedInput(io.BytesIO(b"first"), None, permits, seconds=0.05)
    assert first.read() == b"first"
    with pytest.raises(ServiceUnavailable):
        FramedInput(io.BytesIO(b"second"), None, permits, seconds=0.05).read()
    first.release()
    assert FramedInput(io.BytesIO(b"third"), None, permits, seconds=0.05).read() == b"third"


def test_the_wrapped_app_releases_its_permit_when_the_response_ends():
    def app(environ, start_response):
        environ["wsgi.input"].read()
        return [b"ok"]

    wrapped = framed(app, bodies=1)
    for _ in range(3):
        # with one permit, a second request could only read if the first gave it back
        response = wrapped({"wsgi.input": io.BytesIO(b"x")}, None)
        assert list(response) == [b"ok"]
        response.close()
