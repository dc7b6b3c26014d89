"""GET /v1/health and GET /openapi.yaml."""

from __future__ import annotations

import yaml

from tests.conftest import SPEC_PATH


def test_health_says_ok(client):
    response = client.get("/v1/health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_the_served_contract_is_the_file_in_the_repository(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert response.data == SPEC_PATH.read_bytes()
    assert yaml.safe_load(response.data)["openapi"].startswith("3.1")
