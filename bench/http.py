"""HTTP bench: copydesk under gunicorn (production config) vs the Flask + textstat baseline, same load.

    cd /work/main && .venv/bin/python bench/http.py                   # 4 slices of 5 s per server, wrk if installed
    .venv/bin/python bench/http.py --duration 5 --rounds 12           # longer: more slices
    .venv/bin/python bench/http.py --generator python                 # the built-in load generator
    .venv/bin/python bench/http.py --quick                            # smoke run (1 worker, 2 slices of 2 s)
    .venv/bin/python bench/http.py --seed-only                        # seed variants only, not the mix

Servers, both on 127.0.0.1 only, started and stopped by PID:
- copydesk: `gunicorn -c api/gunicorn_conf.py copydesk.api.wsgi:app` with COPYDESK_BIND set to a free
  port; every other setting (workers, timeouts, access log) is the production config's;
- baseline: `gunicorn bench.baseline_app:app` (bench/baseline_app.py: Flask + textstat's 16
  metrics) with the same worker count and the same access-log setting (COPYDESK_ACCESS_LOG).
Both run for the whole bench and take turns at the load in short slices (--duration seconds,
--rounds slices each), so that other work on a shared machine falls on both alike; ratios
are medians over the slices.
Load: the same distinct articles for both (bench/corpus.py: variants of all sources, the seed
and the dev articles, median ~300 words; --seed-only: of the 698-word seed alone), posted as JSON
`{"text": ...}` to /v1/analyze, each connection cycling through its own share of them.
wrk (Debian package `wrk`) runs with a generated Lua script; without wrk, or with
--generator python, threads over http.client do the same. Prints requests/s, p50 and p99
latency, non-2xx counts, the CPU time the server's processes used per request (from
/proc: less sensitive than requests/s to other work on the machine, though contention
still inflates it), and the memory of
the master and workers after the load (RSS summed, and PSS, which counts pages shared
between workers once) for each server, and the ratios between them. The load generator
shares the machine's CPUs with the servers, equally for both.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on sys.path, where bench/http.py would shadow the
# standard library's http package (imported by http.client, urllib, flask): swap in the root.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import http.client
import json
import os
import runpy
import shutil
import statistics
import subprocess
import tempfile
import threading
import time

from bench import build_info, corpus  # noqa: E402
from bench.servers import HOST, free_port, stop_server  # noqa: E402

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# textstat caches 128 results per function, keyed on the text, in every worker: the bodies
# must cycle through more distinct articles than that or the baseline answers from cache.
TEXTSTAT_CACHE_SIZE = 128
MIN_ARTICLES = 2 * TEXTSTAT_CACHE_SIZE
# Issue 6's HTTP targets: copydesk's requests/s over the baseline's.
TARGET_MUST = 3.0
TARGET_GOAL = 5.0

# wrk's Lua side: every thread reads all bodies (one JSON document per line) and walks its
# own stride through them, so no two requests in a cycle carry the same article.
WRK_SCRIPT = """
local bodies = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  nthreads = tonumber(args[2])
  next_index = id + tonumber(args[3] or 0)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = bodies[(next_index % #bodies) + 1]
  next_index = next_index + nthreads
  return wrk.format("POST", "/v1/analyze", nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format('WRK_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "non2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def production_config() -> dict:
    """The settings api/gunicorn_conf.py picks in this environment (its module globals)."""
    return runpy.run_path(str(ROOT / "api" / "gunicorn_conf.py"))


def production_workers() -> int:
    """The worker count api/gunicorn_conf.py picks in this environment."""
    return int(production_config()["workers"])


def access_log_args() -> list[str]:
    """gunicorn arguments that give the baseline the production config's access-log setting."""
    target = production_config()["accesslog"]
    return ["--access-logfile", target] if target else []


def start_server(kind: str, port: int, workers: int, log) -> subprocess.Popen:
    """Start copydesk or the baseline under gunicorn on 127.0.0.1:port."""
    env = dict(os.environ)
    if kind == "copydesk":
        env["COPYDESK_BIND"] = f"{HOST}:{port}"
        env["COPYDESK_WORKERS"] = str(workers)
        # the installed copydesk, as the container starts it: run from a folder outside the
        # tree, so gunicorn (which puts its working folder first on sys.path) does not import
        # the tree's .py files over a compiled install (COPYDESK_COMPILE=1)
        cmd = [GUNICORN, "-c", "python:copydesk.api.gunicorn_conf", "copydesk.api.wsgi:app"]
        return subprocess.Popen(cmd, cwd=tempfile.gettempdir(), env=env, stdout=log, stderr=subprocess.STDOUT)
    # the production config's access-log setting (off unless COPYDESK_ACCESS_LOG=true: copydesk
    # writes its own JSON line per request instead, which the baseline does not)
    cmd = [GUNICORN, "-w", str(workers), "-b", f"{HOST}:{port}", *access_log_args(), "--error-logfile", "-", "bench.baseline_app:app"]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(proc: subprocess.Popen, port: int, timeout: float = 60.0) -> float:
    """Seconds until GET /v1/health answers 200; raises if the server dies or never answers."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/v1/health")
            if conn.getresponse().status == 200:
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"no answer on port {port} after {timeout:g} s")


def post(port: int, body: bytes) -> tuple[int, bytes]:
    """One POST /v1/analyze on a fresh connection."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request("POST", "/v1/analyze", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def run_wrk(port: int, bodies_path: Path, threads: int, connections: int, duration: float, workdir: Path, start: int = 0) -> dict:
    """Load with wrk and the generated Lua script, from body `start` on; returns the parsed WRK_RESULT line."""
    script = workdir / "post_articles.lua"
    script.write_text(WRK_SCRIPT)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration:g}s", "--timeout", "30s", "-s", str(script), f"http://{HOST}:{port}", "--", str(bodies_path), str(threads), str(start)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 120, check=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("WRK_RESULT "))
    raw = json.loads(line.split(" ", 1)[1])
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1e3,
        "p99_ms": raw["p99_us"] / 1e3,
        "non2xx": raw["non2xx"],
        "errors": raw["socket_errors"],
    }


def run_python(port: int, bodies: list[bytes], connections: int, duration: float, first: int = 0) -> dict:
    """Load with `connections` threads, each posting its own stride of the bodies (from body `first` on) until the deadline."""
    latencies: list[list[float]] = [[] for _ in range(connections)]
    failures = [0] * connections
    errors = [0] * connections
    deadline = time.perf_counter() + duration

    def worker(n: int) -> None:
        i = first + n
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                status, _ = post(port, bodies[i % len(bodies)])
            except OSError:
                errors[n] += 1
                continue
            latencies[n].append(time.perf_counter() - start)
            failures[n] += not 200 <= status < 300
            i += connections

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    flat = sorted(x for per in latencies for x in per)
    q = statistics.quantiles(flat, n=100) if len(flat) > 1 else flat * 99
    return {"requests": len(flat), "rps": len(flat) / elapsed, "p50_ms": q[49] * 1e3, "p99_ms": q[98] * 1e3, "non2xx": sum(failures), "errors": sum(errors)}


def tree_pids(pid: int) -> list[int]:
    """A gunicorn master and its workers (Linux /proc)."""
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                pids += [int(c) for c in children.read().split()]
    except OSError:
        pass
    return pids


def tree_cpu(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) used so far by a gunicorn master and each of its workers, by PID."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/stat") as stat:
                # fields 14 and 15 (utime, stime) come after the parenthesized command name
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a worker that just exited
        used[p] = (int(fields[11]) + int(fields[12])) / tick
    return used


def cpu_between(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds the server used between two tree_cpu snapshots (a worker started in between counts from zero)."""
    return sum(t - before.get(p, 0.0) for p, t in after.items())


def tree_memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MiB summed over a gunicorn master and its workers; PSS splits shared pages fairly."""
    rss = pss = 0
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue  # a worker that just exited
    return rss / 1024, pss / 1024


def start_and_warm(kind: str, args, workers: int, loads: dict[str, tuple[list[bytes], Path]], workdir: Path, log) -> dict:
    """Start one server, check one answer and warm it up (on articles the measured load never posts)."""
    port = free_port()
    proc = start_server(kind, port, workers, log)
    # "next": where the server's next slice starts in the measured bodies
    server = {"kind": kind, "port": port, "proc": proc, "next": 0}
    server["ready_s"] = wait_ready(proc, port)
    status, payload = post(port, loads["warm"][0][-1])
    server.update(first_status=status, keys=sorted(json.loads(payload)) if status == 200 else [])
    load(server, args, loads, "warm", min(2.0, args.duration), workdir)
    return server


def load(server: dict, args, loads: dict[str, tuple[list[bytes], Path]], which: str, seconds: float, workdir: Path, start: int = 0) -> dict:
    """Load one server for `seconds` with the chosen generator, from body `start` on."""
    bodies, path = loads[which]
    if args.generator == "wrk":
        return run_wrk(server["port"], path, args.threads, args.connections, seconds, workdir, start)
    return run_python(server["port"], bodies, args.connections, seconds, start)


def measure(server: dict, args, loads: dict[str, tuple[list[bytes], Path]], workdir: Path) -> dict:
    """One slice of measured load on one server: requests/s, latency, its CPU per request, its memory after."""
    pid = server["proc"].pid
    cpu_before = tree_cpu(pid)
    result = load(server, args, loads, "measure", args.duration, workdir, server["next"])
    # the next slice goes on through the bodies where this one stopped (plus the requests that
    # were in flight at the deadline), so an article comes back only after a whole cycle
    server["next"] += result["requests"] + args.connections
    # the server's own CPU per request: less sensitive than requests/s to other work on the machine
    result["cpu_ms"] = 1e3 * cpu_between(cpu_before, tree_cpu(pid)) / max(result["requests"], 1)
    result["rss_mib"], result["pss_mib"] = tree_memory(pid)
    result.update(kind=server["kind"], ready_s=server["ready_s"], first_status=server["first_status"], keys=server["keys"])
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds of load per server and slice (default 5)")
    parser.add_argument("--rounds", type=int, default=4, help="slices per server, the servers taking turns (default 4)")
    parser.add_argument("--workers", type=int, default=0, help="worker count for both (default: the production config's)")
    parser.add_argument("--connections", type=int, default=0, help="concurrent connections (default 2 x workers)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--articles", type=int, default=2000, help=f"distinct articles to post (default 2000, at least {MIN_ARTICLES})")
    parser.add_argument("--generator", choices=("wrk", "python"), default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--servers", default="copydesk,baseline", help="which servers to load (default both)")
    parser.add_argument("--seed-only", action="store_true",
                        help="post variants of the seed article alone (698 words, as the in-process bench) instead of the mix of all sources")
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 worker, 2 connections, 2 slices of 2 s")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.rounds, args.workers, args.connections, args.articles, args.threads = 2.0, 2, 1, 2, MIN_ARTICLES, 1
    args.articles = max(args.articles, MIN_ARTICLES)
    workers = args.workers or production_workers()
    args.connections = args.connections or 2 * workers
    args.threads = min(args.threads, args.connections)

    bodies = [json.dumps({"text": t}).encode() for t in corpus.articles(args.articles, seed=3, seed_only=args.seed_only)]
    warm_bodies = [json.dumps({"text": t}).encode() for t in corpus.articles(MIN_ARTICLES, seed=4, seed_only=args.seed_only)]
    print(f"# HTTP bench: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, {workers} workers each (copydesk {production_config().get('worker_class', 'sync')}, baseline sync), {args.connections} connections, "
          f"{args.generator} load generator, {args.rounds} slices of {args.duration:g} s each, servers taking turns, {len(bodies)} distinct "
          f"{'seed variants' if args.seed_only else 'articles from all sources'} "
          f"(median {statistics.median(len(b) for b in bodies)} bytes)")
    print(f"# copydesk server: {build_info.installed_build()}")
    results: dict[str, list[dict]] = {kind: [] for kind in args.servers.split(",")}
    with tempfile.TemporaryDirectory(prefix="copydesk-http-bench-") as tmp:
        workdir = Path(tmp)
        loads = {}
        for which, texts in (("warm", warm_bodies), ("measure", bodies)):
            path = workdir / f"{which}.jsonl"
            # json.dumps escapes newlines, so one body per line is exact
            path.write_bytes(b"\n".join(texts) + b"\n")
            loads[which] = (texts, path)
        # Both servers stay up for the whole run and take turns at the load in short slices, so
        # a change in whatever else the machine runs falls on both alike (each is idle while the
        # other is loaded); the ratios are medians over the slices.
        servers: dict[str, dict] = {}
        logs = {kind: open(workdir / f"{kind}.log", "wb") for kind in results}
        current = ""
        try:
            for current in results:
                servers[current] = start_and_warm(current, args, workers, loads, workdir, logs[current])
            for _ in range(args.rounds):
                for current in results:
                    results[current].append(measure(servers[current], args, loads, workdir))
        except Exception as exc:  # say which server failed, with the end of its log
            logs[current].flush()
            log = (workdir / f"{current}.log").read_text(errors="replace")[-2000:]
            print(f"{current}: FAILED: {exc}\n--- last lines of its log ---\n{log}")
            return 1
        finally:
            for server in servers.values():
                stop_server(server["proc"])
            for handle in logs.values():
                handle.close()

    print(f"{'server':<10}{'slice':>6}{'requests':>10}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'sock err':>9}{'CPU ms/req':>11}{'ready s':>9}{'RSS MiB':>9}{'PSS MiB':>9}")
    for kind, rounds in results.items():
        for n, r in enumerate(rounds, 1):
            print(f"{kind:<10}{n:>6}{r['requests']:>10}{r['rps']:>10.1f}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}{r['non2xx']:>9}{r['errors']:>9}{r['cpu_ms']:>11.2f}{r['ready_s']:>9.2f}{r['rss_mib']:>9.0f}{r['pss_mib']:>9.0f}")
    for kind, rounds in results.items():
        print(f"{kind} answer keys: {', '.join(rounds[0]['keys'])} (first status {rounds[0]['first_status']})")

    if set(results) != {"copydesk", "baseline"}:
        return 0

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind])

    rps_ratio = med("copydesk", "rps") / med("baseline", "rps")
    print("ratios copydesk / baseline (medians over slices):")
    print(f"  requests/s: {rps_ratio:.2f}x   (target >= {TARGET_MUST:g}x must: {'met' if rps_ratio >= TARGET_MUST else 'MISSED'}; "
          f">= {TARGET_GOAL:g}x goal: {'met' if rps_ratio >= TARGET_GOAL else 'MISSED'})")
    print(f"  p50 latency: {med('copydesk', 'p50_ms') / med('baseline', 'p50_ms'):.2f}x   p99 latency: {med('copydesk', 'p99_ms') / med('baseline', 'p99_ms'):.2f}x")
    # requests/s follow whatever else the machine runs; the servers' CPU per request hardly does
    cpu_ratio = med("baseline", "cpu_ms") / med("copydesk", "cpu_ms")
    print(f"  requests per server CPU second: {cpu_ratio:.2f}x   (baseline's CPU ms per request / copydesk's: "
          f"the requests/s ratio on a machine that ran nothing else; target >= {TARGET_MUST:g}x must: {'met' if cpu_ratio >= TARGET_MUST else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
