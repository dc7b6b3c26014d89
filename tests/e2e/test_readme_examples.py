"""The README's single-article examples, run as written against gunicorn (only the port differs), so they cannot drift."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from copydesk.api import create_app
from tests.conftest import ROOT, SEED_PATH
from tests.e2e.live import REQUEST_TIMEOUT, gunicorn
from tests.test_cli import README, commands, readme_blocks

pytestmark = pytest.mark.e2e

README_ADDRESS = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with the shipped config and default limits (the README's 413 example depends on them)."""
    if shutil.which("curl") is None:
        pytest.skip("the README's examples use curl: apt-get install -y curl (.ci/run does)")
    with gunicorn(tmp_path_factory.mktemp("gunicorn") / "server.log", WORKERS="2") as (base, _proc):
        yield base


def curl(command: str, base: str) -> tuple[int, dict]:
    """Run a README curl command (made to print the status after the body) and read its status and JSON body."""
    assert README_ADDRESS in command
    command = command.replace(README_ADDRESS, base).replace("curl -i ", "curl ")
    command = command.replace("curl ", "curl -sS -w '\\n%{http_code}' ", 1)
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=REQUEST_TIMEOUT, check=False
    )
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    body, _, status = result.stdout.rpartition("\n")
    return int(status), json.loads(body) if body.strip() else {}


def test_the_sending_examples_answer_what_the_readme_says(server):
    raw, as_json = readme_blocks("### Sending an article")
    plain, html, markdown = commands(raw)
    status, report = curl(plain, server)
    assert status == 200 and report["text"] == SEED_PATH.read_text(encoding="utf-8")

    status, report = curl(html, server)
    assert status == 200 and report["format"] == "html"
    assert [(c["status"], c["source"]) for c in report["claims"]["items"]] == [("attributed", "council")]

    # the comment above it says what the sentence is: a prediction credited to "experts", a vague claim
    assert '# Markdown (CommonMark): a prediction credited to "experts" is a vague claim' in raw
    status, report = curl(markdown, server)
    assert status == 200 and report["format"] == "markdown"
    assert [c["status"] for c in report["claims"]["items"]] == ["vague"]

    # one command, its JSON running over two lines inside the quotes
    status, report = curl(as_json.strip(), server)
    assert status == 200 and report["read_time"]["words_per_minute"] == 250


def test_the_error_examples_get_the_status_in_their_comment(server):
    (block,) = readme_blocks("### Errors")
    expected: list[int] = []
    checked = 0
    for line in block.splitlines():
        comment = re.match(r"# ((?:\d{3}(?: and )?)+)", line)
        if comment:
            expected = [int(code) for code in re.findall(r"\d{3}", comment.group(1))]
        elif line.strip():
            status, problem = curl(line.strip(), server)
            assert status == expected.pop(0), line
            assert problem["status"] == status and problem["type"] and problem["detail"]
            checked += 1
    assert checked == 7


def test_the_report_outline_matches_the_seeds_report():
    (outline,) = re.findall(r"### The report\n\n```text\n(.*?)```", README, re.S)
    report = create_app({"TESTING": True}).test_client().post(
        "/v1/analyze", data=SEED_PATH.read_bytes(), content_type="text/plain"
    ).get_json()
    # every top-level field, in order, and the seed's paragraph count as written
    assert re.findall(r'^  "(\w+)":', outline, re.M) == list(report)
    assert f'"paragraphs": {report["paragraphs"]},' in outline
    assert f'"format": "{report["format"]}",' in outline

