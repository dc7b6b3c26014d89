"""Slow clients against a live server: idle and byte-a-second connections that reconnect, and timed health checks.

Used by tests/e2e/test_slow_clients.py (the container's configuration) and runnable alone against
any server on 127.0.0.1:

    .venv/bin/python -m tests.e2e.slow_clients http://127.0.0.1:8000 [--seconds 20] [--connections 120]
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# A health check counts as answered when its 200 arrives within this many seconds.
HEALTH_DEADLINE = 2.0
HEALTH_INTERVAL = 0.5
# A slow client that the server dropped (or that could not connect) tries again after this pause.
RECONNECT_PAUSE = 0.1
# How often an idle client looks whether the run is over.
POLL = 0.5
# What a trickling client sends, one byte a second: a plausible analysis request. Half the
# tricklers send the headers at once and then the body slowly (a slow upload), half send
# the headers themselves slowly.
TRICKLE_BODY = b"The council said the budget would rise by 4% next year, officials said. " * 4
TRICKLE_HEADERS = (
    b"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
    b"Content-Length: " + str(len(TRICKLE_BODY)).encode() + b"\r\n\r\n"
)


@dataclass
class Tally:
    """What the slow clients did: connections opened by kind, bytes sent, and the server's drops."""

    connected: dict[str, int] = field(default_factory=lambda: {"idle": 0, "slow_headers": 0, "slow_body": 0})
    dropped: int = 0
    bytes_sent: int = 0


@dataclass(frozen=True)
class Outcome:
    """The health checks' latencies (None: no 200 within the deadline) and the slow clients' tally."""

    latencies: tuple[float | None, ...]
    tally: Tally

    @property
    def answered_share(self) -> float:
        return sum(lat is not None for lat in self.latencies) / len(self.latencies)

    def summary(self) -> str:
        answered = sorted(lat for lat in self.latencies if lat is not None)
        worst = f"{answered[-1] * 1000:.0f} ms" if answered else "-"
        return (
            f"{sum(lat is not None for lat in self.latencies)}/{len(self.latencies)} health checks answered within "
            f"{HEALTH_DEADLINE:g} s ({self.answered_share:.0%}), slowest answered {worst}; slow connections opened "
            f"{self.tally.connected}, dropped by the server {self.tally.dropped}, bytes trickled {self.tally.bytes_sent}"
        )


async def _idle(host: str, port: int, stop: threading.Event, tally: Tally) -> None:
    """Connect and send nothing; when the server hangs up, connect again."""
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            await asyncio.sleep(RECONNECT_PAUSE)
            continue
        tally.connected["idle"] += 1
        try:
            while not stop.is_set():
                try:
                    got = await asyncio.wait_for(reader.read(65536), timeout=POLL)
                except TimeoutError:
                    continue
                tally.dropped += not got
                break
        except OSError:
            tally.dropped += 1
        finally:
            await _close(writer)
        await asyncio.sleep(RECONNECT_PAUSE)


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    try:
        await writer.wait_closed()
    except OSError:
        pass


async def _trickle(host: str, port: int, stop: threading.Event, tally: Tally, headers_at_once: bool) -> None:
    """Send an analysis request a byte a second; when the server hangs up or answers, start again."""
    kind = "slow_body" if headers_at_once else "slow_headers"
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            await asyncio.sleep(RECONNECT_PAUSE)
            continue
        tally.connected[kind] += 1
        payload = TRICKLE_HEADERS + TRICKLE_BODY
        try:
            if headers_at_once:
                writer.write(TRICKLE_HEADERS)
                payload = TRICKLE_BODY
            for i in range(len(payload)):
                if stop.is_set():
                    break
                writer.write(payload[i : i + 1])
                await writer.drain()
                tally.bytes_sent += 1
                try:
                    got = await asyncio.wait_for(reader.read(65536), timeout=1.0)
                except TimeoutError:
                    continue
                # an answer (a 408, a 400) or a hang-up: either way this connection is done
                tally.dropped += not got
                break
        except OSError:
            tally.dropped += 1
        finally:
            await _close(writer)
        await asyncio.sleep(RECONNECT_PAUSE)


async def _slow_clients(host: str, port: int, connections: int, stop: threading.Event, tally: Tally) -> None:
    idle = connections // 2
    trickling = connections - idle
    tasks = [_idle(host, port, stop, tally) for _ in range(idle)]
    tasks += [_trickle(host, port, stop, tally, headers_at_once=i % 2 == 0) for i in range(trickling)]
    await asyncio.gather(*tasks)


def _health(host: str, port: int) -> float | None:
    """Seconds until GET /v1/health answered 200 on a new connection, or None past the deadline."""
    started = time.monotonic()
    conn = http.client.HTTPConnection(host, port, timeout=HEALTH_DEADLINE)
    try:
        conn.request("GET", "/v1/health")
        response = conn.getresponse()
        response.read()
        elapsed = time.monotonic() - started
        return elapsed if response.status == 200 and elapsed <= HEALTH_DEADLINE else None
    except OSError:
        return None
    finally:
        conn.close()


def run(base: str, seconds: float = 20.0, connections: int = 120, settle: float = 2.0) -> Outcome:
    """Hold `connections` slow connections open against `base`, and check health every half second for `seconds`."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    tally = Tally()
    stop = threading.Event()

    def attack() -> None:
        asyncio.run(_slow_clients(host, port, connections, stop, tally))

    attacker = threading.Thread(target=attack, name="slow-clients", daemon=True)
    attacker.start()
    try:
        # let every slow connection reach the server before the first health check
        time.sleep(settle)
        checks = int(seconds / HEALTH_INTERVAL)
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=int(HEALTH_DEADLINE / HEALTH_INTERVAL) + 2) as pool:
            futures = []
            for i in range(checks):
                time.sleep(max(0.0, start + i * HEALTH_INTERVAL - time.monotonic()))
                futures.append(pool.submit(_health, host, port))
            latencies = tuple(f.result() for f in futures)
    finally:
        stop.set()
        attacker.join(timeout=10)
    return Outcome(latencies, tally)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's base URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=120)
    args = parser.parse_args()
    print(run(args.base, args.seconds, args.connections).summary())


if __name__ == "__main__":
    main()
