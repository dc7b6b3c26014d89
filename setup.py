"""Compile the scoring package with mypyc when COPYDESK_COMPILE=1 (the container image does); else pure Python.

The compiled modules are the same source, type-checked and translated to C by mypyc; Python
imports an extension module before a .py file of the same name, so a compiled install runs
them and a plain install runs the .py files. Editable installs are never compiled: a stale
extension next to the source would shadow every later edit. See README, "Speed".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
# scoring/__init__.py stays Python: it defers imports through a module __getattr__ (PEP 562).
NOT_COMPILED = {"scoring/__init__.py"}
# setup.py commands that build extension modules (the others only write metadata)
BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def drop_stale_extensions() -> None:
    """Delete extension modules an earlier compiled build left in build/: a plain wheel would ship them."""
    for lib in (ROOT / "build").glob("lib*"):
        for stale in [*lib.glob("*__mypyc*"), *(lib / "scoring").rglob("*.so"), *(lib / "scoring").rglob("*.pyd")]:
            stale.unlink()


def compiled_modules() -> list:
    """mypyc extension modules for scoring/, or none unless COPYDESK_COMPILE=1 in a non-editable build."""
    if os.environ.get("COPYDESK_COMPILE") != "1":
        if BUILDS.intersection(sys.argv):
            drop_stale_extensions()
        return []
    if any("editable" in arg for arg in sys.argv):
        raise SystemExit("COPYDESK_COMPILE=1 needs a regular install (pip install .), not an editable one")
    if not BUILDS.intersection(sys.argv):
        return []  # metadata only (egg_info, asked before the build requirements are installed)
    from mypyc.build import mypycify

    sources = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "scoring").rglob("*.py")
    )
    return mypycify(
        # markdown-it (imported lazily by scoring/markup.py) ships no type information
        ["--ignore-missing-imports"] + [s for s in sources if s not in NOT_COMPILED],
        opt_level="3",
        # one C file per module, so a build on N cores compiles N at a time (setup.cfg: parallel)
        multi_file=True,
    )


setup(ext_modules=compiled_modules())
