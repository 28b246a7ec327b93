"""Desk probe U's pages of two stories, each told by two outlets (tests/compare/data/
probeU), checked through `claimcheck check`: conflicts between claims tied by their pages'
one narrow topic alone (a lent topic, `compare.stories`) are reported when the pages are
of one news cycle, and not across months (`timing.topic_tied_apart`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeU"


def _errors(tmp_path: Path, case: str) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of the case's error-level findings."""
    return case_errors(tmp_path, CASES / f"{case}.txt")


@pytest.mark.parametrize(("case", "errors"), [
    # "The union had asked for an increase of 8%" / "... a rise of 10 per cent": claims
    # that name nothing of their own, lent the strike's union
    # ... and "The waiting list ... stood at 7.4 million in July" / "NHS waiting lists in
    # England reached 7.6 million in July" (counts of what their subject names)
    ("strike", {("conflict", "number", "u2:17 u2b:18"), ("conflict", "number", "u2:25 u2b:29")}),
    # "The next decision is due on 5 November" / "... will be announced on 6 November";
    # and the planted figures (no two-year / five-year mortgage rate conflict: two
    # instruments, `compare.tenors`)
    ("rates", {("conflict", "date", "u3:25 u3b:24"), ("conflict", "number", "u3:16 u3b:16"),
               ("conflict", "number", "u3:20 u3b:19"), ("conflict", "number", "u3:26 u3b:28")}),
])
def test_planted_conflicts_tied_by_a_topic(tmp_path: Path, case: str,
                                           errors: set[tuple[str, str, str]]) -> None:
    assert _errors(tmp_path, case) == errors


def test_a_topic_ties_no_pages_months_apart(tmp_path: Path) -> None:
    # the same second page, published three months later: its "6 November" is another
    # meeting's, and only what the claims name themselves still conflicts
    found = _errors(tmp_path, "rates_months_apart")
    assert ("conflict", "date", "u3:25 u3b:24") not in found
