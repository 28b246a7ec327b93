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


def test_a_conflicts_copies_of_one_origin_are_labelled(report: Report) -> None:
    conflict = next(f for f in report.findings if f.kind == "conflict")
    copy = conflict.claims[1].model_copy(update={"line": 9})
    report.findings[report.findings.index(conflict)] = conflict.model_copy(
        update={"claims": [*conflict.claims, copy]})
    out = markdown.render(report)
    assert "  > same origin, also printed (evidence): " in out
    assert out.count("same origin, also printed") == 1
