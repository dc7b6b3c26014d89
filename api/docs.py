"""The API documentation page at `/docs`: Swagger UI 5 (it reads OpenAPI 3.1) from the swagger-ui-bundle-v2 package, no CDN."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response

bp = Blueprint("docs", __name__)

# The page and its start-up script are ours; Swagger UI's files come from the package.
# The script is a file, not inline, so a strict Content-Security-Policy holds.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>copydesk API</title>
<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs/swagger-ui.css">
<script src="/docs/swagger-ui-bundle.js" defer></script>
<script src="/docs/docs.js" defer></script>
</head>
<body>
<div id="swagger-ui"></div>
</body>
</html>
"""
# The service's strict policy (api/security.py) with one exception: Swagger UI's stylesheet
# draws its icons as data: SVG images. Scripts and styles still come from the service only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
START_SCRIPT = """"use strict";
// Render the service's own contract; nothing is fetched from anywhere else.
window.addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.yaml", dom_id: "#swagger-ui", deepLinking: true });
});
"""


def _bundle_file(name: str) -> bytes:
    # imported here: only this page needs the package, and it is a few megabytes of assets
    from swagger_ui_bundle import swagger_ui_path

    return (Path(swagger_ui_path) / name).read_bytes()


@bp.get("/docs")
def page():
    """The documentation page."""
    return Response(PAGE, mimetype="text/html", headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


@bp.get("/docs/docs.js")
def start_script():
    """The script that points Swagger UI at /openapi.yaml."""
    return Response(START_SCRIPT, mimetype="text/javascript")


@bp.get("/docs/swagger-ui.css")
def stylesheet():
    """Swagger UI's stylesheet, from swagger-ui-bundle-v2."""
    return Response(_bundle_file("swagger-ui.css"), mimetype="text/css")


@bp.get("/docs/swagger-ui-bundle.js")
def bundle():
    """Swagger UI's script, from swagger-ui-bundle-v2."""
    return Response(_bundle_file("swagger-ui-bundle.js"), mimetype="text/javascript")
