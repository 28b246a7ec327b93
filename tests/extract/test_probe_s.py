"""Desk probe S's pages (an auction, a ferry fire, a minister's resignation, exam results),
as extraction reads them (the pairs are tests/compare/test_probe_s.py)."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.rules import RuleSet


def _nouns(ruleset: RuleSet, sentence: str) -> list[tuple[str, str | None]]:
    claims = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                          threshold=0.0).claims
    return [(q.text, q.noun) for c in claims for q in c.quantities]


@pytest.mark.parametrize(("sentence", "nouns"), [
    # "N of them X" counts the X (a count of nothing met "including 12 lorries" beside an
    # agreeing 73 vehicles, and the pair was corroborated)
    ("The ship had 73 vehicles on its car deck, 15 of them lorries.",
     [("73", "vehicles"), ("15", "lorries")]),
    ("Of the 40 passengers, 12 of those children were taken to hospital.",
     [("40", "passengers"), ("12", "children")]),
    # ... but not a verb after the pronoun
    ("Of the 40 staff, 12 of those were nurses.", [("40", "staff"), ("12", None)]),
    ("Police arrested 17 of them on Monday.", [("17", None)]),
])
def test_a_count_of_them(ruleset: RuleSet, sentence: str,
                         nouns: list[tuple[str, str | None]]) -> None:
    assert _nouns(ruleset, sentence) == nouns
