"""Container smoke test: build the image with buildah, run it with podman, post the seed, stop it.

The recipe is the one in ../shared/notes/containers.md for machines like CI's (Debian, root,
no registry): runc with cgroupfs, storage and a debootstrap base image cached under
COPYDESK_CONTAINER_CACHE (default /tmp/copydesk-containers), host networking for build and
run (the bridge network would rewrite the host's iptables), the host's CA bundle mounted
into the build for pip. Skips, saying why, where podman cannot run.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_PATH

pytestmark = pytest.mark.container

CACHE = Path(os.environ.get("COPYDESK_CONTAINER_CACHE", "/tmp/copydesk-containers"))
BASE_IMAGE = "localhost/pybase:bookworm"
IMAGE = "localhost/copydesk:test"
CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
DEFAULT_MIRROR = "http://deb.debian.org/debian"
# Guards against a hang, not timings (a new machine needs about 90 s in all).
BUILD_TIMEOUT = 900
START_DEADLINE = 60.0

CONTAINERS_CONF = """\
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
"""
STORAGE_CONF = """\
[storage]
driver = "overlay"
graphroot = "{cache}/graphroot"
runroot = "{cache}/runroot"
"""


def engine_env() -> dict[str, str]:
    """Environment that points podman and buildah at the cached configuration."""
    CACHE.mkdir(parents=True, exist_ok=True)
    conf = CACHE / "containers.conf"
    storage = CACHE / "storage.conf"
    conf.write_text(CONTAINERS_CONF)
    storage.write_text(STORAGE_CONF.format(cache=CACHE))
    return {**os.environ, "CONTAINERS_CONF": str(conf), "CONTAINERS_STORAGE_CONF": str(storage)}


def run(*args: str, env: dict[str, str], timeout: float = 120, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, timeout=timeout, check=check, capture_output=True, text=True, **kwargs)


def debian_mirror() -> str:
    """The mirror this machine's apt uses (deb822 sources), else Debian's default."""
    sources = Path("/etc/apt/sources.list.d/debian.sources")
    if sources.exists():
        for line in sources.read_text().splitlines():
            if line.startswith("URIs:") and "security" not in line:
                return line.split()[1]
    return DEFAULT_MIRROR


def ensure_base_image(env: dict[str, str]) -> None:
    """Build the local base (Debian bookworm with python3-venv) once and keep it in the cache."""
    if run("podman", "image", "exists", BASE_IMAGE, env=env, check=False).returncode == 0:
        return
    if shutil.which("debootstrap") is None:
        pytest.skip("no base image and no debootstrap to make one: apt-get install -y debootstrap")
    rootfs = CACHE / "rootfs"
    if not (rootfs / "usr/bin/python3").exists():
        shutil.rmtree(rootfs, ignore_errors=True)
        run(
            "debootstrap", "--variant=minbase", "--include=python3,python3-venv,ca-certificates",
            "bookworm", str(rootfs), debian_mirror(), env=env, timeout=BUILD_TIMEOUT,
        )
    tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
    run("podman", "import", "-", BASE_IMAGE, env=env, stdin=tar.stdout, timeout=BUILD_TIMEOUT)
    tar.wait()


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
    """podman and buildah, configured for this machine, or a skip that says what is missing."""
    missing = [tool for tool in ("podman", "buildah", "runc") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"container engine not installed ({', '.join(missing)}): apt-get install -y podman buildah runc debootstrap")
    env = engine_env()
    info = run("podman", "info", env=env, check=False)
    if info.returncode != 0:
        pytest.skip(f"podman cannot run here: {info.stderr.strip()[-300:]}")
    return env


@pytest.fixture(scope="module")
def image(engine):
    """Build the image from the Dockerfile on the local base, with the host's CA bundle mounted for pip."""
    ensure_base_image(engine)
    pip_conf = CACHE / "pip.conf"
    pip_conf.write_text(f"[global]\ncert = {CA_BUNDLE}\n")
    build = run(
        "buildah", "bud", "--format", "docker", "--network", "host", "--layers",
        "--build-arg", f"BASE={BASE_IMAGE}",
        "-v", f"{CA_BUNDLE}:{CA_BUNDLE}:ro",
        "-v", f"{pip_conf}:/etc/pip.conf:ro",
        "-t", IMAGE, str(ROOT),
        env=engine, timeout=BUILD_TIMEOUT, check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    yield IMAGE
    # drop the untagged images each build leaves behind, so a reused machine's store stays bounded
    run("podman", "image", "prune", "-f", env=engine, check=False, timeout=BUILD_TIMEOUT)


@pytest.fixture(scope="module")
def container(engine, image):
    """Run the image on a free port of 127.0.0.1 and wait until it answers /v1/health."""
    name = f"copydesk-test-{uuid.uuid4().hex[:8]}"
    port = free_port()
    run(
        "podman", "run", "-d", "--name", name, "--network", "host",
        "-e", f"COPYDESK_BIND=127.0.0.1:{port}", "-e", "COPYDESK_WORKERS=2", image,
        env=engine,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_DEADLINE
    while True:
        try:
            if http(f"{base}/v1/health")[0] == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            logs = run("podman", "logs", name, env=engine, check=False)
            run("podman", "rm", "-f", name, env=engine, check=False)
            pytest.fail(f"the container did not answer /v1/health:\n{logs.stdout}{logs.stderr}")
        time.sleep(0.2)
    yield {"name": name, "base": base}
    run("podman", "rm", "-f", name, env=engine, check=False)


def test_the_image_declares_a_healthcheck_and_a_non_root_user(engine, image):
    inspected = json.loads(run("podman", "image", "inspect", image, env=engine).stdout)[0]
    # podman lists the healthcheck beside Config (docker-format images keep it)
    assert inspected["Healthcheck"]["Test"][0] == "CMD"
    assert inspected["Config"]["User"].split(":")[0] not in ("", "0", "root")


def test_the_healthcheck_passes(engine, container):
    assert run("podman", "healthcheck", "run", container["name"], env=engine, check=False).returncode == 0


def test_the_service_does_not_run_as_root(engine, container):
    assert run("podman", "exec", container["name"], "id", "-u", env=engine).stdout.strip() != "0"


def test_the_seed_is_analyzed(container):
    status, content_type, body = http(f"{container['base']}/v1/analyze", SEED_PATH.read_bytes(), "text/plain")
    assert status == 200
    report = json.loads(body)
    assert report["text"] == SEED_PATH.read_text(encoding="utf-8")
    assert report["units"][0]["type"] == "heading"


def test_the_analysis_runs_compiled(engine, container):
    # the Dockerfile's default COMPILE=1: scoring/ is mypyc-compiled, so modules load from .so files
    probe = "import scoring.text, scoring.claims; print(scoring.text.__file__, scoring.claims.__file__)"
    files = run("podman", "exec", container["name"], "python", "-c", probe, env=engine).stdout.split()
    assert files and all(f.endswith(".so") for f in files), files


def test_errors_are_problems(container):
    status, content_type, body = http(f"{container['base']}/v1/analyze", b'{"text": ', "application/json")
    assert (status, content_type) == (400, "application/problem+json")


def test_it_stops_cleanly_on_sigterm(engine, container):
    run("podman", "stop", "-t", "10", container["name"], env=engine, timeout=60)
    state = run("podman", "inspect", container["name"], "--format", "{{.State.ExitCode}}", env=engine).stdout.strip()
    assert state == "0"
