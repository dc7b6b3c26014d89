"""One log format on stderr: every line one JSON object, whoever writes it.

Three writers share stderr under gunicorn: gunicorn's error log (start, workers, its own
errors), the app's logger (Flask's uncaught exceptions and the errors the app logs itself)
and the request lines (api/observability.py, already JSON). The first two get JsonFormatter
(gunicorn's through api/gunicorn_logging.py, so that the app alone never imports gunicorn), so a log collector reads one object a line, never a traceback spread over thirty lines:

    {"time": "2026-12-07T03:34:08.582+00:00", "event": "log", "level": "error", "logger": "copydesk.api",
     "message": "Exception on /v1/analyze [POST]", "pid": 4242, "request_id": "trace-4711",
     "exception": "Traceback (most recent call last):\\n ..."}

`request_id` is the one the response's X-Request-ID carries (a line logged while serving a
request); `exception` holds the whole traceback, its newlines escaped by JSON.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import Any

import orjson

# Marks the handler this module adds to the app's logger (create_app may run many times in a process).
HANDLER_MARK = "_copydesk_json"


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time, level, logger, message, pid, and the request id and traceback when there are."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "event": "log",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            line["request_id"] = request_id
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        # default=str: a message argument orjson cannot write (an exception, a path) is logged as its text
        return orjson.dumps(line, default=str).decode()


class StderrHandler(logging.StreamHandler):
    """A StreamHandler writing to whatever sys.stderr is when a record comes (a test may swap it, gunicorn may reopen it)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass  # always sys.stderr


class RequestIdFilter(logging.Filter):
    """Puts the id of the request being served (api/observability.py) on each record logged while serving it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            from flask import has_request_context, request

            from .observability import ENVIRON_REQUEST_ID

            if has_request_context():
                record.request_id = request.environ.get(ENVIRON_REQUEST_ID)
        return True


def init_app(app: Any) -> None:
    """Write the app's log records (Flask's uncaught exceptions among them) as JSON lines on stderr, with the request id."""
    from flask.logging import default_handler

    logger = app.logger
    logger.removeHandler(default_handler)
    if not any(getattr(h, HANDLER_MARK, False) for h in logger.handlers):
        handler = StderrHandler()
        handler.setFormatter(JsonFormatter())
        handler.addFilter(RequestIdFilter())
        setattr(handler, HANDLER_MARK, True)
        logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
