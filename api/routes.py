"""The HTTP operations: analyze an article, report health, serve the OpenAPI contract."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from flask import Blueprint, Response, request

from .articles import read_article
from .limits import check_article, deadline
from .reports import analyze_body

bp = Blueprint("api", __name__)

# The contract, shipped inside the package (api/openapi.yaml links to ../openapi.yaml).
OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")


@bp.post("/v1/analyze")
def analyze():
    """Analyze one article and return its report."""
    article = read_article(request)
    check_article(article.text, article.format)
    return analyze_body(article.text, article.format, article.options, article.offsets, deadline())


@bp.get("/v1/health")
def health():
    """Say the service is up, and which version it runs."""
    return {"status": "ok", "version": VERSION}


@bp.get("/openapi.yaml")
def openapi():
    """Serve the OpenAPI contract this service implements."""
    return Response(OPENAPI_PATH.read_bytes(), mimetype="application/yaml")


def _version() -> str:
    try:
        return metadata.version("copydesk")
    except metadata.PackageNotFoundError:
        # running from a checkout that was never installed
        return "unknown"


# Read once: importlib.metadata parses the package's METADATA file on every call (~0.6 ms,
# two thirds of a health check's time), and the version cannot change while the process runs.
VERSION = _version()
