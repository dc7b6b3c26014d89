"""Offsets for clients: into the submitted markup as well as the analyzed text, and in UTF-16 code units."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any, Callable

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


# Keys whose offsets count into the submitted source (the HTML or Markdown as sent).
_MARKUP_PREFIXES = ("markup_", "source_markup_")
# Span keys of the analyzed text, and the names of their counterparts in the markup.
_MARKUP_NAMES = (("start", "end", "markup_start", "markup_end"),
                 ("source_start", "source_end", "source_markup_start", "source_markup_end"))


def is_markup_key(key: str) -> bool:
    """True for the keys that hold offsets into the submitted markup."""
    return key.startswith(_MARKUP_PREFIXES)


def add_markup_offsets(value: Any, span: Callable[[int, int], tuple[int, int]]) -> Any:
    """Put `markup_start`/`markup_end` beside every `start`/`end` pair (and the claim source's), recursively."""
    if isinstance(value, dict):
        out = {k: add_markup_offsets(v, span) for k, v in value.items()}
        for start, end, markup_start, markup_end in _MARKUP_NAMES:
            s, e = value.get(start), value.get(end)
            if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and markup_start not in value:
                out[markup_start], out[markup_end] = span(s, e)
        return out
    if isinstance(value, list):
        return [add_markup_offsets(v, span) for v in value]
    return value


def to_utf16(body: dict[str, Any], text: str, source: str) -> dict[str, Any]:
    """Return the report `body` with every offset counted in UTF-16 code units.

    Offsets under a markup key count into `source`, all others into `text`.
    """
    in_text = utf16_positions(text)
    in_source = utf16_positions(source)
    if in_text is None and in_source is None:
        return body
    return _convert(body, in_text, in_source)


def _convert(value: Any, in_text: list[int] | None, in_source: list[int] | None) -> Any:
    """Convert the offsets in `value`, recursively."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if isinstance(v, int) and not isinstance(v, bool) and is_offset_key(k):
                positions = in_source if is_markup_key(k) else in_text
                out[k] = v if positions is None else positions[v]
            else:
                out[k] = _convert(v, in_text, in_source)
        return out
    if isinstance(value, list):
        return [_convert(v, in_text, in_source) for v in value]
    return value
