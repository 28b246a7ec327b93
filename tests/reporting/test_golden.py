"""Golden files: every format rendered from the sample report, compared byte for byte.

After an intended change, regenerate with `UPDATE_GOLDEN=1 pytest tests/reporting` and read
the diff before committing it: a golden is only worth what its review was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.models.report import Report
from checker.reporting import github, html, sarif, text

from .sample import GOLDEN, TEXTS

RENDERERS: dict[str, Callable[[Report], str]] = {
    "report.sarif": sarif.render,
    "annotations.txt": github.render,
    "report.txt": text.render,
    "report.html": html.render,
    "report-sources.html": lambda r: html.render_with_sources(r, TEXTS),
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_matches_golden(name: str, report: Report) -> None:
    rendered = RENDERERS[name](report).encode("utf-8")
    path: Path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(rendered)
    assert path.exists(), f"missing golden {path}; run with UPDATE_GOLDEN=1 and review it"
    assert rendered == path.read_bytes(), f"{name} differs from its golden file"


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_byte_stable(name: str, report: Report) -> None:
    first = RENDERERS[name](report)
    again = RENDERERS[name](Report.model_validate_json(report.model_dump_json()))
    assert first == RENDERERS[name](report) == again
    assert first.endswith("\n")
