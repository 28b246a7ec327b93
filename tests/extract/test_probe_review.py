"""What a review of desk probes E, F and G's fixes found them reading too broadly, each case
as pages write it: each made a false conflict or corroboration, or a wrong slot, in a
two-document `check`."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claim(ruleset: RuleSet, sentence: str, published: str = "2025-11-05") -> Claim:
    (claim,) = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                            DocumentMeta(published=published), threshold=0.0).claims
    return claim


@pytest.mark.parametrize("sentence", [
    "The Fed cut rates by a quarter point in October.",
    "The bank raised rates by a quarter of a percentage point in 2024.",
    "A quarter of a million people marched in 2024.",
    "Norris beat Piastri by a tenth of a second in 2024.",
    "The economy shrank after two quarters of contraction in 2024.",
    "Three quarters of a century after the war, it reopened in 2024.",
])
def test_a_fraction_of_a_unit_is_no_share(ruleset: RuleSet, sentence: str) -> None:
    assert not [q for q in _claim(ruleset, sentence).quantities if q.kind == "percent"]


def test_units_in_capitals_are_names(ruleset: RuleSet) -> None:
    (cars,) = _claim(ruleset, "SAIC sold 300,000 MG vehicles in Europe in 2024.").quantities
    assert (cars.kind, cars.value, cars.noun) == ("count", 300000.0, "vehicles")


def test_the_magnitude_of_a_figure_is_no_quake(ruleset: RuleSet) -> None:
    (q,) = _claim(ruleset, "Officials underestimated the magnitude of 300,000 job losses "
                           "in 2024.").quantities
    assert q.noun == "losses"


def test_a_score_is_no_change(ruleset: RuleSet) -> None:
    spans = ruleset.lexicon.predicate_spans("England were down 7 against France at half-time.")
    assert spans == []


@pytest.mark.parametrize("sentence, text, first, last", [
    # "by the end of March" is a bound, not the closed month (a date conflict with February)
    ("Tesla will cut 5,000 jobs in Germany by the end of March.", "by the end of March",
     None, "2026-03-31"),
    ("Tesla has cut 5,000 jobs in Germany since the start of March.",
     "since the start of March", "2025-03-01", "2025-11-05"),
    # "(not) until mid-2027" is when it happens
    ("Tesla's plant in Germany will not open until mid-2027.", "mid-2027", "2027-04-01",
     "2027-09-30"),
])
def test_bounds_across_the_and_periods(ruleset: RuleSet, sentence: str, text: str,
                                       first: str | None, last: str | None) -> None:
    claim = _claim(ruleset, sentence)
    assert claim.polarity == "positive"
    (when,) = claim.dates
    assert (when.text, when.start, when.end) == (text, first, last)


def test_a_month_of_its_own_clause_keeps_its_year(ruleset: RuleSet) -> None:
    claim = _claim(ruleset, "Egg prices in Britain rose 30% in October, and March 2024 was "
                            "similar.")
    assert [(d.text, d.start) for d in claim.dates] == [("in October", "2025-10-01"),
                                                        ("March 2024", "2024-03-01")]


@pytest.mark.parametrize("sentence", [
    "In March, May announced she would resign in 2026.",
    "He visited in June, and August Wilson's play opened a week later.",
])
def test_a_name_after_a_month_is_no_listed_month(ruleset: RuleSet, sentence: str) -> None:
    assert not [d for d in _claim(ruleset, sentence).dates if d.text in ("May", "August")]


def test_would_go_on_to_is_a_past_told_as_its_sequel(ruleset: RuleSet) -> None:
    claim = _claim(ruleset, "Norris, who started 17th in Brazil, would go on to win on Sunday "
                            "by 10 seconds.")
    assert [(d.text, d.start) for d in claim.dates] == [("on Sunday", "2025-11-02")]
