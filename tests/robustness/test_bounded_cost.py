"""Bounded cost: pathological documents and patterns finish (no catastrophic backtracking,
no quadratic blow-up on one enormous "sentence"). Nothing is timed: each case only has to
finish before a generous alarm, far above its normal running time."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.rules import TermRule
from checker.rules import RuleSet
from checker.rules.terms import TermMatcher
from tests.alarm import alarm

# ~100 KB each, mostly without a sentence end: one huge "sentence" stresses every
# per-sentence loop of the extractor.
DOCUMENTS = {
    "digits-and-commas": "1," * 50_000,
    "digits-and-dots": "1." * 50_000,
    "words": "a " * 50_000,
    "one-word": "a" * 100_000,
    "entity-repeated": "China " * 20_000,
    "open-parentheses": "(" * 50_000,
    "dashes": "- " * 50_000,
    "since-since": "since since " * 10_000,
    "percentages": "34% " * 20_000,
    "quotes": '"' * 50_000,
    "blank-lines": "\n" * 100_000,
    "attributions": "officials said " * 10_000,
    "capitalised": "The Big Red Dog Of The North " * 5_000,
    "url": "https://example.com/" + "a/" * 50_000,
    # These three were quadratic in the matches of one sentence (45 s, 13 s, 20 s).
    "ranges": "between 3 and " * 10_000,
    "money": "$1 million $" * 10_000,
    "months": "March 2024, " * 10_000,
}


@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_pathological_documents_finish(text: str, ruleset: RuleSet) -> None:
    with alarm():
        model = extract_text(text, doc_id="d", lexicon=ruleset.lexicon)
    for claim in model.claims:
        assert text[claim.span[0]:claim.span[1]] == claim.text


def test_catastrophic_patterns_finish() -> None:
    # Backtracking engines take exponential time on these; RE2 is linear.
    rule = TermRule(id="redos", kind="term", canonical="b",
                    patterns=["(?P<term>(a+)+)$", "(?P<term>(a|aa)+)b", "(?P<term>(.*a){20})"])
    matcher = TermMatcher([rule])
    assert not matcher.errors
    with alarm():
        matcher.find("a" * 50_000 + "!")
