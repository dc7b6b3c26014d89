"""How long claims.analyze takes per article, and how its cost grows with article length.

    .venv/bin/python bench/claims_speed.py [--rounds N]

Times claims.analyze alone (CPU time, best of several rounds; the text model and figures are
built beforehand and not timed) on every labelled article in tests/data/articles, then on
articles made of 1, 10 and 100 copies of those articles' paragraphs, and prints the cost per
word of each size relative to the smallest. Linear cost shows as ratios near 1. Last, hostile
patterns (one tag, pronoun or coordinated verb repeated thousands of times in one paragraph)
at two sizes: a ratio near 4 is linear.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from copydesk.scoring import claims, figures  # noqa: E402
from copydesk.scoring.options import Options  # noqa: E402
from copydesk.scoring.text import build_document  # noqa: E402

COPIES = (1, 10, 100)


def article_text(path: Path) -> str:
    doc = json.loads(path.read_text(encoding="utf-8"))
    paras = []
    for para in doc["paragraphs"]:
        sep = "\n" if all(u["type"] == "heading" for u in para) else " "
        paras.append(sep.join(u["text"] for u in para))
    return "\n\n".join(paras)


def best_time(text: str, rounds: int) -> float:
    doc = build_document(text)
    found = figures.find(doc)
    options = Options()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        claims.analyze(doc, found, options)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    texts = [(p.stem, article_text(p)) for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.json"))]
    print(f"{'article':24} {'words':>6} {'ms':>7}")
    for name, text in texts:
        print(f"{name:24} {len(text.split()):6d} {best_time(text, args.rounds) * 1000:7.2f}")
    body = "\n\n".join(t for _, t in texts)
    base = None
    print(f"\n{'copies':>6} {'words':>8} {'ms':>9} {'per-word ratio':>15}")
    for n in COPIES:
        text = "\n\n".join([body] * n)
        words = len(text.split())
        seconds = best_time(text, max(1, args.rounds // n))
        per_word = seconds / words
        base = base or per_word
        print(f"{n:6d} {words:8d} {seconds * 1000:9.2f} {per_word / base:15.2f}")
    hostile(args.rounds)


# Sentences that once made a rule quadratic: one paragraph (or one sentence) of each, repeated.
HOSTILE = (
    '"We did it," he said. ',
    ", the agency said ",
    "Smith acknowledged it and said ",
    "he said, speaking on condition of anonymity, ",
    'The council called it "bad" ',
)


def hostile(rounds: int) -> None:
    """Time each hostile pattern at n and 4n repeats: a ratio near 4 is linear, near 16 quadratic."""
    print(f"\n{'hostile pattern':48} {'ms @1000':>9} {'ms @4000':>9} {'ratio':>6}")
    for unit in HOSTILE:
        small, large = (best_time(unit * n, max(1, rounds // 10)) for n in (1000, 4000))
        print(f"{unit!r:48} {small * 1000:9.1f} {large * 1000:9.1f} {large / small:6.1f}")


if __name__ == "__main__":
    main()
