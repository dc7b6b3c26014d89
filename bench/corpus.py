"""Distinct benchmark articles derived deterministically from the seed and the dev articles.

    from bench.corpus import articles, seed_variant, scaled_article
    texts = articles(200)            # 200 distinct articles, all sources, seed 0
    one = seed_variant(7)            # the seed article, variant 7
    big = scaled_article(100)        # 100 distinct seed variants in one article

Each variant keeps its source's headline block, shuffles the body paragraphs and the
sentences inside each, renames some proper names consistently across the article, and
redraws every number with the same count of digits, all from `random.Random(seed)`. So the
texts have the shape and vocabulary of real news copy but no two are equal, which defeats
caches keyed on the whole text (textstat's `lru_cache`) and makes every timing "cold".
"""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "seeds" / "000_af487410b511baf4.txt"
DEV_DIR = ROOT.parent / "shared" / "eval" / "dev"

# Invented surnames for renaming; none is a real public figure on purpose.
SURNAMES = (
    "Abernathy", "Balogun", "Castellanos", "Delacroix", "Eriksen", "Fairweather", "Gallardo",
    "Halvorsen", "Ibarra", "Jablonski", "Kettering", "Lindqvist", "Marchetti", "Nakashima",
    "Okonkwo", "Pellegrino", "Quintero", "Rasmussen", "Sandoval", "Tremblay", "Umberto",
    "Vasquez", "Whitcombe", "Yamaguchi", "Zielinski",
)
# Share of proper names a variant renames: enough to vary the text, few enough that the
# article still reads as one story about the same people.
RENAME_SHARE = 0.3
# Sentence ends for the shuffling split; a bench does not need the real segmenter. Linear:
# fixed-width lookarounds around one literal space, no quantifier at all.
SENTENCE_BREAK = re.compile(r'(?:(?<=[.?!])|(?<=[.?!]["\u201d])) (?=[A-Z"\u201c])')
DIGIT = re.compile(r"[0-9]")


def _dev_text(doc: dict) -> str:
    """Rebuild a labelled article's text the way ../shared/eval/score.py does."""
    parts = []
    for para in doc["paragraphs"]:
        sep = "\n" if all(u["type"] == "heading" for u in para) else " "
        parts.append(sep.join(u["text"] for u in para))
    return "\n\n".join(parts)


@cache
def sources() -> tuple[str, ...]:
    """The seed first, then every dev article found (the seed alone if the dev set is missing)."""
    texts = [SEED_PATH.read_text(encoding="utf-8")]
    if DEV_DIR.is_dir():
        for path in sorted(DEV_DIR.glob("*.json")):
            text = _dev_text(json.loads(path.read_text(encoding="utf-8")))
            if text.strip() and text.strip() != texts[0].strip():
                texts.append(text)
    return tuple(texts)


def _split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph at sentence ends followed by a capital or an opening quote."""
    return [s for s in SENTENCE_BREAK.split(paragraph) if s]


def _is_heading_block(block: str) -> bool:
    """A headline, byline or dateline block: short lines with no sentence-final period."""
    return all(len(line.split()) <= 14 and not line.rstrip().endswith((".", '."')) for line in block.splitlines())


def _redraw_numbers(text: str, rng: random.Random) -> str:
    """Replace every ASCII digit by a random one (a number may gain a leading zero; harmless here)."""
    return DIGIT.sub(lambda _: str(rng.randint(0, 9)), text)


def _rename(text: str, rng: random.Random) -> str:
    """Consistently replace a share of the capitalized words that are not sentence-initial."""
    words = text.split(" ")
    names = sorted({w for i, w in enumerate(words[1:], 1) if w[:1].isupper() and w.isalpha() and len(w) > 3 and not words[i - 1].endswith((".", "\n"))})
    chosen = [w for w in names if rng.random() < RENAME_SHARE]
    mapping = {w: rng.choice(SURNAMES) for w in chosen}
    return " ".join(mapping.get(w, w) for w in words)


def variant(source: str, seed: int) -> str:
    """A distinct article derived from `source`: same headline block, shuffled body, new names and numbers."""
    rng = random.Random(seed)
    blocks = [b for b in source.split("\n\n") if b.strip()]
    head = []
    while blocks and _is_heading_block(blocks[0]) and len(head) < 4:
        head.append(blocks.pop(0))
    body = []
    for block in blocks:
        sentences = _split_sentences(block.replace("\n", " "))
        rng.shuffle(sentences)
        body.append(" ".join(sentences))
    rng.shuffle(body)
    # title-case headlines would lose their common words to the renaming: body only
    text = "\n\n".join(head + [_rename("\n\n".join(body), rng)])
    # a variant whose numbers did not change (no digits) still differs by its shuffle;
    # the marker line below makes equality impossible even for a one-sentence source
    return _redraw_numbers(text, rng) + f"\n\nFiled under desk {seed}."


def seed_variant(seed: int) -> str:
    """Variant `seed` of the seed article."""
    return variant(sources()[0], seed)


def articles(count: int, *, seed: int = 0, seed_only: bool = False) -> list[str]:
    """`count` distinct articles cycling over the sources (or the seed alone)."""
    pool = sources()[:1] if seed_only else sources()
    return [variant(pool[i % len(pool)], seed * 1_000_003 + i) for i in range(count)]


def scaled_article(copies: int, *, seed: int = 0) -> str:
    """One article made of `copies` distinct seed variants, headline once, bodies concatenated."""
    first = seed_variant(seed * 1_000_003)
    rest = [seed_variant(seed * 1_000_003 + i).split("\n\n", 3)[-1] for i in range(1, copies)]
    return "\n\n".join([first, *rest])


def article_of_size(size: int, *, seed: int = 0) -> str:
    """An article of at least `size` characters made of distinct seed variants."""
    parts, total, i = [], 0, 0
    while total < size:
        part = seed_variant(seed * 1_000_003 + i)
        if i:
            part = part.split("\n\n", 3)[-1]
        parts.append(part)
        total += len(part) + 2
        i += 1
    return "\n\n".join(parts)


def word_count(text: str) -> int:
    """Whitespace-separated words: the unit of the per-word figures."""
    return len(text.split())
