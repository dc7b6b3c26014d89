"""Which copydesk build a bench measures: the mypyc-compiled scoring package or its Python source."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile


def scoring_build() -> str:
    """Say whether `scoring` imports compiled (COPYDESK_COMPILE=1 install) or as Python, and from where."""
    text = importlib.import_module("copydesk.scoring.text")
    path = text.__file__ or "?"
    kind = "compiled with mypyc" if path.endswith((".so", ".pyd")) else "pure Python"
    return f"scoring {kind} ({path.rsplit('/scoring/', 1)[0]})"


def installed_build(python: str = sys.executable) -> str:
    """Say which build `python` imports from outside the tree (as gunicorn and the CLI do), without importing it here."""
    probe = "import copydesk.scoring.text as t; print(t.__file__)"
    out = subprocess.run([python, "-c", probe], cwd=tempfile.gettempdir(), capture_output=True, text=True, timeout=60)
    path = out.stdout.strip()
    kind = "compiled with mypyc" if path.endswith((".so", ".pyd")) else "pure Python"
    return f"scoring {kind} ({path or out.stderr.strip()[-200:]})"
