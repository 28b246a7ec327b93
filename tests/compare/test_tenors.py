"""Two instruments of two terms are two things (`checker.compare.tenors`)."""

from __future__ import annotations

import pytest

from checker.compare.tenors import tenors
from checker.rules import RuleSet
from tests.compare.pairs import verdict


@pytest.mark.parametrize(("text", "found"), [
    ("The average two-year fixed mortgage rate is 4.62%.", {(2, "year")}),
    ("The average five-year fixed rate is 4.71 per cent.", {(5, "year")}),
    ("The yield on the 10-year Treasury note rose.", {(10, "year")}),
    ("The 30-year mortgage rate fell.", {(30, "year")}),
    ("The six-month bill yield fell.", {(6, "month")}),
    # a term that is what the claim tells, or a record's span: no instrument
    ("Kane signed a two-year contract.", set()),
    ("Shares hit a two-year high.", set()),
])
def test_tenors(text: str, found: set[tuple[int, str]]) -> None:
    assert tenors(text) == found


@pytest.mark.parametrize(("a", "b", "label"), [
    # two instruments' rates (error-level conflicts before)
    ("The average two-year fixed mortgage rate is 4.62%, according to Moneyfacts.",
     "The average five-year fixed rate is 4.71 per cent, according to Moneyfacts.",
     "unrelated"),
    ("The yield on the 10-year Treasury note rose to 4.52% on Monday.",
     "The yield on the two-year Treasury note rose to 4.11% on Monday.", "unrelated"),
    # one instrument's rate, told two ways, still conflicts
    ("The yield on the 10-year Treasury note rose to 4.52% on Monday.",
     "The yield on the 10-year Treasury note rose to 4.61% on Monday.", "conflict"),
    # a term that is the fact told
    ("Harry Kane signed a two-year contract with Bayern Munich on Monday.",
     "Harry Kane signed a three-year contract with Bayern Munich on Monday.", "conflict"),
])
def test_instruments_of_two_terms(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, "2026-09-18", "2026-09-18")[0] == label
