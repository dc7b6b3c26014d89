"""gunicorn settings read from the environment: `gunicorn -c api/gunicorn_conf.py api.wsgi:app`.

| variable | default | meaning |
| --- | --- | --- |
| COPYDESK_BIND | 127.0.0.1:8000 | address(es) to listen on, comma-separated (0.0.0.0:8000 in the image) |
| COPYDESK_WORKERS | 2 x CPUs + 1, at most 8 | worker processes (sync workers: one request each at a time) |
| COPYDESK_TIMEOUT | 30 | seconds a worker may spend on one request before it is killed and restarted |
| COPYDESK_GRACEFUL_TIMEOUT | 20 | seconds workers get to finish in-flight requests after SIGTERM |
| COPYDESK_KEEPALIVE | 5 | seconds to hold an idle keep-alive connection (behind a load balancer: above its idle timeout) |
| COPYDESK_PRELOAD | false | load the app once in the master before forking (less memory, no per-worker reload) |

gunicorn's own GUNICORN_CMD_ARGS (e.g. "--bind 127.0.0.1:9000") still overrides these.
"""

import os

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


# The usual rule for sync workers (gunicorn's design docs): 2 x cores + 1; capped so a
# big host does not start dozens of workers for a CPU-bound service.
MAX_DEFAULT_WORKERS = 8

bind = [b.strip() for b in os.environ.get("COPYDESK_BIND", "127.0.0.1:8000").split(",") if b.strip()]
workers = _int("COPYDESK_WORKERS", min(2 * (os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS))
timeout = _int("COPYDESK_TIMEOUT", 30)
graceful_timeout = _int("COPYDESK_GRACEFUL_TIMEOUT", 20)
keepalive = _int("COPYDESK_KEEPALIVE", 5)
preload_app = _bool("COPYDESK_PRELOAD", False)
# access log on stdout, errors on stderr: what container runtimes collect
accesslog = "-"
errorlog = "-"
# gunicorn 25+ opens a control socket at $HOME/.gunicorn/gunicorn.ctl by default: one path
# for every server the user runs (the tests start several) and no home in the image.
# Nothing here uses it; older versions ignore the setting.
control_socket_disable = True


# prometheus_client's multiprocess mode (api/observability.py): the master gives the workers
# one folder for their metric files before any of them starts, forgets a worker's in-flight
# gauge when it exits, and removes the folder at exit if it made it.
def on_starting(server):
    from api.observability import prepare_multiprocess_dir

    prepare_multiprocess_dir()


def child_exit(server, worker):
    from api.observability import worker_exited

    worker_exited(worker.pid)


def on_exit(server):
    from api.observability import remove_multiprocess_dir

    remove_multiprocess_dir()
