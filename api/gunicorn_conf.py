"""gunicorn settings read from the environment: `gunicorn -c api/gunicorn_conf.py copydesk.api.wsgi:app`.

| variable | default | meaning |
| --- | --- | --- |
| COPYDESK_BIND | 127.0.0.1:8000 | address(es) to listen on, comma-separated (0.0.0.0:8000 in the image) |
| COPYDESK_WORKERS | 1.5 x CPUs (rounded up), at most 8 | worker processes (gevent workers: each holds up to 1000 connections and analyzes one request at a time) |
| COPYDESK_TIMEOUT | 30 | seconds a worker may spend on one request before it is killed and restarted |
| COPYDESK_GRACEFUL_TIMEOUT | 20 | seconds workers get to finish in-flight requests after SIGTERM |
| COPYDESK_KEEPALIVE | 5 | seconds a client has to send a request's line and headers once connected (every answer closes its connection: api/worker.py) |
| COPYDESK_PRELOAD | true | load the app once in the master before forking (workers share its code and data; a HUP then reloads the config, not the code) |
| COPYDESK_ACCESS_LOG | false | also write gunicorn's plain-text access log on stdout (every request already gets a JSON line on stderr) |

gunicorn's own GUNICORN_CMD_ARGS (e.g. "--bind 127.0.0.1:9000") still overrides these.
"""

import gc
import math
import os

from copydesk.api.settings import check_environment

check_environment()  # a COPYDESK_* value that cannot be used stops gunicorn here, naming it (api/settings.py)

# gunicorn reads this module's globals; nothing else here is configuration.


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise SystemExit(f"{name} must be true or false, got {raw!r}")


# The analyses are CPU-bound: a worker per core keeps every core busy, and half as many again
# cover the moments a worker spends reading a request or writing its answer, not computing.
# gunicorn's 2 x cores + 1 is for workers that wait on I/O; here the extra workers only
# queue on the cores (bench/http.py on 2 cores, both servers at 2, 3 and 5 workers: no more
# requests/s at 5, more CPU per request, and twice the p50 latency). Capped so a big host
# does not start dozens of workers: scale out with more replicas instead.
WORKERS_PER_CORE = 1.5
MAX_DEFAULT_WORKERS = 8


def default_workers(cores: int | None) -> int:
    """The worker count for a host with `cores` CPUs (None: unknown, taken as 1)."""
    return min(math.ceil(WORKERS_PER_CORE * (cores or 1)), MAX_DEFAULT_WORKERS)


bind = [b.strip() for b in os.environ.get("COPYDESK_BIND", "127.0.0.1:8000").split(",") if b.strip()]
workers = _int("COPYDESK_WORKERS", default_workers(os.cpu_count()))
timeout = _int("COPYDESK_TIMEOUT", 30)
graceful_timeout = _int("COPYDESK_GRACEFUL_TIMEOUT", 20)
keepalive = _int("COPYDESK_KEEPALIVE", 5)
preload_app = _bool("COPYDESK_PRELOAD", True)
# gevent workers (issue 22): a sync worker reads each request itself, with no read timeout,
# so three idle connections held all three workers until the 30 s timeout killed them. A
# gevent worker holds a connection as a greenlet (a few KB) and reads on its event loop: a
# client that sends nothing, or a byte a second, costs no worker; the request line and
# headers must arrive within `keepalive` seconds (gevent's timeout around gunicorn's parser;
# with keepalive 0 gunicorn reads them without one), or the connection is closed; a body
# within api/wsgi.py's BODY_SECONDS. The analysis itself still runs one request at a time per
# worker (it is CPU-bound: while it runs, its worker reads nothing), so the worker count
# stays what the cores want. Measurements: README, "Serving in the open".
worker_class = "copydesk.api.worker.Worker"
# Connections one worker holds at once (greenlets, mostly idle or waiting for bytes).
worker_connections = 1000
# One log line per request: the app's JSON line on stderr (api/observability.py: request id,
# route, status, duration, sizes) already records every request, so gunicorn's plain-text
# access log, a second line for the same request, is off unless asked for. Writing it cost
# ~0.2 ms of CPU a request: 3 workers serving a trivial app on bench/http.py's load used
# 0.35 ms a request without it and 0.55 ms with it.
accesslog = "-" if _bool("COPYDESK_ACCESS_LOG", False) else None
# gunicorn's own messages (start, worker exits, errors) on stderr: what container runtimes collect
errorlog = "-"
# gunicorn 25+ opens a control socket at $HOME/.gunicorn/gunicorn.ctl by default: one path
# for every server the user runs (the tests start several) and no home in the image.
# Nothing here uses it; older versions ignore the setting.
control_socket_disable = True


# prometheus_client's multiprocess mode (api/observability.py): the master gives the workers
# one folder for their metric files before any of them starts; when a worker exits, forgets
# its in-flight gauge and merges its counters and histograms into one file per kind (so the
# folder does not grow with every restart); and removes the folder at exit if it made it.
def on_starting(server):
    from copydesk.api.observability import prepare_multiprocess_dir

    prepare_multiprocess_dir()


# The app's loaded data (word lists, tables, compiled patterns) lives as long as the worker,
# so it is moved out of the garbage collector's sight once loaded: a full collection then
# skips it (~0.25 ms a request, amortized), and with preload the workers never write to the
# shared pages to track it. In the master, before the first fork, when the app is preloaded;
# in each worker after it loaded the app otherwise.
def when_ready(server):
    if server.cfg.preload_app:
        gc.freeze()


def post_worker_init(worker):
    if not worker.cfg.preload_app:
        gc.freeze()


def child_exit(server, worker):
    from copydesk.api.observability import METRICS_DIR_BUDGET_BYTES, MULTIPROC_ENV, multiprocess_dir_bytes, worker_exited

    worker_exited(worker.pid)
    folder = os.environ.get(MULTIPROC_ENV)
    if folder and multiprocess_dir_bytes(folder) > METRICS_DIR_BUDGET_BYTES:
        server.log.warning("metrics folder %s is over its budget of %d bytes", folder, METRICS_DIR_BUDGET_BYTES)


def on_exit(server):
    from copydesk.api.observability import remove_multiprocess_dir

    remove_multiprocess_dir()
