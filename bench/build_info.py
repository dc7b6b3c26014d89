"""Which copydesk build a bench measures: the mypyc-compiled scoring package or its Python source."""

from __future__ import annotations

import importlib


def scoring_build() -> str:
    """Say whether `scoring` imports compiled (COPYDESK_COMPILE=1 install) or as Python, and from where."""
    text = importlib.import_module("scoring.text")
    path = text.__file__ or "?"
    kind = "compiled with mypyc" if path.endswith((".so", ".pyd")) else "pure Python"
    return f"scoring {kind} ({path.rsplit('/scoring/', 1)[0]})"
