"""POST /v1/analyze happy paths: every content type, options, charsets and offset units."""

from __future__ import annotations

import pytest

HTML_STORY = (
    "<article><h1>Flood defenses to cost $4.2 million</h1>"
    "<p>The council said on Monday that repairs would cost $4.2 million.</p>"
    "<script>alert('not prose')</script>"
    "<p>Experts say the river will flood again within 10 years.</p></article>"
)
MARKDOWN_STORY = (
    "# Flood defenses to cost $4.2 million\n\n"
    "The council said on Monday that repairs would cost $4.2 million.\n\n"
    "Experts say the river will flood again within 10 years.\n"
)
PLAIN_STORY = "The council said on Monday that repairs would cost $4.2 million. Experts say the river will flood again."


def check_report_fields(report: dict) -> None:
    """Check the paths that spec/report.md requires, and that every span points into `text`."""
    text = report["text"]
    assert [u["index"] for u in report["units"]] == list(range(len(report["units"])))
    for unit in report["units"]:
        assert unit["type"] in ("heading", "sentence")
        assert 0 <= unit["start"] < unit["end"] <= len(text)
        assert text[unit["start"] : unit["end"]] == unit["text"]
    claims = report["claims"]
    assert claims["unattributed"] == sum(c["status"] in ("vague", "unsourced") for c in claims["items"])
    for claim in claims["items"]:
        assert 0 <= claim["unit"] < len(report["units"])
        assert claim["kind"] in ("figure", "record", "event")
        assert claim["status"] in ("attributed", "vague", "unsourced")
        assert isinstance(claim["reason"], str) and claim["reason"]
    repetition = report["repetition"]
    assert 0 <= repetition["index"] <= 1
    for r in repetition["restatements"]:
        assert r["restates"] < r["unit"]
    for f in repetition["figures"]:
        assert len(set(f["units"])) >= 2


@pytest.mark.parametrize(
    ("content_type", "body", "format"),
    [
        ("text/plain", PLAIN_STORY, "text"),
        ("text/plain; charset=utf-8", PLAIN_STORY, "text"),
        ("text/html", HTML_STORY, "html"),
        ("text/html; charset=UTF-8", HTML_STORY, "html"),
        ("text/markdown", MARKDOWN_STORY, "markdown"),
    ],
)
def test_raw_bodies_are_read_in_the_format_their_type_names(client, content_type, body, format):
    response = client.post("/v1/analyze", data=body.encode(), headers={"Content-Type": content_type})
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    assert report["format"] == format
    assert report["offsets"] == "code_points"
    check_report_fields(report)


def test_the_seed_as_plain_text_is_analyzed_as_submitted(client, seed_text):
    response = client.post("/v1/analyze", data=seed_text.encode(), content_type="text/plain")
    assert response.status_code == 200
    report = response.get_json()
    assert report["text"] == seed_text
    assert report["units"][0]["type"] == "heading"
    check_report_fields(report)


@pytest.mark.parametrize(
    ("body", "format"),
    [
        ({"text": PLAIN_STORY}, "text"),
        ({"text": PLAIN_STORY, "format": "text", "options": {}}, "text"),
        ({"text": HTML_STORY, "format": "html"}, "html"),
        ({"text": MARKDOWN_STORY, "format": "markdown"}, "markdown"),
    ],
)
def test_json_bodies_name_their_format(client, body, format):
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["format"] == format
    check_report_fields(response.get_json())


def test_markup_is_reported_as_the_plain_text_it_holds(client):
    report = client.post("/v1/analyze", data=HTML_STORY, content_type="text/html").get_json()
    assert "<p>" not in report["text"]
    assert "alert" not in report["text"]
    assert "Experts say the river" in report["text"]


def test_the_report_matches_the_library_for_the_same_article(client, seed_text):
    from copydesk import scoring

    from copydesk.api.schemas import ReportSchema

    expected = ReportSchema().dump(scoring.analyze(seed_text))
    body = client.post("/v1/analyze", json={"text": seed_text}).get_json()
    assert body.pop("offsets") == "code_points"
    assert body == expected


