"""PORT, as platforms set it, is the default of COPYDESK_BIND: in the settings, in gunicorn, and in the image's healthcheck."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import requests

from copydesk.api.settings import DEFAULT_BIND, SettingError, bind_addresses, check_environment, read_environment
from tests.conftest import ROOT
from tests.e2e.live import REQUEST_TIMEOUT, UNSET, free_port, stop, wait_for_health

GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "api/gunicorn_conf.py", "copydesk.api.wsgi:app"]


@pytest.mark.parametrize(
    ("environ", "bind"),
    [
        ({}, [DEFAULT_BIND]),
        ({"PORT": "8080"}, ["0.0.0.0:8080"]),
        ({"PORT": " 8080 "}, ["0.0.0.0:8080"]),
        ({"PORT": ""}, [DEFAULT_BIND]),  # empty counts as unset, as for every setting
        ({"COPYDESK_BIND": "127.0.0.1:9000"}, ["127.0.0.1:9000"]),
        ({"COPYDESK_BIND": "127.0.0.1:9000", "PORT": "8080"}, ["127.0.0.1:9000"]),  # COPYDESK_BIND wins
        ({"COPYDESK_BIND": "127.0.0.1:1, [::1]:2", "PORT": "8080"}, ["127.0.0.1:1", "[::1]:2"]),
    ],
)
def test_the_bind_is_copydesk_bind_else_every_interface_on_port_else_the_local_default(environ, bind):
    assert bind_addresses(environ) == bind


@pytest.mark.parametrize("port", ["http", "0", "65536", "-1", "80.5", "8080/tcp", "٣٠٠٠"])
def test_a_port_that_cannot_be_used_stops_the_server_at_boot_saying_what_it_takes(port):
    with pytest.raises(SettingError, match=r"PORT='.*' cannot be used: it takes a port number from 1 to 65535"):
        read_environment({"PORT": port})
    with pytest.raises(SystemExit, match="PORT="):
        check_environment({"PORT": port})
    with pytest.raises(SettingError):
        bind_addresses({"PORT": port})
    # a platform's PORT is checked even where COPYDESK_BIND wins: a bad one is a bad deployment either way
    with pytest.raises(SettingError, match="PORT="):
        read_environment({"PORT": port, "COPYDESK_BIND": "127.0.0.1:9000"})


@pytest.mark.parametrize("port", ["1", "8080", "65535"])
def test_every_port_number_is_accepted(port):
    read_environment({"PORT": port})
    assert bind_addresses({"PORT": port}) == [f"0.0.0.0:{port}"]


def test_the_readme_and_the_config_say_so():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `PORT` |" in readme
    assert "0.0.0.0:$PORT" in (ROOT / "api" / "gunicorn_conf.py").read_text(encoding="utf-8")


def server_env(**variables: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPYDESK_") and k != "PORT" and k not in UNSET}
    env.update(variables)
    return env


def healthcheck() -> list[str]:
    """The image's HEALTHCHECK command (exec form), as the Dockerfile writes it."""
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    (command,) = re.findall(r"^HEALTHCHECK [^\n]*\\\n\s+CMD (\[.*\])$", dockerfile, re.M)
    argv = json.loads(command)
    assert argv[0] == "/opt/venv/bin/python"
    return [sys.executable, *argv[1:]]


def test_the_image_listens_on_port_by_default():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^\s+PORT=8000$", dockerfile, re.M)
    # COPYDESK_BIND set in the image would shadow the PORT a platform gives the container
    assert not re.search(r"^\s+COPYDESK_BIND=", dockerfile, re.M)


@pytest.mark.e2e
def test_gunicorn_listens_on_port_and_the_image_healthcheck_finds_it(tmp_path):
    port = free_port()
    with (tmp_path / "server.log").open("w+") as log:
        proc = subprocess.Popen(GUNICORN, cwd=ROOT, env=server_env(PORT=str(port), COPYDESK_WORKERS="1"), stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for_health(base, proc, log)
            response = requests.get(f"{base}/v1/health", timeout=REQUEST_TIMEOUT)
            assert response.status_code == 200 and response.json()["status"] == "ok"
            log.seek(0)
            assert f"Listening at: http://0.0.0.0:{port}" in log.read()
            # the image's healthcheck asks PORT's port when COPYDESK_BIND is unset ...
            assert subprocess.run(healthcheck(), env=server_env(PORT=str(port)), timeout=REQUEST_TIMEOUT).returncode == 0
            # ... and COPYDESK_BIND's when set (here a port nothing listens on: it fails)
            other = server_env(PORT=str(port), COPYDESK_BIND=f"127.0.0.1:{free_port()}")
            assert subprocess.run(healthcheck(), env=other, capture_output=True, timeout=REQUEST_TIMEOUT).returncode != 0
        finally:
            stop(proc)


@pytest.mark.e2e
def test_copydesk_bind_wins_over_port(tmp_path):
    port, ignored = free_port(), free_port()
    env = server_env(PORT=str(ignored), COPYDESK_BIND=f"127.0.0.1:{port}", COPYDESK_WORKERS="1")
    with (tmp_path / "server.log").open("w+") as log:
        proc = subprocess.Popen(GUNICORN, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for_health(f"http://127.0.0.1:{port}", proc, log)
            with pytest.raises(requests.ConnectionError):
                requests.get(f"http://127.0.0.1:{ignored}/v1/health", timeout=REQUEST_TIMEOUT)
        finally:
            stop(proc)


def test_gunicorn_refuses_a_bad_port_at_boot_and_says_why():
    done = subprocess.run(GUNICORN, cwd=ROOT, env=server_env(PORT="http"), capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "PORT='http' cannot be used: it takes a port number from 1 to 65535" in done.stderr + done.stdout
