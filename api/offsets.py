"""Convert the report's code-point offsets to UTF-16 code units, for JavaScript clients."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

# A single character class, no repetition: linear time on any input.
_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")

# Keys whose integer values are offsets into the analyzed text: "start", "end" and any
# "<name>_start" / "<name>_end" (e.g. a claim's "source_start").
_OFFSET_KEYS = ("start", "end")


def is_offset_key(key: str) -> bool:
    """True for the keys that hold text offsets."""
    return key in _OFFSET_KEYS or key.endswith(("_start", "_end"))


def utf16_positions(text: str) -> list[int] | None:
    """Return the UTF-16 position of every code-point position in `text` (None when they agree)."""
    if _ASTRAL_RE.search(text) is None:
        return None
    # a character above U+FFFF is a surrogate pair: two UTF-16 code units
    return [0, *accumulate(2 if ord(c) > 0xFFFF else 1 for c in text)]


# Report sections whose offsets point into the submitted source (the HTML or Markdown),
# not into the analyzed text.
SOURCE_SECTIONS = frozenset({"captions"})


def to_utf16(body: dict[str, Any], text: str, source: str) -> dict[str, Any]:
    """Return the report `body` with every offset counted in UTF-16 code units.

    Offsets in SOURCE_SECTIONS count into `source`, all others into `text`.
    """
    in_text = utf16_positions(text)
    in_source = utf16_positions(source)
    out = {}
    for key, value in body.items():
        positions = in_source if key in SOURCE_SECTIONS else in_text
        out[key] = value if positions is None else _convert(value, positions)
    return out


def _convert(value: Any, positions: list[int]) -> Any:
    """Convert the offsets in `value`, recursively."""
    if isinstance(value, dict):
        return {
            k: positions[v] if isinstance(v, int) and not isinstance(v, bool) and is_offset_key(k) else _convert(v, positions)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_convert(v, positions) for v in value]
    return value
