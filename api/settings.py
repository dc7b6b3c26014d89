"""Every `COPYDESK_*` setting: its default, what it accepts, and one parser that refuses a bad value at boot.

Read by `create_app` (the app's settings) and by `api/gunicorn_conf.py` (`check_environment`,
the server's too), so a bad value stops the server before it takes a request, with a message
naming the variable and what it accepts. No Flask import here: gunicorn's config loads it.
An empty variable counts as unset. Variables of other tools (`COPYDESK_COMPILE`, a build
switch) are not read here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

PREFIX = "COPYDESK_"
# The port platforms give a service (Heroku, Cloud Run, Render, Fly...): when set, the default
# of COPYDESK_BIND is every interface on it, as gunicorn's own default is (its config.py: a
# platform routes outside traffic to the container's port). COPYDESK_BIND, when set, wins.
PORT_VARIABLE = "PORT"
PORT_HOST = "0.0.0.0"
DEFAULT_BIND = "127.0.0.1:8000"
MAX_PORT = 65535

# --- the app's limits (the reasons for each number are in api/limits.py and api/batch.py) ---
# 2 MiB: a 50,000-word feature is about 330 KB of UTF-8 text, so it fits several times over
# even JSON-escaped inside markup.
DEFAULT_MAX_CONTENT_LENGTH = 2 * 1024 * 1024
DEFAULT_MAX_TEXT_CHARS = 500_000
DEFAULT_MAX_UNITS = 20_000
DEFAULT_BATCH_MAX_ITEMS = 100
DEFAULT_BATCH_MAX_CHARS = 1_000_000
# The worker timeout gunicorn_conf.py applies when COPYDESK_TIMEOUT is unset (the same number).
DEFAULT_TIMEOUT = 30
# A request's time budget is this share of the worker timeout unless COPYDESK_TIME_BUDGET says
# otherwise (20 s of the default 30): the rest is the margin for the stage running when the
# budget runs out (the budget is checked between stages and batch items) and for writing the
# answer, so a request answers 422 rather than being killed with its worker.
TIME_BUDGET_SHARE = 2 / 3


class SettingError(ValueError):
    """One or more COPYDESK_* values cannot be used; the message names each variable and what it accepts."""


def positive_int(raw: str) -> int:
    """A whole number of at least 1, written in decimal digits."""
    text = raw.strip()
    if not text.isdigit() or not text.isascii() or int(text) < 1:
        raise ValueError
    return int(text)


def non_negative_int(raw: str) -> int:
    """A whole number of at least 0, written in decimal digits."""
    text = raw.strip()
    if not text.isdigit() or not text.isascii():
        raise ValueError
    return int(text)


def port_number(raw: str) -> int:
    """A TCP port: a whole number from 1 to 65535, in decimal digits."""
    number = positive_int(raw)
    if number > MAX_PORT:
        raise ValueError
    return number


def positive_seconds(raw: str) -> float:
    """A finite number of seconds above 0 ("20", "2.5")."""
    value = float(raw.strip())
    if not 0 < value < float("inf"):
        raise ValueError
    return value


def boolean(raw: str) -> bool:
    """true/false, 1/0, yes/no, on/off."""
    text = raw.strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError


def string_list(raw: str) -> tuple[str, ...]:
    """Comma- or newline-separated strings, or a JSON list of strings."""
    text = raw.strip()
    if text.startswith("["):
        import json  # only here: `copydesk analyze` imports this module and starts faster without json

        value = json.loads(text)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError
        items = [v.strip() for v in value]
    else:
        items = [v.strip() for v in text.replace("\n", ",").split(",")]
    return tuple(v for v in items if v)


def non_empty_list(raw: str) -> tuple[str, ...]:
    """string_list with at least one item."""
    items = string_list(raw)
    if not items:
        raise ValueError
    return items


def readable_file(raw: str) -> str:
    """The path of a file that exists and can be read."""
    path = raw.strip()
    if not os.path.isfile(path) or not os.access(path, os.R_OK):
        raise ValueError
    return path


@dataclass(frozen=True)
class Setting:
    """One COPYDESK_* variable: its parser, what it accepts (in words), its default, and who reads it."""

    name: str
    parse: Callable[[str], Any]
    accepts: str
    default: Any
    # "app": create_app puts it in the Flask config; "server": gunicorn_conf.py reads it
    scope: str


SETTINGS: Mapping[str, Setting] = MappingProxyType({s.name: s for s in (
    Setting("MAX_CONTENT_LENGTH", positive_int, "a whole number of bytes, at least 1", DEFAULT_MAX_CONTENT_LENGTH, "app"),
    Setting("MAX_TEXT_CHARS", positive_int, "a whole number of characters, at least 1", DEFAULT_MAX_TEXT_CHARS, "app"),
    Setting("MAX_UNITS", positive_int, "a whole number of headings and sentences, at least 1", DEFAULT_MAX_UNITS, "app"),
    Setting("BATCH_MAX_ITEMS", positive_int, "a whole number of items, at least 1", DEFAULT_BATCH_MAX_ITEMS, "app"),
    Setting("BATCH_MAX_CHARS", positive_int, "a whole number of characters, at least 1", DEFAULT_BATCH_MAX_CHARS, "app"),
    Setting("TIME_BUDGET", positive_seconds, "a number of seconds above 0, below COPYDESK_TIMEOUT", None, "app"),
    Setting("API_KEYS", non_empty_list, "sha256 hex digests, comma-separated or a JSON list, at least one", None, "app"),
    Setting("API_KEYS_FILE", readable_file, "the path of a readable file of sha256 hex digests, one a line", None, "app"),
    Setting("CORS_ORIGINS", string_list, "origins (https://cms.example.org), comma-separated or a JSON list", (), "app"),
    Setting("BIND", non_empty_list, "host:port addresses, comma-separated, at least one", DEFAULT_BIND, "server"),
    Setting("WORKERS", positive_int, "a whole number of worker processes, at least 1", None, "server"),
    Setting("TIMEOUT", positive_int, "a whole number of seconds, at least 1", DEFAULT_TIMEOUT, "server"),
    Setting("GRACEFUL_TIMEOUT", non_negative_int, "a whole number of seconds, 0 or more", 20, "server"),
    Setting("KEEPALIVE", non_negative_int, "a whole number of seconds, 0 or more", 5, "server"),
    Setting("PRELOAD", boolean, "true or false (also 1/0, yes/no, on/off)", True, "server"),
    Setting("ACCESS_LOG", boolean, "true or false (also 1/0, yes/no, on/off)", False, "server"),
)})


def parse(name: str, raw: str) -> Any:
    """The value of COPYDESK_<name> given as `raw`; SettingError saying what it accepts when it cannot be used."""
    setting = SETTINGS[name]
    try:
        return setting.parse(raw)
    except ValueError:
        shown = raw if len(raw) <= 80 else raw[:77] + "..."
        raise SettingError(f"{PREFIX}{name}={shown!r} cannot be used: it takes {setting.accepts}.") from None


def read_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Every COPYDESK_* setting that is set (not empty), parsed; one SettingError naming all the bad ones."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name in SETTINGS:
        raw = environ.get(PREFIX + name, "")
        if not raw.strip():
            continue
        try:
            values[name] = parse(name, raw)
        except SettingError as e:
            problems.append(str(e))
    raw_port = environ.get(PORT_VARIABLE, "")
    if raw_port.strip():
        try:
            parse_port(raw_port)
        except SettingError as e:
            problems.append(str(e))
    timeout = values.get("TIMEOUT", DEFAULT_TIMEOUT)
    budget = values.get("TIME_BUDGET")
    if budget is not None and budget >= timeout:
        problems.append(
            f"{PREFIX}TIME_BUDGET={budget:g} cannot be used: it must be below {PREFIX}TIMEOUT ({timeout} s), "
            "so that a request over its budget is answered before its worker is killed."
        )
    if problems:
        raise SettingError(" ".join(problems))
    return values


def bind_addresses(environ: Mapping[str, str] | None = None) -> list[str]:
    """Where gunicorn listens: COPYDESK_BIND when set, else 0.0.0.0:$PORT when PORT is set, else 127.0.0.1:8000."""
    environ = os.environ if environ is None else environ
    raw = environ.get(PREFIX + "BIND", "")
    if raw.strip():
        return list(parse("BIND", raw))
    port = environ.get(PORT_VARIABLE, "")
    if port.strip():
        return [f"{PORT_HOST}:{parse_port(port)}"]
    return [DEFAULT_BIND]


def parse_port(raw: str) -> int:
    """PORT's value; SettingError saying what it takes when it cannot be used (checked at boot even when COPYDESK_BIND wins)."""
    try:
        return port_number(raw)
    except ValueError:
        shown = raw if len(raw) <= 80 else raw[:77] + "..."
        raise SettingError(
            f"{PORT_VARIABLE}={shown!r} cannot be used: it takes a port number from 1 to {MAX_PORT} "
            f"({PREFIX}BIND's default is then {PORT_HOST}:$PORT)."
        ) from None


