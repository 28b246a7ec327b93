"""Desk probe B (wildfire, rail strike, court ruling, drug approval): a payment against
the award it is part of, and a Reuters dateline with no place."""

from __future__ import annotations

from checker.compare.slots import compare_quantities
from checker.rules import RuleSet
from checker.subjects import DATELINE_RE
from tests.compare.pairs import norm

PAID = ("JOHANNESBURG — Vantrex Minerals has paid 300 million rand of the compensation "
        "ordered by the Constitutional Court in May, the trust said on Monday.")
ORDERED = "The court ordered Vantrex to pay 1.2 billion rand in compensation to the miners."


def test_part_of_award_does_not_conflict_with_award(ruleset: RuleSet) -> None:
    a, b = norm(ruleset, PAID, "a", "2026-09-07"), norm(ruleset, ORDERED, "b", "2026-05-14")
    assert compare_quantities(a, b)[1] == []


def test_two_parts_of_one_whole_still_conflict(ruleset: RuleSet) -> None:
    other = PAID.replace("300 million", "500 million")
    a, b = norm(ruleset, PAID, "a", "2026-09-07"), norm(ruleset, other, "b", "2026-09-07")
    assert compare_quantities(a, b)[1] == [("300 million", "500 million")]


def test_seats_of_the_house_still_conflict(ruleset: RuleSet) -> None:
    a = norm(ruleset, "The ANO movement won 78 of the 200 seats in the lower house.", "a")
    b = norm(ruleset, "The ANO movement won 80 seats in the lower house.", "b")
    assert compare_quantities(a, b)[1] == [("78", "80")]


def test_reuters_dateline_without_place() -> None:
    line = DATELINE_RE.match("March 11 (Reuters) - The U.S. Food and Drug Administration")
    assert line is not None and line.group() == "March 11 (Reuters) - "
    assert DATELINE_RE.match("March 11 - the talks resumed") is None


def test_reuters_dateline_dates_nothing(ruleset: RuleSet) -> None:
    c = norm(ruleset, "March 11 (Reuters) - The U.S. Food and Drug Administration approved "
             "Corvane Therapeutics' drug lunextamab on Tuesday.", "a", "2026-03-11")
    assert [d.text for d in c.dates] == ["on Tuesday"]
    assert "name:reuters" not in c.entities
