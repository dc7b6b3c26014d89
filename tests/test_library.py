"""The library: `analyze` in process, and `to_dict`, which gives exactly the body POST /v1/analyze answers."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from copydesk import scoring
from copydesk.api import create_app
from copydesk.api.reports import to_dict
from tests.conftest import ROOT, SEED_PATH

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Guards against a hang, not timings.
TIMEOUT = 120
HTML = "<h1>Floods 🌊</h1><p>Officials said 3,000 homes were flooded 🏠. The repairs will cost $4 million.</p>"


def served(text: str, format: str = "text", **options) -> dict:
    """The JSON body gunicorn's app answers for the article (Flask's test client: the same app, in process)."""
    client = create_app({"TESTING": True}).test_client()
    response = client.post("/v1/analyze", json={"text": text, "format": format, "options": options})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_seeds_dict_is_the_body_the_api_answers():
    seed = SEED_PATH.read_text(encoding="utf-8")
    client = create_app({"TESTING": True}).test_client()
    body = client.post("/v1/analyze", data=SEED_PATH.read_bytes(), content_type="text/plain").get_json()
    library = to_dict(scoring.analyze(seed))
    assert library == body
    # key order too, and nothing JSON cannot hold (tuples, dataclasses)
    assert json.dumps(library) == json.dumps(body)


@pytest.mark.parametrize("offsets", ["code_points", "utf16"])
def test_markup_offsets_utf16_and_include_are_the_apis_too(offsets):
    include = ["claims", "findings"]
    body = served(HTML, "html", offsets=offsets, include=include, locale="de", min_severity="warning")
    report = scoring.analyze(HTML, format="html", options=scoring.Options(locale="de", min_severity="warning"))
    library = to_dict(report, HTML, offsets=offsets, include=tuple(include))
    assert library == body
    assert "markup_start" in library["findings"][0]


def test_utf16_offsets_of_markup_need_the_source():
    report = scoring.analyze(HTML, format="html")
    with pytest.raises(ValueError, match="pass the HTML or Markdown"):
        to_dict(report, offsets="utf16")
    # plain text counts over the report's own text
    text = "Officials said 3,000 homes were flooded 🏠. The repairs will cost $4 million."
    assert to_dict(scoring.analyze(text), offsets="utf16") == served(text, offsets="utf16")


@pytest.mark.parametrize(("kwargs", "message"), [({"offsets": "bytes"}, "offsets must be one of"), ({"include": ("everything",)}, "include takes parts")])
def test_a_wrong_argument_is_a_value_error_saying_what_it_takes(kwargs, message):
    with pytest.raises(ValueError, match=message):
        to_dict(scoring.analyze("The mayor spoke."), **kwargs)


def test_the_library_imports_no_web_framework():
    probe = (
        "import sys\n"
        "from copydesk.scoring import analyze\n"
        "from copydesk.api.reports import to_dict\n"
        "to_dict(analyze('Officials said 3,000 homes were flooded.'))\n"
        "print(' '.join(m for m in ('flask', 'werkzeug', 'gunicorn') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT, check=True)
    assert done.stdout.strip() == ""


def test_the_readme_example_runs_as_written_and_prints_what_it_says(tmp_path):
    (section,) = re.findall(r"^## The API's JSON in process\n(.*?)(?=^## )", README, re.S | re.M)
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    (shown,) = re.findall(r"prints\n\n```text\n(.*?)```", section, re.S)
    assert "from copydesk import analyze, to_dict" in code
    # run outside the repository: the installed package, not the source tree beside it
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown
