"""Fact rules through normalisation: paraphrases, negation, validity windows, objects, dates."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.models.rules import FactRule
from checker.normalize import normalise
from checker.rules import RuleSet
from checker.rules.facts import in_force, match_fact


def outcome(ruleset: RuleSet, rule_id: str, text: str, published: str | None = None) -> str:
    rule = ruleset.get(rule_id)
    assert isinstance(rule, FactRule)
    cf = extract_text(text, "d", ruleset.lexicon, DocumentMeta(published=published), 0.0)
    lex = ruleset.lexicon
    hits = [match_fact(rule, normalise(c, "d", lex), lex) for c in cf.claims]
    found = [h for h in hits if h]
    return f"{found[0].outcome}:{found[0].reason}" if found else "none"


@pytest.mark.parametrize(("text", "expected"), [
    ("China is a member of the International Space Station.", "violation:polarity"),
    ("Beijing is one of the partner nations of the International Space Station.",
     "violation:polarity"),
    ("China is NOT a member of the International Space Station.", "support:agree"),
    ("China has never been part of the ISS programme.", "support:agree"),
    ("Japan is a member of the International Space Station.", "none"),
    ("China is a member of the BRICS group.", "none"),
])
def test_china_not_iss_member(ruleset: RuleSet, text: str, expected: str) -> None:
    assert outcome(ruleset, "china-not-iss-member", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ICUBE-Q was deployed aboard China's Chang'e 6 mission in 2024.", "support:agree"),
    ("ICUBE-Q was deployed aboard China's Chang'e 5 mission.", "violation:object"),
    ("ICUBE-Q was deployed aboard China's Chang'e 6 mission in 2022.", "violation:date"),
])
def test_single_valued_object_and_date(ruleset: RuleSet, text: str, expected: str) -> None:
    assert outcome(ruleset, "icube-q-flew-on-change-6", text) == expected


def test_validity_window() -> None:
    rule = FactRule(id="x", kind="fact", subject="a", predicate="p", object="b",
                    valid_from="2006-08-24", valid_until="2030")
    from datetime import date

    assert not in_force(rule, (date(1990, 1, 1), date(1990, 12, 31)))
    assert in_force(rule, (date(2010, 1, 1), date(2010, 12, 31)))
    assert not in_force(rule, (date(2031, 1, 1), date(2031, 1, 1)))
    assert in_force(rule, None)
