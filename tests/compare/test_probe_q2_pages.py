"""Desk probe Q2's four stories, each told by two outlets (tests/compare/data/probeQ2),
checked through `claimcheck check`: the error-level findings are planted conflicts, and
none of the traps or other pairs of the pages (/tmp/probeQ2/plants.md lists them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeQ2"


def _errors(tmp_path: Path, case: str) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of the case's error-level findings."""
    return case_errors(tmp_path, CASES / f"{case}.txt")


@pytest.mark.parametrize(("case", "errors"), [
    # not the age ranges "between 50 and 79" / "55 to 79" (groups, `parts.groups_apart`),
    # the confidence intervals, the side effects' 4% / 7% (related through the lent topic
    # only: "veratinib" is no name) nor the polarity pair (not extracted)
    ("trial", {("conflict", "date", "q1:23 q1b:23"), ("conflict", "number", "q1:26 q1b:26")}),
    # the announcement's time (7am / 8 a.m.) was no time, and the pair corroborated
    ("merger", {("conflict", "number", "q2:14 q2b:14"), ("conflict", "number", "q2:16 q2b:16"),
                ("conflict", "number", "q2:21 q2b:21"), ("conflict", "number", "q2:26 q2b:26"),
                # the board recommended / did not (the plain side was no claim before "past")
                ("conflict", "polarity", "q2:19 q2b:19")}),
    # the crash's time: "The crash" stood for Austria on one page and the railway on the other
    ("derailment", {("conflict", "number", "q3:14 q3b:14"), ("conflict", "number", "q3:15 q3b:15"),
                    ("conflict", "number", "q3:17 q3b:17"), ("conflict", "date", "q3:20 q3b:20"),
                    ("conflict", "date", "q3:27 q3b:27"), ("conflict", "number", "q3:28 q3b:28")}),
    # the economists' forecasts: "had forecast" was read as a plan (the deficit's 4.8 / 4.3
    # per cent of GDP is found among the eight pages, not among these two, where GDP is in
    # most claims and so anchors nothing)
    ("borrowing", {("conflict", "number", "q4:13 q4b:13"), ("conflict", "number", "q4:16 q4b:16"),
                   ("conflict", "antonym", "q4:22 q4b:22"),
                   ("conflict", "date", "q4:25 q4b:25"), ("conflict", "number", "q4:27 q4b:27")}),
])
def test_probe_q2_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert _errors(tmp_path, case) == errors
