"""The demo page at `/`: static HTML, CSS and a small script (no inline code, so a strict CSP holds)."""

from __future__ import annotations

from importlib import resources

from flask import Blueprint, Response

bp = Blueprint("demo", __name__)

# Each asset and its type: a fixed list, so nothing else in the package can be fetched.
ASSETS = {
    "index.html": "text/html",
    "demo.css": "text/css",
    "demo.js": "text/javascript",
    "seed.txt": "text/plain",
    "favicon.svg": "image/svg+xml",
}


def _asset(name: str) -> Response:
    data = resources.files(__package__).joinpath(name).read_bytes()
    response = Response(data, mimetype=ASSETS[name])
    if ASSETS[name].startswith("text/") or name.endswith(".svg"):
        response.charset = "utf-8"
    return response


@bp.get("/")
def index():
    """The demo page."""
    return _asset("index.html")


@bp.get("/demo/demo.css")
def stylesheet():
    """The demo page's stylesheet."""
    return _asset("demo.css")


@bp.get("/demo/demo.js")
def script():
    """The demo page's script."""
    return _asset("demo.js")


@bp.get("/demo/seed.txt")
def seed():
    """The sample story the page offers (a copy of seeds/000_af487410b511baf4.txt)."""
    return _asset("seed.txt")


@bp.get("/demo/favicon.svg")
def icon():
    """The page's icon (so browsers do not ask for a missing /favicon.ico)."""
    return _asset("favicon.svg")
