"""`report.json`: the contract other tools rely on (schema: checker/schemas/report.schema.json)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.models.report import Report
from checker.reporting.jsontext import dump_model, floats_in


def render(report: Report) -> str:
    """Stable JSON: model key order, two-space indent, UTF-8 kept, trailing newline."""
    return dump_model(report, _floats(report)) + "\n"


def _floats(report: Report) -> Iterator[float]:
    # A finding's confidence is the report's one float field, and its details the one field
    # of any type (tests/reporting/test_jsontext.py).
    for f in report.findings:
        yield f.confidence
        yield from floats_in(f.details)
