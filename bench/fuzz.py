"""Fuzz `copydesk.scoring.analyze` with hypothesis over text, HTML and Markdown; report the worst time per kilobyte.

    python bench/fuzz.py [--examples N] [--seed S] [--max-chars N] [--family-chars N]

Inputs mix prose, markup fragments and hostile runs (repeated punctuation, long words,
nested tags, entity floods, control characters). Every input must give a Report or a
copydesk.scoring.InputError; anything else is a bug and is printed with its input. Speed is judged
on inputs of at least MIN_CHARS characters, where per-kilobyte time means something.

Then each pathological family (FAMILIES: one figure repeated with no noun, "It was 7."
sentences, a thousand different nouns or verbs for one value, huge numbers, in text, HTML
and Markdown) is analyzed at --family-chars and at twice that, and the cost ratio of the
two is printed: about 2 for linear work, 4 for quadratic. tests/test_fuzz_families.py
checks the same ratio on counted Python line events, which do not depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from copydesk import scoring  # noqa: E402

# Per-kilobyte time on a few characters is timer noise (and start-up work on small inputs).
MIN_CHARS = 8_000
WARM_UP = "The council said on Monday that repairs would cost $4.2 million. Experts disagree."

FRAGMENTS = (
    "The council said on Monday. ", "$4.2 million", "3.5%", "U.S.", "e.g.", "\u201cquoted,\u201d she said. ",
    "<p>", "</p>", "<div>", "<b>", "&amp;", "&#x1F600;", "<!--", "<script>", "# ", "> ", "- ", "* ", "`", "[a](",
    "**", "_", "|", "\n", "\n\n", ".", "!", "?", "...", "\u2014", "\x00", "\ud800", "\u200b", "\u202e", "  ",
    "Dr.", "No. 5", "1,000,000", "12/27/2024", "7:45", "COVID-19",
)


def _invented(i: int) -> str:
    """A distinct made-up word for each i ("bab", "bac", ...): nouns and verbs no list holds."""
    consonants, vowels = "bcdfgklmnprstvz", "aeiou"
    word = ""
    while True:
        i, c = divmod(i, len(consonants))
        i, v = divmod(i, len(vowels))
        word += consonants[c] + vowels[v]
        if not i:
            return word + "t"
        i -= 1


# Pathological inputs for the figure and repetition analyses (issue 22): each family is a
# format and a function giving its i-th piece; pieces are repeated up to the wanted length.
FAMILIES = {
    "bare number": ("text", lambda i: "1,000 "),
    "bare number, no separator": ("text", lambda i: "1000 "),
    "it was 7": ("text", lambda i: "It was 7. "),
    "number sentences": ("text", lambda i: "1,000. "),
    "one noun": ("text", lambda i: "The council said 1,000 people came. "),
    "other nouns": ("text", lambda i: f"The council said 1,000 {_invented(i)}s came. "),
    "other verbs": ("text", lambda i: f"The council said 1,000 people were {_invented(i)}ed. "),
    "money for other things": ("text", lambda i: f"The council set aside $5 million for {_invented(i)}s. "),
    "percent of other things": ("text", lambda i: f"The share of {_invented(i)}s rose 4%. "),
    "number words": ("text", lambda i: "The eight charities said eight people came. "),
    "headline numbers": ("text", lambda i: f"Council Says {i % 50} {_invented(i).title()}s Came\n\n"),
    "dates": ("text", lambda i: f"On Jan. {i % 28 + 1} the law took effect. "),
    "one headline value, other nouns": ("markdown", lambda i: f"# The Council Says 1,000 {_invented(i).title()}s Came to the Meeting\n\n"),
    "headlines against the body": ("markdown", lambda i: "# 20 States Sue Over the Water Rule\n\n" if i % 2 else "In all, 21 states sued over the rule on Monday.\n\n"),
    "changes of other things": ("text", lambda i: f"The {_invented(i)} rose 4% in May. "),
    "references back": ("text", lambda i: f"The eight {_invented(i)}s said eight people came. "),
    "ago and past": ("text", lambda i: "It failed three years ago. For the past three years it has been shut. "),
    "huge number": ("text", lambda i: "The council said 1" + " 000" * 103 + " people came. "),
    "bare number html": ("html", lambda i: "<p>1,000</p>"),
    "it was 7 html": ("html", lambda i: "<p>It was 7.</p>"),
    "other nouns html": ("html", lambda i: f"<li>1,000 {_invented(i)}s</li>"),
    "bare number markdown": ("markdown", lambda i: "- 1,000\n"),
    "it was 7 markdown": ("markdown", lambda i: "# It was 7\n\n"),
    "other nouns markdown": ("markdown", lambda i: f"* The council said 1,000 {_invented(i)}s came.\n"),
}


def family_text(name: str, chars: int) -> str:
    """The family's pieces joined until the text holds at least `chars` characters."""
    piece_of = FAMILIES[name][1]
    parts: list[str] = []
    size = 0
    i = 0
    while size < chars:
        part = piece_of(i)
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)


def analyze_family(name: str, chars: int) -> None:
    """Analyze the family's text of `chars` characters (an InputError, such as an unsupported language, is an answer)."""
    try:
        scoring.analyze(family_text(name, chars), format=FAMILIES[name][0])
    except scoring.InputError:
        pass


def family_costs(chars: int, rounds: int = 3) -> list[tuple[str, float, float, str]]:
    """For each family: (name, ms per KiB at 2 x `chars`, CPU-time ratio of 2 x chars to chars, crash or ""), best of `rounds`."""
    out = []
    for name in FAMILIES:
        best = []
        crash = ""
        for size in (chars, 2 * chars):
            times = []
            for _ in range(rounds):
                start = time.process_time()
                try:
                    analyze_family(name, size)
                except Exception as e:  # noqa: BLE001 - report every crash, keep measuring
                    crash = f"{type(e).__name__}: {e}"
                times.append(time.process_time() - start)
            best.append(min(times))
        per_kib = best[1] / (len(family_text(name, 2 * chars)) / 1024) * 1000
        out.append((name, per_kib, best[1] / best[0] if best[0] else float("inf"), crash))
    return out


piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=40),
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 5_000)).map(lambda t: t[0] * t[1]),
)


def run(examples: int, seed_value: int, max_chars: int, family_chars: int) -> int:
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
    if family_chars:
        print(f"pathological families at {family_chars} and {2 * family_chars} chars (best of 3):")
        for name, per_kib, ratio, crash in family_costs(family_chars):
            print(f"  {name:28} {per_kib:7.2f} ms per KiB   2x input costs {ratio:.2f}x")
            if crash:
                failures.append(f"family {name!r} {crash}")
            if per_kib > worst["per_kib"]:
                worst.update(per_kib=per_kib, format=FAMILIES[name][0], chars=2 * family_chars, sample=name)
        print(f"worst time per KiB, families included: {worst['per_kib']:.1f} ms ({worst['format']}, {worst['sample']!r})")
    print(f"crashes: {len(failures)}")
    for f in failures[:20]:
        print("  " + f)
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-chars", type=int, default=200_000)
    ap.add_argument("--family-chars", type=int, default=32_000, help="size of the pathological families (0: skip them)")
    a = ap.parse_args()
    return run(a.examples, a.seed, a.max_chars, a.family_chars)


if __name__ == "__main__":
    sys.exit(main())
