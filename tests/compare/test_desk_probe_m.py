"""Desk probe M's pairs (an athletics meeting and a bill's passage, each restated and
contradicted by a second page): a race's metres and a result's seconds are figures, a
figure that agrees hides no disagreeing one of another unit, and a tally's two sides are
compared side by side."""

from __future__ import annotations

import pytest

from checker.normclaim import NormClaim
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



# Desk probe N's results pair (an Indian paint maker's quarter on two sites)
def _n_claims(ruleset: RuleSet, text: str) -> list[NormClaim]:
    from checker.corpusnorm import normalise_document
    from checker.extract import extract_text
    from checker.models.document import DocumentMeta

    claims = extract_text(text, "p", ruleset.lexicon, DocumentMeta(published="2026-02-05"),
                          threshold=0.0).claims
    return normalise_document("p", claims, ruleset.lexicon, text)


def test_figures_of_a_span_of_months_are_that_periods(ruleset: RuleSet) -> None:
    # probe N: "the April-December period" dated no figure, so nine months' profit met a
    # quarter's and a year's as error-level conflicts
    from checker.compare.slots import compare_quantities

    (nine,) = _n_claims(ruleset, "Kaveri's net profit for the April-December period was "
                                 "\u20b91,128 crore.")
    (quarter,) = _n_claims(ruleset, "Kaveri of Mumbai, India, reported net profit of Rs 412.6 "
                                    "crore for the October-December quarter.")
    (year,) = _n_claims(ruleset, "In FY25 (2024-25), Kaveri of Mumbai, India, had reported "
                                 "revenue of Rs 15,420 crore and net profit of Rs 1,390 crore.")
    assert compare_quantities(quarter, nine) == ([], [])
    assert compare_quantities(year, nine) == ([], [])
    again = _n_claims(ruleset, "Kaveri's net profit for the April-December period was "
                               "\u20b91,200 crore.")[0]
    assert compare_quantities(nine, again) == ([], [("\u20b91,128 crore", "\u20b91,200 crore")])


def test_sums_that_agree_nowhere_deny_a_corroboration(ruleset: RuleSet) -> None:
    # probe N: "rose 9.4% to Rs 4,250 crore, from Rs 3,885 crore" / "rose 9.4% to ₹4,520
    # crore" corroborated on the 9.4% (two sums, so neither was the other's)
    from checker.compare.slots import measures_apart

    (a,) = _n_claims(ruleset, "Kaveri's revenue rose 9.4% to Rs 4,250 crore, from Rs 3,885 "
                              "crore a year earlier, in Mumbai, India.")
    (b,) = _n_claims(ruleset, "Kaveri's revenue rose 9.4% to \u20b94,520 crore in Mumbai, "
                              "India.")
    assert measures_apart(a, b)
    (c,) = _n_claims(ruleset, "Kaveri's revenue rose 9.4% to \u20b94,250 crore in Mumbai, "
                              "India.")
    assert not measures_apart(a, c)


def test_two_facts_of_two_kinds_of_figure_have_their_own_dates(ruleset: RuleSet) -> None:
    # probe N: a forecast's growth in FY27 against a year's revenue in 2024-25 was an
    # error-level date conflict; the same kind of figure dated apart still conflicts
    a = "Kaveri Paints expects revenue to grow 12-14% in FY27, the company said."
    b = "Kaveri Paints reported revenue of $15.4 billion for 2024-25, the company said."
    assert verdict(ruleset, a, b, "2026-02-05", "2026-02-05")[0] != "conflict"
    c = "Kaveri Paints launched its new factory in 2024, the company said."
    d = "Kaveri Paints launched its new factory in 2022, the company said."
    assert verdict(ruleset, c, d, "2026-02-05", "2026-02-05") == ("conflict", "date")


def test_a_months_change_is_no_years(ruleset: RuleSet) -> None:
    # the review: with no "month-on-month" / "year-on-year" nouns, a false conflict
    a = "UK consumer prices rose 0.4% month-on-month in March, the ONS said."
    b = "UK consumer prices rose 3.4% year-on-year in March, the ONS said."
    assert verdict(ruleset, a, b, "2026-04-14", "2026-04-14")[0] != "conflict"


def test_one_fiscal_year_read_with_two_calendars_is_one_time(ruleset: RuleSet) -> None:
    # the review: FY26 on a Mumbai page (April-March) and on another (two calendar years)
    # were two times, and the revenue conflict was lost
    from checker.compare.slots import compare_quantities

    (a,) = _n_claims(ruleset, "Infosys reported revenue of $19.8 billion for FY26, the "
                              "Bengaluru-based company said in Mumbai, India.")
    (b,) = _n_claims(ruleset, "Infosys reported revenue of $19.2 billion for FY26.")
    assert compare_quantities(a, b)[1] == [("$19.8 billion", "$19.2 billion")]
