"""/metrics from a two-worker gunicorn: every worker's requests are counted, whichever worker answers the scrape."""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import SEED_PATH
from tests.e2e.live import REQUEST_TIMEOUT, gunicorn

pytestmark = pytest.mark.e2e

WORKERS = 2
# Requests are sent in concurrent rounds until both workers have served some (sync workers
# take one request at a time, so concurrent requests spread); this many rounds at most.
MAX_ROUNDS = 20
ROUND_SIZE = 6


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    """gunicorn with two workers and the shipped config; the metrics folder is the one its hooks make."""
    log_path = tmp_path_factory.mktemp("gunicorn-metrics") / "server.log"
    with gunicorn(log_path, WORKERS=str(WORKERS)) as (base, proc):
        yield {"base": base, "proc": proc, "log": log_path}


def request_log(path) -> list[dict]:
    """The JSON request lines of the server's log (gunicorn's own lines are not JSON)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            if record.get("event") == "request":
                lines.append(record)
    return lines


def logged(path, request_id: str) -> dict:
    """The log line of one request; it is written when the response is closed, just after the client has it."""
    deadline = time.monotonic() + REQUEST_TIMEOUT
    while True:
        for record in request_log(path):
            if record["request_id"] == request_id:
                return record
        if time.monotonic() > deadline:
            pytest.fail(f"no log line for request {request_id}")
        time.sleep(0.05)


def sample(metrics: str, name: str, **labels: str) -> float:
    """The value of one sample of the scrape (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in metrics.splitlines():
        match = re.fullmatch(r"([a-z_]+)\{([^}]*)\} (\S+)", line)
        if match and match.group(1) == name and ",".join(sorted(match.group(2).split(","))) == wanted:
            return float(match.group(3))
    return 0.0


def test_a_scrape_counts_the_requests_of_both_workers(two_workers):
    base = two_workers["base"]
    seed = SEED_PATH.read_bytes()

    def post(_):
        # a new connection each time (no session), so either worker may take it
        response = requests.post(
            f"{base}/v1/analyze", data=seed, headers={"Content-Type": "text/plain"}, timeout=REQUEST_TIMEOUT
        )
        assert response.status_code == 200
        return response.headers["X-Request-ID"]

    sent = 0
    with ThreadPoolExecutor(max_workers=ROUND_SIZE) as pool:
        for _ in range(MAX_ROUNDS):
            list(pool.map(post, range(ROUND_SIZE)))
            sent += ROUND_SIZE
            pids = {r["pid"] for r in request_log(two_workers["log"]) if r["route"] == "/v1/analyze"}
            if len(pids) == WORKERS:
                break
    assert len(pids) == WORKERS, f"one worker served all {sent} requests"
    # metrics are recorded when a response is closed, just before its log line: wait for the last line
    deadline = time.monotonic() + REQUEST_TIMEOUT
    while sum(r["route"] == "/v1/analyze" for r in request_log(two_workers["log"])) < sent:
        assert time.monotonic() < deadline, "the workers never logged every request"
        time.sleep(0.05)

    # whichever worker answers a scrape, it reports the requests of both
    for _ in range(3):
        metrics = requests.get(f"{base}/metrics", timeout=REQUEST_TIMEOUT).text
        labels = {"method": "POST", "route": "/v1/analyze"}
        assert sample(metrics, "copydesk_http_requests_total", status="200", **labels) == sent
        assert sample(metrics, "copydesk_http_request_duration_seconds_count", **labels) == sent
        assert sample(metrics, "copydesk_http_requests_in_progress", **labels) == 0
    served = {r["pid"] for r in request_log(two_workers["log"]) if r["route"] == "/metrics"}
    assert served <= pids


def test_request_ids_come_back_and_reach_the_log_without_the_article(two_workers):
    base = two_workers["base"]
    secret_sentence = "The harbor master said 7,431 boats were moored."
    response = requests.post(
        f"{base}/v1/analyze",
        data=secret_sentence,
        # uncompressed, so the body read is the bytes sent (the log counts the bytes on the wire)
        headers={"Content-Type": "text/plain", "X-Request-ID": "trace-4711", "Accept-Encoding": "identity"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.headers["X-Request-ID"] == "trace-4711"
    generated = requests.get(f"{base}/v1/health", timeout=REQUEST_TIMEOUT).headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    line = logged(two_workers["log"], "trace-4711")
    assert (line["method"], line["path"], line["status"], line["request_bytes"]) == (
        "POST",
        "/v1/analyze",
        200,
        len(secret_sentence),
    )
    assert line["response_bytes"] == len(response.content)
    assert "7,431" not in two_workers["log"].read_text(encoding="utf-8")
    assert logged(two_workers["log"], generated)["path"] == "/v1/health"
