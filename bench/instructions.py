"""Instructions per POST /v1/analyze under callgrind: what one request costs a build, free of machine noise.

    .venv-compiled/bin/python bench/instructions.py                      # this interpreter's copydesk
    python3 bench/instructions.py --python /tmp/before/v/bin/python --python .venv-compiled/bin/python

Each interpreter runs the app in process (create_app, called as WSGI with one prebuilt environ
per article, as bench/http_layers.py does) on the same distinct seed variants, twice under
valgrind's callgrind: once with no request and once with --requests of them. The difference
divided by the requests is what one request costs: start-up, imports, the corpus and the
warm-up cancel out. Instruction counts do not move with the machine's load, so two builds (the
commit before a change and after it) compare to a fraction of a percent, where wall and CPU
times on a shared machine wander by several. The first interpreter is the baseline; the others
are printed as ratios to it. An install from before the package rename (top-level `api`) is
measured too. Needs valgrind; each run takes a minute or two.
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
TOTAL_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def child(requests: int, articles: int) -> None:
    """Run `requests` requests (after the warm-up) through the app this interpreter imports."""
    from werkzeug.test import EnvironBuilder

    from bench import corpus

    try:
        from copydesk.api import create_app
    except ImportError:  # a build from before the package rename
        from api import create_app  # rename-imports: ok

    app = create_app()
    bodies = [json.dumps({"text": t}).encode() for t in corpus.articles(articles, seed_only=True)]

    def call(body: bytes) -> None:
        environ = EnvironBuilder(path="/v1/analyze", method="POST", data=body, content_type="application/json").get_environ()
        status: list[str] = []
        out = app(environ, lambda s, h, e=None: status.append(s))
        try:
            b"".join(out)
        finally:
            getattr(out, "close", lambda: None)()
        if not status[0].startswith("200"):
            raise SystemExit(f"request failed: {status[0]}")

    for _ in range(WARM_UP):
        call(bodies[0])
    for body in bodies[:requests]:
        call(body)


def instructions(python: str, requests: int, articles: int) -> int:
    """Instructions callgrind counts for a whole run of this script's child with `requests` requests."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", python, __file__,
             "--child", str(requests), "--articles", str(articles)],
            capture_output=True, text=True, check=False, cwd=tmp,
        )
    found = TOTAL_RE.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{python}: callgrind run failed:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", help="an interpreter with copydesk installed (repeat; the first is the baseline)")
    parser.add_argument("--requests", type=int, default=40, help="measured requests (default 40)")
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
    print(f"# instructions per POST /v1/analyze (seed variants, {args.requests} requests, callgrind)")
    per: list[float] = []
    for python in pythons:
        idle = instructions(python, 0, articles)
        busy = instructions(python, args.requests, articles)
        per.append((busy - idle) / args.requests)
        ratio = f"{per[-1] / per[0]:.3f}x" if len(per) > 1 else "baseline"
        print(f"{python}: {per[-1] / 1e6:.3f} M instructions per request  {ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
