"""A streak told by an ordinal is a figure of the run (`extract/streaks.py`)."""

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
])
def test_streaks(ruleset: RuleSet, sentence: str,
                 figures: list[tuple[str, float, str]]) -> None:
    claims = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                          DocumentMeta(published="2026-08-15"), threshold=0.0).claims
    assert [(q.text, q.value, q.noun) for c in claims for q in c.quantities] == figures
