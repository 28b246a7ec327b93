"""Desk probe X's four stories, each told by two outlets (tests/compare/data/probeX),
checked through `claimcheck check`: the error-level findings are the planted conflicts,
and none of the traps or other pairs of the pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeX"


def _errors(tmp_path: Path, case: str) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of the case's error-level findings."""
    return case_errors(tmp_path, CASES / f"{case}.txt")


@pytest.mark.parametrize(("case", "errors"), [
    ("ferry", {("conflict", "date", "x1:22 x1b:22"), ("conflict", "number", "x1:16 x1b:16"),
               ("conflict", "number", "x1:18 x1b:18"), ("conflict", "polarity", "x1:20 x1b:20")}),
    ("results", {("conflict", "number", "x2:13 x2b:13"), ("conflict", "number", "x2:15 x2b:15"),
                 ("conflict", "number", "x2:17 x2b:17"), ("conflict", "number", "x2:26 x2b:26"),
                 ("conflict", "polarity", "x2:19 x2b:19")}),
    # not "Kiptoo did not break the course record" against "The course record of 2:04:06
    # was set in 2021", lent Kiptoo (a conflict and a self-contradiction); Chebet's age
    # closing a sentence ("Joyce Chebet, 38.") is an age
    ("marathon", {("conflict", "number", "x3:13 x3b:13"), ("conflict", "number", "x3:15 x3b:15"),
                  ("conflict", "number", "x3:17 x3b:17"),
                  # broke / did not break the course record (a claim by "past")
                  ("conflict", "polarity", "x3:21 x3b:21")}),
    ("measles", {("conflict", "date", "x4:15 x4b:15"), ("conflict", "number", "x4:19 x4b:19"),
                 ("conflict", "polarity", "x4:20 x4b:20")}),
])
def test_probe_x_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert _errors(tmp_path, case) == errors


def test_a_denial_of_another_verb_is_no_conflict(tmp_path: Path) -> None:
    # "Kiptoo did not break the course record" / "The course record of 2:04:06 was set in
    # 2021", lent Kiptoo as its page's topic: "break" / "set" (was a polarity conflict, and
    # a self-contradiction with the page's own "The course record, set in 2021, is 2:04:06")
    found = _errors(tmp_path, "marathon")
    assert ("conflict", "polarity", "x3:21 x3b:14") not in found
    assert ("self-contradiction", "polarity", "x3:14 x3:21") not in found
