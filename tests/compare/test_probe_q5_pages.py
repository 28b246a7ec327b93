"""Desk probe Q5's four stories, each told by two outlets as hard-wrapped wire copy or an
e-mailed / plain-text release (tests/compare/data/probeQ5), checked through `claimcheck
check`: the error-level findings are planted conflicts, and none of the traps or other
pairs of the pages (/tmp/probeQ5/plants.md lists them, keyed by quotes: wrapped pages have
no line pairs). Claims are keyed by the line their sentence starts on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeQ5"


@pytest.mark.parametrize(("case", "errors"), [
    # the vote (7-2 / 6-3) and the place in the year's cuts (third / second: was a
    # corroboration, the rate and the day agreeing); not the forecasts ("The Bank" /
    # "The bank" name no one in common), the deputy governor's spelling, the gilt yields
    # (lent topic), nor "Most economists had (not) expected the cut" (not extracted)
    ("rates", {("conflict", "number", "qw1:16 qw1b:11"), ("conflict", "number", "qw1:12 qw1b:8")}),
    # the operating margin only: the total dividend, the order book and the AGM's date are
    # conflicts of the verdict, dropped as related only through the pages' topic on pages
    # that share two names (`timing.one_story`), as a case file gives no publisher (with
    # the release's, `timing.own_release` keeps them: test_probe_q5); "Revenue rose 8 per cent to
    # £2.4bn." is no conflict of the divisions' revenue (among the 149 pages it made two)
    ("results", {("conflict", "number", "qw2:24 qw2b:15")}),
    # the missing (16 / "Fourteen ... remain missing", which was not extracted), the route
    # (was a corroboration) and the wind (two ceilings: were no conflict) are found now
    ("ferry", {("conflict", "number", "qw3:12 qw3b:11"), ("conflict", "number", "qw3:13 qw3b:12"),
               ("conflict", "number", "qw3:15 qw3b:13"), ("conflict", "number", "qw3:17 qw3b:14"),
               ("conflict", "roles", "qw3:20 qw3b:16"), ("conflict", "number", "qw3:27 qw3b:20"),
               ("conflict", "date", "qw3:33 qw3b:25")}),
    # a statistics release whose sentences name no one, and a wire story naming Britain
    # once: no claim shares a name, nothing is compared (six planted conflicts lost)
    ("jobs", set()),
])
def test_probe_q5_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert case_errors(tmp_path, CASES / f"{case}.txt") == errors
