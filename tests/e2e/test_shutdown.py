"""Shutdown: SIGTERM while requests are in flight; every accepted request is answered before the workers exit."""

from __future__ import annotations

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.e2e.live import REQUEST_TIMEOUT, gunicorn

pytestmark = pytest.mark.e2e

IN_FLIGHT = 4
# A long but ordinary article: enough work that requests are still running at SIGTERM.
REPEATS = 40


def test_sigterm_lets_in_flight_requests_finish(tmp_path, seed_text):
    article = ("\n\n".join([seed_text] * REPEATS)).encode()
    started = threading.Barrier(IN_FLIGHT + 1)

    def post(base):
        started.wait()
        return requests.post(base + "/v1/analyze", data=article, headers={"Content-Type": "text/plain"}, timeout=REQUEST_TIMEOUT)

    with gunicorn(tmp_path / "server.log", WORKERS=str(IN_FLIGHT), GRACEFUL_TIMEOUT="60") as (base, proc):
        with ThreadPoolExecutor(IN_FLIGHT) as pool:
            futures = [pool.submit(post, base) for _ in range(IN_FLIGHT)]
            started.wait()
            # let the requests reach the workers (accepted), then ask the server to stop
            time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            answers = [f.result() for f in futures]
        code = proc.wait(timeout=REQUEST_TIMEOUT)
        # after the stop nothing listens any more
        with pytest.raises(requests.ConnectionError):
            requests.get(base + "/v1/health", timeout=5)
    print(f"shutdown: {len(answers)} in-flight requests, statuses {[a.status_code for a in answers]}, exit {code}")
    assert [a.status_code for a in answers] == [200] * IN_FLIGHT
    assert all(a.json()["units"] for a in answers)
    assert code == 0
