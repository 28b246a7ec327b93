"""The terminal's summary lines."""

from __future__ import annotations

from checker.terminal import summary
from tests.reporting.sample import build_report


def test_the_summary_counts_what_report_md_counts() -> None:
    """A self-contradiction is no "1 conflicts" (an editor probe saw it in the reports;
    the terminal said it too), and one of a thing is singular."""
    report = build_report()
    kinds = [f.kind for f in report.findings if f.suppressed is None]
    line = summary(report, "reports/").plain
    assert f"({kinds.count('conflict')} conflict" in line
    if "self-contradiction" in kinds:
        assert "self-contradiction" in line
    assert "1 conflicts" not in line and "1 rule violations" not in line
    assert "1 documents" not in line and "1 claims" not in line
    assert "1 input errors" not in line
