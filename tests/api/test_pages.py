"""The demo page, the docs page and their files: served from the package, nothing from elsewhere."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, SEED_PATH

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""")


@pytest.mark.parametrize(
    ("path", "mimetype"),
    [
        ("/", "text/html"),
        ("/demo/demo.css", "text/css"),
        ("/demo/demo.js", "text/javascript"),
        ("/demo/favicon.svg", "image/svg+xml"),
        ("/demo/seed.txt", "text/plain"),
        ("/docs", "text/html"),
        ("/docs/docs.js", "text/javascript"),
        ("/docs/swagger-ui.css", "text/css"),
        ("/docs/swagger-ui-bundle.js", "text/javascript"),
    ],
)
def test_each_file_is_served_with_its_type(client, path, mimetype):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.data


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_load_nothing_from_elsewhere_and_nothing_inline(client, path):
    html = client.get(path).get_data(as_text=True)
    assert not EXTERNAL.search(html)
    assert "<style" not in html and "style=" not in html
    # every script is a file of the service (the CSP allows no inline script)
    assert re.findall(r"<script[^>]*>([^<]*)</script>", html) and all(
        body.strip() == "" for body in re.findall(r"<script[^>]*>([^<]*)</script>", html)
    )


def test_the_demo_script_never_writes_html():
    script = (ROOT / "api" / "demo" / "demo.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_the_demo_seed_is_the_projects_seed(client):
    assert client.get("/demo/seed.txt").get_data(as_text=True) == SEED_PATH.read_text(encoding="utf-8")


def test_the_docs_page_relaxes_the_policy_only_for_data_images(client):
    from copydesk.api.security import CONTENT_SECURITY_POLICY

    policy = client.get("/docs").headers["Content-Security-Policy"]
    assert policy.replace(" data:", "") == CONTENT_SECURITY_POLICY
    assert client.get("/").headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
