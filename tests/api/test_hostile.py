"""The hostile-input matrix: every case gets a 2xx with a sane report or a 4xx problem that says what to fix.

Each row is (name, content type, body, expected status). A 5xx, or a problem without a
detail, fails; a report must have units inside its text. Bodies are built once per run.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import PROBLEM_JSON

SENTENCE = "The council approved the budget on Monday. "
PROSE = SENTENCE * 5


def _json(value) -> bytes:
    return json.dumps(value).encode()


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


# (name, content type, body, status)
MATRIX = [
    # control characters and broken text
    ("nul and control chars", "application/json", _json({"text": PROSE.replace(" ", "\x00 ", 3) + "\x01\x07\x1b[31m"}), 200),
    ("lone surrogate in json", "application/json", b'{"text": "' + PROSE.encode() + b'\\ud800 \\udfff"}', 200),
    ("lone surrogate in raw text (cesu bytes)", "text/plain", PROSE.encode() + b"\xed\xa0\x80", 400),
    ("invalid utf-8 raw text", "text/plain", PROSE.encode() + b"\xff\xfe", 400),
    ("invalid utf-8 in json", "application/json", b'{"text": "\xff"}', 400),
    ("bom then json", "application/json", b"\xef\xbb\xbf" + _json({"text": PROSE}), 200),
    ("utf-16 json", "application/json", json.dumps({"text": PROSE}).encode("utf-16"), 200),
    ("latin-1 raw text", "text/plain; charset=latin-1", PROSE.encode("latin-1") + "caf\u00e9.".encode("latin-1"), 200),
    ("unknown charset", "text/plain; charset=klingon", PROSE.encode(), 415),
    # size and shape of the text
    ("100,000-char word", "text/plain", b"a" * 100_000, 200),
    ("100,000-char word in prose", "text/plain", PROSE.encode() + b"b" * 100_000 + b".", 200),
    ("a million periods", "text/plain", b"." * 1_000_000, 422),
    ("300,000 periods", "text/plain", b"." * 300_000, 422),  # no words: empty text
    ("text over the character limit", "application/json", _json({"text": "word " * 130_000}), 422),
    ("body over the byte limit", "text/plain", b"word " * 500_000, 413),
    ("empty text", "application/json", _json({"text": ""}), 422),
    ("white space only", "text/plain", b" \n\t\r\n" * 1000, 422),
    ("emoji and symbols only", "text/plain", "\U0001f600 $ % \u2603 ".encode() * 1000, 422),
    # JSON shapes
    ("malformed json", "application/json", b'{"text": ', 400),
    ("deeply nested json", "application/json", _nested(100_000), 400),
    ("deeply nested json in a field", "application/json", b'{"text": "x", "options": ' + _nested(50_000) + b"}", 400),
    ("huge json array", "application/json", b"[" + b"0," * 500_000 + b"0]", 422),
    ("json string body", "application/json", _json(PROSE), 422),
    ("json null", "application/json", b"null", 422),
    ("number for text", "application/json", _json({"text": 42}), 422),
    ("list for text", "application/json", _json({"text": [PROSE]}), 422),
    ("null text", "application/json", _json({"text": None}), 422),
    ("number for format", "application/json", _json({"text": PROSE, "format": 3}), 422),
    ("string for options", "application/json", _json({"text": PROSE, "options": "fast"}), 422),
    ("huge number for words_per_minute", "application/json", b'{"text": "' + PROSE.encode() + b'", "options": {"words_per_minute": 1e999}}', 422),
    ("NaN for words_per_minute", "application/json", b'{"text": "' + PROSE.encode() + b'", "options": {"words_per_minute": NaN}}', 422),
    ("unknown field", "application/json", _json({"text": PROSE, "colour": "red"}), 422),
    ("unknown option", "application/json", _json({"text": PROSE, "options": {"speed": 1}}), 422),
    ("duplicate keys", "application/json", b'{"text": "x", "text": "' + PROSE.encode() + b'"}', 200),
    # content types
    ("no content type", "", PROSE.encode(), 415),
    ("form encoded", "application/x-www-form-urlencoded", b"text=" + PROSE.replace(" ", "+").replace(",", "%2C").encode(), 415),
    ("curl's default type on a raw article", "application/x-www-form-urlencoded", PROSE.encode(), 200),
    ("superscript digits in a figure", "text/plain", "Room 12\u00b3 was closed. \u00b30 The council met.".encode(), 200),
    ("multipart", "multipart/form-data; boundary=x", b"--x\r\n\r\n" + PROSE.encode() + b"\r\n--x--", 415),
    ("xml", "application/xml", b"<article>" + PROSE.encode() + b"</article>", 415),
    ("octet stream", "application/octet-stream", PROSE.encode(), 415),
    ("json with a suffix type", "application/problem+json", _json({"text": PROSE}), 415),
    ("garbage content type", "\x7f;;;=", PROSE.encode(), 415),
    ("text/html", "text/html", f"<p>{PROSE}</p>".encode(), 200),
    ("text/markdown", "text/markdown", f"# Title\n\n{PROSE}".encode(), 200),
    # HTML bombs
    ("html deep nesting", "text/html", b"<div>" * 40_000 + PROSE.encode() + b"</div>" * 40_000, 200),
    ("html unclosed nesting", "text/html", b"<div><span><b>" * 30_000 + PROSE.encode(), 200),
    ("html huge attribute", "text/html", b'<p title="' + b"x" * 400_000 + b'">' + PROSE.encode() + b"</p>", 200),
    ("html entity flood", "text/html", b"&amp;" * 90_000 + PROSE.encode(), 200),
    ("html numeric entity flood", "text/html", b"&#x1F600;&#0;&#xD800;&#99999999;" * 10_000 + PROSE.encode(), 200),
    ("html script and style only", "text/html", b"<script>" + b"x" * 100_000 + b"</script><style>p{}</style>", 422),
    ("html comment never closed", "text/html", b"<p>" + PROSE.encode() + b"<!--" + b"-" * 100_000, 200),
    ("html many attributes", "text/html", b"<p " + b'a="1" ' * 50_000 + b">" + PROSE.encode(), 200),
    ("html tag soup", "text/html", b"<<>><</</p>>" * 20_000 + PROSE.encode(), 200),
    # constructs that never close: Python's HTMLParser took minutes on these (quadratic) before
    # scoring.markup cut them off as HTML5 does
    ("html unclosed start tags", "text/html", f"<p>{PROSE}</p>".encode() + b"<a " * 60_000, 200),
    ("html unclosed quoted attributes", "text/html", f"<p>{PROSE}</p>".encode() + b'<a b="' * 40_000, 200),
    ("html unclosed comments", "text/html", f"<p>{PROSE}</p>".encode() + b"<!--" * 60_000, 200),
    ("html unclosed declarations", "text/html", f"<p>{PROSE}</p>".encode() + b"<!x<?</a" * 20_000, 200),
    # Markdown edge cases
    # markdown-it drops what lies deeper than its nesting limit, so these have no words left
    ("markdown deep blockquote", "text/markdown", b">" * 100_000 + b" " + PROSE.encode(), 422),
    ("markdown deep list", "text/markdown", b"- " * 50_000 + PROSE.encode(), 422),
    ("markdown emphasis flood", "text/markdown", b"*a" * 50_000 + b"\n\n" + PROSE.encode(), 200),
    ("markdown unclosed links", "text/markdown", b"[a](" * 25_000 + b"\n\n" + PROSE.encode(), 200),
    # a run of backticks opens a code fence that never closes (CommonMark): all code, no prose
    ("markdown backtick flood", "text/markdown", b"`" * 100_000 + b"\n\n" + PROSE.encode(), 422),
    ("markdown nested brackets", "text/markdown", b"[" * 50_000 + PROSE.encode() + b"]" * 50_000, 200),
    # raw HTML blocks in Markdown are not read as prose
    ("markdown html block", "text/markdown", b"<div>\n" + PROSE.encode() + b"\n</div>", 422),
    ("markdown table flood", "text/markdown", b"|a" * 50_000 + b"|\n|" + b"-|" * 50_000 + b"\n\n" + PROSE.encode(), 200),
    ("markdown only a fence", "text/markdown", b"```\n" + PROSE.encode() + b"\n```", 422),
]


@pytest.mark.parametrize("name, content_type, body, status", MATRIX, ids=[row[0] for row in MATRIX])
def test_hostile_input(client, name, content_type, body, status):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/analyze", data=body, headers=headers)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if status >= 400:
        problem = response.get_json(force=True)
        assert response.mimetype == PROBLEM_JSON
        assert problem["status"] == status and len(problem["detail"]) > 20
    else:
        report = response.get_json()
        assert report["units"], "a 2xx report analyzes something"
        assert all(0 <= u["start"] < u["end"] <= len(report["text"]) for u in report["units"])


@pytest.mark.parametrize("path", ["/v1/analyze?language=" + "en-" * 10_000, "/v1/analyze?profile=%00", "/v1/analyze?offsets=" + "x" * 100_000])
def test_hostile_query(client, path):
    response = client.post(path, data=PROSE, content_type="text/plain")
    assert response.status_code == 422
    assert response.get_json(force=True)["errors"]


def test_limits_refusals_say_the_limit_and_the_excess(app):
    app.config.update(MAX_TEXT_CHARS=1_000, MAX_UNITS=10)
    client = app.test_client()
    too_long = client.post("/v1/analyze", data="x" * 1_250, content_type="text/plain").get_json(force=True)
    assert (too_long["limit"], too_long["actual"]) == (1_000, 1_250)
    assert "250 over" in too_long["detail"]
    many = client.post("/v1/analyze", data="Go now. " * 30, content_type="text/plain").get_json(force=True)
    assert (many["limit"], many["actual"]) == (10, 30)
    assert "20 over" in many["detail"]
    assert client.post("/v1/analyze", data="Go now. " * 10, content_type="text/plain").status_code == 200


def test_body_limit_says_by_how_much(app):
    app.config.update(MAX_CONTENT_LENGTH=100)
    problem = app.test_client().post("/v1/analyze", data="x" * 130, content_type="text/plain").get_json(force=True)
    assert (problem["limit"], problem["actual"]) == (100, 130)
    assert "30 over" in problem["detail"]


@pytest.mark.parametrize("value", [0, -5, "many", True])
def test_a_bad_limit_refuses_to_start(value):
    from copydesk.api import create_app

    with pytest.raises(ValueError):
        create_app({"TESTING": True, "MAX_UNITS": value})


def test_a_50000_word_feature_passes_the_default_limits(app):
    from copydesk.api.limits import check_article

    feature = ("The council approved the budget for the new school year on Monday evening. " * 4_000)
    assert len(feature.split()) > 50_000
    with app.app_context():
        check_article(feature, "text")  # raises when over


@pytest.mark.parametrize("value, status", [(True, 200), (False, 200), (0, 422), (1, 422), (1.0, 422), ("yes", 200), ("maybe", 422), (None, 422)])
def test_anonymous_as_vague_is_a_boolean_not_a_number(client, value, status):
    # found by schemathesis: marshmallow's Boolean took 0 and 1 because 0 == False in Python
    response = client.post("/v1/analyze", json={"text": PROSE, "options": {"anonymous_as_vague": value}})
    assert response.status_code == status


@pytest.mark.parametrize(
    "source, kept",
    [
        ("<p>Text.</p>", "<p>Text.</p>"),
        ("<p>Text.</p><a href", "<p>Text.</p>"),  # a start tag that never closes
        ("<p>Text.</p><!-- note > more", "<p>Text.</p>"),  # a comment needs -->, not >
        ("<p>Text.</p><!-- closed --> after", "<p>Text.</p><!-- closed --> after"),
        ("<p>a < b and c > d</p>", "<p>a < b and c > d</p>"),  # a bare < is text
        ("<p>x</p> if a<b", "<p>x</p> if a"),  # HTML5 reads <b as a tag that runs to the end
        ("<p>x</p><?php", "<p>x</p>"),
    ],
)
def test_html_is_cut_where_a_construct_never_closes(source, kept):
    from copydesk.scoring.markup import parseable_prefix

    assert parseable_prefix(source) == kept
