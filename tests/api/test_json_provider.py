"""The app's JSON answers: orjson's bytes, the stdlib encoder's JSON value."""

from __future__ import annotations

import dataclasses
import datetime
import json

from copydesk.api import create_app

TEXT = "Le maire a dit que 3\u202f000 foyers \u00e9taient inond\u00e9s \U0001f30a. \u201cNous paierons,\u201d a-t-il dit."


def test_a_report_answers_the_same_json_value_as_the_stdlib_encoder(app, client):
    response = client.post("/v1/analyze", json={"text": TEXT, "options": {"language": "fr"}})
    assert response.status_code == 200
    raw = response.get_data()
    with app.app_context():
        # what Flask's own provider wrote before: ASCII with \\u escapes, the same value
        stdlib = json.loads(app.json.dumps(response.get_json(), separators=(",", ":")))
    assert json.loads(raw) == stdlib
    assert raw.endswith(b"}\n") and TEXT.encode() in raw  # compact, one line, UTF-8 as sent


def test_types_orjson_writes_its_own_way_come_out_as_flask_writes_them():
    app = create_app({"TESTING": True})

    @dataclasses.dataclass
    class Point:
        x: int

    when = datetime.datetime(2026, 11, 27, 4, 0, tzinfo=datetime.UTC)

    @app.get("/t")
    def t():
        return {"when": when, "point": Point(1)}

    body = app.test_client().get("/t").get_json()
    assert body == {"when": "Fri, 27 Nov 2026 04:00:00 GMT", "point": {"x": 1}}


def test_debug_mode_still_indents():
    app = create_app({"TESTING": True, "DEBUG": True})
    assert app.test_client().get("/v1/health").get_data().startswith(b"{\n  ")
