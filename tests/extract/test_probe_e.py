"""Desk probe E (a central bank's statement, a football report, an election count, a health
study): what extraction read wrong in four pages it had never seen, each case written as
such pages write it. Three of them raised false error-level conflicts or a false
corroboration in `check`."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claim(ruleset: RuleSet, sentence: str, published: str = "2025-11-05") -> Claim:
    text = "Page\n\n" + sentence + "\n"
    (claim,) = extract_text(text, "page", ruleset.lexicon, DocumentMeta(published=published),
                            threshold=0.0).claims
    return claim


def test_ruling_a_thing_out_is_a_negative_statement(ruleset: RuleSet) -> None:
    # Read as a positive membership, it conflicted (error) with "did not join a government
    # led by Mitsotakis", which says the same.
    claim = _claim(ruleset, "PASOK leader Nikos Androulakis ruled out joining a government "
                            "led by Mitsotakis.")
    assert claim.polarity == "negative"


def test_us_cents_are_dollars_and_no_mention_of_the_united_states(ruleset: RuleSet) -> None:
    # Read as a count of cents with "US" a name, the claim's triple ran from Australia to
    # the United States and corroborated "The US dollar rose against the Australian dollar".
    claim = _claim(ruleset, "The Australian dollar rose 0.4% to 65.4 US cents after the "
                            "decision.")
    cents = claim.quantities[-1]
    assert (cents.text, cents.kind, cents.unit, cents.value) == \
        ("65.4 US cents", "money", "USD", 0.654)
    assert [e.id for e in claim.entities] == ["australia"]
    assert claim.triple is None or "united-states" not in (claim.triple.subject,
                                                           claim.triple.object)


def test_a_name_inside_a_figure_without_a_unit_is_still_a_name(ruleset: RuleSet) -> None:
    claim = _claim(ruleset, "China launched 12 satellites and the US launched 40.")
    assert {e.id for e in claim.entities} >= {"china", "united-states"}


def test_the_month_a_forecast_starts_from_is_past(ruleset: RuleSet) -> None:
    # September of next year let "4.5% in September" on another page pass unchallenged.
    claim = _claim(ruleset, "The bank expects the unemployment rate to rise to about 4.4% "
                            "next year, from 4.3% in September.")
    dates = {d.text: (d.start, d.end) for d in claim.dates}
    assert dates["in September"] == ("2025-09-01", "2025-09-30")
    assert dates["next year"] == ("2026-01-01", "2026-12-31")


@pytest.mark.parametrize("sentence, month", [
    ("The bank expects to cut rates in September.", ("2026-09-01", "2026-09-30")),
    ("Prices will fall from $5 billion in March.", ("2026-03-01", "2026-03-31")),
    ("Prices fell from $5 billion in March.", ("2025-03-01", "2025-03-31")),
    ("Sales will rise to $6 billion, up from $5 billion in March.",
     ("2025-03-01", "2025-03-31")),
])
def test_a_planned_month_stays_planned(ruleset: RuleSet, sentence: str,
                                       month: tuple[str, str]) -> None:
    # Only a month right after the figure a change starts from, set off ("..., from 4.3%
    # in September", "up from"), is read as past; in "will fall from $5 billion in March"
    # March may be the fall's (the plan's month, as before).
    (date,) = [d for d in _claim(ruleset, sentence).dates if "March" in d.text
               or "September" in d.text]
    assert (date.start, date.end) == month


def test_a_name_word_is_no_verb(ruleset: RuleSet) -> None:
    # "United" of "Dundee United" was the predicate: ("Hibs travel to Dundee", "united", ...).
    claim = _claim(ruleset, "Hibs travel to Dundee United on Wednesday before hosting "
                            "Rangers the following weekend.", published="2025-10-19")
    assert claim.triple is None or claim.triple.predicate != "united"
    claim = _claim(ruleset, "The United States launched 12 satellites in 2024.")
    assert claim.triple is not None and claim.triple.predicate == "launched"
