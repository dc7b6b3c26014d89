"""Scaling bench: copydesk's time per word and memory from 1x to 1000x the seed, and over many articles.

    cd /work/main && .venv/bin/python bench/scaling.py                   # everything (several minutes)
    .venv/bin/python bench/scaling.py --sizes 1,10,100 --articles 2000   # a shorter run
    .venv/bin/python bench/scaling.py --quick                            # smoke run

Prints, all measured in this run (ratios, never pass/fail on absolute times):
1. resident memory (RSS, /proc/self/statm) after scoring 100 distinct articles and after
   10,000, and the difference (first, before any big article raises the high-water mark);
2. for 1x, 10x, 100x, 1000x the seed (one article made of that many distinct seed
   variants): median time per word, the ratio to 1x, and the peak of Python allocations
   during one report (tracemalloc, in a separate untimed call);
3. the peak extra memory (tracemalloc) for one 1 MiB article as a multiple of its UTF-8 size.
A size whose estimated time (from the previous size, linear) exceeds --budget seconds is
skipped and said so, so a super-linear analysis shows up as a skip, not a hang.
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
import statistics
import time
import tracemalloc


from bench import build_info, corpus  # noqa: E402

MIB = 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")

# Issue 6's targets for this script, as ratios: per-word cost at 1000x vs 1x, RSS growth
# after 10,000 articles vs 100 (MiB), peak extra memory for 1 MiB as a multiple of its size.
TARGET_PER_WORD_RATIO = 1.3
TARGET_RSS_GROWTH_MIB = 10.0
TARGET_PEAK_MULTIPLE = 30.0


def rss_bytes() -> int:
    """Resident set size of this process now (not the peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def peak_extra(analyze, text: str) -> int:
    """Peak Python allocations above the starting point during one report (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        analyze(text)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def per_word(analyze, texts: list[str]) -> tuple[float, float]:
    """Median wall and CPU seconds per word over the texts."""
    wall, cpu = [], []
    for text in texts:
        words = corpus.word_count(text)
        start, cpu_start = time.perf_counter(), time.process_time()
        analyze(text)
        cpu.append((time.process_time() - cpu_start) / words)
        wall.append((time.perf_counter() - start) / words)
    return statistics.median(wall), statistics.median(cpu)


def scaling(analyze, sizes: list[int], budget: float) -> None:
    """Time per word and peak allocations for each multiple of the seed."""
    print("2. scaling with article length (distinct seed variants concatenated)")
    print(f"  {'size':>6}{'words':>10}{'texts':>7}{'us/word':>10}{'vs 1x':>8}{'CPU us/w':>10}{'vs 1x':>8}{'peak MiB':>10}{'peak/text':>11}")
    base = cpu_base = None
    last_seconds = None
    last_size = None
    for size in sizes:
        # fewer texts for bigger sizes: the median needs several samples, not several minutes
        count = max(1, min(30, 300 // size))
        if last_seconds is not None and last_seconds * size / last_size * count > budget:
            print(f"  {size:>5}x  skipped: estimated {last_seconds * size / last_size * count:.0f} s > --budget {budget:g} s")
            continue
        texts = [corpus.scaled_article(size, seed=1 + i) for i in range(count)]
        analyze(corpus.scaled_article(size, seed=10_000 + size))  # warm-up at this size
        gc.collect()
        cost, cpu_cost = per_word(analyze, texts)
        words = statistics.median(corpus.word_count(t) for t in texts)
        last_seconds, last_size = cost * words, size
        base = base or cost
        cpu_base = cpu_base or cpu_cost
        peak = peak_extra(analyze, texts[0])
        size_bytes = len(texts[0].encode("utf-8"))
        print(f"  {size:>5}x{words:>10.0f}{count:>7}{cost * 1e6:>10.3f}{cost / base:>7.2f}x{cpu_cost * 1e6:>10.3f}{cpu_cost / cpu_base:>7.2f}x{peak / MIB:>10.2f}{peak / size_bytes:>10.1f}x")
        if size == sizes[-1] and size >= 1000 and sizes[0] == 1:
            verdict = "met" if cost / base <= TARGET_PER_WORD_RATIO else "MISSED"
            print(f"  target: per-word cost at {size}x <= {TARGET_PER_WORD_RATIO}x that at 1x: {cost / base:.2f}x wall "
                  f"({cpu_cost / cpu_base:.2f}x CPU) {verdict}")


def resident(analyze, small: int, large: int) -> None:
    """RSS after `small` distinct articles vs after `large`, in one process."""
    print(f"1. resident memory over many distinct articles (all sources, {large} in all)")
    checkpoints = sorted({small, large // 10, large} - {0})
    done = 0
    rss = {}
    start = time.perf_counter()
    for checkpoint in checkpoints:
        for i in range(done, checkpoint):
            analyze(corpus.variant(corpus.sources()[i % len(corpus.sources())], 20_000_000 + i))
        done = checkpoint
        gc.collect()
        rss[checkpoint] = rss_bytes()
        print(f"  after {checkpoint:>6} articles: RSS {rss[checkpoint] / MIB:8.1f} MiB  ({time.perf_counter() - start:.0f} s so far)")
    growth = (rss[large] - rss[small]) / MIB
    verdict = "met" if growth <= TARGET_RSS_GROWTH_MIB else "MISSED"
    print(f"  growth from {small} to {large} articles: {growth:+.1f} MiB (target <= {TARGET_RSS_GROWTH_MIB:g} MiB: {verdict})")


def one_mebibyte(analyze, size: int) -> None:
    """Peak extra allocations for one article of `size` bytes."""
    text = corpus.article_of_size(size, seed=7)
    size_bytes = len(text.encode("utf-8"))
    peak = peak_extra(analyze, text)
    multiple = peak / size_bytes
    verdict = "met" if multiple <= TARGET_PEAK_MULTIPLE else "MISSED"
    print(f"3. one {size_bytes / MIB:.2f} MiB article ({corpus.word_count(text)} words)")
    print(f"  peak extra allocations {peak / MIB:.1f} MiB = {multiple:.1f}x the article (target <= {TARGET_PEAK_MULTIPLE:g}x: {verdict})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="multiples of the seed (default 1,10,100,1000)")
    parser.add_argument("--articles", type=int, default=10_000, help="distinct articles for the RSS check (default 10000)")
    parser.add_argument("--mib", type=float, default=1.0, help="size of the big article in MiB (default 1)")
    parser.add_argument("--budget", type=float, default=600.0, help="skip a size estimated to take longer (s)")
    parser.add_argument("--quick", action="store_true", help="smoke run: sizes 1,2; 20 vs 40 articles; 64 KiB")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.articles, args.mib = "1,2", 40, 1 / 16
    sizes = [int(s) for s in args.sizes.split(",")]

    from copydesk import scoring

    analyze = scoring.analyze
    print(f"# scaling bench: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}, seed {corpus.word_count(corpus.sources()[0])} words")
    print(f"# {build_info.scoring_build()}")
    analyze(corpus.seed_variant(99_999))
    # RSS first: the big articles below raise the high-water mark that RSS keeps afterwards
    resident(analyze, min(100, args.articles // 2), args.articles)
    scaling(analyze, sizes, args.budget)
    one_mebibyte(analyze, int(args.mib * MIB))
    return 0


if __name__ == "__main__":
    sys.exit(main())
