"""Desk probe S's pages (an auction, a ferry fire, a minister's resignation, exam results),
as comparison judges them."""

from __future__ import annotations

import pytest

from checker.normalize import negated_words
from checker.rules import RuleSet
from tests.compare.pairs import verdict


@pytest.mark.parametrize(("sentence", "negated"), [
    # the negation governs what is not known, not the question after it
    ("Cyclades Lines said it was not yet clear what had caused the fire.", {"clear"}),
    ("It is not known whether the ship was insured.", {"known"}),
    ("The fire was not caused by a short circuit.", {"caus", "circuit", "short"}),
])
def test_what_a_negation_governs(sentence: str, negated: set[str]) -> None:
    assert negated_words(sentence) == negated


def test_an_unknown_cause_denies_no_investigation(ruleset: RuleSet) -> None:
    # an error-level polarity conflict on the probe's pages
    assert verdict(ruleset, "Cyclades Lines said it was not yet clear what had caused the "
                   "fire, and that it was cooperating with investigators.", "Cyclades Lines "
                   "said the cause of the fire was under investigation.", "2026-08-03",
                   "2026-08-03")[0] != "conflict"
