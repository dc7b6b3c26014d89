"""Read HTML and Markdown into plain text, paragraph blocks and a map back to the submitted source.

HTML is read with the standard library's `html.parser` (a tolerant tokenizer that reports the
position of every tag, so each character of the extracted text keeps its source offset; see
html_reader.py, imported on first use);
Markdown with `markdown-it-py`, a CommonMark parser, whose block tokens carry their source
lines. Block elements become paragraphs; `h1`-`h6` become headings; list items and block
quotes become paragraphs of their own; script, style, comments and other non-prose are
skipped, and so are `pre`, asides, footers, hidden elements and the cells of data tables;
images are counted for read time; figure and table captions are kept apart from the body.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .errors import UnsupportedFormatError
from .text import Block

_WS_RE = re.compile(r"\s+")

BLOCK_TAGS = frozenset(
    "address article blockquote body dd details div dl dt fieldset figure form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th "
    "thead tr ul".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
CAPTION_TAGS = frozenset(("figcaption", "caption"))
# Elements whose content is not the article's prose: code, forms, media, navigation, and
# the asides and footers (related links, author boxes, copyright lines) around the story.
# Hidden elements are skipped too (html_reader.is_hidden).
SKIP_TAGS = frozenset(
    "aside audio button canvas datalist embed footer head iframe map math nav noscript object "
    "option pre script select style svg template textarea title video".split()
)
# Tags that hold the article's prose inside a layout table (`<td><p>...</p></td>`): the text
# of a table cell is read only inside one of them (html_reader).
TABLE_PROSE_TAGS = frozenset("article blockquote div h1 h2 h3 h4 h5 h6 li p section".split())
TABLE_CELL_TAGS = frozenset(("td", "th"))
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
IMAGE_TAGS = frozenset(("img",))
# Blocks whose text is always prose: a list item or a quoted passage without a full stop
# is still part of the story. Other blocks (p, div) get the plain-text line rules, so a
# `<p>By Ann Lee</p>` byline is a heading.
PROSE_TAGS = frozenset("blockquote dd dt li".split())


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Where each character of the extracted text came from in the submitted source."""

    starts: array
    ends: array

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a text span `[start, end)` to the source span that holds it."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if len(self.ends) else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True, slots=True)
class Caption:
    """A figure or table caption, reported apart from the body text."""

    text: str
    markup_start: int
    markup_end: int


# A named tuple, not a dataclass: ~0.1 ms to define at import against ~0.8 ms (start-up); internal, never in a Report.
class Extracted(NamedTuple):
    """Plain text read out of markup, with its blocks, images, captions and source map."""

    text: str
    blocks: list[Block]
    images: int
    captions: tuple[Caption, ...]
    source_map: SourceMap


