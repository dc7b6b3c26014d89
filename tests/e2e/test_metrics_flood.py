"""/metrics stays bounded under junk: made-up methods and paths, and workers killed and restarted, on a live gunicorn."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from copydesk.api.observability import METRICS_DIR_BUDGET_BYTES, multiprocess_dir_bytes
from tests.e2e.live import REQUEST_TIMEOUT, gunicorn, worker_pids

pytestmark = pytest.mark.e2e

WORKERS = 2
JUNK_REQUESTS = 1000
CLIENTS = 4
# The scrape of a fresh server is ~15 KB; bounded labels keep it within a few times that
# whatever the traffic (each made-up method used to add ~2 KB: 1,000 of them, ~2 MB).
MAX_SCRAPE_BYTES = 64 * 1024
KILLED_WORKERS = 3


def _junk(base: str, start: int) -> list[int]:
    statuses = []
    with requests.Session() as session:
        for i in range(start, JUNK_REQUESTS, CLIENTS):
            method = f"JUNK{i:05d}"
            statuses.append(session.request(method, f"{base}/junk/{i}", timeout=REQUEST_TIMEOUT).status_code)
    return statuses


def _replace_a_worker(master: int) -> None:
    """SIGKILL one worker and wait until the master has started its replacement."""
    pids = worker_pids(master)
    os.kill(pids[0], signal.SIGKILL)
    deadline = time.monotonic() + REQUEST_TIMEOUT
    while True:
        now = worker_pids(master)
        if pids[0] not in now and len(now) == WORKERS:
            return
        assert time.monotonic() < deadline, "the killed worker was never replaced"
        time.sleep(0.05)


def _health_count(scrape: str) -> float:
    for line in scrape.splitlines():
        if line.startswith('copydesk_http_requests_total{method="GET",route="/v1/health",status="200"}'):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def _wait_for_health_count(base: str, at_least: float) -> float:
    """The health checks' count once a scrape shows at least `at_least` (a request is counted just after its answer)."""
    deadline = time.monotonic() + REQUEST_TIMEOUT
    while True:
        count = _health_count(requests.get(f"{base}/metrics", timeout=REQUEST_TIMEOUT).text)
        if count >= at_least:
            return count
        assert time.monotonic() < deadline, f"the health checks were never counted ({count} < {at_least})"
        time.sleep(0.05)


def test_junk_methods_paths_and_dead_workers_leave_the_metrics_bounded(tmp_path):
    folder = tmp_path / "metrics"
    folder.mkdir()
    with gunicorn(tmp_path / "server.log", extra_env={"PROMETHEUS_MULTIPROC_DIR": str(folder)}, WORKERS=str(WORKERS)) as (base, proc):
        fresh = len(requests.get(f"{base}/metrics", timeout=REQUEST_TIMEOUT).content)
        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = [s for part in pool.map(lambda start: _junk(base, start), range(CLIENTS)) for s in part]
        counted = 0
        for _ in range(KILLED_WORKERS):
            requests.get(f"{base}/v1/health", timeout=REQUEST_TIMEOUT)
            counted = _wait_for_health_count(base, counted + 1)
            _replace_a_worker(proc.pid)
        scrape = requests.get(f"{base}/metrics", timeout=REQUEST_TIMEOUT).text
        files = sorted(p.name for p in folder.iterdir())
        live = {str(pid) for pid in worker_pids(proc.pid)}
        size = multiprocess_dir_bytes(str(folder))
    print(f"metrics flood: {len(statuses)} junk requests, scrape {fresh} -> {len(scrape.encode())} bytes, folder {size} bytes in {files}")
    assert len(statuses) == JUNK_REQUESTS and set(statuses) <= {404, 405}
    assert "JUNK" not in scrape and "/junk/" not in scrape
    assert 'method="other",route="unmatched"' in scrape
    assert len(scrape.encode()) <= MAX_SCRAPE_BYTES
    # the killed workers' numbers are still counted, in the merged files, not in files of their own
    assert _health_count(scrape) >= counted
    owners = {name.rsplit("_", 1)[1].removesuffix(".db") for name in files}
    assert owners <= live | {"exited"}, files
    assert size <= METRICS_DIR_BUDGET_BYTES
