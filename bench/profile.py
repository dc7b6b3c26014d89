"""Profile copydesk's full report on distinct seed variants and print the top functions by own time.

    cd /work/main && .venv/bin/python bench/profile.py                 # cProfile, 300 articles, top 25
    .venv/bin/python bench/profile.py --articles 1000 --top 40

cProfile sees Python functions only: against a compiled install (COPYDESK_COMPILE=1) it shows
little, so profile that build with a native sampler instead, e.g.
`py-spy record --native --format raw -o out.txt -- .venv-compiled/bin/python bench/profile.py --no-profile`.

Notes: instructions per compiled report, by callgrind (h/speed, from 62a8f44). A driver script
imports the installed copydesk, analyzes 3 warm-up seed variants and 20 of
corpus.articles(20, seed_only=True), under
`valgrind --tool=callgrind --toggle-collect='CPyDef_report____analyze'`; figures are
instructions per analyze (the 23 averaged), inclusive of callees, read with
`callgrind_annotate --inclusive=yes --threshold=100`. Instruction counts do not move with the
machine's load, so each change is measured by itself, per function, between two builds.
- report: 11.33M at 62a8f44, 10.51M after the changes below (-7.2%).
- text.fold, a mostly-ASCII text: bytes.translate on an encoded copy, other characters put back
  one by one, instead of the regex class tested on every character: 339k -> 130k.
- repetition.find_restatements, each term's general word (terms.KINDS) numbered once: -134k;
  the shared empty set for units with no figure or speaker: -60k; _by_content sums a unit's
  weight after the tests that turn news away: 282k -> 220k.
- readability: each formula applied once (score and consensus): -37k; the hard-sentence
  message's grade by round() instead of a '.0f' format call: findings 419k -> 356k.
- segment: _is_heading_line runs only the patterns a line's first character allows, in place:
  110k -> 59k; _sentences passes over tokens longer than one character: 208k -> 123k;
  paragraph_spans finds blank lines with str.find: 76k -> 24k.
- terms.frame_marks, no per-token span test in a unit outside quotations: 233k -> 209k.
- findings._whole, half-to-even rounding without the builtin round(): 62k -> 12k.
- Tried and dropped: _rarity_ranks as a counting sort over lists (84k -> 96k, more); a
  bytes.count guard before fold's patching (+25k on the seed: the patch loop's own budget already
  hands copy of mostly other characters to the regex, at ~1.7x the regex's time for fold alone
  on text with no ASCII at all, which language detection refuses anyway).
- h/speed2, from 0aac692, same driver with PYTHONHASHSEED=0 (set and dict probes then repeat
  between runs): report 10.776M -> 10.560M (-2.0%):
  - claims.detect.appeal, one frozenset of its triggers (appeal verbs, "should", "please")
    instead of isdisjoint plus two `in` scans of the word tuple (a rich compare per token):
    260.7k -> 84.6k.
  - claims.context._name_index and _people, `any(...)` over the name flags (a compiled loop)
    instead of `True not in names`: Context.names 100.4k -> 79.7k, _people 15.2k -> 12.3k.
  - english_syllables.english_rule, the vowel test by set look-up instead of a substring search
    in "aeiouy": 51.2k -> 45.9k.
  - readability.is_familiar, an apostrophe search before the two possessive endswith tests:
    76.9k -> 63.1k.
  - Tried and dropped: a frozenset of each View's words for the claims' isdisjoint prefilters
    (building it cost +130k in make_views; the prefilters saved about as much, attribution.find
    and vague.find nothing: their trigger sets are tested against every word either way);
    fallback's distinct n-grams as a set with a running sum instead of a dict and
    sum(values()) (+6k).
- The rest is per distinct word (text._lexeme, terms._word_entry, readability._WordFacts:
  ~2M together, half of it the English syllable fallback and the stemmer) and the claims.
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
