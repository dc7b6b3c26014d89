"""The README's batch examples, run as written against gunicorn (only the port differs)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from tests.e2e.live import REQUEST_TIMEOUT
from tests.e2e.test_server import server  # noqa: F401  (the gunicorn fixture)
from tests.test_cli import commands, readme_blocks

pytestmark = pytest.mark.e2e

README_ADDRESS = "http://127.0.0.1:8000"


def run_example(block: str, base: str) -> str:
    (command,) = commands(block)
    assert README_ADDRESS in command
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(README_ADDRESS, base)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=REQUEST_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    return result.stdout


def test_the_readme_batch_examples_run_as_written(server):  # noqa: F811
    if shutil.which("curl") is None:
        pytest.skip("the README's examples use curl: apt-get install -y curl (.ci/run does)")
    json_block, ndjson_block = readme_blocks("### Batches")

    answer = json.loads(run_example(json_block, server["base"]))
    assert [(item["id"], item["status"]) for item in answer["items"]] == [("flood", 200), ("empty", 422)]
    assert answer["items"][1]["problem"]["type"] == "urn:copydesk:problem:empty-text"
    assert (answer["succeeded"], answer["failed"]) == (1, 1)

    lines = [json.loads(line) for line in run_example(ndjson_block, server["base"]).splitlines()]
    seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
    assert [line["id"] for line in lines] == seeds
    assert all(line["status"] == 200 and line["report"]["claims"] for line in lines)
