"""api/gunicorn_conf.py reads its settings from the environment."""

from __future__ import annotations

import runpy
import types
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "api" / "gunicorn_conf.py"
VARIABLES = ("COPYDESK_BIND", "COPYDESK_WORKERS", "COPYDESK_TIMEOUT", "COPYDESK_GRACEFUL_TIMEOUT", "COPYDESK_KEEPALIVE", "COPYDESK_PRELOAD", "COPYDESK_ACCESS_LOG")


def load(monkeypatch, **env) -> dict:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_defaults(monkeypatch):
    conf = load(monkeypatch)
    assert conf["bind"] == ["127.0.0.1:8000"]
    assert 1 <= conf["workers"] <= conf["MAX_DEFAULT_WORKERS"]
    assert (conf["timeout"], conf["graceful_timeout"], conf["keepalive"], conf["preload_app"]) == (30, 20, 5, True)
    # one log line per request (the app's JSON line), not also gunicorn's access log
    assert conf["accesslog"] is None
    assert conf["errorlog"] == "-"


@pytest.mark.parametrize(("cores", "workers"), [(None, 2), (1, 2), (2, 3), (3, 5), (4, 6), (5, 8), (64, 8)])
def test_the_default_worker_count_is_one_and_a_half_per_core_capped(monkeypatch, cores, workers):
    conf = load(monkeypatch)
    assert conf["WORKERS_PER_CORE"] == 1.5
    assert conf["default_workers"](cores) == workers
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert load(monkeypatch)["workers"] == workers


@pytest.mark.parametrize("preload", [True, False])
def test_the_loaded_app_is_frozen_out_of_the_gc_once_where_it_was_loaded(monkeypatch, preload):
    conf = load(monkeypatch, COPYDESK_PRELOAD=str(preload).lower())
    frozen = []
    monkeypatch.setattr("gc.freeze", lambda: frozen.append(True))
    cfg = types.SimpleNamespace(preload_app=conf["preload_app"])
    conf["when_ready"](types.SimpleNamespace(cfg=cfg))
    # with preload the master freezes before it forks; workers must not (it would copy the shared pages)
    assert frozen == ([True] if preload else [])
    conf["post_worker_init"](types.SimpleNamespace(cfg=cfg))
    assert frozen == [True]


@pytest.mark.parametrize(
    ("variable", "value", "setting", "expected"),
    [
        ("COPYDESK_BIND", "0.0.0.0:9000", "bind", ["0.0.0.0:9000"]),
        ("COPYDESK_BIND", "127.0.0.1:1, [::1]:2", "bind", ["127.0.0.1:1", "[::1]:2"]),
        ("COPYDESK_WORKERS", "3", "workers", 3),
        ("COPYDESK_TIMEOUT", "90", "timeout", 90),
        ("COPYDESK_GRACEFUL_TIMEOUT", "7", "graceful_timeout", 7),
        ("COPYDESK_KEEPALIVE", "75", "keepalive", 75),
        ("COPYDESK_PRELOAD", "true", "preload_app", True),
        ("COPYDESK_PRELOAD", "0", "preload_app", False),
        ("COPYDESK_ACCESS_LOG", "true", "accesslog", "-"),
        ("COPYDESK_ACCESS_LOG", "off", "accesslog", None),
    ],
)
def test_each_variable_sets_its_setting(monkeypatch, variable, value, setting, expected):
    assert load(monkeypatch, **{variable: value})[setting] == expected


@pytest.mark.parametrize(("variable", "value"), [("COPYDESK_WORKERS", "many"), ("COPYDESK_PRELOAD", "perhaps"), ("COPYDESK_ACCESS_LOG", "verbose")])
def test_a_bad_value_stops_the_server_with_its_name(monkeypatch, variable, value):
    with pytest.raises(SystemExit, match=variable):
        load(monkeypatch, **{variable: value})


def test_workers_are_gevent_so_idle_and_slow_connections_cost_no_worker(monkeypatch):
    conf = load(monkeypatch)
    assert conf["worker_class"] == "copydesk.api.worker.Worker"
    assert conf["worker_connections"] >= 1000
    # the class gunicorn will load, with gevent installed as a dependency
    from gunicorn.util import load_class

    from gunicorn.workers.ggevent import GeventWorker

    assert issubclass(load_class(conf["worker_class"]), GeventWorker)


def test_child_exit_merges_the_workers_metrics_and_warns_past_the_budget(monkeypatch, tmp_path):
    conf = load(monkeypatch)
    # prometheus_client picks its value store on import: import it before the variable is set,
    # or later tests in this process would get the multiprocess store
    import prometheus_client.mmap_dict  # noqa: F401

    from copydesk.api import observability

    monkeypatch.setenv(observability.MULTIPROC_ENV, str(tmp_path))
    warnings = []
    server = types.SimpleNamespace(log=types.SimpleNamespace(warning=lambda *args: warnings.append(args)))
    (tmp_path / "gauge_livesum_41.db").write_bytes(b"\0" * 16)
    conf["child_exit"](server, types.SimpleNamespace(pid=41))
    assert not (tmp_path / "gauge_livesum_41.db").exists() and warnings == []
    monkeypatch.setattr(observability, "METRICS_DIR_BUDGET_BYTES", 10)
    (tmp_path / "counter_42.db").write_bytes(b"\0" * 64)  # a live worker's file (no values yet)
    conf["child_exit"](server, types.SimpleNamespace(pid=43))
    assert len(warnings) == 1 and "budget" in warnings[0][0]
