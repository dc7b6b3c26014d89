"""Schemathesis hooks for copydesk (SCHEMATHESIS_HOOKS=tests.e2e.schemathesis_hooks).

An NDJSON serializer (the batch endpoint takes one item per line), and a filter for the
failures that only say the contract cannot express a rule; each is named with its reason
and nothing else is dropped.
"""

from __future__ import annotations

import json

import schemathesis

RAW_TYPES = ("text/plain", "text/html", "text/markdown")
NDJSON = "application/x-ndjson"
NEGATIVE_DATA_ACCEPTED = "ST201"
POSITIVE_DATA_REJECTED = "ST202"
# Refusals a JSON Schema cannot foresee: whether a string has words, and in which language.
CONTENT_REFUSALS = frozenset({"urn:copydesk:problem:empty-text", "urn:copydesk:problem:unsupported-language"})


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    """One JSON document per line; a generated string is sent as it is."""
    if isinstance(value, (bytes, str)):
        return value.encode() if isinstance(value, str) else value
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item) + "\n" for item in items).encode()


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    """Keep every failure except the four kinds the contract cannot rule out (see the module docstring)."""
    media = (case.media_type or "").split(";")[0]
    if failure.code == NEGATIVE_DATA_ACCEPTED and media in RAW_TYPES:
        # a raw body is the article itself: whatever value was generated arrives as text, which is a valid article
        return False
    if failure.code == POSITIVE_DATA_REJECTED and response.status_code == 422 and _problem_type(response) in CONTENT_REFUSALS:
        # a schema-valid string with no words (or in no language we read): 422 is the documented answer
        return False
    if failure.code == POSITIVE_DATA_REJECTED and media == NDJSON and response.status_code in (400, 422):
        # the contract can only call an NDJSON body a string; its lines must be items, which no schema says
        return False
    if failure.code == NEGATIVE_DATA_ACCEPTED and case.path == "/v1/analyze/batch" and response.status_code == 200:
        # a batch answers each item on its own: the invalid item is refused inside a 200 (documented)
        return _failed_items(response) == 0
    return True


def _problem_type(response) -> str | None:
    try:
        return json.loads(response.content).get("type")
    except (ValueError, AttributeError):
        return None


def _failed_items(response) -> int:
    # schemathesis keeps headers lower-cased, each a list of values
    content_type = (response.headers.get("content-type") or [""])[0]
    if content_type.startswith(NDJSON):
        lines = [json.loads(line) for line in response.content.splitlines() if line.strip()]
        return sum(1 for line in lines if "problem" in line)
    return int(json.loads(response.content).get("failed", 0))
