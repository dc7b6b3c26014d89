"""A live gunicorn for the end-to-end tests: start it with extra settings, wait for health, find its workers' memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT

# Generous guards against a hang, not timings: the server normally answers in well under a second.
START_DEADLINE = 60.0
REQUEST_TIMEOUT = 60.0
# Variables of the calling shell that would change the server under test.
UNSET = ("GUNICORN_CMD_ARGS", "PROMETHEUS_MULTIPROC_DIR", "COPYDESK_METRICS_DIR_CREATED")


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(base: str, proc: subprocess.Popen, log) -> None:
    """Poll /v1/health until it answers 200; fail with the server's log if it never does."""
    deadline = time.monotonic() + START_DEADLINE
    while True:
        try:
            if requests.get(f"{base}/v1/health", timeout=5).ok:
                return
        except requests.RequestException:
            # refused before the socket is bound, or a read timeout while the workers boot
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            pytest.fail(f"gunicorn did not come up:\n{log.read()}")
        time.sleep(0.1)


@contextmanager
def gunicorn(log_path: Path, extra_env: dict[str, str] | None = None, **settings: str):
    """Run gunicorn with the shipped config and COPYDESK_* `settings` (and `extra_env`); yield (base URL, process); stop it by PID."""
    port = free_port()
    env = {**os.environ, "COPYDESK_BIND": f"127.0.0.1:{port}", **{f"COPYDESK_{k}": v for k, v in settings.items()}}
    for name in UNSET:
        env.pop(name, None)
    env.update(extra_env or {})
    with log_path.open("w+") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "api/gunicorn_conf.py", "copydesk.api.wsgi:app"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for_health(base, proc, log)
            yield base, proc
        finally:
            stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """End a server the test started, by its PID: terminate it, and kill it if it has not stopped in time."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=REQUEST_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def worker_pids(master: int) -> list[int]:
    """The worker processes of a gunicorn master (Linux /proc; skips elsewhere)."""
    children = Path(f"/proc/{master}/task/{master}/children")
    if not children.exists():
        pytest.skip("needs Linux /proc to find gunicorn's workers")
    return [int(p) for p in children.read_text().split()]


def rss_kib(pid: int) -> int:
    """Resident memory of a process in KiB (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
