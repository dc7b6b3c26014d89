"""The WSGI entry point: `gunicorn -c api/gunicorn_conf.py copydesk.api.wsgi:app`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import create_app

# A gevent worker holds many connections, and while one request's body arrives others may
# start theirs: at most this many requests per worker read or hold a body at once (each up to
# MAX_CONTENT_LENGTH: 32 MiB a worker at most, against up to 1000 x 2 MiB unbounded).
# Requests without a body (health checks, GETs) never wait for one. The trade-off: clients
# that trickle this many bodies per worker make other bodies wait, at most BODY_SECONDS, as
# each trickler is cut off by then (408); health checks are not held up.
BODIES_PER_WORKER = 16
# A body must arrive within this many seconds of its first read (2 MiB at ~70 KB/s); a client
# trickling it slower gets a 408, and one waiting this long for a permit gets a 503.
BODY_SECONDS = 30.0


class FramedInput:
    """A request body read within BODY_SECONDS under a per-worker permit, gunicorn's framing errors a 400.

    gunicorn parses a chunked body as the app reads it, so a broken chunk surfaced as an
    exception inside the view and the client got a 500 for its own malformed request. The
    permit is taken at the first read and given back by `release` when the response ends.
    """

    def __init__(self, stream: Any, sock: Any, permits: Any, seconds: float = BODY_SECONDS) -> None:
        self._stream = stream
        self._sock = sock
        self._permits = permits
        self._seconds = seconds
        self._deadline: float | None = None
        self._held = False

    def _guard(self, read: Callable[..., Any], *args: Any) -> Any:
        from gunicorn.http.errors import ParseException
        from werkzeug.exceptions import BadRequest, RequestTimeout, ServiceUnavailable

        if self._deadline is None:
            if not self._permits.acquire(timeout=self._seconds):
                raise ServiceUnavailable("Too many request bodies are being received at once; retry shortly.")
            self._held = True
            self._deadline = time.monotonic() + self._seconds
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise RequestTimeout(f"The body did not arrive within {self._seconds:g} seconds.")
        if self._sock is not None:
            self._sock.settimeout(remaining)
        try:
            return read(*args)
        except TimeoutError as e:
            raise RequestTimeout(f"The body did not arrive within {self._seconds:g} seconds.") from e
        except ParseException as e:
            # the framing is lost: nothing after this point on the connection can be read
            # either, so gunicorn closes it once the 400 is sent (its parser fails again)
            raise BadRequest(f"The chunked body is malformed: {str(e)[:200]}.") from e

    def release(self) -> None:
        """Give the permit back and the socket its blocking reads (the response has been sent)."""
        if self._held:
            self._held = False
            self._permits.release()
        if self._sock is not None and self._deadline is not None:
            try:
                self._sock.settimeout(None)
            except OSError:
                pass

    def read(self, size: int | None = None) -> bytes:
        return self._guard(self._stream.read, size)

    def readline(self, size: int | None = None) -> bytes:
        return self._guard(self._stream.readline, size)

    def readlines(self, hint: int | None = None) -> list[bytes]:
        return self._guard(self._stream.readlines, hint)

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")


class _Released:
    """The response body; closing it releases the request's FramedInput."""

    def __init__(self, body: Iterable[bytes], body_input: FramedInput) -> None:
        self._body = body
        self._input = body_input

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._input.release()


def framed(wsgi_app: Callable[..., Iterable[bytes]], bodies: int = BODIES_PER_WORKER) -> Callable[..., Iterable[bytes]]:
    """Wrap a WSGI app so that its request bodies are FramedInput, `bodies` at a time per process."""
    # made at the first request, in the worker: after gevent has patched threading (a
    # semaphore made in the master, before the patch, would block the whole worker)
    made: list[Any] = []

    def app(environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        if not made:
            made.append(threading.BoundedSemaphore(bodies))
        body_input = FramedInput(environ["wsgi.input"], environ.get("gunicorn.socket"), made[0])
        environ["wsgi.input"] = body_input
        try:
            result = wsgi_app(environ, start_response)
        except BaseException:
            body_input.release()
            raise
        return _Released(result, body_input)

    return app


app = create_app()
app.wsgi_app = framed(app.wsgi_app)
