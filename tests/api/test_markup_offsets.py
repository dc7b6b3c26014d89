"""HTML and Markdown reports: every span also points into the submitted markup, in either offset unit."""

import html
import re

import pytest

HTML = (
    "<article><h1>Harbor Line &amp; Viaduct Closure</h1>"
    "<p>By Ann Lee</p>"
    "<p>The authority said 38 of the 112 supports were <b>corroded</b>. "
    "Riders &mdash; about 41,300 a day &#8212; must take buses. "
    "Reports indicate that 41,300 riders were affected.</p>"
    "<figure><img src='v.jpg'><figcaption>The viaduct \U0001f309, in 2024.</figcaption></figure>"
    "<p>\u201cWe are sorry,\u201d said Dr. Helen Vasquez, the chief engineer \U0001f477.</p></article>"
)
MARKDOWN = (
    "# Harbor Line &amp; *Viaduct* Closure\n\nBy Ann Lee\n\n"
    "The authority said **38** of the 112 supports were corroded. Riders \u2014 about 41,300 a day \u2014\n"
    "must take [buses](http://example.org/b). Reports indicate that 41,300 riders were affected.\n\n"
    "> \u201cWe are sorry,\u201d said Dr. Helen Vasquez, the chief engineer \U0001f477.\n"
)


def visible(fragment, fmt):
    """What a reader sees of a fragment of markup (a test oracle, independent of the code)."""
    if fmt == "html":
        fragment = re.sub(r"<[^>]*>", "", fragment)
    else:
        fragment = re.sub(r"\]\([^)]*\)", "", fragment)
        fragment = re.sub(r"^> ", "", re.sub(r"[*_\[\]#]", "", fragment))
    return re.sub(r"\s+", " ", html.unescape(fragment)).strip()


def spans(body):
    """Every (start, end, markup_start, markup_end) in the report, whatever section it is in."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for a, b, c, d in (("start", "end", "markup_start", "markup_end"),
                               ("source_start", "source_end", "source_markup_start", "source_markup_end")):
                if isinstance(value.get(a), int):
                    found.append((value[a], value[b], value[c], value[d]))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(body)
    return found


@pytest.mark.parametrize(("source", "fmt", "content_type"), [(HTML, "html", "text/html"), (MARKDOWN, "markdown", "text/markdown")])
def test_markup_offsets_point_at_the_characters_each_span_came_from(client, source, fmt, content_type):
    response = client.post("/v1/analyze", data=source.encode(), content_type=content_type)
    assert response.status_code == 200
    body = response.get_json()
    text = body["text"]
    found = spans(body)
    assert len(found) > len(body["units"])  # units, and findings, cues or mentions too
    for start, end, markup_start, markup_end in found:
        assert visible(source[markup_start:markup_end], fmt) == re.sub(r"\s+", " ", text[start:end]).strip()


@pytest.mark.parametrize(("source", "content_type"), [(HTML, "text/html"), (MARKDOWN, "text/markdown")])
def test_utf16_markup_offsets_count_into_the_submitted_markup(client, source, content_type):
    plain = client.post("/v1/analyze", data=source.encode(), content_type=content_type).get_json()
    wide = client.post("/v1/analyze?offsets=utf16", data=source.encode(), content_type=content_type).get_json()
    units16 = source.encode("utf-16-le")
    text16 = plain["text"].encode("utf-16-le")
    for (s, e, ms, me), (s16, e16, ms16, me16) in zip(spans(plain), spans(wide)):
        assert text16[2 * s16 : 2 * e16].decode("utf-16-le") == plain["text"][s:e]
        assert units16[2 * ms16 : 2 * me16].decode("utf-16-le") == source[ms:me]


def test_plain_text_reports_have_no_markup_offsets(client, seed_text):
    body = client.post("/v1/analyze", data=seed_text.encode(), content_type="text/plain").get_json()
    assert all("markup_start" not in u for u in body["units"])


def _contract_examples():
    from tests.conftest import spec_document

    content = spec_document()["paths"]["/v1/analyze"]["post"]["requestBody"]["content"]
    for content_type, fmt in (("text/html", "html"), ("text/markdown", "markdown")):
        for name, example in content[content_type]["examples"].items():
            yield pytest.param(example["value"], fmt, content_type, id=f"{content_type}:{name}")


@pytest.mark.parametrize(("source", "fmt", "content_type"), list(_contract_examples()))
def test_the_contracts_markup_examples_get_offsets_that_point_at_their_characters(client, source, fmt, content_type):
    test_markup_offsets_point_at_the_characters_each_span_came_from(client, source, fmt, content_type)
