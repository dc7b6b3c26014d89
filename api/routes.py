"""The HTTP operations: analyze an article, report health, serve the OpenAPI contract."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from flask import Blueprint, Response, request

from copydesk.scoring import findings, messages
from copydesk.scoring.claims.rules import BY_ID as CLAIMS_RULES
from copydesk.scoring.errors import InvalidOptionError

from copydesk.scoring.options import SEVERITIES

from .articles import read_article
from .errors import ApiProblem
from .limits import check_article, deadline
from .reports import analyze_body, best_locale, gzip_response, negotiated_locale

bp = Blueprint("api", __name__)

# The contract, shipped inside the package (api/openapi.yaml links to ../openapi.yaml).
OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")


@bp.post("/v1/analyze")
def analyze():
    """Analyze one article and return its report."""
    article = read_article(request)
    check_article(article.text, article.format)
    options = negotiated_locale(article.options, request.headers.get("Accept-Language"))
    return analyze_body(article.text, article.format, options, article.offsets, article.include, deadline())


@bp.after_app_request
def compress(response: Response) -> Response:
    """Gzip what the client accepts gzipped (every response of the app, see api/reports.py)."""
    return gzip_response(response, request.headers.get("Accept-Encoding"))


# LanguageTool's issue type for each category (the Localization Quality Issue Types it uses),
# so an editor integration can style copydesk's findings as it styles LanguageTool's matches.
ISSUE_TYPES = {"readability": "style", "claims": "omission", "repetition": "duplication", "figures": "inconsistency"}


@bp.get("/v1/rules")
def rules():
    """Every rule: id, category, default severity, message template, source and its examples."""
    given = request.args.get("locale")
    try:
        locale = messages.resolve_locale(given) if given is not None else _header_locale()
    except InvalidOptionError as e:
        raise ApiProblem(422, "invalid-option", "Invalid option", str(e), extensions={"errors": {"query.locale": [str(e)]}}) from None
    return {
        "locale": locale,
        "severities": [{"id": s, "name": messages.text(locale, f"severity.{s}")} for s in reversed(SEVERITIES)],
        "categories": [
            {"id": c, "name": messages.text(locale, f"category.{c}"), "issue_type": ISSUE_TYPES[c]} for c in findings.CATEGORIES
        ],
        "rules": [_rule(rule, locale) for rule in findings.RULES],
    }


def _header_locale() -> str:
    return best_locale(request.headers.get("Accept-Language", "")) or messages.DEFAULT_LOCALE


def _rule(rule: findings.Rule, locale: str) -> dict:
    """One rule as GET /v1/rules lists it."""
    if rule.severity is None:
        # attribution.* and not-claim.* rules decide claims and raise no finding: their own note, in English
        template, short, suggestion, message_id = CLAIMS_RULES[rule.id].message, None, None, None
    else:
        message_id = findings.message_id(rule.id)
        template = messages.text(locale, message_id)
        short = messages.text(locale, message_id + ".short")
        suggestion = messages.text(locale, message_id + ".suggest")
    return {
        "id": rule.id,
        "category": rule.category,
        "issue_type": ISSUE_TYPES[rule.category],
        "default_severity": rule.severity,
        "raises_findings": rule.severity is not None,
        "message_id": message_id,
        "message": template,
        "short_message": short,
        "suggestion": suggestion,
        "source": rule.source,
        "examples": {"flag": list(rule.flag), "pass": list(rule.passes)},
    }


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
