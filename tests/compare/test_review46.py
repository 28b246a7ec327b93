"""What an adversarial review of the forty-sixth session's changes found them getting
wrong, each case pages as desks meet them (tests/compare/data/review46: `=== <name>
<published> <publisher>`, then the page), checked through `claimcheck check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_findings

CASES = Path(__file__).resolve().parent / "data" / "review46"


def _conflicts(tmp_path: Path, case: str) -> list[tuple[str, str | None, str]]:
    return sorted((f.kind, f.reason, f.severity.value)
                  for f in case_findings(tmp_path, CASES / f"{case}.txt")
                  if f.kind == "conflict")


@pytest.mark.parametrize("case", [
    # two quakes in Japan months apart, two bus crashes in India on one day: one agreeing
    # figure ("magnitude 6.1", "carrying 50 passengers") and a lent topic tied them
    "c4_quakes", "c4_bus2",
])
def test_no_conflict(tmp_path: Path, case: str) -> None:
    assert _conflicts(tmp_path, case) == []


@pytest.mark.parametrize(("case", "reason"), [
    # "Two Britons were among the dead" / "Three Britons were killed": a count, no part
    ("c2_among", "number"), ("c2_among2", "number"),
    # one sentence, figures a hundredfold apart: a conflict, no whole and part
    ("c5_scale", "number"), ("c5_scale2", "number"), ("c5_scale3", "number"),
    # "a fee of £51m" / "The winger's £60m fee": the one word in common is the sum
    ("c3_thin5", "number"),
    # "Schools will not be closed on Friday" / "Schools in Belfast will be closed on
    # Friday": two pages' topics differ, the day is one
    ("c1_schools2", "polarity"),
])
def test_conflict_kept(tmp_path: Path, case: str, reason: str) -> None:
    assert ("conflict", reason, "error") in _conflicts(tmp_path, case)
