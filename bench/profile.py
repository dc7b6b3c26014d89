"""Profile copydesk's full report on distinct seed variants and print the top functions by own time.

    cd /work/main && .venv/bin/python bench/profile.py                 # cProfile, 300 articles, top 25
    .venv/bin/python bench/profile.py --articles 1000 --top 40

cProfile sees Python functions only: against a compiled install (COPYDESK_COMPILE=1) it shows
little, so profile that build with a native sampler instead, e.g.
`py-spy record --native --format raw -o out.txt -- .venv-compiled/bin/python bench/profile.py --no-profile`.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ off sys.path (bench/http.py would shadow the standard library), the root last so an
# installed copydesk wins (see bench/inprocess.py)
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(ROOT)]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402

from bench import build_info, corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="distinct seed variants to analyze (default 300)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--no-profile", action="store_true", help="only run the loop (for an outside sampler)")
    args = parser.parse_args(argv)

    from copydesk import scoring

    texts = corpus.articles(args.articles, seed_only=True)
    scoring.analyze(texts[0])  # imports and first-use work stay out of the profile
    print(f"# {build_info.scoring_build()}; {len(texts)} articles")
    if args.no_profile:
        for text in texts:
            scoring.analyze(text)
        return 0
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        scoring.analyze(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(args.top)
    root = str(ROOT) + "/"
    for line in out.getvalue().splitlines():
        if line.strip():
            print(line.replace(root, ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
