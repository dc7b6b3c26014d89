"""The claims gate: per-status F1 (attributed, vague, unsourced separately) on every labelled article, held to floors kept as data.

Floors: tests/data/claims_floors.json, today's figures less a hair; re-floor with
`python -m tests.claims_gate --refloor` (tests/claims_gate.py). The seed is then walked
claim by claim with exact source, cue and figure matching.
"""

from __future__ import annotations

import pytest

from copydesk.scoring.options import Options
from tests.claims_gate import ARTICLES, STATUSES, article_counts, f1, figures_by_article, floors
from tests.scoring.test_claims_articles import seed_claims

FLOORS = floors()
PATHS = sorted(ARTICLES.glob("*.json"))


def test_every_labelled_article_has_floors():
    assert set(FLOORS) == {p.stem for p in PATHS} | {"all"}
    assert all(set(by) == set(STATUSES) for by in FLOORS.values())


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_per_status_figures_hold_their_floors(path):
    counts = article_counts(path)
    below = {s: (round(f1(*counts[s]), 4), FLOORS[path.stem][s], counts[s]) for s in STATUSES
             if f1(*counts[s]) < FLOORS[path.stem][s]}
    assert not below, f"{path.stem}: status: (F1, floor, (tp, fp, fn)) {below}"


def test_per_status_figures_over_the_set_hold_their_floors():
    overall = figures_by_article()["all"]
    assert all(overall[s] >= FLOORS["all"][s] for s in STATUSES), (overall, FLOORS["all"])


def test_the_gate_tells_anonymous_sources_from_named_ones():
    # counting anonymous sources as attributed must fail the gate: the labelled set has them as vague
    overall = figures_by_article(Options(anonymous_as_vague=False))["all"]
    assert overall["vague"] < FLOORS["all"]["vague"] and overall["attributed"] < FLOORS["all"]["attributed"]


# --- the seed, exactly --------------------------------------------------------------------------

# The vague cue of each vague claim of the seed, in order, as written.
SEED_VAGUE_CUES = ["is recognized", "estimates suggesting", "reports indicating", "it has been reported", "Reports indicate"]


def name(source: str | None) -> str | None:
    """A source's name as labelled: the spec's labels keep a leading article ("the Ukrainian military") that names leave out."""
    if source is None:
        return None
    return source[4:] if source.startswith("the ") else source


def test_seed_statuses_exactly():
    pairs = [(g["claim"]["status"], c.status if c else None) for g, c in seed_claims() if g.get("claim")]
    assert [got for _, got in pairs] == [want for want, _ in pairs]


def test_seed_sources_exactly():
    for g, c in seed_claims():
        if g.get("claim") and g["claim"]["status"] == "attributed":
            assert c.source == name(g["claim"]["source"]), (g["claim"]["source"], c.source)
        elif g.get("claim"):
            assert c.source is None


def test_seed_vague_cues_exactly():
    found = [next((cue.text for cue in c.cues if cue.kind == "vague"), "")
             for g, c in seed_claims() if g.get("claim") and g["claim"]["status"] == "vague"]
    assert found == SEED_VAGUE_CUES


def test_seed_figures_exactly():
    for g, c in seed_claims():
        want = sorted(fig.split()[0] for fig in g.get("figures") or ())
        got = sorted(cue.text.replace(",", "") for cue in (c.cues if c else ()) if cue.kind == "figure")
        if want:
            assert got == want, (g["text"][:60], want, got)
