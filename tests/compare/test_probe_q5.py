"""Desk probe Q5's pages (hard-wrapped wire copy and e-mailed releases: a Bank of England
rate cut, a company's results, a ferry sinking, UK labour market figures) among the 141
pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> str:
    """The label of a and b, each normalised as a claim of its page published on `day`."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "found"), [
    # one trip told both ways: the planted conflict was a corroboration
    ("The vessel was sailing from Patras to Sami.", "The vessel was sailing from Sami to Patras.",
     "conflict"),
    ("The Aegean Star was on its way from Patras to Sami when it sank.",
     "The Aegean Star was travelling from Sami to Patras when it sank.", "conflict"),
    # the same way still agrees
    ("The vessel was sailing from Patras to Sami.", "The ferry was sailing from Patras to Sami.",
     "corroboration"),
])
def test_a_trip_has_one_way(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-15") == found
    assert _judged(ruleset, b, a, "2026-11-15") == found


@pytest.mark.parametrize(("a", "b"), [
    # two flows of trade, a service each way: no trip, no conflict of roles
    ("Exports from China to the United States rose sharply in March.",
     "Exports from the United States to China rose sharply in March."),
    ("Flights from London to Paris were cancelled on Friday.",
     "Flights from Paris to London were cancelled on Friday."),
])
def test_two_ways_that_are_no_trip(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-15") != "conflict"
    assert _judged(ruleset, b, a, "2026-11-15") != "conflict"
