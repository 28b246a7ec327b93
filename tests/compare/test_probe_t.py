"""Desk probe T's pages (a country house fire, university rankings, road deaths, a
basketball club's season), as comparison judges them."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet
from tests.compare.pairs import verdict

UK_48 = ("The UK has 48 universities in the top 500, down from 52 a year earlier, and 10 in "
         "the top 100.")


@pytest.mark.parametrize(("a", "b", "label"), [
    # a place inside the other's place, which the other does not name: a part and the
    # whole (an error-level conflict, 48 / 11)
    (UK_48, "Scotland has 11 universities in the top 500.", "unrelated"),
    # a figure of no noun is the other's equal, not a disagreement with its named figure
    # (an error: 48 / Ten)
    (UK_48, "Ten British universities made the top 100.", "corroboration"),
    # two measures: applications and enrolments (an error: 9% / 6%)
    ("International student applications to UK universities fell 9% in the year to June, "
     "according to Ucas.", "International student enrolments at UK universities fell 6% in "
     "2025, according to the Higher Education Statistics Agency.", "unrelated"),
])
def test_probe_t_pairs(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, "2026-10-08", "2026-10-09")[0] == label


def test_two_opposites_denied_are_no_conflict(ruleset: RuleSet) -> None:
    # "not the highest" and "no longer among the lowest" can both be true (an error
    # between two stories in the probe's corpus)
    assert verdict(ruleset, "Britain's road death rate is not the highest in Europe, the "
                   "charity said.", "Britain's road death rate was no longer among the "
                   "lowest in Europe, the charity said.", "2026-09-24", "2026-09-25")[0] \
        != "conflict"
