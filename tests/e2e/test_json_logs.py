"""One log format: under gunicorn every line on stderr is one JSON object (gunicorn's log, Flask's errors, request lines)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import requests

from tests.conftest import ROOT
from tests.e2e.live import REQUEST_TIMEOUT, UNSET, free_port, stop, wait_for_health

pytestmark = pytest.mark.e2e

# tests/e2e/failing_wsgi.py's analysis fails on an article holding this (a test-only app, its own process)
MARKER = "zzfail-on-purpose"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Serve a good article, a failing one and a 404, stop gunicorn; yield (stderr lines, stdout, the answers)."""
    folder = tmp_path_factory.mktemp("json-logs")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPYDESK_") and k != "PORT" and k not in UNSET}
    env.update({"COPYDESK_BIND": f"127.0.0.1:{port}", "COPYDESK_WORKERS": "1", "FAILING_WSGI_MARKER": MARKER})
    base = f"http://127.0.0.1:{port}"
    with (folder / "stderr").open("w+") as err, (folder / "stdout").open("w+") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "api/gunicorn_conf.py", "tests.e2e.failing_wsgi:app"],
            cwd=ROOT, env=env, stdout=out, stderr=err,
        )
        try:
            wait_for_health(base, proc, err)
            answers = {
                "good": requests.post(f"{base}/v1/analyze", data="The mayor said 40 roads were closed.", headers={"Content-Type": "text/plain"}, timeout=REQUEST_TIMEOUT),
                "failing": requests.post(f"{base}/v1/analyze", data=f"The mayor said {MARKER}.", headers={"Content-Type": "text/plain"}, timeout=REQUEST_TIMEOUT),
                "missing": requests.get(f"{base}/nowhere", headers={"X-Request-ID": "trace-404"}, timeout=REQUEST_TIMEOUT),
            }
        finally:
            stop(proc)
        err.seek(0)
        out.seek(0)
        return err.read().splitlines(), out.read(), answers


def test_the_answers_are_what_the_requests_call_for(served):
    _, _, answers = served
    assert answers["good"].status_code == 200
    assert answers["failing"].status_code == 500 and MARKER not in answers["failing"].text
    assert answers["missing"].status_code == 404


def test_every_line_on_stderr_is_one_json_object_and_stdout_is_empty(served):
    lines, stdout, _ = served
    assert lines
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            pytest.fail(f"not JSON: {line!r}")
        assert isinstance(value, dict) and value["time"] and value["event"] in ("log", "request"), line
    assert stdout == ""


def test_gunicorns_own_messages_are_json_lines(served):
    logged = [json.loads(line) for line in served[0]]
    messages = [v["message"] for v in logged if v.get("logger") == "gunicorn.error"]
    assert any(m.startswith("Starting gunicorn") for m in messages)
    assert any(m.startswith("Booting worker with pid") for m in messages)
    assert all(v["level"] == "info" for v in logged if v.get("logger") == "gunicorn.error"), messages


def test_warnings_and_records_no_handler_takes_are_json_lines_too(served):
    logged = [json.loads(line) for line in served[0]]
    (warning,) = [v for v in logged if v.get("logger") == "py.warnings"]
    assert warning["level"] == "warning" and "UserWarning: a warning the log test provoked" in warning["message"]
    (stray,) = [v for v in logged if v.get("logger") == "tests.stray"]
    assert stray["message"] == "a stray library record the log test provoked"


def test_the_uncaught_exception_is_one_line_with_the_responses_request_id_and_its_traceback(served):
    lines, _, answers = served
    logged = [json.loads(line) for line in lines]
    request_id = answers["failing"].headers["X-Request-ID"]
    (error,) = [v for v in logged if v["event"] == "log" and v["level"] == "error"]
    assert error["message"] == "Exception on /v1/analyze [POST]"
    assert error["request_id"] == request_id
    assert error["exception"].startswith("Traceback (most recent call last):")
    assert "RuntimeError: a failure the log test provoked" in error["exception"]
    # the request line of the same request names it too
    (request_line,) = [v for v in logged if v["event"] == "request" and v["request_id"] == request_id]
    assert request_line["status"] == 500


def test_each_request_has_its_json_request_line(served):
    lines, _, answers = served
    requests_logged = {v["request_id"]: v for v in map(json.loads, lines) if v["event"] == "request"}
    for name, answer in answers.items():
        line = requests_logged[answer.headers["X-Request-ID"]]
        assert line["status"] == answer.status_code, name
    assert requests_logged["trace-404"]["route"] == "unmatched"
