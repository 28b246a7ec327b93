"""`report.json`: the contract other tools rely on (schema: checker/schemas/report.schema.json)."""

from __future__ import annotations

import json

from checker.models.report import Report


def render(report: Report) -> str:
    """Stable JSON: model key order, two-space indent, UTF-8 kept, trailing newline."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
