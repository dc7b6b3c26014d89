"""Findings over real HTTP: gunicorn on 127.0.0.1, gzip on the wire, German messages, the rules listing."""

from __future__ import annotations

import gzip
import json

import pytest
import requests

from tests.conftest import SEED_PATH
from tests.e2e.live import REQUEST_TIMEOUT, gunicorn

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with gunicorn(tmp_path_factory.mktemp("gunicorn") / "server.log", WORKERS="1") as (url, _proc):
        yield url


def test_a_gzipped_german_report_of_findings_only(base):
    seed = SEED_PATH.read_bytes()
    response = requests.post(
        f"{base}/v1/analyze?include=findings&min_severity=warning",
        data=seed,
        headers={"Content-Type": "text/plain", "Accept-Encoding": "gzip", "Accept-Language": "de-CH, de;q=0.9, en;q=0.5"},
        timeout=REQUEST_TIMEOUT,
        stream=True,
    )
    raw = response.raw.read(decode_content=False)  # the bytes on the wire
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    report = json.loads(gzip.decompress(raw))
    assert set(report) == {"offsets", "format", "language", "paragraphs", "findings"}
    assert {f["severity"] for f in report["findings"]} == {"error", "warning"}
    assert "Vage Quelle" in {f["short_message"] for f in report["findings"]}
    assert len(raw) < 4000


def test_the_rules_listing(base):
    response = requests.get(f"{base}/v1/rules", timeout=REQUEST_TIMEOUT)
    assert response.status_code == 200
    assert "readability.passive-voice" in {r["id"] for r in response.json()["rules"]}
