"""Desk probe F (a company's earnings, a fraud trial, an earthquake, a lunar programme):
what extraction read wrong in four pages it had never seen, each case written as such pages
write it. Each made a false conflict or a false corroboration in `check`."""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract import extract_text
from checker.extract.date_types import Anchor
from checker.extract.dates import find_dates
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

_ANCHOR = Anchor(date(2026, 3, 12), date(2026, 3, 12), "day")


def _claim(ruleset: RuleSet, sentence: str, published: str = "2026-03-12") -> Claim:
    (claim,) = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                            DocumentMeta(published=published), threshold=0.0).claims
    return claim


@pytest.mark.parametrize("sentence, first, last", [
    # a bound denied is the other bound, and no denial of the launch (a desk probe: a
    # polarity conflict with "would fly in 2031")
    ("ESA said its Argonaut lander would not fly before 2030.", "2030-01-01", None),
    ("The lander will fly no earlier than 2031.", "2031-01-01", None),
    ("The mission will not launch before mid-2027.", "2027-04-01", None),
    ("The module will not dock until June 2026.", "2026-06-01", None),
    ("It must be finished no later than 2028.", None, "2028-12-31"),
])
def test_a_denied_bound_is_a_time_from_on_and_the_fact_stands(
        ruleset: RuleSet, sentence: str, first: str | None, last: str | None) -> None:
    claim = _claim(ruleset, sentence)
    assert claim.polarity == "positive"
    (when,) = claim.dates
    assert (when.start, when.end) == (first, last)
    assert not claim.quantities  # "no earlier than 2031" is no count of 2031


def test_a_bound_kept_is_still_a_bound(ruleset: RuleSet) -> None:
    (when,) = _claim(ruleset, "The mission will launch before mid-2027.").dates
    assert (when.start, when.end, when.open) == (None, "2027-03-31", "start")
    assert _claim(ruleset, "Officials did not confirm the launch date in 2025.").polarity \
        == "negative"


@pytest.mark.parametrize("sentence, text, value, low, high", [
    # below zero (a desk probe: 8, which corroborated "8 degrees Celsius")
    ("Temperatures fell to minus 8 degrees Celsius overnight.", "minus 8 degrees Celsius",
     -8.0, -8.5, -7.5),
    ("It was -8C in Ankara on Monday.", "-8C", -8.0, -8.5, -7.5),
    ("It was \u22128\u00b0C in Ankara on Monday.", "\u22128\u00b0C", -8.0, -8.5, -7.5),
    ("It reached 44.6C in Seville on Monday.", "44.6C", 44.6, 44.55, 44.65),
])
def test_a_temperature_keeps_its_minus_sign(ruleset: RuleSet, sentence: str, text: str,
                                           value: float, low: float, high: float) -> None:
    (q,) = _claim(ruleset, sentence).quantities
    assert (q.text, q.unit) == (text, "degC")
    assert (q.value, q.low, q.high) == pytest.approx((value, low, high))


def test_the_long_march_rockets_are_no_dates() -> None:
    text = "The Long March 10 rocket flew, and a Long March 5 launched Chang'e 6 in May 2024."
    assert [d.text for d in find_dates(text, anchor=_ANCHOR)] == ["May 2024"]
    assert [d.text for d in find_dates("It launched on March 10.", anchor=_ANCHOR)] == \
        ["March 10"]


def test_a_demonym_is_written_with_its_capital(ruleset: RuleSet) -> None:
    # "south pole" was Poland: a false corroboration of two lunar pages.
    assert _claim(ruleset, "The rover will land near the lunar south pole in 2026.").entities \
        == []
    assert [e.id for e in _claim(ruleset, "A Pole and two Chinese engineers joined in "
                                          "2025.").entities] == ["poland", "china"]
    # a team's plural demonym still ends the team's name
    assert [e.text for e in _claim(ruleset, "The Mumbai Indians won the final in 2025."
                                   ).entities] == ["Mumbai Indians"]


def test_a_magnitude_of_a_figure_measures_the_quake(ruleset: RuleSet) -> None:
    # "had a magnitude of 6.3" was a count of nothing: it never met "magnitude 6.8".
    (q,) = _claim(ruleset, "The quake had a magnitude of 6.3, the agency said.",
                  "2026-02-07").quantities
    assert (q.value, q.noun) == (6.3, "magnitude")


def test_planned_for_a_year_is_a_plan(ruleset: RuleSet) -> None:
    # Read as asserted, split from "and will carry a Pakistani rover", it missed the
    # conflict with a page that planned the mission for 2028.
    claim = _claim(ruleset, "Chang'e 8 is planned for 2029 and will carry a Pakistani rover.")
    assert claim.modality == "planned"
    assert [d.text for d in claim.dates] == ["2029"]
    assert _claim(ruleset, "Chang'e 8 was planned for 2029 in 2025.").modality == "asserted"


@pytest.mark.parametrize("sentence, text, first", [
    ("Norwell will report its results at the end of September.", "end of September",
     "2026-09-01"),
    ("Sales rose at the start of March in Norwell's stores.", "start of March", "2026-03-01"),
])
def test_the_end_or_start_of_a_month_is_that_month(ruleset: RuleSet, sentence: str, text: str,
                                                   first: str) -> None:
    (when,) = _claim(ruleset, sentence).dates
    assert (when.text, when.start, when.granularity) == (text, first, "month")
