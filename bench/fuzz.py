"""Fuzz `scoring.analyze` with hypothesis over text, HTML and Markdown; report the worst time per kilobyte.

    python bench/fuzz.py [--examples N] [--seed S] [--max-chars N]

Inputs mix prose, markup fragments and hostile runs (repeated punctuation, long words,
nested tags, entity floods, control characters). Every input must give a Report or a
scoring.InputError; anything else is a bug and is printed with its input. Speed is judged
on inputs of at least MIN_CHARS characters, where per-kilobyte time means something.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import scoring  # noqa: E402

# Per-kilobyte time on a few characters is timer noise (and start-up work on small inputs).
MIN_CHARS = 8_000
WARM_UP = "The council said on Monday that repairs would cost $4.2 million. Experts disagree."

FRAGMENTS = (
    "The council said on Monday. ", "$4.2 million", "3.5%", "U.S.", "e.g.", "\u201cquoted,\u201d she said. ",
    "<p>", "</p>", "<div>", "<b>", "&amp;", "&#x1F600;", "<!--", "<script>", "# ", "> ", "- ", "* ", "`", "[a](",
    "**", "_", "|", "\n", "\n\n", ".", "!", "?", "...", "\u2014", "\x00", "\ud800", "\u200b", "\u202e", "  ",
    "Dr.", "No. 5", "1,000,000", "12/27/2024", "7:45", "COVID-19",
)
piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=40),
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 5_000)).map(lambda t: t[0] * t[1]),
)


def run(examples: int, seed_value: int, max_chars: int) -> int:
    worst = {"per_kib": 0.0, "format": "", "chars": 0, "sample": ""}
    failures: list[str] = []

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(piece, max_size=60).map("".join), st.sampled_from(("text", "html", "markdown")))
    def check(text: str, format: str) -> None:
        text = text[:max_chars]
        start = time.process_time()
        try:
            scoring.analyze(text, format=format)
        except scoring.InputError:
            pass
        except Exception as e:  # noqa: BLE001 - report every crash, keep fuzzing
            failures.append(f"{format} {type(e).__name__}: {e} <- {text[:200]!r}")
        elapsed = time.process_time() - start
        if len(text) >= MIN_CHARS:
            per_kib = elapsed / (len(text) / 1024) * 1000
            if per_kib > worst["per_kib"]:
                worst.update(per_kib=per_kib, format=format, chars=len(text), sample=text[:80])

    for format in ("text", "html", "markdown"):
        # load every lazily read table first, so the first input of a format is not charged for it
        scoring.analyze(WARM_UP, format=format)
    check()
    print(f"{examples} examples, seed {seed_value}, inputs up to {max_chars} chars")
    print(f"worst time per KiB: {worst['per_kib']:.1f} ms ({worst['format']}, {worst['chars']} chars, starts {worst['sample']!r})")
    print(f"crashes: {len(failures)}")
    for f in failures[:20]:
        print("  " + f)
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-chars", type=int, default=200_000)
    a = ap.parse_args()
    return run(a.examples, a.seed, a.max_chars)


if __name__ == "__main__":
    sys.exit(main())
