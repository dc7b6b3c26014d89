"""The servers the benches start: a free port on 127.0.0.1, and stopping a gunicorn master by PID."""

from __future__ import annotations

import signal
import socket
import subprocess

HOST = "127.0.0.1"
# Seconds a gunicorn master gets to stop its workers after SIGTERM before it is killed.
STOP_TIMEOUT = 30


def free_port() -> int:
    """A port the kernel says is free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def stop_server(proc: subprocess.Popen) -> None:
    """SIGTERM the gunicorn master we started (it stops its workers); SIGKILL it if it hangs."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
