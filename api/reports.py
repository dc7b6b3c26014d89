"""Turn a scoring Report into the JSON body every client gets, with offsets as the client asked."""

from __future__ import annotations

from typing import Any

import scoring

from .offsets import add_markup_offsets, to_utf16
from .schemas import ReportSchema

# Built once: marshmallow rebuilds its ~16 nested schemas on every construction (4.4 ms per
# dump against 1.0 ms shared), and dumping never mutates a schema, so threads can share it.
REPORT_SCHEMA = ReportSchema()


def report_body(report: scoring.Report, source: str, offsets: str) -> dict[str, Any]:
    """Dump `report`; add markup offsets for HTML and Markdown; count in UTF-16 when asked."""
    body: dict[str, Any] = {"offsets": offsets, **REPORT_SCHEMA.dump(report)}
    if report.source_map is not None:
        body = add_markup_offsets(body, report.source_span)
    if offsets == "utf16":
        body = to_utf16(body, report.text, source)
    return body
