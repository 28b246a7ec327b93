"""Desk probe Q3's four stories, each told by two outlets (tests/compare/data/probeQ3),
checked through `claimcheck check`: the error-level findings are planted conflicts (and the
rule violation of the planted false claim that China is an ISS partner), none of the traps
or other pairs of the pages (/tmp/probeQ3/plants.md lists them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeQ3"


@pytest.mark.parametrize(("case", "errors"), [
    # not "Pakistan is not a member of the ILRS" against the programme's 17 members (a
    # polarity conflict, and a self-contradiction on the US page); the sample masses, the
    # partner counts, the ranking and the laboratory's city are lost (claims of one page
    # named, the other's lent the page's topic; "Guanghan-1" / "Guang Han 1" are two names)
    ("lunar", {("conflict", "polarity", "qc1:19 qc1b:19"),
               ("conflict", "polarity", "qc1:21 qc1b:21"),
               ("conflict", "number", "qc1:22 qc1b:22"),
               ("rule-violation", "polarity", "qc1b:21")}),
    ("fine", {("conflict", "number", "qc2:14 qc2b:14"), ("conflict", "date", "qc2:16 qc2b:16"),
              ("conflict", "number", "qc2:20 qc2b:20"), ("conflict", "number", "qc2:23 qc2b:23"),
              ("conflict", "number", "qc2:25 qc2b:25"),
              # ordered / not ordered to change its rules (the plain side a claim by "past")
              ("conflict", "polarity", "qc2:19 qc2b:19")}),
    # "the second most active volcano" ranked nothing, and the pair corroborated; the time
    # and the ash column are found among the eight pages, not among these two, where Mount
    # Seruni is in most claims and so anchors nothing
    ("eruption", {("conflict", "number", "qc3:24 qc3b:24"),
                  ("conflict", "date", "qc3:26 qc3b:26")}),
    # not the target (92 per cent) against the month's outturns (59.8 per cent, 189,500
    # patients, 67.1 per cent)
    ("waiting", {("conflict", "number", "qc4:17 qc4b:17"),
                 ("conflict", "polarity", "qc4:20 qc4b:20"),
                 ("conflict", "number", "qc4:27 qc4b:27")}),
])
def test_probe_q3_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert case_errors(tmp_path, CASES / f"{case}.txt") == errors
