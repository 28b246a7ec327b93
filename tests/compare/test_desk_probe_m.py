"""Desk probe M's pairs (an athletics meeting and a bill's passage, each restated and
contradicted by a second page): a race's metres and a result's seconds are figures, a
figure that agrees hides no disagreeing one of another unit, and a tally's two sides are
compared side by side."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet
from tests.compare.pairs import verdict

HURDLES = "Emeka Okonkwo won the men's 60m hurdles at the Carrow Indoor Championships in {}."
JUMP = "Ada Mensah jumped {} to win the long jump at the Carrow Indoor Championships."
BILL = "The Rivers Bill passed its second reading in the Commons by {} votes to {}."


@pytest.mark.parametrize(("a", "b", "expected"), [
    (HURDLES.format("7.02sec"), HURDLES.format("7.04sec"), ("conflict", "number")),
    (HURDLES.format("7.02sec"), HURDLES.format("7.02sec"), ("corroboration", "agree")),
    (JUMP.format("8.41m"), JUMP.format("8.44m"), ("conflict", "number")),
    (BILL.format(312, 204), BILL.format(312, 214), ("conflict", "number")),
    (BILL.format(312, 204), BILL.format(312, 204), ("corroboration", "agree")),
])
def test_results_and_tallies(ruleset: RuleSet, a: str, b: str,
                             expected: tuple[str, str]) -> None:
    assert verdict(ruleset, a, b, "2026-03-02", "2026-03-03") == expected


def test_a_time_that_meets_none_denies_the_corroboration(ruleset: RuleSet) -> None:
    # the metres agreed, the times had two candidates and conflicted with none
    a = ("Norway's Kristian Dahl retained his 1500m title in 3:34.19, with Spain's Adrian "
         "Solis second in 3:34.60.")
    b = "Kristian Dahl of Norway retained the 1500m title in 3:35.19."
    assert verdict(ruleset, a, b, "2026-03-02", "2026-03-03")[0] != "corroboration"
