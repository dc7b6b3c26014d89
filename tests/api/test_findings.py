"""The findings list over HTTP: LanguageTool's match shape, rules, languages, options, smaller answers."""

from __future__ import annotations

import gzip
import json

import pytest
from flask.testing import FlaskClient

from copydesk.api.reports import accepts_gzip, best_locale
from copydesk.api.schemas import RULE_IDS

# A character outside the BMP before the findings: UTF-16 offsets differ from code points.
ASTRAL = "\U0001F30A Flood. The bridge was closed on Monday, and reports indicate 3,000 people fled."


def _languagetool_match(finding: dict, report: dict, rules: dict) -> dict:
    """A LanguageTool /v2/check match, every field taken from copydesk's answer (nothing made up here)."""
    rule = rules["rules"][finding["rule"]]
    category = rules["categories"][finding["category"]]
    return {
        "message": finding["message"],
        "shortMessage": finding["short_message"],
        "replacements": [{"value": s["replacement"]} for s in finding["suggestions"] if s["replacement"] is not None],
        "offset": finding["start"],
        "length": finding["end"] - finding["start"],
        "sentence": report["units"][finding["unit"]]["text"],
        "rule": {
            "id": finding["rule"],
            "description": rule["short_message"],
            "issueType": rule["issue_type"],
            "category": {"id": category["id"], "name": category["name"]},
        },
    }


def _rules_by_id(client, **headers) -> dict:
    body = client.get("/v1/rules", headers=headers).get_json()
    return {
        **body,
        "rules": {r["id"]: r for r in body["rules"]},
        "categories": {c["id"]: c for c in body["categories"]},
    }


def test_findings_map_onto_languagetool_matches(client, seed_text):
    report = client.post("/v1/analyze?offsets=utf16", data=seed_text, content_type="text/plain").get_json()
    rules = _rules_by_id(client)
    matches = [_languagetool_match(f, report, rules) for f in report["findings"]]
    assert len(matches) == len(report["findings"]) > 40
    for match, finding in zip(matches, report["findings"]):
        # every LanguageTool field a plugin reads is filled, from the service's own answer
        assert match["message"] and match["shortMessage"] and match["rule"]["description"]
        assert match["rule"]["category"]["name"] and match["rule"]["issueType"]
        assert match["length"] > 0
        highlighted = report["text"][match["offset"] : match["offset"] + match["length"]]
        assert highlighted and highlighted in match["sentence"]
    conflict = client.post(
        "/v1/analyze", json={"text": "In all, 11,000 soldiers were sent to Russia. Officials said 12,000 soldiers were sent."}
    ).get_json()
    match = next(_languagetool_match(f, conflict, rules) for f in conflict["findings"] if f["rule"] == "figures.conflict")
    assert match["replacements"] == [{"value": "12,000"}] and match["rule"]["category"]["id"] == "figures"


def test_accept_language_de_gives_german_messages_for_the_same_findings(client, seed_text):
    english = client.post("/v1/analyze", data=seed_text, content_type="text/plain").get_json()["findings"]
    german = client.post(
        "/v1/analyze", data=seed_text, content_type="text/plain", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.8"}
    ).get_json()["findings"]
    assert [(f["id"], f["rule"], f["start"], f["message_id"], f["params"]) for f in german] == [
        (f["id"], f["rule"], f["start"], f["message_id"], f["params"]) for f in english
    ]
    by_rule = {f["rule"]: f for f in german}
    assert by_rule["readability.passive-voice"]["short_message"] == "Passiv"
    assert by_rule["claim.record"]["message"].startswith("Der Rekord oder Rang „")
    assert by_rule["vague.generic-source"]["suggestions"][0]["message"] == "Nennen Sie die Fachleute, Studien oder Berichte."


def test_the_locale_option_wins_over_the_header(client):
    body = {"text": "The bridge was closed on Monday.", "options": {"locale": "fr"}}
    found = client.post("/v1/analyze", json=body, headers={"Accept-Language": "de"}).get_json()["findings"]
    finding = next(f for f in found if f["rule"] == "readability.passive-voice")
    assert finding["short_message"] == "Voix passive"
    response = client.post("/v1/analyze", json={**body, "options": {"locale": "tlh"}})
    assert response.status_code == 422 and "options.locale" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("header", "locale"),
    [("de", "de"), ("en-US,en;q=0.9", "en"), ("it, es;q=0.5", "es"), ("fr;q=0.2, de;q=0.8", "de"), ("tlh, *", None), ("de;q=0", None), ("", None)],
)
def test_the_header_s_preferred_shipped_language_is_chosen(header, locale):
    assert best_locale(header) == locale


def test_the_rules_listing_has_every_rule_with_its_examples(client):
    body = client.get("/v1/rules").get_json()
    assert sorted(r["id"] for r in body["rules"]) == list(RULE_IDS)
    by_id = {r["id"]: r for r in body["rules"]}
    passive = by_id["readability.passive-voice"]
    assert passive["default_severity"] == "info" and passive["category"] == "readability"
    assert passive["message"] == 'Passive voice ("{phrase}"): say who acted, if it matters.'
    assert passive["examples"] == {"flag": ["The bridge was closed on Monday."], "pass": ["The council closed the bridge on Monday."]}
    # the claims rules come with the examples claims_rules.toml gives them
    assert by_id["vague.estimated"]["examples"]["flag"] and by_id["vague.estimated"]["default_severity"] == "warning"
    assert by_id["claim.figure"]["default_severity"] == "error"
    assert by_id["attribution.quote"]["raises_findings"] is False
    assert [s["id"] for s in body["severities"]] == ["error", "warning", "info"]
    german = client.get("/v1/rules?locale=de").get_json()
    assert {r["id"]: r for r in german["rules"]}["readability.passive-voice"]["short_message"] == "Passiv"


