"""api/gunicorn_conf.py reads its settings from the environment."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "api" / "gunicorn_conf.py"
VARIABLES = ("COPYDESK_BIND", "COPYDESK_WORKERS", "COPYDESK_TIMEOUT", "COPYDESK_GRACEFUL_TIMEOUT", "COPYDESK_KEEPALIVE", "COPYDESK_PRELOAD")


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
    assert (conf["timeout"], conf["graceful_timeout"], conf["keepalive"], conf["preload_app"]) == (30, 20, 5, False)


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
    ],
)
def test_each_variable_sets_its_setting(monkeypatch, variable, value, setting, expected):
    assert load(monkeypatch, **{variable: value})[setting] == expected


@pytest.mark.parametrize(("variable", "value"), [("COPYDESK_WORKERS", "many"), ("COPYDESK_PRELOAD", "perhaps")])
def test_a_bad_value_stops_the_server_with_its_name(monkeypatch, variable, value):
    with pytest.raises(SystemExit, match=variable):
        load(monkeypatch, **{variable: value})
