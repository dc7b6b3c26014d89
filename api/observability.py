"""Request ids, one JSON log line per request, and Prometheus metrics (also across gunicorn workers).

Every request gets an id: the client's `X-Request-ID` when it is a sensible token, else a
fresh one; the response carries it back. Each request ends with one JSON line on the
`copydesk.requests` logger: method, path, route, status, duration, request id and sizes,
never the body, the query string or a header value other than the id (the body is the
article; a query string or header may hold a key).

`GET /metrics` answers in the Prometheus text format. Under gunicorn, `api/gunicorn_conf.py`
points PROMETHEUS_MULTIPROC_DIR at a folder shared by the workers, and the scrape sums every
worker's numbers (prometheus_client's multiprocess mode); without it, the numbers are this
process's.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from flask import Blueprint, Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException

REQUEST_ID_HEADER = "X-Request-ID"
# A client's id is kept when it is a short token of URL-safe characters (what tracing
# systems and load balancers send: UUIDs, hex, base64url); anything else could forge log
# lines or carry a secret, so it is replaced by a fresh id.
MAX_REQUEST_ID_LENGTH = 128
REQUEST_ID_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+=/~")
# The route label of a request no route matched (404, 405): one label, so that scanners
# probing random paths cannot grow the metrics without bound.
UNMATCHED_ROUTE = "unmatched"
# The method label: the methods HTTP defines (RFC 9110 section 9, and PATCH, RFC 5789) keep
# their name; any other token a client makes up (gunicorn accepts 3 to 20 upper-case
# characters) is counted as OTHER_METHOD, so that made-up methods cannot grow /metrics.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"})
OTHER_METHOD = "other"
# A worker keeps at most this many label sets per metric; any further one is counted under
# OTHER_METHOD, UNMATCHED_ROUTE and status "other". Methods, routes and statuses are bounded
# already (10 x the app's routes x the statuses it answers: well under this); the cap holds
# if a later change lets an unbounded value through.
MAX_LABEL_SETS = 256
OTHER_STATUS = "other"
# The multiprocess folder's size budget. Each worker writes one file per metric kind
# (counter, histogram, live gauge); an exited worker's counters and histograms are merged
# into one file per kind and its files removed (worker_exited). With MAX_LABEL_SETS label
# sets a histogram file holds at most 256 x 15 samples of ~200 bytes (~0.8 MB, 1 MiB as the
# file doubles), so 8 workers plus the merged files stay within 3 x 9 x 1 MiB: this budget
# leaves room to spare inside the 64 MiB /tmp of deploy/kubernetes. Tested in
# tests/e2e/test_metrics_flood.py.
METRICS_DIR_BUDGET_BYTES = 32 * 1024 * 1024
# The file an exited worker's counters and histograms are added to (prometheus_client reads
# the kind from the name's first part, and sums counters and histograms over every file).
MERGED_FILE_ID = "exited"
# Latency buckets in seconds: a short article takes milliseconds, a long feature about a
# second, and the worker timeout (COPYDESK_TIMEOUT, 30 s by default) caps the rest.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
LOGGER_NAME = "copydesk.requests"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Set by prepare_multiprocess_dir when it made the folder itself, so that only that folder is removed at exit.
OWNED_DIR_ENV = "COPYDESK_METRICS_DIR_CREATED"
ENVIRON_REQUEST_ID = "copydesk.request_id"
# A scrape that races a worker's exit (its files merged away) lists the folder again this many times at most.
SCRAPE_ATTEMPTS = 3

bp = Blueprint("observability", __name__)


def request_id_from(header: str | None) -> str:
    """The client's request id when it is an acceptable token, else a new random one."""
    if header and len(header) <= MAX_REQUEST_ID_LENGTH and all(c in REQUEST_ID_CHARACTERS for c in header):
        return header
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    """The id of the request being served (for other modules' log lines)."""
    return request.environ.get(ENVIRON_REQUEST_ID)


@dataclass(frozen=True, slots=True)
class Metrics:
    """The service's Prometheus metrics, registered in one registry per app."""

    registry: Any
    requests: Any
    latency: Any
    in_flight: Any


def _make_metrics() -> Metrics:
    # imported here, after gunicorn's master has set PROMETHEUS_MULTIPROC_DIR: prometheus_client
    # picks its value store (in memory or shared files) when the first metric is made
    from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

    registry = CollectorRegistry(auto_describe=True)
    labels = ("method", "route")
    return Metrics(
        registry=registry,
        requests=Counter(
            "copydesk_http_requests", "HTTP requests answered, by route and status.", (*labels, "status"), registry=registry
        ),
        latency=Histogram(
            "copydesk_http_request_duration_seconds",
            "Time from receiving a request to sending the last byte of its response.",
            labels,
            buckets=LATENCY_BUCKETS,
            registry=registry,
        ),
        # livesum: the scrape adds up the workers that are alive now
        in_flight=Gauge(
            "copydesk_http_requests_in_progress",
            "Requests being served right now.",
            labels,
            multiprocess_mode="livesum",
            registry=registry,
        ),
    )


