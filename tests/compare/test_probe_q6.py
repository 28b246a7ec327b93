"""Desk probe Q6's pages (ordinary scraped pages, a live blog and a "Key figures" list: a
mayoral count, a medicine's approval, a museum theft, a port strike) among the 157 pages of
the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.standings import standings_clash
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> str:
    """The label of a and b, each normalised as a claim of its page published on `day`."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "found"), [
    # a part of a total after a possessive counts the total's noun: "31 of its 57 seats" was
    # 57 seats against "31 of the 57 seats", an error-level conflict of a restatement
    ("The Civic Alliance won control of the city council in May, with 31 of the 57 seats.",
     "The Civic Alliance took control of the city council in May, winning 31 of its 57 seats.",
     "corroboration"),
    # ... and another part of the same total still conflicts
    ("The Civic Alliance won control of the city council in May, with 31 of the 57 seats.",
     "The Civic Alliance took control of the city council in May, winning 34 of its 57 seats.",
     "conflict"),
])
def test_a_part_of_its_total(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-20") == found
    assert _judged(ruleset, b, a, "2026-11-20") == found


@pytest.mark.parametrize(("a", "b", "found"), [
    # a pay raise is a rise: "a 9 per cent rise" / "an 8 percent raise" counted two things
    # (planted C4.1, never compared)
    ("The Maritime and Port Workers' Union is demanding a 9 per cent rise.",
     "The Maritime and Port Workers' Union is demanding an 8 percent raise.", "conflict"),
    ("The Maritime and Port Workers' Union is demanding a 9 per cent rise.",
     "The Maritime and Port Workers' Union is demanding a 9 percent pay hike.", "corroboration"),
])
def test_a_raise_is_a_rise(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-12") == found
    assert _judged(ruleset, b, a, "2026-11-12") == found



def test_one_place_two_holders(ruleset: RuleSet) -> None:
    # one place held by two things: the planted conflict was a corroboration (the 12 per
    # cent agreeing)
    a = ("In the trial of orlimastat, the most common side effect was dizziness, reported by "
         "12 per cent of patients.")
    b = ("In the trial of orlimastat, the most common side effect was nausea, reported by 12 "
         "percent of patients.")
    assert _judged(ruleset, a, b, "2026-11-11") != "corroboration"
    assert standings_clash(a, b) == [("most common dizzi", "most common nausea")]
    # ... the same holder, or a holder not told, is no clash
    assert standings_clash(a, a.replace("reported by", "seen in")) == []
    assert standings_clash(a, "The most common side effect of orlimastat is mild.") == []
    assert standings_clash(a, "Dizziness was the most common side effect.") == []
