"""A streak told by an ordinal is a figure of the run, and a place in a sequence one of the
sequence (`extract/streaks.py`)."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


@pytest.mark.parametrize(("sentence", "figures"), [
    ("Girls outperformed boys for the fifth year in a row, with 28.1% of entries.",
     [("fifth year in a row", 5.0, "year in a row"), ("28.1%", 28.1, "entries")]),
    ("Girls beat boys for the fourth year running.",
     [("fourth year running", 4.0, "year in a row")]),
    ("The economy grew for a 5th consecutive quarter.",
     [("5th consecutive quarter", 5.0, "quarter in a row")]),
    ("It was the third straight season without a trophy.",
     [("third straight season", 3.0, "season in a row")]),
    # an ordinal that runs nothing
    ("He ran for the second time in 2019.", []),
    ("She finished fifth in the final.", [("fifth", 5.0, "place")]),
    # a place in a sequence of those who did a thing (desk probes S and T)
    ("She is the fourth minister to leave the government this year.",
     [("fourth", 4.0, "minister to")]),
    ("He is the third Super League coach to lose his job this season.",
     [("third", 3.0, "coach to")]),
    # ... not a first (a record told in words), nor a span of time
    ("Italy was the first country to sign the pact.", []),
    ("Sinner was the first one in 10 years to win in Rome.", [("10 years", 10.0, None)]),
])
def test_streaks(ruleset: RuleSet, sentence: str,
                 figures: list[tuple[str, float, str]]) -> None:
    claims = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                          DocumentMeta(published="2026-08-15"), threshold=0.0).claims
    assert [(q.text, q.value, q.noun) for c in claims for q in c.quantities] == figures
