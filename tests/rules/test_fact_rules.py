"""Fact rules through normalisation: paraphrases, negation, validity windows, objects, dates."""

from __future__ import annotations

from pathlib import Path

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


def judge(ruleset: RuleSet, rule: FactRule, text: str) -> str:
    lex = ruleset.lexicon
    cf = extract_text(text, "d", lex, DocumentMeta(published="2025-03-01"), 0.0)
    found = [h for c in cf.claims if (h := match_fact(rule, normalise(c, "d", lex), lex))]
    return f"{found[0].outcome}:{found[0].reason}" if found else "none"


FOUNDED = {"id": "suparco-founded-1961", "kind": "fact", "subject": "suparco",
           "predicate": "founded", "date": "1961"}
RISE = {"id": "suparco-budget-rise", "kind": "fact", "subject": "suparco",
        "predicate": "increase", "value": {"value": 34, "unit": "percent", "tolerance": 0.01}}


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # A date fact without an object: the claim's date against the rule's.
    (FOUNDED, "SUPARCO was founded in 1975, the agency said.", "violation:date"),
    (FOUNDED, "SUPARCO was founded in September 1961.", "support:agree"),
    (FOUNDED, "SUPARCO was founded by a group of scientists.", "none"),
    (FOUNDED, "SUPARCO was not founded in 1961.", "violation:polarity"),
    (FOUNDED, "NASA was founded in 1958.", "none"),
    ({**FOUNDED, "holds": False}, "SUPARCO was founded in 1961.", "violation:polarity"),
    ({**FOUNDED, "holds": False}, "SUPARCO was founded in 1975.", "none"),
    # A value fact: the claim's figure in the rule's unit, within the tolerance.
    (RISE, "SUPARCO budget rose 50 percent in 2024.", "violation:value"),
    (RISE, "SUPARCO budget rose 34% in 2024.", "support:agree"),
    (RISE, "SUPARCO budget rose 34.2 percent in 2024.", "support:agree"),
    (RISE, "SUPARCO budget rose sharply in 2024.", "none"),
    (RISE, "SUPARCO budget rose by $50 million in 2024.", "none"),
    # Dated, the value is that year's: another year's figure is another figure.
    ({**RISE, "date": "2024"}, "SUPARCO budget rose 50 percent in 2019.", "none"),
    ({**RISE, "date": "2024"}, "SUPARCO budget rose 50 percent in 2024.", "violation:value"),
    # An object fact with a value.
    ({"id": "x", "kind": "fact", "subject": "china", "predicate": "member-of", "object": "iss",
      "value": {"value": 5, "unit": "percent"}},
     "China is a member of the ISS with a 9% share.", "violation:value"),
])
def test_date_and_value_facts(ruleset: RuleSet, rule: dict[str, object], text: str,
                              expected: str) -> None:
    assert judge(ruleset, FactRule.model_validate(rule), text) == expected


def test_a_value_in_a_unit_no_claim_is_read_in_is_an_error(tmp_path: Path, repo: Path) -> None:
    from checker.rules import load_rules

    (tmp_path / "f.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: f\n    kind: fact\n    subject: suparco\n'
        '    predicate: increase\n    value: {value: 3, unit: foo bar baz}\n'
        '  - id: g\n    kind: fact\n    subject: suparco\n    predicate: increase\n'
        '    value: {value: 3, unit: km}\n', encoding="utf-8")
    _, errors = load_rules([repo / "rules", tmp_path])
    assert len(errors) == 1 and ":7:5: rules[0].value: unit 'foo bar baz' is not one " \
        "claims' figures are read in" in str(errors[0]), errors
