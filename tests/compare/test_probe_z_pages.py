"""Desk probe Z's four stories, each told by two outlets (tests/compare/data/probeZ),
checked through `claimcheck check`: the error-level findings are planted conflicts, and
none of the restatements or traps (each story alone: a name on every claim of two pages
anchors less than among the desk corpus, so some planted conflicts are found only there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeZ"


def _errors(tmp_path: Path, case: str) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of the case's error-level findings."""
    return case_errors(tmp_path, CASES / f"{case}.txt")


@pytest.mark.parametrize(("case", "errors"), [
    # C1.2-C1.6 (contract, goals, statement, medical day, announcement time)
    ("transfer", {("conflict", "date", "z1:21 z1b:21"), ("conflict", "number", "z1:16 z1b:16"),
                  ("conflict", "number", "z1:18 z1b:18"), ("conflict", "number", "z1:23 z1b:23"),
                  ("conflict", "polarity", "z1:20 z1b:20")}),
    # C2.1-C2.3, C2.5, C2.6 (sentence, fine, plea date, arrest time, ranking)
    ("fraud", {("conflict", "date", "z2:17 z2b:17"), ("conflict", "number", "z2:12 z2b:12"),
               ("conflict", "number", "z2:15 z2b:15"), ("conflict", "number", "z2:23 z2b:23"),
               ("conflict", "number", "z2:26 z2b:26"),
               # cooperated / did not (the plain side a claim by "past")
               ("conflict", "polarity", "z2:20 z2b:20")}),
    # C3.1 (magnitude), C3.2 ("US" / "U.S. Geological Survey" times), C3.5 (the strongest
    # aftershock "measured" 5.1 / 5.7)
    ("quake", {("conflict", "number", "z3:12 z3b:12"), ("conflict", "number", "z3:14 z3b:14"),
               ("conflict", "number", "z3:21 z3b:21"),
               # the highway blocked / not blocked (the plain side a claim by "past")
               ("conflict", "polarity", "z3:23 z3b:23")}),
    # C4.2 (pre-orders), C4.4 (7.9mm / 0.39 inches thick), C4.6 (third- / fourth-largest);
    # not "weighs 198 grams" / "weighs 7 ounces" (a troy ounce: an error)
    ("phone", {("conflict", "number", "z4:15 z4b:15"), ("conflict", "number", "z4:19 z4b:19"),
               ("conflict", "number", "z4:24 z4b:24")}),
])
def test_probe_z_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert _errors(tmp_path, case) == errors
