"""api/reports.py's compiled dump gives exactly what a marshmallow dump of ReportSchema gives."""

from __future__ import annotations

import dataclasses
import gc
import json

import pytest

from copydesk import scoring
from copydesk.api.reports import REPORT_SCHEMA, dump_report
from bench import corpus
from tests.api.test_markup_offsets import HTML, MARKDOWN


def _reports():
    for text in corpus.articles(20, seed=11):
        yield scoring.analyze(text)
    yield scoring.analyze(HTML, format="html")
    yield scoring.analyze(MARKDOWN, format="markdown")
    named = scoring.analyze(corpus.seed_variant(3), options=scoring.Options(words_per_minute=250, language="en"))
    yield named
    # an int where the schema says Float: marshmallow dumps 250.0, and so must the fast dump
    yield dataclasses.replace(named, read_time=dataclasses.replace(named.read_time, words_per_minute=250))


@pytest.mark.parametrize("report", list(_reports()), ids=lambda r: f"{r.format}-{len(r.text)}")
def test_the_fast_dump_is_marshmallows_dump_to_the_byte(report):
    # compared as JSON text: 250 == 250.0 in Python, not in the response
    expected = json.dumps(REPORT_SCHEMA.dump(report))
    assert json.dumps(dump_report(report)) == expected


def test_none_values_dump_as_null_like_marshmallow():
    report = scoring.analyze(corpus.seed_variant(1))
    blank = dataclasses.replace(report, language=dataclasses.replace(report.language, confidence=None))
    assert dump_report(blank)["language"] == REPORT_SCHEMA.dump(blank)["language"] == {"code": "en", "detected": True, "confidence": None}


def test_a_non_finite_number_is_refused():
    report = scoring.analyze(corpus.seed_variant(2))
    broken = dataclasses.replace(report, readability=dataclasses.replace(report.readability, grade=float("inf")))
    with pytest.raises(ValueError, match="non-finite"):
        dump_report(broken)


def test_data_keys_and_attribute_names_that_are_not_identifiers_dump_like_marshmallow():
    from types import SimpleNamespace

    from marshmallow import Schema, fields

    from copydesk.api.reports import _schema_dump

    class Odd(Schema):
        label = fields.String(attribute="class", data_key="the label")
        count = fields.Integer(attribute="two words")

    obj = SimpleNamespace(**{"class": "x", "two words": 3.0})
    assert _schema_dump(Odd())(obj) == Odd().dump(obj) == {"the label": "x", "count": 3}


def test_values_not_of_the_fields_type_are_converted_like_marshmallow():
    # the dump takes a value of the field's own type as it is and converts only the others
    from enum import Enum
    from types import SimpleNamespace

    from marshmallow import Schema, fields

    from copydesk.api.reports import _schema_dump

    class Label(str, Enum):
        A = "a"

    class Mixed(Schema):
        text = fields.String()
        count = fields.Integer()
        share = fields.Float()
        flag = fields.Boolean()
        names = fields.List(fields.String())
        nested = fields.List(fields.List(fields.Integer()))

    for obj in (
        SimpleNamespace(text=7, count=True, share=2, flag=1, names=[Label.A, None, 3], nested=[[1.0, 2], []]),
        SimpleNamespace(text=Label.A, count=3.0, share=None, flag=0, names=None, nested=None),
        SimpleNamespace(text=None, count=None, share=0.5, flag=None, names=[], nested=[[None]]),
    ):
        dumped = _schema_dump(Mixed())(obj)
        assert json.dumps(dumped) == json.dumps(Mixed().dump(obj))
        assert [type(v) for v in dumped.values()] == [type(v) for v in Mixed().dump(obj).values()]


@pytest.mark.parametrize("path, body", [
    ("/v1/analyze", lambda text: {"text": text}),
    ("/v1/analyze/batch", lambda text: [{"text": text}, {"text": text}]),
])
def test_no_collection_meets_a_report_while_a_request_is_answered(client, seed_text, path, body):
    # api.reports.analyze_body keeps the collector off until the report is freed. With it
    # back on as soon as scoring.analyze returns, the dump's first allocations started a
    # collection that walked the whole report (tokens and all). A threshold of 10 makes the
    # request collect often; what the process held before (other tests' reports) is frozen
    # out of the generations, so a Token seen there can only be this request's.
    from copydesk.scoring.text import Token

    seen: list[bool] = []

    def watch(phase, info):
        if phase == "start":
            seen.append(any(type(o) is Token for o in gc.get_objects(info["generation"])))

    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(10)
    gc.callbacks.append(watch)
    try:
        response = client.post(path, json=body(seed_text))
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*threshold)
        gc.unfreeze()
    assert response.status_code == 200
    assert len(seen) > 10  # the request did collect, again and again
    assert not any(seen)


def test_analyze_body_leaves_a_paused_collector_paused_and_restarts_one_it_paused(seed_text):
    from copydesk.api.reports import analyze_body

    assert gc.isenabled()
    body = analyze_body(seed_text, "text", scoring.Options(), "code_points")
    assert gc.isenabled() and body["units"]
    gc.disable()
    try:
        assert analyze_body(seed_text, "text", scoring.Options(), "code_points") == body
        assert not gc.isenabled()
    finally:
        gc.enable()
