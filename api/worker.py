"""copydesk's gunicorn worker: gevent's, answering its listen queue at shutdown and its own errors as problem+json.

api/gunicorn_conf.py names it (`worker_class = "copydesk.api.worker.Worker"`). What it adds to
gunicorn's GeventWorker:
- At SIGTERM, the connections waiting in the listen queue (accepted by the kernel, not yet
  by a worker, e.g. while every worker was analyzing) are accepted and answered, with
  `Connection: close`, before the worker exits; gunicorn's own worker closes its listening
  socket on them, and the last close resets them.
- The errors gunicorn answers itself, before the app sees the request (a request line,
  header or chunk it cannot parse: 400; a URI over limit_request_line: 414; headers over
  limit_request_fields / _field_size: 431; an exception it catches, or the worker timeout
  cutting an analysis short: 500), are problem+json
  with a request id and the app's security headers, not gunicorn's HTML page. They still
  lack what only the app knows: the client's X-Request-ID is not echoed (the request's
  headers may not have been read), there is no CORS header, and they are not in the app's
  request log or metrics (gunicorn's error log has a line for each).
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
import uuid

from gunicorn import util
from gunicorn.workers.base_async import AsyncWorker
from gunicorn.workers.ggevent import GeventWorker

PROBLEM_JSON = "application/problem+json"
# gunicorn's own messages echo the client's bytes (a request line, a header name): the
# detail keeps this many characters of them at most.
MAX_DETAIL_CHARS = 200
# What each status gunicorn writes itself means for the client.
DETAILS = {
    400: "The request is not valid HTTP/1.1 (its request line, a header or its chunked framing)",
    403: "The request was refused before it reached the service",
    414: "The request line is longer than the server accepts",
    417: "The Expect header asks for something the server does not do",
    431: "The request's headers are more or larger than the server accepts",
    500: "The server failed while reading or answering this request; the error has been logged",
    501: "The request's Transfer-Encoding is not one the server supports",
}


def problem_bytes(status: int, reason: str, message: str) -> bytes:
    """A whole HTTP/1.1 problem+json answer for one of gunicorn's own errors (the connection then closes)."""
    from copydesk.api.security import SECURITY_HEADERS

    detail = DETAILS.get(status, reason)
    if message:
        detail += f": {message[:MAX_DETAIL_CHARS]}"
    body = json.dumps({"type": "about:blank", "title": reason, "status": status, "detail": detail + "."}).encode()
    headers = [
        f"HTTP/1.1 {status} {reason}",
        "Connection: close",
        f"Content-Type: {PROBLEM_JSON}",
        f"Content-Length: {len(body)}",
        f"X-Request-ID: {uuid.uuid4().hex}",
        *(f"{name}: {value}" for name, value in SECURITY_HEADERS.items()),
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1") + body


def write_problem(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn.util.write_error's replacement: the same answer as problem+json."""
    util.write_nonblock(sock, problem_bytes(int(status_int), reason, mesg))


class Worker(GeventWorker):
    """gunicorn's gevent worker, with the listen queue drained at shutdown and problem+json error pages."""

    def handle_request(self, listener_name, req, sock, addr):
        # One request per connection (Connection: close), as gunicorn's sync workers did: a
        # kept-alive connection stays with the worker that accepted it, and a gevent worker
        # analyzes one request at a time, so a client's next request would wait behind that
        # worker's queue while another worker is idle. A new connection is accepted by
        # whichever worker is free. At saturation (bench/http.py, 6 connections, 3 workers,
        # alternating runs) p99 was 0.6-1.2 s with keep-alive, 0.2-0.3 s without, as with
        # sync workers. gunicorn's `keepalive` (COPYDESK_KEEPALIVE) is then only the time a
        # client has to send its request line and headers (GeventWorker.timeout_ctx).
        req.must_close = True
        import gevent

        try:
            # AsyncWorker's, as GeventWorker's is, less its silence on SystemExit
            return AsyncWorker.handle_request(self, listener_name, req, sock, addr)
        except gevent.GreenletExit:
            return None
        except SystemExit:
            # the master's SIGABRT at COPYDESK_TIMEOUT, raised inside this request's analysis
            # before its answer began (after, gunicorn closes the connection): a problem, not
            # a connection closed without a word; then the worker exits
            try:
                write_problem(sock, 500, "Internal Server Error", "the request ran past the worker timeout")
            except OSError:
                pass
            raise StopIteration() from None

    # Set by SIGTERM (the server is stopping: no worker will take the listen queue after this
    # one), not by a restart after max_requests or the timeout, when other workers go on.
    terminating = False

    def handle_exit(self, sig, frame) -> None:
        self.terminating = True
        super().handle_exit(sig, frame)

    def init_process(self) -> None:
        # gunicorn writes every error page of its own through util.write_error (base.Worker.handle_error
        # calls it by attribute): replaced in this worker process only
        util.write_error = write_problem
        super().init_process()

    def run(self) -> None:
        """Serve until told to stop, answer the listen queue and what is open, then exit at once."""
        self.serve()
        # A gevent-patched process that leaves through the interpreter's finalization prints
        # "Exception ignored in ... _removeHandlerRef" (logging's lock calls gevent's
        # get_ident after gevent's module is gone) at every worker exit: everything is
        # answered and flushed here, so the worker leaves directly, as gunicorn would, status 0.
        self.log.info("Worker exiting (pid: %s)", self.pid)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(0)

    def serve(self) -> None:
        # GeventWorker.run with the listen queue drained before the servers close (its
        # pywsgi branch and SSL are not used here)
        import gevent
        from gevent.pool import Pool
        from gevent.server import StreamServer

        servers = []
        for listener in self.sockets:
            listener.setblocking(1)
            server = StreamServer(listener, handle=self._handler(listener), spawn=Pool(self.worker_connections))
            if self.cfg.workers > 1:
                server.max_accept = 1
            server.start()
            servers.append((server, listener))

        while self.alive:
            self.notify()
            gevent.sleep(1.0)

        for server, listener in servers:
            server.stop_accepting()
            drained = self.drain(server.pool, listener) if self.terminating else 0
            if drained:
                self.log.info("Answering %d connections from the listen queue before exiting", drained)
            server.close()
        # serve what is open until graceful_timeout, as GeventWorker does
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline:
            if all(server.pool.free_count() == server.pool.size for server, _ in servers):
                return
            self.notify()
            gevent.sleep(0.1)
        self.log.warning("Worker graceful timeout (pid:%s)", self.pid)
        for server, _ in servers:
            server.stop(timeout=1)

    def _handler(self, listener):
        def handle(client, addr):
            self.handle(listener, client, addr)

        return handle

    def drain(self, pool, listener) -> int:
        """Accept every connection waiting in the listen queue and serve it from the pool; how many."""
        listener.setblocking(False)
        # the handlers run after the listening socket is closed; gunicorn asks it only its name
        named = _Named(listener.getsockname())
        accepted = 0
        while True:
            try:
                client, addr = listener.accept()
            except (BlockingIOError, InterruptedError, socket.timeout):
                return accepted
            except OSError:
                # the socket is gone: nothing more to take
                return accepted
            accepted += 1
            pool.spawn(self.handle, named, client, addr)


class _Named:
    """A closed listening socket's stand-in: the address it had (all gunicorn's handler asks of it)."""

    def __init__(self, name) -> None:
        self._name = name

    def getsockname(self):
        return self._name
