"""HTML and Markdown input: blocks, skipped content, images, captions and source offsets."""

import html
import re

import pytest

from copydesk.scoring.markup import extract
from copydesk.scoring.text import build_document

HTML = """<!doctype html><html><head><title>Not the story</title><style>p { color: red }</style></head>
<body><article>
<h1>Harbor Line &amp; Viaduct Closure</h1>
<p class="byline">By Ann Lee</p>
<p>The authority said 38 of the 112 supports were   corroded.
It announced the closure on <b>Wednesday</b>. Riders &mdash; angry &#8212; complained.</p>
<figure><img src="a.jpg" alt="The viaduct"><figcaption>The viaduct, in 2024.</figcaption></figure>
<h2>What riders said</h2>
<ul><li>Buses were late.</li><li>Trains were missed.</li></ul>
<script>var x = "<p>Not prose.</p>";</script><!-- <p>Nor this.</p> -->
<blockquote>\u201cWe are sorry,\u201d she said.</blockquote>
</article></body></html>"""

MARKDOWN = """# Harbor Line &amp; *Viaduct* Closure

By Ann Lee

The authority said **38** of the 112 supports were corroded. It [announced](http://x.org/a) the
closure on Wednesday \\& riders complained.

## What riders said

- Buses were late.
- Trains were missed.

> "We are sorry," she said.

![The viaduct](a.jpg)
"""


def visible(fragment: str, fmt: str) -> str:
    """What a reader sees of a source fragment (test oracle, not the code under test)."""
    if fmt == "html":
        fragment = html.unescape(re.sub(r"<[^>]*>", "", fragment))
    else:
        fragment = re.sub(r"\]\([^)]*\)", "", fragment)
        fragment = html.unescape(re.sub(r"[*_\[\]\\#]", "", fragment))
    return re.sub(r"\s+", " ", fragment).strip()


@pytest.mark.parametrize(("source", "fmt"), [(HTML, "html"), (MARKDOWN, "markdown")])
def test_every_unit_maps_back_to_the_source_characters_it_came_from(source, fmt):
    ex = extract(source, fmt)
    doc = build_document(ex.text, ex.blocks, images=ex.images)
    assert doc.units
    for unit in doc.units:
        s, e = ex.source_map.span(unit.start, unit.end)
        assert visible(source[s:e], fmt) == re.sub(r"\s+", " ", unit.text), unit.text


@pytest.mark.parametrize(("source", "fmt"), [(HTML, "html"), (MARKDOWN, "markdown")])
def test_structure_headings_sentences_and_skipped_content(source, fmt):
    ex = extract(source, fmt)
    doc = build_document(ex.text, ex.blocks, images=ex.images)
    units = [(u.type, u.text) for u in doc.units]
    assert units[0] == ("heading", "Harbor Line & Viaduct Closure")
    assert ("heading", "By Ann Lee") in units
    assert ("heading", "What riders said") in units
    assert ("sentence", "Buses were late.") in units
    assert ("sentence", "Trains were missed.") in units
    assert "Not prose" not in ex.text and "Nor this" not in ex.text and "Not the story" not in ex.text
    assert ex.images == 1


def test_html_captions_are_reported_apart_from_the_body():
    ex = extract(HTML, "html")
    assert [c.text for c in ex.captions] == ["The viaduct, in 2024."]
    c = ex.captions[0]
    assert HTML[c.markup_start : c.markup_end] == "The viaduct, in 2024."
    assert "The viaduct, in 2024." not in ex.text


def test_html_entities_map_to_the_whole_reference():
    source = "<p>Fares &amp; fees rose 5&#37;.</p>"
    ex = extract(source, "html")
    assert ex.text == "Fares & fees rose 5%."
    i = ex.text.index("&")
    assert source[slice(*ex.source_map.span(i, i + 1))] == "&amp;"
    j = ex.text.index("%")
    assert source[slice(*ex.source_map.span(j, j + 1))] == "&#37;"


def test_html_whitespace_and_line_breaks_fold_to_single_spaces():
    ex = extract("<p>One\n\n\n   two<br>three</p>", "html")
    assert ex.text == "One two three"


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_empty_markup_gives_no_text(fmt):
    ex = extract("<p> </p>" if fmt == "html" else "   \n\n", fmt)
    assert ex.text == "" and ex.blocks == []


@pytest.mark.parametrize(
    "hidden",
    [
        '<p hidden>Not seen.</p>',
        '<div aria-hidden="true"><p>Not seen.</p></div>',
        '<p style="color: red; display : none">Not seen.</p>',
        '<span style="visibility:hidden">Not seen.</span>',
        '<aside><p>Not seen: related stories.</p></aside>',
        '<footer><p>Not seen. Copyright 2025.</p></footer>',
        '<pre>not_seen = fetch(url)</pre>',
        '<table><tr><th>Not seen</th><td>12</td></tr><tr><td>Not seen</td><td>9</td></tr></table>',
    ],
)
def test_html_that_is_not_the_story_is_skipped(hidden):
    source = f"<article><p>The board voted 5-2.</p>{hidden}<p>Work starts in May.</p></article>"
    ex = extract(source, "html")
    assert ex.text == "The board voted 5-2.\n\nWork starts in May."


def test_html_hidden_paragraph_ends_where_the_next_block_starts():
    # </p> may be left out: the next block closes the hidden paragraph, as in a browser
    ex = extract("<p hidden>Not seen.<p>Seen.</p><div>Also seen.</div>", "html")
    assert ex.text == "Seen.\n\nAlso seen."


def test_html_visible_elements_and_hidden_images():
    ex = extract('<p aria-hidden="false" style="display:block">Seen.</p><img hidden src="a.png"><img src="b.png">', "html")
    assert ex.text == "Seen." and ex.images == 1


def test_html_layout_table_prose_is_read_and_table_captions_kept_apart():
    source = (
        "<table><tr><td><h1>Dam Repairs Approved</h1><p>The board voted 5-2.</p></td>"
        "<td>menu</td></tr></table>"
        "<table><caption>Votes by member</caption><tr><td>Lee</td><td>Yes</td></tr></table>"
    )
    ex = extract(source, "html")
    assert ex.text == "Dam Repairs Approved\n\nThe board voted 5-2."
    assert [c.text for c in ex.captions] == ["Votes by member"]
