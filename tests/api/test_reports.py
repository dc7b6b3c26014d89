"""api/reports.py's compiled dump gives exactly what a marshmallow dump of ReportSchema gives."""

from __future__ import annotations

import dataclasses
import json

import pytest

import scoring
from api.reports import REPORT_SCHEMA, dump_report
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

    from api.reports import _schema_dump

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

    from api.reports import _schema_dump

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