@pytest.mark.parametrize("rule", sorted(RULE_IDS) + ["passive_voice", "hard_sentence", "long_sentence"])
def test_disabled_rules_accepts_every_rule(client, rule):
    response = client.post(f"/v1/analyze?disabled_rules={rule}", data="The bridge was closed on Monday.", content_type="text/plain")
    assert response.status_code == 200
    assert rule not in {f["rule"] for f in response.get_json()["findings"]}


def test_disabled_passive_voice_removes_passive_findings(client, seed_text):
    report = client.post("/v1/analyze?disabled_rules=passive_voice", data=seed_text, content_type="text/plain").get_json()
    assert "readability.passive-voice" not in {f["rule"] for f in report["findings"]}
    assert "passive_voice" not in {f["rule"] for f in report["readability"]["findings"]}
    response = client.post("/v1/analyze?disabled_rules=no_such_rule", data=seed_text, content_type="text/plain")
    assert response.status_code == 422


def test_min_severity_per_request(client, seed_text):
    report = client.post("/v1/analyze", json={"text": seed_text, "options": {"min_severity": "error"}}).get_json()
    assert {f["severity"] for f in report["findings"]} == {"error"}
    assert client.post("/v1/analyze?min_severity=fatal", data=seed_text, content_type="text/plain").status_code == 422


def test_offsets_in_utf16_and_into_the_markup():
    from copydesk.api import create_app

    client = create_app({"TESTING": True}).test_client()
    plain = client.post("/v1/analyze?offsets=utf16", data=ASTRAL.encode(), content_type="text/plain").get_json()
    for f in plain["findings"]:
        # JavaScript's String indices: the wave counts twice
        assert ASTRAL.encode("utf-16-le")[2 * f["start"] : 2 * f["end"]].decode("utf-16-le")
    figure = next(f for f in plain["findings"] if f["category"] == "claims")
    assert ASTRAL.encode("utf-16-le")[2 * figure["start"] : 2 * figure["end"]].decode("utf-16-le") == "reports indicate"
    html = "<p>The bridge <b>was closed</b> on Monday.</p><p>The bridge <b>was closed</b> on Monday.</p>"
    report = client.post("/v1/analyze", data=html, content_type="text/html").get_json()
    restatement = next(f for f in report["findings"] if f["rule"] == "repetition.restatement")
    passive = next(f for f in report["findings"] if f["rule"] == "readability.passive-voice")
    assert html[passive["markup_start"] : passive["markup_end"]].startswith("was closed")
    assert passive["markup_start"] == html.index("was closed")
    assert "markup_start" in restatement["related"][0]


def test_include_leaves_out_parts_and_the_batch_takes_it_too(client, seed_text):
    full = client.post("/v1/analyze", data=seed_text, content_type="text/plain").get_json()
    small = client.post("/v1/analyze?include=findings,units", data=seed_text, content_type="text/plain").get_json()
    assert set(small) == {"offsets", "format", "language", "paragraphs", "findings", "units"}
    assert small["findings"] == full["findings"]
    assert len(json.dumps(small)) < len(json.dumps(full))
    batch = client.post("/v1/analyze/batch", json=[{"text": seed_text, "options": {"include": ["findings"]}}]).get_json()
    assert set(batch["items"][0]["report"]) == {"offsets", "format", "language", "paragraphs", "findings"}
    assert client.post("/v1/analyze?include=tokens", data=seed_text, content_type="text/plain").status_code == 422


def test_gzip_when_the_client_accepts_it(app, seed_text):
    app.test_client_class = FlaskClient  # the body is gzip: the contract check reads JSON
    client = app.test_client()
    plain = client.post("/v1/analyze", data=seed_text, content_type="text/plain")
    packed = client.post("/v1/analyze", data=seed_text, content_type="text/plain", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain.headers and "Accept-Encoding" in plain.headers["Vary"]
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert json.loads(gzip.decompress(packed.data)) == plain.get_json()
    assert len(packed.data) < len(plain.data) / 3
    small = client.get("/v1/health", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers  # under GZIP_MIN_BYTES: not worth it
    batch = client.post("/v1/analyze/batch", json=[{"text": seed_text}], headers={"Accept-Encoding": "gzip"})
    assert json.loads(gzip.decompress(batch.data))["succeeded"] == 1
    # a streamed NDJSON batch is gzipped item by item: every chunk sent is a flushed piece of one gzip stream
    lines = json.dumps({"text": seed_text}) + "\n" + json.dumps({"text": "The mayor said 40 roads were closed."}) + "\n"
    ndjson = client.post("/v1/analyze/batch", data=lines, content_type="application/x-ndjson", headers={"Accept-Encoding": "gzip"})
    assert ndjson.headers["Content-Encoding"] == "gzip" and "Content-Length" not in ndjson.headers
    assert [json.loads(line)["status"] for line in gzip.decompress(ndjson.data).splitlines()] == [200, 200]


@pytest.mark.parametrize(
    ("header", "accepted"),
    [("gzip", True), ("deflate, gzip;q=0.5", True), ("*", True), ("gzip;q=0", False), ("*, gzip;q=0", False),
     ("br", False), ("", False), (None, False), ("GZIP", True), ("gzip;q=bad", False)],
)
def test_accept_encoding(header, accepted):
    assert accepts_gzip(header) is accepted


@pytest.mark.parametrize("query", ["locale=", "locale=xx", "locale=de-"])
def test_the_rules_listing_refuses_a_locale_it_does_not_ship(client, query):
    assert client.get(f"/v1/rules?{query}").status_code == 422