def app_settings(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The app's settings from the environment, each at its default unless set; TIME_BUDGET derived from the timeout."""
    values = read_environment(environ)
    out = {name: values.get(name, s.default) for name, s in SETTINGS.items() if s.scope == "app"}
    if out["TIME_BUDGET"] is None:
        out["TIME_BUDGET"] = default_time_budget(values.get("TIMEOUT", DEFAULT_TIMEOUT))
    return out


def default_time_budget(timeout: float) -> float:
    """The time budget for a worker timeout of `timeout` seconds: TIME_BUDGET_SHARE of it."""
    return round(timeout * TIME_BUDGET_SHARE, 3)


def check_config(config: Mapping[str, Any]) -> None:
    """Refuse app settings given as Python values (create_app's test_config) that the environment could not give."""
    for name in ("MAX_CONTENT_LENGTH", "MAX_TEXT_CHARS", "MAX_UNITS", "BATCH_MAX_ITEMS", "BATCH_MAX_CHARS"):
        value = config.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SettingError(f"{PREFIX}{name}={value!r} cannot be used: it takes {SETTINGS[name].accepts}.")
    budget = config.get("TIME_BUDGET")
    if isinstance(budget, bool) or not isinstance(budget, (int, float)) or not 0 < budget < float("inf"):
        raise SettingError(f"{PREFIX}TIME_BUDGET={budget!r} cannot be used: it takes {SETTINGS['TIME_BUDGET'].accepts}.")


def check_environment(environ: Mapping[str, str] | None = None) -> None:
    """Stop the process (SystemExit with the message) when any COPYDESK_* value cannot be used: for gunicorn_conf.py."""
    try:
        read_environment(environ)
    except SettingError as e:
        raise SystemExit(f"copydesk: {e}") from None
