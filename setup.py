"""Compile the scoring package with mypyc when COPYDESK_COMPILE=1 (the container image does); else pure Python.

The compiled modules are the same source, type-checked and translated to C by mypyc; Python
imports an extension module before a .py file of the same name, so a compiled install runs
them and a plain install runs the .py files. Editable installs are never compiled: a stale
extension next to the source would shadow every later edit. See README, "Speed".

mypyc names a module after its file's path below the first folder without an __init__.py,
so scoring/text.py would be module `text` of a top-level package `scoring`; the installed
package is copydesk.scoring (pyproject.toml's package-dir). The sources are therefore compiled from a staged copy laid
out as installed, build/mypyc-stage/copydesk/scoring/..., and the extension modules come out
named copydesk.scoring.*. Their shared library is the top-level module copydesk__mypyc (not
mypyc's default hash-named one): mypyc derives each module's __file__ and __path__ from the
shared library's folder plus the module's dotted path, so it must sit at the top level (one
inside the package, copydesk.scoring__mypyc, gave copydesk/copydesk/scoring/... paths).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
PACKAGE = "copydesk"
# The installed package's folders (pyproject.toml's package-dir): copydesk's own __init__, then scoring/.
PACKAGE_INIT = Path("src") / PACKAGE
COMPILED = "scoring"  # rename-imports: ok (the folder)
# Where the compiled sources are staged, as installed (relative to ROOT; setup.py runs there).
STAGE = Path("build") / "mypyc-stage"
# scoring/__init__.py stays Python: it defers imports through a module __getattr__ (PEP 562).
NOT_COMPILED = {"scoring/__init__.py"}
# setup.py commands that build extension modules (the others only write metadata)
BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def drop_stale_build(compiled: bool) -> None:
    """Delete what an earlier build left in build/lib* that this one would not make: a wheel ships all of it.

    setuptools copies into build/lib* and never empties it, so a tree built before the rename
    (top-level scoring/ and api/ there) or compiled earlier (extension modules) would ship them.
    """
    for lib in (ROOT / "build").glob("lib*"):
        for entry in lib.iterdir():
            if entry.name == PACKAGE:
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        if not compiled:
            package = lib / PACKAGE
            for stale in [*package.rglob("*.so"), *package.rglob("*.pyd")]:
                stale.unlink()


def stage_sources() -> list[str]:
    """Copy copydesk/__init__.py and scoring/'s Python files to STAGE/copydesk/...; return the ones to compile."""
    stage = ROOT / STAGE
    shutil.rmtree(stage, ignore_errors=True)
    (stage / PACKAGE).mkdir(parents=True)
    shutil.copy2(ROOT / PACKAGE_INIT / "__init__.py", stage / PACKAGE / "__init__.py")
    compiled = []
    for source in sorted((ROOT / COMPILED).rglob("*.py")):
        relative = source.relative_to(ROOT).as_posix()
        target = stage / PACKAGE / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        if relative not in NOT_COMPILED:
            compiled.append((STAGE / PACKAGE / relative).as_posix())
    return compiled


def compiled_modules() -> list:
    """mypyc extension modules for scoring/, or none unless COPYDESK_COMPILE=1 in a non-editable build."""
    if os.environ.get("COPYDESK_COMPILE") != "1":
        if BUILDS.intersection(sys.argv):
            drop_stale_build(compiled=False)
        return []
    if any("editable" in arg for arg in sys.argv):
        raise SystemExit("COPYDESK_COMPILE=1 needs a regular install (pip install .), not an editable one")
    if not BUILDS.intersection(sys.argv):
        return []  # metadata only (egg_info, asked before the build requirements are installed)
    drop_stale_build(compiled=True)
    from mypyc.build import mypycify

    return mypycify(
        # markdown-it (imported lazily by scoring/markup.py) ships no type information
        ["--ignore-missing-imports", *stage_sources()],
        opt_level="3",
        # one C file per module, so a build on N cores compiles N at a time (setup.cfg: parallel)
        multi_file=True,
        # the shared library: the top-level module copydesk__mypyc, named for whose it is
        group_name=PACKAGE,
    )


setup(ext_modules=compiled_modules())