@pytest.mark.parametrize(
    ("query", "options"),
    [
        ("words_per_minute=120", {"words_per_minute": 120}),
        ("words_per_minute=900", {"words_per_minute": 900}),
    ],
)
def test_reading_rate_from_query_or_body_reaches_read_time(client, query, options):
    raw = client.post(f"/v1/analyze?{query}", data=PLAIN_STORY, content_type="text/plain").get_json()
    js = client.post("/v1/analyze", json={"text": PLAIN_STORY, "options": options}).get_json()
    assert raw["read_time"]["words_per_minute"] == options["words_per_minute"]
    assert js["read_time"] == raw["read_time"]


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("iso-8859-1", "Le maire a déclaré que les travaux coûteraient 4 millions d'euros."),
        ("utf-16", "The mayor said the repairs would cost €4 million."),
        ("cp1252", "The mayor said the repairs would cost €4 million."),
    ],
)
def test_a_declared_charset_decodes_the_body(client, charset, text):
    response = client.post("/v1/analyze", data=text.encode(charset), content_type=f"text/plain; charset={charset}")
    assert response.status_code == 200
    assert response.get_json()["text"] == text


# "😀" is one code point but two UTF-16 code units, so every offset after it moves by one.
ASTRAL_STORY = "Officials said 😀 3,000 troops were sent. Experts say 3,000 troops died. Another 3,000 troops went home."


@pytest.mark.parametrize(
    ("path", "kwargs"),
    [
        ("/v1/analyze?offsets=utf16", {"data": ASTRAL_STORY, "content_type": "text/plain"}),
        ("/v1/analyze", {"json": {"text": ASTRAL_STORY, "options": {"offsets": "utf16"}}}),
        ("/v1/analyze?offsets=utf16", {"json": {"text": ASTRAL_STORY}}),
    ],
)
def test_utf16_offsets_count_code_units(client, path, kwargs):
    points = client.post("/v1/analyze", json={"text": ASTRAL_STORY}).get_json()
    units16 = client.post(path, **kwargs).get_json()
    assert units16["offsets"] == "utf16"
    encoded = ASTRAL_STORY.encode("utf-16-le")
    for unit in units16["units"]:
        assert encoded[2 * unit["start"] : 2 * unit["end"]].decode("utf-16-le") == unit["text"]
    # the first sentence holds the emoji: it starts at 0 and ends one unit later than in code points
    assert units16["units"][0]["start"] == points["units"][0]["start"] == 0
    assert units16["units"][0]["end"] == points["units"][0]["end"] + 1
    assert [u["start"] - 1 for u in units16["units"][1:]] == [u["start"] for u in points["units"][1:]]


@pytest.mark.parametrize(
    ("query", "options", "expected"),
    [
        ("words_per_minute=120", {}, 120),
        ("words_per_minute=120", {"words_per_minute": 300}, 300),  # the body wins
        ("", {"words_per_minute": 300}, 300),
    ],
)
def test_query_options_fill_in_what_a_json_body_leaves_out(client, query, options, expected):
    response = client.post(f"/v1/analyze?{query}", json={"text": PLAIN_STORY, "options": options})
    assert response.get_json()["read_time"]["words_per_minute"] == expected


@pytest.mark.parametrize(
    ("query", "body_options"),
    [
        ("language=en-US&profile=feature&anonymous_as_vague=false&disabled_rules=vague.anonymous,vague.hedge-adverb", None),
        ("", {"language": "en-US", "profile": "feature", "anonymous_as_vague": False, "disabled_rules": ["vague.anonymous", "vague.hedge-adverb"]}),
    ],
)
def test_every_option_is_accepted_in_the_query_and_in_the_body(client, query, body_options):
    if body_options is None:
        response = client.post(f"/v1/analyze?{query}", data=PLAIN_STORY, content_type="text/plain")
    else:
        response = client.post("/v1/analyze", json={"text": PLAIN_STORY, "options": body_options})
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    assert (report["language"]["code"], report["language"]["detected"]) == ("en", False)
    assert report["readability"]["profile"] == "feature"


def test_an_article_without_claims_rules_or_formulas_answers_nulls_the_contract_allows(client):
    # Spanish: formulas, no claims rules; Portuguese: neither. The client checks the contract.
    spanish = client.post("/v1/analyze", json={"text": "La policía dijo que 3 personas murieron en el incendio del martes en el centro de la ciudad."})
    assert spanish.status_code == 200
    claims = spanish.get_json()["claims"]
    assert claims["analyzed"] is False and claims["unattributed"] is None and claims["items"] == []
    assert spanish.get_json()["readability"]["available"] is True
    portuguese = client.post("/v1/analyze", json={"text": "A polícia disse que três pessoas morreram no incêndio de terça-feira no centro da cidade.", "options": {"language": "pt-BR"}})
    assert portuguese.status_code == 200
    body = portuguese.get_json()
    assert body["readability"]["available"] is False and body["readability"]["grade"] is None
    assert body["readability"]["counts"] is None and body["readability"]["reason"]
    assert body["read_time"]["words"] == 15 and body["claims"]["analyzed"] is False
