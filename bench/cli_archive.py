"""`copydesk analyze` over an archive: wall time, time to the first record and peak memory, per output format and --jobs.

    python bench/cli_archive.py [--files 3000] [--jobs 2]

Writes --files articles (variants of the seed and of the project's labelled articles) into a
temporary folder, then runs the installed `copydesk` over the folder as a user would: the JSON
array with one process (the baseline) and JSON Lines with --jobs N. Peak memory is the largest
resident set of any one process of the run (the command or one of its workers).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import articles  # noqa: E402

COPYDESK = Path(sys.executable).parent / "copydesk"


def write_archive(folder: Path, count: int) -> None:
    """`count` .txt files: bench/corpus.py's distinct variants of the seed and the labelled articles."""
    for i, text in enumerate(articles(count)):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def measure(args: list[str]) -> tuple[float, float, int, float]:
    """Run `measure_here` in a fresh process, so that its children's peak memory is this run's alone."""
    out = subprocess.run([sys.executable, __file__, "--measure", *args], capture_output=True, text=True, check=True).stdout
    first, total, records, peak = out.split()
    return float(first), float(total), int(records), float(peak)


def measure_here(args: list[str]) -> None:
    """Print seconds to the first record, seconds in all, records and peak RSS (MiB) of one run of the command."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(COPYDESK), "analyze", *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = b""
    while b'"file"' not in first and (line := proc.stdout.readline()):
        first += line  # up to the first record: the JSON array's "[" comes before any work
    first_at = time.perf_counter() - start
    rest = proc.stdout.read()
    proc.wait()
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    records = (first + rest).count(b'\n  "file": ') if args[1] == "json" else (first + rest).count(b"\n")
    print(first_at, total, records, peak / 1024)


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        measure_here(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=2)
    a = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_archive(folder, a.files)
        print(f"# copydesk analyze over {a.files} files ({sum(p.stat().st_size for p in folder.iterdir()) / 1e6:.1f} MB), {os.cpu_count()} CPUs")
        print(f"{'run':<34} {'first rec s':>12} {'wall s':>8} {'records':>8} {'peak RSS MiB':>13}")
        runs = {
            "--format json (baseline)": ["--format", "json", str(folder)],
            f"--format jsonl --jobs {a.jobs}": ["--format", "jsonl", "--jobs", str(a.jobs), str(folder)],
        }
        results = {}
        for name, run_args in runs.items():
            results[name] = measure(run_args)
            first, wall, records, peak = results[name]
            print(f"{name:<34} {first:12.2f} {wall:8.1f} {records:8d} {peak:13.0f}")
        (b_first, b_wall, _, b_peak), (j_first, j_wall, _, j_peak) = results.values()
        print(f"ratios jsonl --jobs {a.jobs} / baseline: first record {j_first / b_first:.2f}x, wall {j_wall / b_wall:.2f}x, peak RSS {j_peak / b_peak:.2f}x")


if __name__ == "__main__":
    main()
