"""In-process hook for ../shared/eval/score.py: `--call tests.eval_hook:analyze` (run from the project root)."""

from __future__ import annotations

from copydesk.api.reports import report_body
from copydesk.scoring import analyze as _analyze


def analyze(text: str) -> dict:
    """Return the report for `text` as the API's JSON body, without HTTP."""
    return report_body(_analyze(text), text, "code_points")
