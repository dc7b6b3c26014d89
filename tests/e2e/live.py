"""A live gunicorn for the load, shutdown and schemathesis tests: start it with extra settings, find its workers' memory."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.test_server import REQUEST_TIMEOUT, free_port, wait_for_health
from tests.conftest import ROOT


@contextmanager
def gunicorn(log_path: Path, **settings: str):
    """Run gunicorn with the shipped config and COPYDESK_* `settings`; yield (base URL, process); stop it by PID."""
    port = free_port()
    env = {**os.environ, "COPYDESK_BIND": f"127.0.0.1:{port}", **{f"COPYDESK_{k}": v for k, v in settings.items()}}
    env.pop("GUNICORN_CMD_ARGS", None)
    with log_path.open("w+") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "api/gunicorn_conf.py", "api.wsgi:app"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for_health(base, proc, log)
            yield base, proc
        finally:
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
