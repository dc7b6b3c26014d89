"""HTTP layers in-process: what one POST /v1/analyze costs around `copydesk.scoring.analyze`, layer by layer.

    cd /work/main && .venv/bin/python bench/http_layers.py 2>/dev/null     # 300 distinct articles
    .venv/bin/python bench/http_layers.py --articles 100 --profile 25 2>/dev/null   # + cProfile top lines
    .venv-compiled/bin/python bench/http_layers.py 2>/dev/null   # a COPYDESK_COMPILE=1 install: the build it imports

No server and no socket: the app (copydesk.api.create_app) is called as WSGI with one prebuilt
environ per article (the same JSON bodies as bench/http.py), and each layer is timed on
its own on the same articles, interleaved. Figures are medians of CPU time per request
(time.process_time), so other work on the machine matters little. Rows:

- whole request: the WSGI call, its body iterated and closed (everything gunicorn's
  worker asks of the app), log line and metrics included;
- analyze: `copydesk.scoring.analyze` alone; "outside analyze" is the whole request minus it;
- the layers, each timed alone: reading and validating the request (copydesk.api.articles), the
  limits check, the report's JSON-ready dict (copydesk.api.reports.report_body), JSON encoding and
  the Response, the security headers, and the request observer (request id, route match,
  metrics, the log line), as the whole request minus the same request through the inner app;
- baseline whole request: the same body through bench/baseline_app.py (Flask + textstat's 16
  metrics), called the same way right after copydesk's. Its ratio to copydesk's whole request
  is bench/http.py's requests/s ratio without gunicorn, the load generator, the sockets and
  several workers contending for the cores: the two apps' own work, on the same articles.
The request log goes to stderr: send it to /dev/null as above, or it floods the terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on sys.path, where bench/http.py would shadow the
# standard library's http package: swap in the root, last, so that an installed copydesk (a
# compiled COPYDESK_COMPILE=1 build, with its own copy of api/) is the one measured, as in
# bench/inprocess.py and bench/scaling.py.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(ROOT)]

import argparse
import cProfile
import gc
import io
import json
import pstats
import statistics
import time

from werkzeug.test import EnvironBuilder

from bench import build_info, corpus  # noqa: E402
from bench.baseline_app import create_app as create_baseline, offline_textstat, text_caches  # noqa: E402


def environ_for(body: bytes) -> dict:
    """A fresh WSGI environ for POST /v1/analyze with a JSON body."""
    return EnvironBuilder(path="/v1/analyze", method="POST", data=body, content_type="application/json").get_environ()


def call(wsgi, environ: dict) -> tuple[str, bytes]:
    """Call a WSGI app the way a server does: start_response, iterate the body, close it."""
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        return lambda data: None

    body = wsgi(environ, start_response)
    try:
        payload = b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return seen["status"], payload


def cpu(fn, *args) -> tuple[float, object]:
    """(CPU seconds, result) of one call."""
    start = time.process_time()
    out = fn(*args)
    return time.process_time() - start, out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="distinct articles (default 300)")
    parser.add_argument("--seed-only", action="store_true", help="variants of the seed alone, as bench/http.py --seed-only")
    parser.add_argument("--profile", type=int, default=0, help="also print the cProfile top N lines (by own time) over the whole requests")
    args = parser.parse_args(argv)

    from copydesk import scoring
    from copydesk.api import create_app
    from copydesk.api.articles import read_article
    from copydesk.api.limits import check_article
    from copydesk.api.reports import report_body
    from copydesk.api.security import _headers

    app = create_app()
    baseline = create_baseline()
    inner = app.wsgi_app.wsgi_app  # the Flask app without the request observer
    texts = corpus.articles(args.articles, seed=3, seed_only=args.seed_only)
    bodies = [json.dumps({"text": t}).encode() for t in texts]
    for b in bodies[:5]:  # warm up: first-call imports and caches of the apps
        call(app, environ_for(b))
        call(baseline, environ_for(b))
    # the warm-up's texts again would come from textstat's caches (keyed on the text)
    for cache in text_caches(offline_textstat()):
        cache.cache_clear()

    reports = {t: scoring.analyze(t) for t in texts}
    real_analyze = scoring.analyze

    def precomputed(text, **kwargs):
        """The report analyzed beforehand: the request runs every layer but the analysis."""
        return reports[text]

    names = ("whole request", "analyze", "request without analyze", "  no observer", "read_article", "check_article",
             "report_body", "json response", "security headers")
    baseline_times: list[float] = []
    rows: dict[str, list[float]] = {k: [] for k in names}
    sizes = []
    gc.collect()
    for body, text in zip(bodies, texts):
        t, (status, payload) = cpu(call, app, environ_for(body))
        assert status.startswith("200"), status
        rows["whole request"].append(t)
        sizes.append(len(payload))
        t, (status, _) = cpu(call, baseline, environ_for(body))
        assert status.startswith("200"), status
        baseline_times.append(t)
        rows["analyze"].append(cpu(real_analyze, text)[0])
        scoring.analyze = precomputed
        try:
            # alternate which goes first: the second of two runs over the same report is the warmer
            for wsgi in (app, inner) if len(sizes) % 2 else (inner, app):
                t, (_, same) = cpu(call, wsgi, environ_for(body))
                rows["request without analyze" if wsgi is app else "  no observer"].append(t)
                if wsgi is app:
                    assert same == payload, "the precomputed report answered differently"
        finally:
            scoring.analyze = real_analyze
        with app.test_request_context("/v1/analyze", method="POST", data=body, content_type="application/json") as ctx:
            t, article = cpu(read_article, ctx.request)
            rows["read_article"].append(t)
            rows["check_article"].append(cpu(check_article, article.text, article.format)[0])
            t, doc = cpu(report_body, reports[text], article.text, article.offsets)
            rows["report_body"].append(t)
            t, response = cpu(app.json.response, doc)
            rows["json response"].append(t)
            rows["security headers"].append(cpu(_headers, response)[0])

    med = {k: statistics.median(v) * 1e3 for k, v in rows.items()}
    whole = med["whole request"]
    print(f"# {build_info.scoring_build()}")
    print(f"# {len(bodies)} distinct articles (median body {statistics.median(len(b) for b in bodies):.0f} bytes, "
          f"response {statistics.median(sizes):.0f} bytes); median CPU ms per request")
    print(f"{'layer':<34}{'ms':>8}{'% of request':>14}")
    for k in names:
        print(f"{k:<34}{med[k]:>8.3f}{100 * med[k] / whole:>13.1f}%")
    observer = med["request without analyze"] - med["  no observer"]
    print(f"{'observer (id, metrics, log line)':<34}{observer:>8.3f}{100 * observer / whole:>13.1f}%   (without analyze - no observer)")
    layers = sum(med[k] for k in names[4:])
    rest = med["  no observer"] - layers
    print(f"{'rest (Flask, werkzeug, WSGI)':<34}{rest:>8.3f}{100 * rest / whole:>13.1f}%   (no observer - the layers above)")
    base = statistics.median(baseline_times) * 1e3
    print(f"{'baseline whole request':<34}{base:>8.3f}{100 * base / whole:>13.1f}%   (bench/baseline_app.py: Flask + textstat)")
    print(f"baseline / copydesk, whole request: {base / whole:.2f}x   (bench/http.py's requests/s ratio, less the server, the load generator and contention)")

    if args.profile:
        prof = cProfile.Profile()
        envs = [environ_for(b) for b in bodies]
        prof.enable()
        for env in envs:
            call(app, env)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
