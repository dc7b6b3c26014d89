"""API keys, CORS and security headers, all off or strict by default.

Settings (environment, `COPYDESK_` prefix):

- API_KEYS: sha256 hex digests of the accepted keys, comma-separated (or a JSON list).
- API_KEYS_FILE: a file of such digests, one a line (`#` starts a comment).
  With either set, every operation except `GET /v1/health` and the pages a browser loads
  (the demo page, `/docs` and the contract they read: static files that hold no data)
  needs a key, sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`; without, the
  service is open. A file or list that holds no digest refuses to start, so a keys file
  emptied by mistake never opens the service. Make a digest with `printf %s "$KEY" | sha256sum`.
- CORS_ORIGINS: origins allowed to call from a browser (`https://cms.example.org`),
  comma-separated or a JSON list; none by default, so browsers on other sites are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from pathlib import Path

from flask import Flask, Response, current_app, request

from .errors import ApiProblem

# Operations anyone may call: load balancers and the container's HEALTHCHECK hold no key;
# a browser loading the demo page or /docs cannot send one either (the pages then take the
# key in a field and send it with each call). These are the service's static files and its
# published contract: nothing in them depends on a request or a key.
OPEN_ENDPOINTS = frozenset({
    "api.health",
    "api.openapi",
    "docs.page", "docs.start_script", "docs.stylesheet", "docs.bundle",
    "demo.index", "demo.stylesheet", "demo.script", "demo.seed", "demo.icon",
})
API_KEY_HEADER = "X-API-Key"
BEARER = "bearer"
REALM = 'Bearer realm="copydesk"'
SHA256_HEX_LENGTH = 64
HEX_DIGITS = frozenset("0123456789abcdef")

# A JSON API and a demo page that loads its own script and stylesheet: nothing inline,
# nothing from elsewhere, no framing (the demo's author keeps to 'self').
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_SECURITY_HEADER_ITEMS = tuple((name.lower(), name, value) for name, value in SECURITY_HEADERS.items())
# What a browser may send and read across origins.
CORS_ALLOW_METHODS = "GET, POST, OPTIONS"
CORS_ALLOW_HEADERS = "Content-Type, Authorization, X-API-Key, X-Request-ID"
CORS_EXPOSE_HEADERS = "X-Request-ID, WWW-Authenticate, Accept-Post"
# Browsers cache a preflight answer this many seconds (Chromium caps at 7200).
CORS_MAX_AGE = "600"


def init_app(app: Flask) -> None:
    """Read the keys and origins once at start-up and install the checks."""
    app.config["API_KEY_DIGESTS"] = key_digests(app.config.get("API_KEYS"), app.config.get("API_KEYS_FILE"))
    app.config["CORS_ORIGINS"] = frozenset(_list(app.config.get("CORS_ORIGINS")))
    app.before_request(_preflight_and_key)
    app.after_request(_headers)


def key_digests(keys: object, keys_file: object) -> tuple[str, ...]:
    """The configured sha256 digests, lower-cased; raise ValueError on anything else, so a typo never opens the service."""
    given = _list(keys)
    if keys not in (None, "") and not given:
        raise ValueError("COPYDESK_API_KEYS is set but holds no digest; unset it to run the service open")
    digests = list(given)
    if keys_file:
        try:
            lines = Path(str(keys_file)).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise ValueError(f"COPYDESK_API_KEYS_FILE={str(keys_file)!r} cannot be read: {e}") from None
        in_file = [line.split("#", 1)[0].strip() for line in lines]
        if not any(in_file):
            # only comments and blank lines: the operator meant keys, so never start open
            raise ValueError(
                f"COPYDESK_API_KEYS_FILE={str(keys_file)!r} holds no digest (only comments or blank lines); "
                "add one a line, or unset the variable to run the service open"
            )
        digests += in_file
    out = []
    for digest in (d.strip().lower() for d in digests):
        if not digest:
            continue
        if len(digest) != SHA256_HEX_LENGTH or not set(digest) <= HEX_DIGITS:
            raise ValueError("COPYDESK_API_KEYS holds sha256 hex digests of the keys (64 hex digits), not the keys themselves")
        out.append(digest)
    return tuple(out)


def digest(key: str) -> str:
    """The sha256 hex digest a key is stored as."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def key_matches(key: str, digests: Iterable[str]) -> bool:
    """Whether the key's digest is one of `digests`, compared in constant time against every one."""
    given = digest(key).encode("ascii")
    found = False
    for stored in digests:
        # no early exit: the time taken does not say which digest (if any) matched
        found |= hmac.compare_digest(given, stored.encode("ascii"))
    return found


def presented_key() -> str | None:
    """The key the request carries, from `Authorization: Bearer` or `X-API-Key`."""
    authorization = request.headers.get("Authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == BEARER and credentials.strip():
        return credentials.strip()
    key = request.headers.get(API_KEY_HEADER, "").strip()
    return key or None


def _preflight_and_key() -> Response | None:
    if request.method == "OPTIONS" and request.headers.get("Origin") and request.headers.get("Access-Control-Request-Method"):
        # a CORS preflight carries no credentials by design; it only learns what is allowed
        return _preflight()
    digests = current_app.config["API_KEY_DIGESTS"]
    if not digests or request.endpoint in OPEN_ENDPOINTS:
        return None
    key = presented_key()
    if key is None:
        raise _unauthorized("This server needs an API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.")
    if not key_matches(key, digests):
        # never echo the key: it may be a real key for another service
        raise _unauthorized("The API key is not one this server accepts; check it with whoever runs the service.")
    return None


def _preflight() -> Response:
    origin = request.headers["Origin"]
    if origin not in current_app.config["CORS_ORIGINS"]:
        raise ApiProblem(
            403,
            "origin-not-allowed",
            "Origin not allowed",
            f"Browsers on {origin} may not call this service; its operator can add the origin to COPYDESK_CORS_ORIGINS.",
        )
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = CORS_ALLOW_METHODS
    response.headers["Access-Control-Allow-Headers"] = CORS_ALLOW_HEADERS
    response.headers["Access-Control-Max-Age"] = CORS_MAX_AGE
    return response


def _unauthorized(detail: str) -> ApiProblem:
    return ApiProblem(401, "unauthorized", "Unauthorized", detail, headers={"WWW-Authenticate": REALM})


def _headers(response: Response) -> Response:
    # setdefault for each, with one pass over the response's headers: werkzeug's setdefault scans
    # them all (lower-casing each name) once per call
    present = {key.lower() for key in response.headers.keys()}
    for lower, name, value in _SECURITY_HEADER_ITEMS:
        if lower not in present:
            response.headers.add(name, value)
    origin = request.headers.get("Origin")
    if origin and origin in current_app.config["CORS_ORIGINS"]:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSE_HEADERS
    # the answer depends on Origin whenever CORS is configured: caches must not mix them up
    if current_app.config["CORS_ORIGINS"]:
        response.vary.add("Origin")
    return response


def _list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            value = json.loads(text)
        else:
            return [v.strip() for v in text.replace("\n", ",").split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    raise ValueError(f"expected a comma-separated list, got {value!r}")
