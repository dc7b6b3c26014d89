"""api/settings.py: every COPYDESK_* value parsed at boot, a bad one stopping the server with its name (issue 22)."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys

import pytest

from copydesk.api import create_app
from copydesk.api.settings import PREFIX, SETTINGS, SettingError, app_settings, check_environment, read_environment
from tests.conftest import ROOT

CONF = ROOT / "api" / "gunicorn_conf.py"


@pytest.fixture
def clean_env(monkeypatch):
    """No COPYDESK_* variable of the calling shell leaks into the test."""
    for name in list(os.environ):
        if name.startswith(PREFIX):
            monkeypatch.delenv(name)
    return monkeypatch


# The values issue 22 found getting through: each booted, then failed every request (or worse).
BAD_APP_VALUES = [
    ("MAX_CONTENT_LENGTH", "abc"),  # every request a 500
    ("MAX_CONTENT_LENGTH", "-5"),  # "36 over the limit of -5 bytes"
    ("MAX_CONTENT_LENGTH", "null"),  # no limit at all
    ("MAX_CONTENT_LENGTH", "0"),
    ("MAX_CONTENT_LENGTH", "2.5"),
    ("MAX_CONTENT_LENGTH", "true"),
    ("BATCH_MAX_ITEMS", "ten"),  # every batch a 500
    ("BATCH_MAX_CHARS", "1e6"),
    ("MAX_TEXT_CHARS", "[1]"),
    ("MAX_UNITS", "-1"),
    ("TIME_BUDGET", "0"),
    ("TIME_BUDGET", "nan"),
    ("TIME_BUDGET", "soon"),
    ("TIME_BUDGET", "30"),  # not below the default worker timeout
    ("API_KEYS", ","),
]


@pytest.mark.parametrize(("name", "raw"), BAD_APP_VALUES)
def test_a_bad_value_stops_the_app_naming_the_variable_and_what_it_takes(clean_env, name, raw):
    clean_env.setenv(PREFIX + name, raw)
    with pytest.raises(SettingError, match=f"{PREFIX}{name}.*(takes|must be below)") as caught:
        create_app()
    assert "COPYDESK_" + name in str(caught.value)


BAD_SERVER_VALUES = [
    ("WORKERS", "0"),  # accepted connections and never answered
    ("WORKERS", "-2"),
    ("TIMEOUT", "0"),
    ("TIMEOUT", "ten"),
    ("GRACEFUL_TIMEOUT", "-1"),
    ("KEEPALIVE", "5s"),
    ("PRELOAD", "perhaps"),
    ("ACCESS_LOG", "verbose"),
    ("BIND", " , "),
]


@pytest.mark.parametrize(("name", "raw"), BAD_SERVER_VALUES + BAD_APP_VALUES)
def test_the_gunicorn_config_stops_on_a_bad_value_naming_it(clean_env, name, raw):
    clean_env.setenv(PREFIX + name, raw)
    with pytest.raises(SystemExit, match=f"{PREFIX}{name}"):
        runpy.run_path(str(CONF))


def test_every_bad_value_is_named_at_once(clean_env):
    clean_env.setenv("COPYDESK_WORKERS", "0")
    clean_env.setenv("COPYDESK_MAX_CONTENT_LENGTH", "abc")
    with pytest.raises(SystemExit) as caught:
        check_environment()
    assert "COPYDESK_WORKERS" in str(caught.value) and "COPYDESK_MAX_CONTENT_LENGTH" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("MAX_CONTENT_LENGTH", " 4096 ", 4096),
        ("BATCH_MAX_ITEMS", "10", 10),
        ("TIME_BUDGET", "2.5", 2.5),
        ("CORS_ORIGINS", "https://a.example, https://b.example", ("https://a.example", "https://b.example")),
        ("CORS_ORIGINS", '["https://a.example"]', ("https://a.example",)),
    ],
)
def test_good_values_are_read(clean_env, name, raw, expected):
    clean_env.setenv(PREFIX + name, raw)
    value = create_app().config[name]
    # security.init_app keeps the origins as a set
    assert value == (frozenset(expected) if name == "CORS_ORIGINS" else expected)


def test_an_empty_variable_counts_as_unset(clean_env):
    clean_env.setenv("COPYDESK_MAX_CONTENT_LENGTH", "")
    clean_env.setenv("COPYDESK_API_KEYS", "")
    assert read_environment() == {}
    assert create_app().config["MAX_CONTENT_LENGTH"] == SETTINGS["MAX_CONTENT_LENGTH"].default


def test_the_time_budget_follows_the_worker_timeout_unless_set(clean_env):
    assert app_settings()["TIME_BUDGET"] == 20
    clean_env.setenv("COPYDESK_TIMEOUT", "90")
    assert app_settings()["TIME_BUDGET"] == 60
    clean_env.setenv("COPYDESK_TIME_BUDGET", "80")
    assert app_settings()["TIME_BUDGET"] == 80


@pytest.mark.parametrize("config", [{"MAX_CONTENT_LENGTH": None}, {"BATCH_MAX_ITEMS": "ten"}, {"TIME_BUDGET": 0}, {"MAX_UNITS": True}])
def test_test_config_is_held_to_the_same_rules(config):
    with pytest.raises(SettingError):
        create_app({"TESTING": True, **config})


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in SETTINGS:
        assert f"| `{PREFIX}{name}` |" in readme, name


def test_gunicorn_refuses_to_start_with_a_bad_value_and_says_why(tmp_path):
    """A real gunicorn, started as the README says: it exits at once, naming the variable (no port is ever bound)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(PREFIX)}
    env.update({"COPYDESK_BIND": "127.0.0.1:0", "COPYDESK_MAX_CONTENT_LENGTH": "null"})
    done = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "api/gunicorn_conf.py", "copydesk.api.wsgi:app"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "COPYDESK_MAX_CONTENT_LENGTH='null' cannot be used: it takes a whole number of bytes" in done.stderr + done.stdout


def test_gunicorn_refuses_to_start_with_a_keys_file_of_comments(tmp_path):
    """Issue 22, finding 9: such a file started the service open; now gunicorn exits, saying why."""
    keys = tmp_path / "keys"
    keys.write_text("# the CMS key goes here\n\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(PREFIX)}
    env.update({"COPYDESK_BIND": "127.0.0.1:0", "COPYDESK_WORKERS": "1", "COPYDESK_API_KEYS_FILE": str(keys)})
    done = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "api/gunicorn_conf.py", "copydesk.api.wsgi:app"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "holds no digest" in done.stderr + done.stdout
