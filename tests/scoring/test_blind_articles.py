"""The whole analysis on blind articles (tests/data/blind): written by colleagues who never saw the rules, labelled per the spec.

Scored as eval/score.py scores (a reported unit counts for the labelled unit it overlaps by
at least half of the shorter span), over the set as a whole, against floors. The floors sit
a little under the figures measured when each batch was added, so a change that only fits
other copy fails here; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.api.reports import report_body
from copydesk.scoring import analyze
from tests.labelled import read_labelled

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"
PATHS = sorted(BLIND.glob("*.json"))
UNATTRIBUTED = ("vague", "unsourced")
# Floors over the set (issue 19's targets on real copy are 0.90, 1.0 and 0.90).
UNATTRIBUTED_F1_MIN = 0.90
COUNT_ERROR_MAX = 1.0
FIGURE_PAIR_F1_MIN = 0.80
SEGMENTATION_F1_MIN = 0.99
# Precision first: a reported restatement the labels do not have is worse than a missed one.
RESTATED_PRECISION_MIN = 0.90


def _align(units: list[dict], spans: list[tuple[int, int]]) -> dict[int, int | None]:
    """Each reported unit's labelled unit: the one it overlaps by at least half of the shorter span (eval/score.py)."""
    out: dict[int, int | None] = {}
    for u in units:
        overlaps = [max(0, min(u["end"], e) - max(u["start"], s)) for s, e in spans]
        best = max(range(len(spans)), key=overlaps.__getitem__)
        shorter = min(u["end"] - u["start"], spans[best][1] - spans[best][0])
        out[u["index"]] = best if shorter > 0 and 2 * overlaps[best] >= shorter else None
    return out


def _pairs(groups) -> set[tuple[int, int]]:
    out = set()
    for g in groups:
        g = sorted({x for x in g if x is not None})
        out |= {(a, b) for i, a in enumerate(g) for b in g[i + 1 :]}
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


@pytest.fixture(scope="module")
def scored():
    """Per article: (flags tp, fp, fn), |count error|, (figure pairs tp, fp, fn), (restated tp, fp), (sentences tp, fp, fn)."""
    rows = []
    for path in PATHS:
        text, spans, gold = read_labelled(path)
        report = report_body(analyze(text), text, "code_points")
        m = _align(report["units"], spans)
        gold_flag = {i for i, g in enumerate(gold) if g.get("claim") and g["claim"]["status"] in UNATTRIBUTED}
        flags = {m.get(c["unit"]) for c in report["claims"]["items"] if c["status"] in UNATTRIBUTED} - {None}
        groups: dict[str, list[int]] = {}
        for i, g in enumerate(gold):
            for f in g.get("figures") or ():
                groups.setdefault(f, []).append(i)
        gold_pairs = _pairs(g for g in groups.values() if len(set(g)) > 1)
        pairs = _pairs([m.get(x) for x in f["units"]] for f in report["repetition"]["figures"])
        gold_rest = {i for i, g in enumerate(gold) if g.get("restates") is not None}
        rest = {m.get(r["unit"]) for r in report["repetition"]["restatements"]} - {None}
        gold_sent = {spans[i] for i, g in enumerate(gold) if g["type"] == "sentence"}
        sent = {(u["start"], u["end"]) for u in report["units"] if u["type"] == "sentence"}
        rows.append((
            (len(flags & gold_flag), len(flags - gold_flag), len(gold_flag - flags)),
            abs(report["claims"]["unattributed"] - len(gold_flag)),
            (len(pairs & gold_pairs), len(pairs - gold_pairs), len(gold_pairs - pairs)),
            (len(rest & gold_rest), len(rest - gold_rest)),
            (len(sent & gold_sent), len(sent - gold_sent), len(gold_sent - sent)),
        ))
    return rows


def _sum(rows, k):
    return [sum(r[k][i] for r in rows) for i in range(len(rows[0][k]))]


def test_there_are_blind_articles_from_several_writers():
    writers = {p.stem.split("-")[1] for p in PATHS}
    assert len(PATHS) >= 15 and len(writers) >= 3, writers


def test_unattributed_flags(scored):
    f1 = _f1(*_sum(scored, 0))
    assert f1 >= UNATTRIBUTED_F1_MIN, f1


def test_mean_count_error(scored):
    error = sum(r[1] for r in scored) / len(scored)
    assert error <= COUNT_ERROR_MAX, error


def test_repeated_figure_pairs(scored):
    f1 = _f1(*_sum(scored, 2))
    assert f1 >= FIGURE_PAIR_F1_MIN, f1


def test_restatements_reported_are_labelled_ones(scored):
    tp, fp = _sum(scored, 3)
    precision = tp / (tp + fp) if tp + fp else 1.0
    assert precision >= RESTATED_PRECISION_MIN, (tp, fp)


def test_segmentation(scored):
    f1 = _f1(*_sum(scored, 4))
    assert f1 >= SEGMENTATION_F1_MIN, f1
