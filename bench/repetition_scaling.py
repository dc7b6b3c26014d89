"""How the cost of figures.find + repetition.analyze grows with article length.

    .venv/bin/python bench/repetition_scaling.py [--rounds N] [--sizes 5 50 500 5000 20000]

Builds synthetic articles of 5, 50, 500 and 5,000 sentences from one seeded generator
(Zipf-distributed vocabulary, figures in a third of the sentences, one sentence in ten
restating an earlier one), times the two steps (CPU time, best of several interleaved
rounds, the text model built beforehand and not timed), and prints the cost per sentence of each
size relative to the 5-sentence article, all measured in the same run. Linear cost shows as ratios near 1 (a 5,000-
sentence article costing about 1,000 times a 5-sentence one); all-pairs comparison would
show ratios growing with the size.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from copydesk.scoring import figures, repetition  # noqa: E402
from copydesk.scoring.text import build_document  # noqa: E402

SIZES = (5, 50, 500, 5000)
SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vor", "du", "pel", "shi", "an", "gro", "bel", "nit", "os", "qua")
NOUNS = ("soldiers", "workers", "passengers", "residents", "voters", "patients", "homes", "jobs", "buses", "students")
VERBS = ("sent", "hired", "carried", "evacuated", "cut", "killed", "raised", "built", "closed", "opened")
QUALIFIERS = ("about", "more than", "nearly", "some", "", "", "")


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def article(sentences: int, seed: int = 7) -> str:
    """A synthetic article: varied sentences, some with figures, one in ten restating an earlier one."""
    rng = random.Random(seed)
    vocab = vocabulary(rng, 6000)
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]  # Zipf's law
    out: list[str] = []
    facts: list[tuple[str, int, str]] = []
    for i in range(sentences):
        if facts and rng.random() < 0.1:
            noun, value, verb = rng.choice(facts)
            words = rng.choices(vocab, weights, k=4)
            out.append(f"{rng.choice(QUALIFIERS)} {value:,} {noun} were {verb}, {' '.join(words)} said.".strip().capitalize())
            continue
        words = rng.choices(vocab, weights, k=rng.randint(8, 22))
        text = " ".join(words)
        if rng.random() < 0.33:
            noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
            value = rng.randint(2, 90) * 100
            facts.append((noun, value, verb))
            text += f" as {rng.choice(QUALIFIERS)} {value:,} {noun} were {verb} in {rng.randint(1990, 2024)}"
        out.append(text.capitalize() + ".")
    paragraphs = [" ".join(out[i : i + 4]) for i in range(0, len(out), 4)]
    return "Synthetic Article Title\n\n" + "\n\n".join(paragraphs)


def cost(doc, runs: int) -> float:
    """CPU seconds for one figures.find + repetition.analyze, averaged over `runs` back-to-back runs."""
    t0 = time.process_time()
    for _ in range(runs):
        found = figures.find(doc)
        repetition.analyze(doc, found)
    return (time.process_time() - t0) / runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="rounds over all sizes; the best round of each size is kept")
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="article lengths in sentences, smallest first")
    a = ap.parse_args()
    docs = [build_document(article(n)) for n in a.sizes]
    best = [float("inf")] * len(docs)
    # Sizes are interleaved round by round, so a burst of load on a shared machine hits every
    # size alike; CPU time (not wall time) leaves out the time the process waited for a core.
    for _ in range(a.rounds):
        for k, doc in enumerate(docs):
            runs = max(1, 20000 // len(doc.sentences))  # small articles: enough runs to be well above the clock's resolution
            gc.collect()
            best[k] = min(best[k], cost(doc, runs))
    base = best[0] / len(docs[0].sentences)
    print(f"{'sentences':>9} {'units':>6} {'total ms':>9} {'us/sentence':>12} {'per-sentence ratio':>19} {'total ratio':>12}")
    for doc, seconds in zip(docs, best):
        sentences = len(doc.sentences)
        per = seconds / sentences
        print(f"{sentences:>9} {len(doc.units):>6} {seconds * 1e3:>9.3f} {per * 1e6:>12.1f} {per / base:>19.2f} {seconds / best[0]:>12.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