class _TextBuilder:
    """Accumulate text pieces with their source offsets, folding runs of white space."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.starts = array("l")
        self.ends = array("l")
        self.blocks: list[Block] = []
        self.block_start: int | None = None
        self.block_kind = "auto"
        self.pending_space: tuple[int, int] | None = None

    def add(self, piece: str, src: int, verbatim: bool, src_end: int | None = None) -> None:
        """Append `piece`, read at source offset `src`; verbatim pieces map char by char."""
        pos = 0
        for m in _WS_RE.finditer(piece):
            if m.start() > pos:
                self._emit(piece[pos : m.start()], src, pos, verbatim, src_end)
            if self.block_start is not None:
                s = src + m.start() if verbatim else src
                e = src + m.end() if verbatim else (src_end if src_end is not None else src)
                self.pending_space = (s, e)
            pos = m.end()
        if pos < len(piece):
            self._emit(piece[pos:], src, pos, verbatim, src_end)

    def _emit(self, chunk: str, src: int, offset: int, verbatim: bool, src_end: int | None) -> None:
        if self.block_start is None:
            self.block_start = self.length
            self.pending_space = None
        elif self.pending_space is not None:
            s, e = self.pending_space
            self._append(" ", array("l", [s]), array("l", [e]))
        self.pending_space = None
        n = len(chunk)
        if verbatim:
            a = src + offset
            self._append(chunk, array("l", range(a, a + n)), array("l", range(a + 1, a + n + 1)))
        else:
            end = src_end if src_end is not None else src
            self._append(chunk, array("l", [src]) * n, array("l", [end]) * n)

    def _append(self, chunk: str, starts: array, ends: array) -> None:
        self.parts.append(chunk)
        self.length += len(chunk)
        self.starts.extend(starts)
        self.ends.extend(ends)

    def end_block(self, src: int) -> None:
        """Close the current block, if it holds any text, with a blank line after it."""
        if self.block_start is None:
            return
        self.blocks.append(Block(self.block_start, self.length, self.block_kind))
        self._append("\n\n", array("l", [src, src]), array("l", [src, src]))
        self.block_start = None
        self.pending_space = None

    def build(self, images: int, captions: tuple[Caption, ...]) -> Extracted:
        text = "".join(self.parts)
        while text.endswith("\n"):
            text = text[:-1]
        n = len(text)
        return Extracted(text, self.blocks, images, captions, SourceMap(self.starts[:n], self.ends[:n]))


# A tag, comment or declaration that opens after the last place one could close.
# One character after "<": a fixed-width match, linear on any input.
_OPENER_RE = re.compile(r"<[A-Za-z!?/]")


def parseable_prefix(source: str) -> str:
    """Cut `source` where a tag or comment opens that never closes (HTML5: it runs to the end, holding no text)."""
    # Python's HTMLParser (3.11, before the 2025 security releases) retries such a construct
    # at every later "<", each time searching to the end of the input: quadratic, minutes
    # for 60 KB of "<a " or "<!--". Cutting keeps every offset before the cut in place.
    cuts = []
    last_comment_end = source.rfind("-->")
    comment = source.find("<!--", last_comment_end + 3 if last_comment_end >= 0 else 0)
    if comment >= 0:
        cuts.append(comment)
    tag = _OPENER_RE.search(source, source.rfind(">") + 1)
    if tag:
        cuts.append(tag.start())
    return source[: min(cuts)] if cuts else source


def _from_html(source: str) -> Extracted:
    # imported on first use: html.parser (with html.entities) costs ~4 ms of start-up that
    # plain-text callers should not pay
    from .html_reader import HTMLReader

    reader = HTMLReader(source)
    reader.feed(parseable_prefix(source))
    reader.close()
    reader.out.end_block(len(source))
    return reader.out.build(reader.images, tuple(reader.captions))


# Built on first use, once per process: importing markdown-it costs about 45 ms of start-up
# that plain-text callers (the CLI on a .txt file) should not pay.
@cache
def _markdown_parser():
    """Return the CommonMark parser."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


_MD_SKIP_INLINE = frozenset(("html_inline",))


def _from_markdown(source: str) -> Extracted:
    lines = [0] + [m.end() for m in re.finditer("\n", source)] + [len(source)]
    out = _TextBuilder()
    images = 0
    kind = "auto"
    nested = 0  # depth of list items and block quotes, whose paragraphs are always prose
    for token in _markdown_parser().parse(source):
        if token.type in ("list_item_open", "blockquote_open"):
            nested += 1
        elif token.type in ("list_item_close", "blockquote_close"):
            nested -= 1
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = "prose" if nested else "auto"
        elif token.type == "inline" and token.map:
            lo = lines[token.map[0]]
            hi = lines[min(token.map[1], len(lines) - 1)]
            out.block_kind = kind
            cursor = lo
            for child in token.children or ():
                if child.type == "image":
                    images += 1
                    continue
                if child.type in ("softbreak", "hardbreak"):
                    out.add(" ", cursor, False, cursor)
                    continue
                if child.type in _MD_SKIP_INLINE or not child.content or child.type not in ("text", "code_inline"):
                    continue
                cursor = _map_markdown_text(out, source, child.content, cursor, hi)
            out.end_block(hi)
            kind = "auto"
    return out.build(images, ())


def _map_markdown_text(out: _TextBuilder, source: str, content: str, cursor: int, hi: int) -> int:
    """Add `content` and find each of its characters in the source after `cursor`."""
    at = source.find(content, cursor, hi)
    if at >= 0:
        out.add(content, at, True)
        return at + len(content)
    # Escapes and entities change the text: align character by character, in order.
    for ch in content:
        at = source.find(ch, cursor, hi)
        if at < 0:
            out.add(ch, cursor, False, cursor)
            continue
        out.add(ch, at, True)
        cursor = at + 1
    return cursor


def extract(source: str, fmt: str) -> Extracted:
    """Read `source` written in `fmt` ("html" or "markdown") into plain text and blocks."""
    if fmt == "html":
        return _from_html(source)
    if fmt == "markdown":
        return _from_markdown(source)
    raise UnsupportedFormatError(f"markup format must be html or markdown, got {fmt!r}", field="format")
