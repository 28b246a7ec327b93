"""`report.json`: the contract other tools rely on (schema: checker/schemas/report.schema.json)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.models.report import Report
from checker.reporting.jsontext import dump_model, dump_model_bytes, floats_in


def render(report: Report) -> str:
    """Stable JSON: model key order, two-space indent, UTF-8 kept, trailing newline."""
    return dump_model(report, _floats(report)) + "\n"


def render_bytes(report: Report) -> bytes:
    """`render`, UTF-8 encoded: what is written, with no str of 41 MB (10,000 documents)
    made between."""
    return dump_model_bytes(report, _floats(report)) + b"\n"


def _floats(report: Report) -> Iterator[float]:
    # A finding's confidence is the report's one float field, and its details the one field
    # of any type (tests/reporting/test_jsontext.py).
    for f in report.findings:
        yield f.confidence
        yield from floats_in(f.details)
