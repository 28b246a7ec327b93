"""What an adversarial review of the forty-fifth session's comparison changes found them
getting wrong, each case a pair of pages as desks meet them (tests/compare/data/review45:
`=== <name> <published> <publisher>`, then the page). Each case's findings are checked
through `claimcheck check`, as the review ran them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_findings

CASES = Path(__file__).resolve().parent / "data" / "review45"


def _findings(tmp_path: Path, case: str) -> list[tuple[str, str | None]]:
    """(kind, reason) of the case's conflicts and corroborations."""
    return sorted((f.kind, f.reason) for f in case_findings(tmp_path, CASES / f"{case}.txt")
                  if f.kind in ("conflict", "corroboration"))


@pytest.mark.parametrize("case", [
    # one title of two places or measures (were value conflicts): "boats reaching Italy" /
    # "... Spain", "at Wimbledon" / "at the US Open", "by sales" / "by market value"
    "c13_migrants", "c13_seed", "c13_carmaker2",
    # a finishing place against a table's standing, an opening against a later move
    "c9_golf", "c9_chart2",
    # "a five-year contract" / "six years in Germany" beside two agreeing sums
    "c10_transfer2",
    # a sum raised in shares or cash against one in bonds or debt
    "c4_means", "c4_means2",
    # one story's two people: "chief executive Ruth Akers will receive £3.2m" / "finance
    # director will receive £1.1m" (the story's name in every claim, the person in one)
    "big1",
    # a day's move and the year's: "shares rose 6% on Tuesday" / "are still down 18% this
    # year" (seen by the review in the old code too)
    "c11_results",
])
def test_no_conflict(tmp_path: Path, case: str) -> None:
    assert not [f for f in _findings(tmp_path, case) if f[0] == "conflict"]


@pytest.mark.parametrize(("case", "found"), [
    # "initially refused to pay ... but paid a $2m ransom" / "did not pay a ransom": a
    # refusal undone is no refusal
    ("c1_refuse2", ("conflict", "polarity")),
    # two floors near one: "At least 58" / "More than 60" killed
    ("c2_bounds", ("corroboration", "agree")),
    # the desk probe's own cases, kept
    ("p13_probe", ("conflict", "value")),
    ("p9_probe", ("conflict", "number")),
    ("p4_probe", ("corroboration", "agree")),
])
def test_found(tmp_path: Path, case: str, found: tuple[str, str]) -> None:
    assert found in _findings(tmp_path, case)
