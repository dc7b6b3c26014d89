"""The WSGI entry point: `gunicorn -c api/gunicorn_conf.py api.wsgi:app`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import create_app


class FramedInput:
    """A request body that turns gunicorn's framing errors (a bad chunk size, a missing CRLF) into a 400.

    gunicorn parses a chunked body as the app reads it, so a broken chunk surfaced as an
    exception inside the view and the client got a 500 for its own malformed request.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def _guard(self, read: Callable[..., Any], *args: Any) -> Any:
        from gunicorn.http.errors import ParseException
        from werkzeug.exceptions import BadRequest

        try:
            return read(*args)
        except ParseException as e:
            # the framing is lost: nothing after this point on the connection can be read
            # either, so gunicorn closes it once the 400 is sent (its parser fails again)
            raise BadRequest(f"The chunked body is malformed: {str(e)[:200]}.") from e

    def read(self, size: int | None = None) -> bytes:
        return self._guard(self._stream.read, size)

    def readline(self, size: int | None = None) -> bytes:
        return self._guard(self._stream.readline, size)

    def readlines(self, hint: int | None = None) -> list[bytes]:
        return self._guard(self._stream.readlines, hint)

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")


def framed(wsgi_app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """Wrap a WSGI app so that its request bodies are FramedInput."""

    def app(environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        environ["wsgi.input"] = FramedInput(environ["wsgi.input"])
        return wsgi_app(environ, start_response)

    return app


app = create_app()
app.wsgi_app = framed(app.wsgi_app)
