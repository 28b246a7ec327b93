"""Where a state or a record began (`checker.compare.since`): two starts of one state or
two last times of one record are a date conflict; figures over periods of two starts are
two facts."""

from __future__ import annotations

import pytest

from checker.compare.since import records_since, starts, starts_apart
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

INFLATION = "UK inflation rose to 4.1% in March, the highest since {}."


@pytest.mark.parametrize(("a", "b", "found"), [
    # a record's last time, told two ways (was a corroboration)
    (INFLATION.format(2015), INFLATION.format(2019), ("conflict", "date")),
    # a period's start, told two ways (was a corroboration: the ranges overlap)
    ("Nvidia shares have risen 200% since January.", "Nvidia shares have risen 200% since "
     "2025.", ("conflict", "date")),
    # two periods, two figures: two facts (was an error-level number conflict)
    ("Brent crude prices have risen 30% since 2015, the IEA said.",
     "Brent crude prices have risen 12% since 2019, the IEA said.", ("unrelated", None)),
    # two records of one figure: the figure is today's, and it still conflicts
    (INFLATION.format(2015), "UK inflation rose to 3.8% in March, the highest since 2019.",
     ("conflict", "number")),
    # figures told after their start are facts of their own, compared (a review: the
    # terms' conflict was lost)
    ("Karimi has been held in Evin prison since 2019 and was sentenced to 10 years.",
     "Karimi has been held in Evin prison since 2018 and was sentenced to 12 years.",
     ("conflict", "number")),
    # two records: what one is of, told after "that", the other does not say (a review:
    # an error-level date conflict)
    ("It was the first time since 2008 that the Bank had cut rates at consecutive "
     "meetings.", "It was the first rate cut since 2020, the Bank said.", ("unrelated", None)),
    ("The Bank of England cut rates to 3.5% on Thursday, its first cut since 2020.",
     "The Bank of England cut rates to 3.5% on Thursday, its first cut since 2019.",
     ("conflict", "date")),
    # one start, told in a year and in a month of it
    ("Nvidia shares have risen 200% since January 2025.",
     "Nvidia shares have risen 200% since 2025.", ("corroboration", "agree")),
])
def test_since_pairs(ruleset: RuleSet, a: str, b: str, found: tuple[str, str | None]) -> None:
    assert verdict(ruleset, a, b, "2026-08-13", "2026-08-13") == found


@pytest.mark.parametrize(("text", "record"), [
    ("She said the government would publish a new strategy, the first since 2015.", True),
    ("Road deaths fell to 1,480, the fewest on record since 1979.", True),
    ("Exports grew for the first time since March 2024.", True),
    ("Brent crude prices have risen 30% since 2015.", False),
    ("Interest rates have been held since 2015.", False),  # "interest" is no superlative
])
def test_records_since(ruleset: RuleSet, text: str, record: bool) -> None:
    claim = norm(ruleset, text, "a", "2026-08-13")
    assert len(starts(claim)) == 1
    assert records_since(claim) is record


def test_starts_apart_needs_one_start_each(ruleset: RuleSet) -> None:
    two = norm(ruleset, "Prices have risen 30% since 2015 and 12% since 2019.", "a", "2026-08-13")
    one = norm(ruleset, "Prices have risen 30% since 2017.", "b", "2026-08-13")
    assert len(starts(two)) == 2
    assert starts_apart(two, one) == []
    assert starts_apart(one, norm(ruleset, "Prices have risen 30% since 2017.", "c",
                                  "2026-08-13")) == []
    assert starts_apart(one, norm(ruleset, "Prices have risen 30% since 2010.", "c",
                                  "2026-08-13")) == [("since 2017", "since 2010")]
