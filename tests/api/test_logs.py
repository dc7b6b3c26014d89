"""api/logs.py: log records as one JSON line each, the app's with the request id, gunicorn's too."""

from __future__ import annotations

import json
import logging
import runpy
import sys

import pytest

from copydesk import scoring
from copydesk.api import create_app
from copydesk.api.gunicorn_logging import JsonLogger
from copydesk.api.logs import HANDLER_MARK, JsonFormatter


def record(message: str, *args, exc_info=None, **extra) -> logging.LogRecord:
    made = logging.LogRecord("copydesk.test", logging.ERROR, __file__, 1, message, args, exc_info)
    made.__dict__.update(extra)
    return made


def test_a_record_is_one_line_of_json_with_its_traceback_inside():
    try:
        raise ValueError("bad value\non two lines")
    except ValueError:
        exc_info = sys.exc_info()
    line = JsonFormatter().format(record("failed on %s", "/v1/analyze", exc_info=exc_info, request_id="trace-1"))
    assert "\n" not in line
    value = json.loads(line)
    assert (value["event"], value["level"], value["logger"]) == ("log", "error", "copydesk.test")
    assert value["message"] == "failed on /v1/analyze" and value["request_id"] == "trace-1"
    assert value["exception"].startswith("Traceback (most recent call last):")
    assert value["exception"].endswith("ValueError: bad value\non two lines")
    assert value["time"].endswith("+00:00") and isinstance(value["pid"], int)


def test_without_a_request_or_an_exception_those_keys_are_left_out():
    value = json.loads(JsonFormatter().format(record("plain %d", 7)))
    assert value["message"] == "plain 7"
    assert "request_id" not in value and "exception" not in value


def test_an_argument_json_cannot_write_is_logged_as_its_text():
    value = json.loads(JsonFormatter().format(record("no %s here", "place", detail=object())))
    assert value["message"] == "no place here"


def test_an_uncaught_exception_is_logged_as_one_json_line_with_the_request_id(monkeypatch, capsys):
    app = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False})

    def broken(*args, **kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(scoring, "analyze", broken)
    response = app.test_client().post("/v1/analyze", json={"text": "The mayor spoke."}, headers={"X-Request-ID": "trace-9"})
    assert response.status_code == 500
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if '"event":"log"' in line]
    (error,) = lines
    assert error["message"] == "Exception on /v1/analyze [POST]"
    assert error["request_id"] == response.headers["X-Request-ID"] == "trace-9"
    assert "RuntimeError: internal detail" in error["exception"]


def test_the_apps_logger_gets_one_json_handler_however_many_apps_are_made():
    first, second = create_app({"TESTING": True}), create_app({"TESTING": True})
    assert first.logger is second.logger
    marked = [h for h in second.logger.handlers if getattr(h, HANDLER_MARK, False)]
    assert len(marked) == 1
    from flask.logging import default_handler

    assert default_handler not in second.logger.handlers


@pytest.mark.parametrize("level", ["info", "warning", "error"])
def test_gunicorns_error_log_is_written_as_json(capsys, level):
    from gunicorn.config import Config

    logger = JsonLogger(Config())
    getattr(logger, level)("Booting worker with pid: %s", 4242)
    (line,) = capsys.readouterr().err.splitlines()
    value = json.loads(line)
    assert (value["logger"], value["level"], value["message"]) == ("gunicorn.error", level, "Booting worker with pid: 4242")


def test_the_shipped_config_names_the_json_logger():
    from tests.api.test_gunicorn_conf import CONF

    assert runpy.run_path(str(CONF))["logger_class"] == f"{JsonLogger.__module__}.{JsonLogger.__name__}"


def test_gunicorns_access_log_when_on_is_json_lines_too(capsys):
    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", "-")
    logger = JsonLogger(config)
    logger.access_log.info('127.0.0.1 - - "GET /v1/health?q="x" HTTP/1.1" 200 34')
    (line,) = capsys.readouterr().out.splitlines()
    value = json.loads(line)
    assert (value["logger"], value["message"]) == ("gunicorn.access", '127.0.0.1 - - "GET /v1/health?q="x" HTTP/1.1" 200 34')


def test_creating_the_app_does_not_import_gunicorn():
    import subprocess

    probe = "import sys\nfrom api import create_app\ncreate_app()\nprint('gunicorn' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "False"
