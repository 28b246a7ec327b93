"""Desk probes H and I (an obituary, a census, a budget, a football transfer; a wildfire, a
drug trial, commodities, a rail strike) and the items the probes before them left: what
extraction read wrong on pages it had never seen, each case written as such pages write
it. Most made a false conflict or a false corroboration in `check`."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claims(ruleset: RuleSet, sentence: str, published: str = "2025-11-14") -> list[Claim]:
    return extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                        DocumentMeta(published=published), threshold=0.0).claims


def _claim(ruleset: RuleSet, sentence: str, published: str = "2025-11-14") -> Claim:
    (claim,) = _claims(ruleset, sentence, published)
    return claim


@pytest.mark.parametrize("sentence, text, start, end", [
    # days of one month, a range or a list (a desk probe: a count of 11 and the day 12
    # November, so "walk out on 11 November" conflicted with the 12th)
    ("Drivers will walk out on 11 and 12 November.", "11 and 12 November", "2025-11-11",
     "2025-11-12"),
    ("The poll was carried out on 11-12 November.", "11-12 November", "2025-11-11",
     "2025-11-12"),
    ("Strikes are planned on 11, 12 and 14 November.", "11, 12 and 14 November",
     "2025-11-11", "2025-11-14"),
    ("Talks were held on November 3 and 4.", "November 3 and 4", "2025-11-03", "2025-11-04"),
    ("The summit ran from 3 to 5 June 2024.", "3 to 5 June 2024", "2024-06-03",
     "2024-06-05"),
])
def test_days_of_one_month_are_one_date(ruleset: RuleSet, sentence: str, text: str,
                                        start: str, end: str) -> None:
    claim = _claim(ruleset, sentence)
    assert [(d.text, d.start, d.end, d.granularity) for d in claim.dates] == \
        [(text, start, end, "day")]
    assert claim.quantities == []


def test_a_day_then_a_count_is_no_range(ruleset: RuleSet) -> None:
    claim = _claim(ruleset, "On March 3 and 4 others were hurt in Leeds.")
    assert [d.text for d in claim.dates] == ["March 3"]
    assert [q.text for q in claim.quantities] == ["4"]


@pytest.mark.parametrize("sentence, text, start, end", [
    # a season (a desk probe: "next spring" had no date, "last summer" none)
    ("The launch is expected to take place next spring.", "next spring", "2026-03-01",
     "2026-05-31"),
    ("Sales fell 4% last summer.", "last summer", "2025-06-01", "2025-08-31"),
    ("Output fell 4% in the summer.", "in the summer", "2025-06-01", "2025-08-31"),
    ("The launch is planned for spring 2026.", "spring 2026", "2026-03-01", "2026-05-31"),
    ("This winter, 40,000 homes lost power.", "This winter", "2025-12-01", "2026-02-28"),
    ("Prices have risen 4% since last winter.", "since last winter", "2024-12-01",
     "2025-11-14"),
])
def test_a_season_is_a_period(ruleset: RuleSet, sentence: str, text: str, start: str,
                              end: str) -> None:
    (d,) = _claim(ruleset, sentence).dates
    assert (d.text, d.start, d.end, d.granularity) == (text, start, end, "period")


@pytest.mark.parametrize("sentence", [
    "In the fall of the regime, 20 people died.",  # a collapse
    "A fall of 2024 jobs was recorded in March.",
])
def test_no_season(ruleset: RuleSet, sentence: str) -> None:
    assert all(d.granularity != "period" for d in _claim(ruleset, sentence).dates)


def test_a_named_spring_is_no_season(ruleset: RuleSet) -> None:
    (d,) = _claim(ruleset, "The Arab Spring of 2011 toppled four rulers.").dates
    assert (d.text, d.granularity) == ("2011", "year")


@pytest.mark.parametrize("sentence, text, unit, low, high", [
    # a vague amount of a unit is a measure (a count of "kilometres" before)
    ("The debris was scattered over hundreds of kilometres.", "over hundreds", "m", 200e3,
     999e3),
    ("Tens of kilometres of road were closed.", "Tens", "m", 20e3, 99e3),
    ("Thousands of tonnes of grain rotted in 2024.", "Thousands", "kg", 2e6, 9_999e3),
])
def test_a_vague_amount_of_a_unit_is_a_measure(ruleset: RuleSet, sentence: str, text: str,
                                               unit: str, low: float, high: float) -> None:
    (q,) = _claim(ruleset, sentence).quantities
    assert (q.text, q.kind, q.unit, q.approximate, q.bound) == \
        (text, "measure", unit, True, "range")
    assert (q.low, q.high) == pytest.approx((low, high))


def test_tens_of_people_is_a_count(ruleset: RuleSet) -> None:
    (q,) = _claim(ruleset, "Tens of people were hurt in the blast.").quantities
    assert (q.kind, q.low, q.high, q.noun) == ("count", 20.0, 99.0, "people")


@pytest.mark.parametrize("sentence, figures", [
    # a tolerance is no figure (a desk probe: "±3 points" a count of 3 points, which met a
    # lead of 4 points)
    ("The margin of error is \u00b13 points.", []),
    ("Labour is on 27%, with a margin of error of 3 percentage points.", ["27%"]),
    ("The poll has a margin of error of plus or minus 2%.", []),
    ("Temperatures fell to minus 8 degrees Celsius.", ["minus 8 degrees Celsius"]),
])
def test_a_margin_of_error_is_no_figure(ruleset: RuleSet, sentence: str,
                                        figures: list[str]) -> None:
    assert [q.text for q in _claim(ruleset, sentence).quantities] == figures


@pytest.mark.parametrize("sentence, kept", [
    # a rank of a closed list of things is a number to check (a desk probe: "a penalty in
    # the 64th minute" was no claim); "the 20th anniversary" is not
    ("Leeds equalised through a Rashford penalty in the 64th minute.", True),
    ("Hamilton finished in 3rd place.", True),
    ("The city marked the 20th anniversary of the flood.", False),
])
def test_a_rank_of_a_thing_is_a_number(ruleset: RuleSet, sentence: str, kept: bool) -> None:
    claims = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                          DocumentMeta(published="2025-11-14")).claims
    assert bool(claims) == kept
    assert all("number" in c.features for c in claims)


@pytest.mark.parametrize("sentence, polarities", [
    # a second verb of the subject with its own auxiliary is a unit of its own (a desk
    # probe: "have won four" was read negative with "have not lost")
    ("Hibs have not lost in six matches and have won four of their last five.",
     ["negative", "positive"]),
    ("The company did not pay dividends and has cut 300 jobs.", ["negative", "positive"]),
    ("Police have not named the victim but said he was 34.", ["negative", "positive"]),
    ("He is not a member of the board but is a frequent guest.", ["negative", "positive"]),
    ("The firm has not paid and has not filed accounts since 2019.", ["negative"]),
    ("China is not a member and has never been one.", ["negative"]),
])
def test_a_second_verb_after_a_denial_is_its_own_unit(ruleset: RuleSet, sentence: str,
                                                      polarities: list[str]) -> None:
    assert [c.polarity for c in _claims(ruleset, sentence)] == polarities
