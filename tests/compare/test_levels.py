"""A level and what a change of it is worth are no answers to one question
(`checker.compare.levels`)."""

from __future__ import annotations

import pytest

from checker.compare.levels import level_and_change
from checker.rules import RuleSet
from tests.compare.pairs import norm

LEVEL = "A newly qualified nurse in England is paid £29,970 a year."


@pytest.mark.parametrize(("other", "apart"), [
    # desk probe U: an error-level conflict in its 85 pages
    ("The government's offer of a 3.6 per cent rise would be worth around £1,300 a year "
     "to an experienced Band 5 nurse.", True),
    ("The pay award, worth £1,300 a year, was rejected.", True),
    # two levels, or a deal's worth: no change told
    ("A newly qualified nurse in England is paid £31,000 a year.", False),
    ("The contract is worth £1,300 a year to the firm.", False),
])
def test_a_level_and_a_change(ruleset: RuleSet, other: str, apart: bool) -> None:
    a, b = norm(ruleset, LEVEL, "a", "2026-09-15"), norm(ruleset, other, "b", "2026-09-15")
    pairs = [(a.quantities[0].text, q.text) for q in b.quantities if q.kind == "money"]
    assert level_and_change(a, b, pairs) is apart
    assert level_and_change(b, a, [(y, x) for x, y in pairs]) is apart


def test_two_changes_still_meet(ruleset: RuleSet) -> None:
    a = norm(ruleset, "The pay offer was worth £1,300 a year to a nurse.", "a", "2026-09-15")
    b = norm(ruleset, "The pay offer was worth £1,500 a year to a nurse.", "b", "2026-09-15")
    assert not level_and_change(a, b, [("£1,300", "£1,500")])
