"""What an adversarial review of the forty-seventh session's changes found them getting
wrong, and right, each case pages as desks meet them (tests/compare/data/review47: `===
<name> <published> <publisher>`, then the page), checked through `claimcheck check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_findings

CASES = Path(__file__).resolve().parent / "data" / "review47"


def _errors(tmp_path: Path, case: str) -> list[tuple[str, str | None]]:
    return sorted((f.kind, f.reason) for f in case_findings(tmp_path, CASES / f"{case}.txt")
                  if f.kind == "conflict" and f.severity == "error")


@pytest.mark.parametrize("case", [
    # two stories of one day on one city or one politician, tied by the page topic alone
    # ("More than 30 people were arrested" at a protest / "Twelve people were arrested"
    # before a derby; "The plan will cost £2bn" / "£5bn"): pages of two stories
    "t1_london_arrests", "t5_person_two_stories", "t12_manchester_incidents",
    # a mortgage rate in a claim that names interest rates is rounded as news rounds it
    "r2_mortgage_rounding",
    # shares risen over two periods since two starts
    "s4_since_shares_periods",
    # places reached by moves in opposite directions, a day apart: two readings
    "o2_table_moves",
])
def test_no_error(tmp_path: Path, case: str) -> None:
    assert _errors(tmp_path, case) == []


@pytest.mark.parametrize(("case", "reason"), [
    ("t15_short_one_story", "number"),   # short pages of one strike, tied by their topic
    ("o3_ranking_true", "number"),       # "dropping to 53rd" / "fell to 57th"
    ("r3_rate_true", "number"),          # a deposit rate of 2% / 2.25%
    ("q2_sequence_true", "number"),      # the fourth / third coach sacked this season
])
def test_conflict_found(tmp_path: Path, case: str, reason: str) -> None:
    assert ("conflict", reason) in _errors(tmp_path, case)
