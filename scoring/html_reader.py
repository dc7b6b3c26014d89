"""The HTML half of markup.py: a tag-stream walker, in its own module so that html.parser is imported only for HTML."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from .markup import (
    BLOCK_TAGS,
    CAPTION_TAGS,
    HEADING_TAGS,
    IMAGE_TAGS,
    PROSE_TAGS,
    SKIP_TAGS,
    TABLE_CELL_TAGS,
    TABLE_PROSE_TAGS,
    VOID_TAGS,
    _WS_RE,
    Caption,
    _TextBuilder,
)


class HTMLReader(HTMLParser):
    """Walk the tag stream once, keeping what a reader of the article sees."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out = _TextBuilder()
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.heading_depth = 0
        self.caption: _TextBuilder | None = None
        self.caption_depth = 0
        self.captions: list[Caption] = []
        self.images = 0
        self.table_depth = 0  # open <table> elements
        self.table_prose = 0  # open prose blocks (p, div ...) inside the current table cell

    def _source_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _target(self) -> _TextBuilder:
        return self.caption if self.caption is not None else self.out

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.skip_depth:
            skipped = self.skip_stack[-1]
            if skipped == "p" and self.skip_depth == 1 and tag in BLOCK_TAGS:
                # a block start closes an open <p> (HTML's implied end tag): the hidden paragraph ends here
                self.skip_depth = 0
                self.skip_stack.pop()
            else:
                if tag == skipped and tag not in VOID_TAGS:
                    self.skip_depth += 1
                return
        if tag in SKIP_TAGS or (tag not in VOID_TAGS and is_hidden(attrs)):
            self.skip_depth = 1
            self.skip_stack.append(tag)
            return
        if tag in IMAGE_TAGS:
            if not is_hidden(attrs):
                self.images += 1
            return
        at = self._source_offset()
        if tag == "table":
            self.table_depth += 1
            self.table_prose = 0
        elif self.table_depth:
            if tag in TABLE_CELL_TAGS or tag == "tr":
                self.table_prose = 0  # a new cell closes whatever the last one left open
            elif tag in TABLE_PROSE_TAGS:
                self.table_prose += 1
        if tag in CAPTION_TAGS:
            self.out.end_block(at)
            self.caption_depth += 1
            if self.caption is None:
                self.caption = _TextBuilder()
            return
        if tag == "br":
            self._target().add(" ", at, False, at + len(self.get_starttag_text() or ""))
            return
        if tag in BLOCK_TAGS:
            target = self._target()
            target.end_block(at)
            if tag in HEADING_TAGS:
                self.heading_depth += 1
            target.block_kind = _kind(tag, self.heading_depth)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag == self.skip_stack[-1]:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip_stack.pop()
            return
        at = self._source_offset()
        if tag == "table" and self.table_depth:
            self.table_depth -= 1
            self.table_prose = 0
        elif self.table_depth and tag in TABLE_PROSE_TAGS and self.table_prose:
            self.table_prose -= 1
        if tag in CAPTION_TAGS and self.caption is not None:
            self.caption_depth -= 1
            if self.caption_depth <= 0:
                self.caption.end_block(at)
                extracted = self.caption.build(0, ())
                if extracted.text.strip():
                    s, e = extracted.source_map.span(0, len(extracted.text))
                    self.captions.append(Caption(_WS_RE.sub(" ", extracted.text).strip(), s, e))
                self.caption = None
                self.caption_depth = 0
            return
        if tag in BLOCK_TAGS:
            target = self._target()
            target.end_block(at)
            if tag in HEADING_TAGS and self.heading_depth:
                self.heading_depth -= 1
            target.block_kind = "heading" if self.heading_depth else "auto"

    def _reading(self) -> bool:
        """True unless inside a skipped element or in a table cell outside any prose block (a data table)."""
        if self.skip_depth:
            return False
        return not self.table_depth or self.table_prose > 0 or self.caption is not None

    def handle_data(self, data: str) -> None:
        if self._reading():
            self._target().add(data, self._source_offset(), True)

    def _reference(self, raw: str) -> None:
        if not self._reading():
            return
        at = self._source_offset()
        end = at + len(raw)
        if end < len(self.source) and self.source[end] == ";":
            end += 1
        self._target().add(unescape(self.source[at:end]), at, False, end)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)


def is_hidden(attrs: list) -> bool:
    """True for an element a reader does not see: `hidden`, `aria-hidden="true"`, or a style of display:none or visibility:hidden."""
    for name, value in attrs:
        if name == "hidden":
            return True
        if value is None:
            continue
        if name == "aria-hidden" and value.strip().lower() == "true":
            return True
        if name == "style":
            style = "".join(value.lower().split())
            if "display:none" in style or "visibility:hidden" in style:
                return True
    return False


def _kind(tag: str, heading_depth: int) -> str:
    if heading_depth:
        return "heading"
    return "prose" if tag in PROSE_TAGS else "auto"