class _LazyMetrics:
    """Makes the metrics on first use, in the worker process (see _make_metrics)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._metrics: Metrics | None = None

    def get(self) -> Metrics:
        if self._metrics is None:
            with self._lock:
                if self._metrics is None:
                    self._metrics = _make_metrics()
        return self._metrics


def static_routes(app: Flask) -> dict[tuple[str, str], str]:
    """(method, path) -> rule for every rule without variables: what the URL map matches for exactly that request."""
    table: dict[tuple[str, str], str] = {}
    for rule in app.url_map.iter_rules():
        if not rule.arguments:
            for method in rule.methods or ():
                table[(method, rule.rule)] = rule.rule
    return table


def _route(app: Flask, environ: dict[str, Any]) -> str:
    """The matched route's rule ("/v1/analyze"), or UNMATCHED_ROUTE."""
    try:
        rule, _ = app.url_map.bind_to_environ(environ).match(return_rule=True)
    except HTTPException:
        # NotFound, MethodNotAllowed, RequestRedirect: none of them is a route's traffic
        return UNMATCHED_ROUTE
    return rule.rule


class RequestObserver:
    """WSGI middleware: the request id, the in-flight gauge, and at the last byte the log line and metrics."""

    def __init__(self, app: Flask, wsgi_app: Callable, metrics: _LazyMetrics, logger: logging.Logger) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        self.metrics = metrics
        self.logger = logger
        # Made on the first request, once every blueprint is registered (Flask refuses new
        # routes after it): the rules without variables, so that a request to one of them
        # (nearly all traffic) is labelled without a second match of the URL map (~40 us).
        self._static: dict[tuple[str, str], str] | None = None
        # The metrics' labelled children by label values, made on first use in this process:
        # prometheus_client's labels() validates and looks them up under a lock (~2.5 us, three
        # times a request). The label values are bounded as the metrics' own are.
        self._children: dict[tuple[str, ...], Any] = {}
        # how many label sets each metric has made in this process (MAX_LABEL_SETS bounds it)
        self._label_sets: dict[str, int] = {}

    def route(self, environ: dict[str, Any]) -> str:
        """The matched route's rule for this request, or UNMATCHED_ROUTE (as `_route`, faster for plain paths)."""
        static = self._static
        if static is None:
            static = self._static = static_routes(self.app)
        found = static.get((environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")))
        return found if found is not None else _route(self.app, environ)

    def _child(self, metric: Any, key: tuple[str, ...]) -> Any:
        """The metric's child for the label values key[1:] (key[0] names the metric); past MAX_LABEL_SETS, the overflow's."""
        child = self._children.get(key)
        if child is None:
            made = self._label_sets.get(key[0], 0)
            if made >= MAX_LABEL_SETS:
                key = (key[0], OTHER_METHOD, UNMATCHED_ROUTE, OTHER_STATUS)[: len(key)]
                child = self._children.get(key)
                if child is not None:
                    return child
            self._label_sets[key[0]] = made + 1
            child = self._children[key] = metric.labels(*key[1:])
        return child

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        request_id = request_id_from(environ.get("HTTP_X_REQUEST_ID"))
        environ[ENVIRON_REQUEST_ID] = request_id
        method = environ.get("REQUEST_METHOD", "")
        method_label = method if method in KNOWN_METHODS else OTHER_METHOD
        route = self.route(environ)
        metrics = self.metrics.get()
        in_flight = self._child(metrics.in_flight, ("in_flight", method_label, route))
        in_flight.inc()
        seen: dict[str, Any] = {"status": 500, "bytes": 0}

        def observed_start_response(status: str, headers: list, exc_info: Any = None) -> Callable:
            seen["status"] = int(status.split(" ", 1)[0])
            headers = [(k, v) for k, v in headers if k.lower() != REQUEST_ID_HEADER.lower()]
            headers.append((REQUEST_ID_HEADER, request_id))
            return start_response(status, headers, exc_info)

        def finish() -> None:
            duration = time.perf_counter() - started
            in_flight.dec()
            status = str(seen["status"])
            self._child(metrics.requests, ("requests", method_label, route, status)).inc()
            self._child(metrics.latency, ("latency", method_label, route)).observe(duration)
            logger = self.logger
            if not logger.isEnabledFor(logging.INFO):
                return
            # makeRecord + handle is what logger.info does, less finding the caller's file and
            # line by walking the stack (nothing here prints them); the JSON by orjson (~1 us
            # against json's ~8), decoded: a log message is text
            line = orjson.dumps(
                {
                    "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                    "event": "request",
                    "request_id": request_id,
                    "method": method,
                    "path": environ.get("PATH_INFO", ""),
                    "route": route,
                    "status": seen["status"],
                    "duration_ms": round(duration * 1000, 3),
                    "request_bytes": _int(environ.get("CONTENT_LENGTH")),
                    "response_bytes": seen["bytes"],
                    "pid": os.getpid(),
                }
            ).decode()
            logger.handle(logger.makeRecord(logger.name, logging.INFO, "(unknown file)", 0, line, None, None))

        try:
            body = self.wsgi_app(environ, observed_start_response)
        except BaseException:
            finish()
            raise
        return _ObservedBody(body, seen, finish)


class _ObservedBody:
    """The response body, counted as it is sent; `close()` (the end of the response) records the request."""

    def __init__(self, body: Iterable[bytes], seen: dict[str, Any], finish: Callable[[], None]) -> None:
        self._body = body
        self._seen = seen
        self._finish = finish
        self._finished = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._body:
            self._seen["bytes"] += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            if not self._finished:
                self._finished = True
                self._finish()


# The largest integer a JSON log line carries (orjson writes 64-bit integers; a larger
# Content-Length is no size, and is logged as null)
_MAX_LOGGED_INT = 2**63 - 1


def _int(value: str | None) -> int | None:
    try:
        n = int(value) if value else None
    except ValueError:
        return None
    return n if n is None or -_MAX_LOGGED_INT <= n <= _MAX_LOGGED_INT else None


def _request_logger() -> logging.Logger:
    logger = logging.getLogger(LOGGER_NAME)
    if not logger.handlers:
        # the message is the JSON document; one line per request on stderr, where containers collect it
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


@bp.get("/metrics")
def metrics():
    """Serve the Prometheus metrics: every worker's under gunicorn, else this process's."""
    from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

    if not os.environ.get(MULTIPROC_ENV):
        registry = current_app.extensions["copydesk.metrics"].get().registry
        return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    for _ in range(SCRAPE_ATTEMPTS - 1):
        try:
            return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
        except FileNotFoundError:
            # an exited worker's file was merged and removed between listing the folder and
            # reading it (worker_exited); a new listing no longer has it
            continue
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    """Wrap the app in the request observer, write its log records as JSON lines (api/logs.py), and add `GET /metrics`."""
    from . import logs

    logs.init_app(app)
    lazy = _LazyMetrics()
    app.extensions["copydesk.metrics"] = lazy
    app.wsgi_app = RequestObserver(app, app.wsgi_app, lazy, _request_logger())
    app.register_blueprint(bp)


# --- gunicorn hooks (api/gunicorn_conf.py) -----------------------------------------------


def prepare_multiprocess_dir() -> str:
    """In gunicorn's master, before any worker starts: a fresh folder for the workers' metric files."""
    folder = os.environ.get(MULTIPROC_ENV)
    if folder:
        os.makedirs(folder, exist_ok=True)
        # numbers left by an earlier run of the server would be added to this one's
        for name in os.listdir(folder):
            if name.endswith(".db"):
                os.remove(os.path.join(folder, name))
    else:
        folder = tempfile.mkdtemp(prefix="copydesk-metrics-")
        os.environ[MULTIPROC_ENV] = folder
        os.environ[OWNED_DIR_ENV] = folder
    return folder


def worker_exited(pid: int) -> None:
    """In gunicorn's master, when a worker exits: its in-flight gauge stops counting, its other numbers move to the merged files."""
    folder = os.environ.get(MULTIPROC_ENV)
    if not folder:
        return
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(pid, folder)
    merge_exited_worker(folder, pid)


def merge_exited_worker(folder: str, pid: int) -> None:
    """Add an exited worker's counters and histograms to the merged files and remove its own.

    Counters and histograms only ever add up, so the sums a scrape reports stay the same; the
    folder then holds one file per metric kind and live worker, plus the merged ones, however
    often workers are restarted (by max_requests, a timeout or a crash).
    """
    from prometheus_client.mmap_dict import MmapedDict

    for kind in ("counter", "histogram"):
        exited = os.path.join(folder, f"{kind}_{pid}.db")
        try:
            values = MmapedDict.read_all_values_from_file(exited)
        except FileNotFoundError:
            continue
        merged = MmapedDict(os.path.join(folder, f"{kind}_{MERGED_FILE_ID}.db"))
        try:
            for key, value, timestamp, _ in values:
                total, _ = merged.read_value(key)
                merged.write_value(key, total + value, timestamp)
        finally:
            merged.close()
        os.remove(exited)


def multiprocess_dir_bytes(folder: str) -> int:
    """The bytes the metric files take in the folder (what METRICS_DIR_BUDGET_BYTES bounds)."""
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".db"))


def remove_multiprocess_dir() -> None:
    """In gunicorn's master, at exit: remove the metrics folder if prepare_multiprocess_dir made it."""
    folder = os.environ.get(OWNED_DIR_ENV)
    if folder and folder == os.environ.get(MULTIPROC_ENV):
        shutil.rmtree(folder, ignore_errors=True)
