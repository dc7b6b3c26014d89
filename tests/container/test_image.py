"""Container smoke test: build and run the image exactly as the README's podman command does, post the seed, stop it.

The README's command is `tools/podman-image.sh build && tools/podman-image.sh run` (podman and
buildah on a machine with no Docker daemon and no registry, as CI's). This test reads that line
from the README and runs it, with the image, name, port and cache set through the script's
environment variables. Skips, saying why, where podman cannot run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest

from tests.conftest import ROOT, SEED_PATH

pytestmark = pytest.mark.container

SCRIPT = ROOT / "tools" / "podman-image.sh"
IMAGE = "localhost/copydesk:test"
# Guards against a hang, not timings (a cold machine needs about 90 s in all).
BUILD_TIMEOUT = 900
START_DEADLINE = 60.0


def readme_podman_command() -> str:
    """The README's podman line in its Container section (the one users copy)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Container\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for block in re.findall(r"```sh\n(.*?)```", section, re.S) for line in block.splitlines()]
    found = [line.strip() for line in lines if line.strip().startswith("tools/podman-image.sh")]
    assert len(found) == 1, found
    return found[0]


def script_env(**settings: str) -> dict[str, str]:
    """The environment the script reads: the cache (COPYDESK_CONTAINER_CACHE), image, name and bind."""
    return {**os.environ, "COPYDESK_IMAGE": IMAGE, **settings}


def run(*args: str, env: dict[str, str], timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, timeout=timeout, check=check, capture_output=True, text=True, cwd=ROOT)


def podman(*args: str, env: dict[str, str], timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess:
    """podman with the script's configuration (its runtime, storage and cache)."""
    return run("bash", str(SCRIPT), "podman", *args, env=env, timeout=timeout, check=check)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url: str, body: bytes | None = None, content_type: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type} if content_type else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read()


@pytest.fixture(scope="module")
def engine():
    """The script's environment where podman and buildah can run, or a skip that says what is missing."""
    missing = [tool for tool in ("podman", "buildah", "runc") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"container engine not installed ({', '.join(missing)}): apt-get install -y podman buildah runc debootstrap")
    env = script_env()
    info = podman("info", env=env, check=False)
    if info.returncode != 0:
        pytest.skip(f"podman cannot run here: {info.stderr.strip()[-300:]}")
    return env


@pytest.fixture(scope="module")
def container(engine):
    """Build and start the image with the README's command, on a free port, and wait for /v1/health."""
    build_and_run = readme_podman_command()
    name = f"copydesk-test-{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {**engine, "COPYDESK_CONTAINER_NAME": name, "COPYDESK_BIND": f"127.0.0.1:{port}", "COPYDESK_WORKERS": "2"}
    started = run("bash", "-c", build_and_run, env=env, timeout=BUILD_TIMEOUT, check=False)
    if started.returncode == 3:  # the script's "no base image and no debootstrap"
        pytest.skip(started.stderr.strip())
    try:
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_DEADLINE
        while True:
            try:
                if http(f"{base}/v1/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                logs = podman("logs", name, env=engine, check=False)
                pytest.fail(f"the container did not answer /v1/health:\n{logs.stdout}{logs.stderr}")
            time.sleep(0.2)
        yield {"name": name, "base": base}
    finally:
        podman("rm", "-f", name, env=engine, check=False)


def test_the_image_declares_a_healthcheck_and_a_non_root_user(engine, container):
    inspected = json.loads(podman("image", "inspect", IMAGE, env=engine).stdout)[0]
    # podman lists the healthcheck beside Config (docker-format images keep it)
    assert inspected["Healthcheck"]["Test"][0] == "CMD"
    assert inspected["Config"]["User"].split(":")[0] not in ("", "0", "root")


def test_the_healthcheck_passes(engine, container):
    assert podman("healthcheck", "run", container["name"], env=engine, check=False).returncode == 0


def test_the_service_does_not_run_as_root(engine, container):
    assert podman("exec", container["name"], "id", "-u", env=engine).stdout.strip() != "0"


def test_the_seed_is_analyzed(container):
    status, content_type, body = http(f"{container['base']}/v1/analyze", SEED_PATH.read_bytes(), "text/plain")
    assert status == 200
    report = json.loads(body)
    assert report["text"] == SEED_PATH.read_text(encoding="utf-8")
    assert report["units"][0]["type"] == "heading"


def test_the_analysis_runs_compiled(engine, container):
    # the Dockerfile's default COMPILE=1: scoring/ is mypyc-compiled, so modules load from .so files
    probe = "from copydesk import scoring; import copydesk.scoring.text, copydesk.scoring.claims; print(scoring.text.__file__, scoring.claims.__file__)"
    files = podman("exec", container["name"], "python", "-c", probe, env=engine).stdout.split()
    assert files and all(f.endswith(".so") for f in files), files


def test_errors_are_problems(container):
    status, content_type, body = http(f"{container['base']}/v1/analyze", b'{"text": ', "application/json")
    assert (status, content_type) == (400, "application/problem+json")


def test_it_stops_cleanly_on_sigterm(engine, container):
    podman("stop", "-t", "10", container["name"], env=engine, timeout=60)
    state = podman("inspect", container["name"], "--format", "{{.State.ExitCode}}", env=engine).stdout.strip()
    assert state == "0"
