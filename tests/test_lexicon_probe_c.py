"""Predicate phrases on words that are no verb there (desk probe C)."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet


@pytest.mark.parametrize("text", [
    "Brenner signed a four-year contract on Tuesday.",
    "He signed a contract with Wolves.",
    "The club confirmed the contract was worth 5 million euros.",
    "Flights were suspended after cracks were found in the runway.",
    "Traces of the toxin were found in 12 samples.",
])
def test_a_noun_or_a_homograph_is_no_predicate(ruleset: RuleSet, text: str) -> None:
    # "a contract" is no "contracted" (a decrease), "were found in" no "founded in": each
    # gave a claim a predicate its twin on another page did not have.
    assert ruleset.lexicon.predicate_spans(text) == []


@pytest.mark.parametrize("text, pid", [
    ("The economy will contract by 2% this year.", "decrease"),
    ("Activity contracted in March.", "decrease"),
    ("The company was founded in 1967.", "founded"),
])
def test_the_verbs_are_still_predicates(ruleset: RuleSet, text: str, pid: str) -> None:
    assert [p for p, _, _ in ruleset.lexicon.predicate_spans(text)] == [pid]


@pytest.mark.parametrize("text", ["Sales saw a rise of 5% in March.",
                                  "The index recorded a sharp fall on Monday."])
def test_a_noun_of_the_predicate_s_own_event_keeps_it(ruleset: RuleSet, text: str) -> None:
    assert ruleset.lexicon.predicate_spans(text) != []
