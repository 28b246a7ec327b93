"""Reports show what editors decided: each decided finding with its decision, and the
run's notes (decisions re-opened or resolved)."""

from __future__ import annotations

from checker.models.report import Report
from checker.reporting import html, markdown

DECISION = {"decision": "confirmed", "status": "reopened", "author": "Ann <b>",
            "decided_at": "2026-11-01T10:00:00Z", "note": "checked with the wire",
            "why": "the statements changed since it was decided (2026-11-01)"}


def _decided(report: Report) -> Report:
    first = report.findings[0]
    decided = first.model_copy(update={"details": {**first.details, "decision": DECISION}})
    return report.model_copy(update={
        "findings": [decided, *report.findings[1:]],
        "notes": ["decision on abc re-opened: the statements changed",
                  "decision on def resolved: its finding no longer occurs"]})


def test_markdown_shows_the_decision_and_the_run_notes(report: Report) -> None:
    text = markdown.render(_decided(report))
    assert ("  - review: confirmed by Ann &lt;b&gt; on 2026-11-01 · “checked with the wire” · "
            "**re-opened**: the statements changed since it was decided (2026-11-01)") in text
    assert "<summary>Run notes (2)</summary>" in text
    assert "- decision on def resolved: its finding no longer occurs" in text
    assert "Run notes" not in markdown.render(report.model_copy(update={"notes": []}))


def test_html_shows_the_decision_escaped(report: Report) -> None:
    page = html.render(_decided(report))
    assert '<p class="review review-reopened">Review: confirmed by <bdi>Ann &lt;b&gt;</bdi> on ' \
           "2026-11-01 · “<bdi>checked with the wire</bdi>” · <strong>re-opened</strong>: the " \
           "statements changed since it was decided (2026-11-01)</p>" in page
    assert "Ann <b>" not in page


def test_a_decision_without_note_or_author_renders(report: Report) -> None:
    """The review app saves a decision with no note (keys c/f/x/s); the page must still
    render it (an editor's probe: every later `check` with html exited 3)."""
    bare = {"decision": "confirmed", "status": "decided", "decided_at": "2026-12-02T09:44:36Z"}
    first = report.findings[0]
    decided = report.model_copy(update={"findings": [
        first.model_copy(update={"details": {**first.details, "decision": bare}}),
        *report.findings[1:]]})
    assert '<p class="review review-decided">Review: confirmed on 2026-12-02</p>' \
        in html.render(decided)
    assert "  - review: confirmed on 2026-12-02" in markdown.render(decided)


def test_markdown_neither_pings_nor_links_issues() -> None:
    """A quoted "@desk" or "#12" in a pull-request comment would notify a user or link an
    issue (a CI/review probe)."""
    text = markdown.escape("Ask @desk about #12; mail x@y.com; C# stays")
    assert "@desk" not in text and "#12" not in text and "@&#8203;desk" in text
    assert "#&#8203;12" in text and "C# stays" in text
