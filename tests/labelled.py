"""Read a labelled article (docs/annotation.md format) into its text, unit spans and labels."""

from __future__ import annotations

import json
from pathlib import Path


def read_labelled(path: Path) -> tuple[str, list[tuple[int, int]], list[dict]]:
    """Join the units as the spec says (one space within a paragraph, a newline between headings, a blank line between paragraphs)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    gold: list[dict] = []
    pos = 0
    for p, para in enumerate(data["paragraphs"]):
        if p:
            parts.append("\n\n")
            pos += 2
        sep = "\n" if all(u["type"] == "heading" for u in para) else " "
        for i, unit in enumerate(para):
            if i:
                parts.append(sep)
                pos += 1
            spans.append((pos, pos + len(unit["text"])))
            parts.append(unit["text"])
            pos += len(unit["text"])
            gold.append(unit)
    return "".join(parts), spans, gold
