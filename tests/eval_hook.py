"""In-process hook for ../shared/eval/score.py: `--call tests.eval_hook:analyze` (run from the project root)."""

from __future__ import annotations

import dataclasses

from scoring import analyze as _analyze


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "tokens"}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def analyze(text: str) -> dict:
    """Return the report for `text` as plain data, shaped like the API's JSON."""
    return _plain(_analyze(text))
