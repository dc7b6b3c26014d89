"""PEP 517 backend: setuptools', plus mypy (for mypyc) as a build requirement when COPYDESK_COMPILE=1."""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403  (every hook setuptools defines)

# The mypy release whose mypyc compiles scoring/ (setup.py); pinned so builds are repeatable.
MYPY_REQUIREMENT = "mypy==2.4.1"


def _compile() -> list[str]:
    return [MYPY_REQUIREMENT] if os.environ.get("COPYDESK_COMPILE") == "1" else []


def get_requires_for_build_wheel(config_settings=None):
    """setuptools' wheel requirements, plus mypy when the scoring package is to be compiled."""
    return _setuptools.get_requires_for_build_wheel(config_settings) + _compile()
