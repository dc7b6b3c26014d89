"""deploy/constraints.txt pins every runtime package to one version, and the image's pip install uses it."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

CONSTRAINTS = ROOT / "deploy" / "constraints.txt"
# One exact pin a line: `name==version` (pip freeze's form), comments and blank lines aside.
PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)")


def pins() -> dict[str, str]:
    """{canonical name: version} of the constraints file; fails on any line that is not an exact pin."""
    found: dict[str, str] = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.fullmatch(line)
        assert match, f"not an exact pin: {line!r}"
        name = canonicalize_name(match.group(1))
        assert name not in found, f"{name} pinned twice"
        found[name] = match.group(2)
    return found


def runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"]]


def test_every_line_is_an_exact_pin_and_copydesk_itself_is_not_pinned():
    found = pins()
    assert found
    assert "copydesk" not in found  # the image installs the source it was built from


def test_every_runtime_dependency_is_pinned_within_its_range():
    found = pins()
    for requirement in runtime_requirements():
        name = canonicalize_name(requirement.name)
        assert name in found, f"{requirement} (pyproject.toml) has no pin in deploy/constraints.txt"
        assert requirement.specifier.contains(found[name], prereleases=True), (
            f"deploy/constraints.txt pins {name}=={found[name]}, outside pyproject.toml's {requirement}"
        )


def test_every_package_the_runtime_dependencies_pull_in_is_pinned_too():
    """The closure of pyproject.toml's dependencies as installed here (extras and markers followed): each one pinned."""
    found = pins()
    environment = default_environment()
    seen: set[str] = set()
    todo = [(r, "") for r in runtime_requirements()]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({**environment, "extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        for wanted in requirement.extras or {""}:
            key = f"{name}[{wanted}]"
            if key in seen:
                continue
            seen.add(key)
            try:
                requires = metadata.requires(name) or []
            except metadata.PackageNotFoundError:
                pytest.fail(f"{name} is not installed here: pip install -e '.[test]'")
            todo += [(Requirement(r), wanted) for r in requires]
    missing = sorted({key.split("[")[0] for key in seen} - set(found))
    assert not missing, f"runtime packages without a pin in deploy/constraints.txt (regenerate it, see its header): {missing}"


def test_the_image_installs_with_the_constraints():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    # the file reaches the build stage (the build context lets it through) ...
    assert "!deploy/constraints.txt" in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    copies = re.findall(r"^COPY (\S+) (\S+)$", dockerfile, re.M)
    assert ("deploy/constraints.txt", "./deploy/") in copies
    # ... and every pip install of the build stage is held to it
    installs = re.findall(r"pip install [^\n]*", dockerfile)
    assert installs and all("-c deploy/constraints.txt" in line for line in installs), installs
