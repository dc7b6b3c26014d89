"""Instructions (and estimated cycles) per POST /v1/analyze under valgrind: what one request costs a build, free of machine noise.

    .venv-compiled/bin/python bench/instructions.py                      # this interpreter's copydesk
    python3 bench/instructions.py --python /tmp/before/v/bin/python --python .venv-compiled/bin/python
    python3 bench/instructions.py --cycles ...                           # with the cache simulated

Each interpreter runs the app in process (create_app, called as WSGI with one prebuilt environ
per article, as bench/http_layers.py does) on the same distinct seed variants, twice under
valgrind's cachegrind: once with no request and once with --requests of them. The difference
divided by the requests is what one request costs: start-up, imports, the corpus and the
warm-up cancel out. Instruction counts do not move with the machine's load, so two builds (the
commit before a change and after it) compare to a fraction of a percent, where wall and CPU
times on a shared machine wander by several. The first interpreter is the baseline; the others
are printed as ratios to it. An install from before the package rename (top-level `api`) is
measured too. With --cycles the caches are simulated too and each request's estimated cycles
are printed: instructions + 10 x first-level misses + 100 x last-level misses (the weights
kcachegrind's "cycle estimation" uses), so that a change that reads more memory shows even
when it runs no more instructions. Needs valgrind; each run takes a minute or two (--cycles: more).
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ off sys.path (bench/http.py would shadow the standard library), the root last so an
# installed copydesk (a compiled build) wins (see bench/inprocess.py)
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(ROOT)]

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

# Requests run before the measured ones in both runs, so first-use work cancels out.
WARM_UP = 10
# cachegrind's summary lines (on standard error): name -> count
SUMMARY_RE = re.compile(r"==\d+== (I\s+refs|I1\s+misses|D1\s+misses|LL\s+misses):\s+([\d,]+)")
# kcachegrind's cycle estimation: a first-level miss costs about 10 instructions, a last-level one 100
L1_MISS_CYCLES = 10
LL_MISS_CYCLES = 100


def child(requests: int, articles: int) -> None:
    """Run `requests` requests (after the warm-up) through the app this interpreter imports."""
    from bench import corpus
    from bench.http_layers import call, environ_for

    try:
        from copydesk.api import create_app
    except ImportError:  # a build from before the package rename
        from api import create_app  # rename-imports: ok

    app = create_app()
    bodies = [json.dumps({"text": t}).encode() for t in corpus.articles(articles, seed_only=True)]
    for body in [bodies[0]] * WARM_UP + bodies[:requests]:
        status, _ = call(app, environ_for(body))  # an environ's body is read once: a fresh one per request
        if not status.startswith("200"):
            raise SystemExit(f"request failed: {status}")


def counts(python: str, requests: int, articles: int, cycles: bool) -> dict[str, int]:
    """cachegrind's totals (instructions; misses with `cycles`) for a whole run of this script's child with `requests` requests."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            ["valgrind", "--tool=cachegrind", f"--cache-sim={'yes' if cycles else 'no'}", f"--cachegrind-out-file={tmp}/out",
             python, __file__, "--child", str(requests), "--articles", str(articles)],
            capture_output=True, text=True, check=False, cwd=tmp,
        )
    found = {re.sub(r"\s+", " ", name): int(value.replace(",", "")) for name, value in SUMMARY_RE.findall(done.stderr)}
    if done.returncode != 0 or "I refs" not in found:
        raise SystemExit(f"{python}: cachegrind run failed:\n{done.stderr[-2000:]}")
    return found


def cost(found: dict[str, int], cycles: bool) -> int:
    """Instructions, or with `cycles` the estimated cycles, of one run's totals."""
    if not cycles:
        return found["I refs"]
    return found["I refs"] + L1_MISS_CYCLES * (found["I1 misses"] + found["D1 misses"]) + LL_MISS_CYCLES * found["LL misses"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", help="an interpreter with copydesk installed (repeat; the first is the baseline)")
    parser.add_argument("--requests", type=int, default=40, help="measured requests (default 40)")
    parser.add_argument("--cycles", action="store_true", help="simulate the caches and print estimated cycles too")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=40, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.articles)
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    articles = max(args.requests, 1)
    pythons = args.python or [sys.executable]
    unit = "estimated cycles" if args.cycles else "instructions"
    print(f"# {unit} per POST /v1/analyze (seed variants, {args.requests} requests, cachegrind)")
    per: list[float] = []
    for python in pythons:
        idle = counts(python, 0, articles, args.cycles)
        busy = counts(python, args.requests, articles, args.cycles)
        per.append((cost(busy, args.cycles) - cost(idle, args.cycles)) / args.requests)
        ratio = f"{per[-1] / per[0]:.3f}x" if len(per) > 1 else "baseline"
        extra = f" ({(busy['I refs'] - idle['I refs']) / args.requests / 1e6:.3f} M instructions)" if args.cycles else ""
        print(f"{python}: {per[-1] / 1e6:.3f} M {unit} per request{extra}  {ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
