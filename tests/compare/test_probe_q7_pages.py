"""Desk probe Q6's four stories, each told by a UK and a US outlet as an ordinary scraped
page (tests/compare/data/probeQ7: a mayoral count told as a live blog of time-stamped
entries, a medicine's approval with a "Key figures" list of rows, a museum theft, a port
strike), checked through `claimcheck check`: the error-level findings are planted
conflicts, and none of the restatements or traps (the probe's plants.md keys every plant
by its lines: line n of one page pairs with line n of the other)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeQ7"


def _n(lines: str) -> tuple[str, str, str]:
    return ("conflict", "number", lines)


def _d(lines: str) -> tuple[str, str, str]:
    return ("conflict", "date", lines)


@pytest.mark.parametrize(("case", "errors"), [
    # Tolland's share, the ward's lead, the time he conceded, first / second woman mayor,
    # the year she joined the council; not "confirmed" / "overturned" (a corroboration)
    ("election", {_n("qx1:15 qx1b:15"), _n("qx1:18 qx1b:18"),
                  _n("qx1:22 qx1b:22"), _n("qx1:23 qx1b:23"),
                  _d("qx1:25 qx1b:25")}),
    # follow-up, kidney problems, the EMA's month, third / fourth regulator, the FDA's
    # approval; not the review's days (a "Key figures" row, not extracted)
    ("drug", {_n("qx2:15 qx2b:15"), _n("qx2:17 qx2b:17"),
              _d("qx2:19 qx2b:19"), _n("qx2:20 qx2b:20"),
              ("conflict", "polarity", "qx2:21 qx2b:21")}),
    # minutes inside, the year acquired, metres / feet, none / two recovered; not trap T3.3
    # (another Verhulst "its most recent", bought in 2004: was an error); the gallery's
    # spelling (Lindley / Lindsey) is a warning; not Rotterdam / Antwerp (no name in common)
    ("theft", {_n("qx3:14 qx3b:14"), _d("qx3:17 qx3b:17"), _n("qx3:18 qx3b:18"),
               ("conflict", "polarity", "qx3:21 qx3b:21")}),
    # containers, the pay offer, membership, the vote, "by Monday" / "not until Nov. 23"
    # (was a corroboration), "since 1989" / "since 1998" (found once "The terminal is run by
    # Quillon Port Holdings." is extracted: both pages' "It was the first strike at the
    # port" then stand for Quillon, the last subject; before, one stood for the port)
    ("strike", {_d("qx4:23 qx4b:23"), _d("qx4:26 qx4b:26"), _n("qx4:14 qx4b:14"),
                _n("qx4:16 qx4b:16"), _n("qx4:19 qx4b:19"), _n("qx4:20 qx4b:20")}),
])
def test_probe_q7_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert case_errors(tmp_path, CASES / f"{case}.txt") == errors
