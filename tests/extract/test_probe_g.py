"""Desk probe G (an opinion poll, a storm's live blog, wind power and prices, flu
statistics): what extraction read wrong in four pages it had never seen, each case written
as such pages write it. Each made a false conflict or a false corroboration in `check`."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claim(ruleset: RuleSet, sentence: str, published: str = "2025-10-17") -> Claim:
    (claim,) = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                            DocumentMeta(published=published), threshold=0.0).claims
    return claim


@pytest.mark.parametrize("text, predicate", [
    # "down 12%" and "up 12%" corroborated: the change's direction was read nowhere
    ("Covid-19 cases were down 12% on the previous week.", "decrease"),
    ("Covid-19 cases were up 12% on the previous week.", "increase"),
    ("Sales, up 12% on the year, beat forecasts.", "increase"),
    ("Syriza won 24 seats, down from 48.", "decrease"),  # the phrase itself, as before
])
def test_up_or_down_before_a_figure_is_its_change(ruleset: RuleSet, text: str,
                                                  predicate: str) -> None:
    assert [pid for pid, _, _ in ruleset.lexicon.predicate_spans(text)] == [predicate]


@pytest.mark.parametrize("text", [
    "The firm set up 12 plants in 2024.",  # set up: no change of a figure
    "Fares are capped at up to 12% in 2026.",  # "up to" is a bound, no change
])
def test_up_without_a_change_is_no_predicate(ruleset: RuleSet, text: str) -> None:
    assert "increase" not in [pid for pid, _, _ in ruleset.lexicon.predicate_spans(text)]


def test_a_weekday_after_would_and_a_few_words_is_to_come(ruleset: RuleSet) -> None:
    # Published on Wednesday 10 December: the Friday before conflicted with "until at
    # least 12 December".
    claim = _claim(ruleset, "The council said the school would remain closed until at "
                            "least Friday.", published="2025-12-10")
    assert [(d.text, d.start) for d in claim.dates] == [("Friday", "2025-12-12")]


def test_energy_and_prices_per_unit(ruleset: RuleSet) -> None:
    (twh,) = _claim(ruleset, "Britain's wind farms generated 87 TWh in 2024.").quantities
    assert (twh.text, twh.kind, twh.unit, twh.value) == ("87 TWh", "measure", "Wh", 87e12)
    (price,) = _claim(ruleset, "The strike price was \u00a372/MWh in 2024 prices.").quantities
    assert (price.text, price.kind, price.unit, price.value, price.noun) == \
        ("\u00a372", "money", "GBP", 72.0, "mwh")
    assert _claim(ruleset, "The shop has been open 24/7 since 2020.").quantities == []


@pytest.mark.parametrize("sentence, text, value, noun", [
    # a share in words is the percentage it names, loosely (a desk probe: no figure, so
    # "rose by a quarter" was corroborated by "rose by 40%", and "one in five" was five)
    ("A third of voters say the Prime Minister is doing a good job.", "A third", 100 / 3,
     "voters"),
    ("Flu admissions rose by a quarter in a week.", "a quarter", 25.0, None),
    ("Wind met a fifth of Britain's electricity demand in 2024.", "a fifth", 20.0, "demand"),
    ("One in five adults backed Labour in 2024.", "One in five", 20.0, "adults"),
    ("Two thirds of voters backed the deal in 2024.", "Two thirds", 200 / 3, "voters"),
    # hyphened, a fraction is an adjective too (desk probe J: "a one-third discount" was no
    # figure, and its sentence no claim)
    ("Finch was given a one-third discount on her sentence.", "one-third", 100 / 3,
     "discount"),
    ("Veridia bought a one-quarter stake in the firm in 2024.", "one-quarter", 25.0,
     "stake"),
    ("Emissions were cut by one-third in 2024.", "one-third", 100 / 3, None),
    ("Two-thirds of voters backed the deal in 2024.", "Two-thirds", 200 / 3, "voters"),
])
def test_a_share_in_words_is_a_percentage(ruleset: RuleSet, sentence: str, text: str,
                                          value: float, noun: str | None) -> None:
    (q,) = _claim(ruleset, sentence).quantities
    assert (q.text, q.kind, q.unit, q.noun, q.approximate) == (text, "percent", "%", noun, True)
    assert (q.value, q.low, q.high) == pytest.approx((value, value - 2, value + 2))


@pytest.mark.parametrize("sentence", [
    "Sales in the third quarter rose by 5%.",  # a date, not a share
    "Profits doubled in a quarter-century.",
    "Each team played two halves in the final.",
    "It sold a quarter in Paris in 2024.",  # a coin, not a share of anything
    "She wore three-quarter-length sleeves in 2024.",
    "They ran the one-third of a mile track in 2024.",
    # a hyphened fraction of a thing that is no share (a review)
    "She wore a three-quarter length coat in 2024.",
    "He played as a three-quarter for Wales in 2024.",
    "The bill needs a two-thirds majority to pass in 2024.",  # a rule, not a result
])
def test_no_share_where_none_is_named(ruleset: RuleSet, sentence: str) -> None:
    assert not [q for q in _claim(ruleset, sentence).quantities if q.unit == "%"
                and q.text != "5%"]


@pytest.mark.parametrize("sentence, text, low, high", [
    # a group by age is years of age (a desk probe: "aged 65 and over" a count of 65, "aged
    # 18 to 24" a count of "fell")
    ("Flu admissions among people aged 65 and over rose in 2024.", "65", 64.5, 65.5),
    ("Rates among those aged 18 to 24 fell in 2024.", "18 to 24", 18.0, 24.0),
    ("Children aged 5-14 were hit hardest in 2024.", "5-14", 5.0, 14.0),
    ("Those aged between 18 and 24 voted in 2024.", "18 and 24", 18.0, 24.0),
])
def test_an_age_group_is_years_of_age(ruleset: RuleSet, sentence: str, text: str, low: float,
                                      high: float) -> None:
    (age,) = _claim(ruleset, sentence).quantities
    assert (age.text, age.kind, age.unit, age.noun, age.low, age.high) == \
        (text, "measure", "year", "age", low, high)


@pytest.mark.parametrize("sentence, text, first, last", [
    # a week named by its last day is the week (a desk probe: the single day)
    ("Flu admissions rose 20% in the week ending 12 October.", "week ending 12 October",
     "2025-10-06", "2025-10-12"),
    ("The rate was 6.8% in the week to 5 October.", "week to 5 October", "2025-09-29",
     "2025-10-05"),
    ("The rate was 6.8% on 5 October.", "5 October", "2025-10-05", "2025-10-05"),
])
def test_a_week_ending_a_day_is_that_week(ruleset: RuleSet, sentence: str, text: str,
                                          first: str, last: str) -> None:
    (when,) = _claim(ruleset, sentence).dates
    assert (when.text, when.start, when.end) == (text, first, last)
