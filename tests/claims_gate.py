"""Per-status claims figures over the labelled articles (tests/data/articles), and their floors (tests/data/claims_floors.json).

    python -m tests.claims_gate            # today's figures, article by article
    python -m tests.claims_gate --refloor  # write today's figures, less MARGIN, as the new floors

tests/scoring/test_claims_gate.py holds every article to its floors. Re-floor after a change
that moves the figures on purpose, and say in the commit which ones went down and why.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from copydesk.scoring import figures
from copydesk.scoring.claims import analyze
from copydesk.scoring.options import Options
from copydesk.scoring.text import build_document
from tests.labelled import read_labelled

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
FLOORS_PATH = Path(__file__).resolve().parent / "data" / "claims_floors.json"
STATUSES = ("attributed", "vague", "unsourced")
# Floors sit this far under today's figures: a single wrong claim in any article fails the gate.
MARGIN = 0.005


def article_counts(path: Path, options: Options | None = None) -> dict[str, tuple[int, int, int]]:
    """Per status: (true positives, false positives, false negatives) of the claims found against the labels, unit by unit."""
    text, spans, gold = read_labelled(path)
    doc = build_document(text)
    result = analyze(doc, figures.find(doc), options or Options())
    unit_of_span = {(u.start, u.end): u.index for u in doc.units}
    found = {c.unit: c.status for c in result.items}
    out = {}
    for status in STATUSES:
        tp = fp = fn = 0
        for g, span in zip(gold, spans, strict=True):
            want = bool(g.get("claim")) and g["claim"]["status"] == status
            got = found.get(unit_of_span.get(span, -1)) == status
            tp += want and got
            fp += got and not want
            fn += want and not got
        out[status] = (tp, fp, fn)
    return out


def f1(tp: int, fp: int, fn: int) -> float:
    """F1 of one status; 1.0 when the article has none and none is found."""
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def figures_by_article(options: Options | None = None) -> dict[str, dict[str, float]]:
    """Per article and status, the F1; under "all", the F1 of each status over every article at once."""
    out: dict[str, dict[str, float]] = {}
    total = {s: [0, 0, 0] for s in STATUSES}
    for path in sorted(ARTICLES.glob("*.json")):
        counts = article_counts(path, options)
        out[path.stem] = {s: round(f1(*counts[s]), 4) for s in STATUSES}
        for s in STATUSES:
            total[s] = [a + b for a, b in zip(total[s], counts[s])]
    out["all"] = {s: round(f1(*total[s]), 4) for s in STATUSES}
    return out


def floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS_PATH.read_text(encoding="utf-8"))["floors"]


def refloor() -> None:
    today = figures_by_article()
    data = {
        "about": "Per-status F1 floors of the claims analysis on tests/data/articles: today's less "
                 f"{MARGIN} (tests/claims_gate.py --refloor writes them).",
        "floors": {a: {s: math.floor((v - MARGIN) * 1000) / 1000 for s, v in by.items()} for a, by in today.items()},
    }
    FLOORS_PATH.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if "--refloor" in argv:
        refloor()
    for article, by in figures_by_article().items():
        print(f"{article:28} " + "  ".join(f"{s} {by[s]:.3f}" for s in STATUSES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
