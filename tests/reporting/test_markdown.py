"""report.md: what a desk reads in a pull-request comment."""

from __future__ import annotations

from checker.models.report import Report
from checker.reporting import markdown


def test_statements_of_several_documents_show_when_each_was_published(report: Report) -> None:
    """A desk probe: whether a toll grew or an outlet erred is told by the pages' dates."""
    out = markdown.render(report)
    assert "`seeds/doc-a.txt:2:1` · published 2025-03-01 · claim" in out
    # a document without a date shows none; a one-document finding needs none
    assert "published None" not in out
    term = out[out.index("**term**"):]
    assert "published" not in term[:term.index("\n- ")]
