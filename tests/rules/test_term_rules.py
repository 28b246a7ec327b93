"""Term rules: one automaton for all literal variants, RE2 patterns, fuzzy variants."""

from __future__ import annotations

import time

from checker.errors import Location
from checker.models.rules import TermRule
from checker.rules.terms import TermMatcher


def rule(**kw: object) -> TermRule:
    base: dict[str, object] = {"id": "t", "kind": "term", "canonical": "Chang'e"}
    base.update(kw)
    return TermRule.model_validate(base)


def test_curly_and_straight_apostrophes_are_one_letter() -> None:
    m = TermMatcher([rule(variants=["Chiang'e"])])
    hits = m.find("Chiang’e 6 and Chiang'e 7")
    assert [(h.found, h.replacement) for h in hits] == [("Chiang’e", "Chang’e"),
                                                       ("Chiang'e", "Chang'e")]


def test_word_boundaries_and_case() -> None:
    m = TermMatcher([rule(canonical="colour", variants=["color"])])
    assert [h.found for h in m.find("Color and colors and color.")] == ["Color", "color"]
    cs = TermMatcher([rule(canonical="SUPARCO", variants=["Suparco"], case_sensitive=True)])
    assert [h.found for h in cs.find("Suparco and SUPARCO")] == ["Suparco"]


def test_pattern_with_term_group() -> None:
    m = TermMatcher([rule(patterns=[r"\b(?P<term>Change)[- ]?[1-9]\b"], case_sensitive=True)])
    hits = m.find("The Change 6 probe; climate change 6 times.")
    assert [(h.found, h.start) for h in hits] == [("Change", 4)]


def test_fuzzy_variants() -> None:
    m = TermMatcher([rule(canonical="Tiangong", variants=["Tiangon"], fuzzy=0.8,
                          ignore=["Tianjin"])])
    assert {h.found for h in m.find("Tiangog and Tianjin and Tiangong")} == {"Tiangog"}


def test_bad_pattern_is_a_rule_error() -> None:
    where = Location("rules/x.yaml", 6, 5, "rules[0].patterns")
    m = TermMatcher([rule(patterns=[r"(a)\1"])], {"t": where})
    assert m.errors and str(m.errors[0]).startswith("rules/x.yaml:6:5: rules[0].patterns: ")


def test_pathological_pattern_finishes() -> None:
    # Catastrophic for a backtracking engine; linear for RE2.
    m = TermMatcher([rule(patterns=[r"(a+)+b"])])
    start = time.perf_counter()
    assert m.find("a" * 50_000 + "c") == []
    assert time.perf_counter() - start < 5  # a hang would take hours; this guards, not benches


def test_thousand_rules_in_one_pass() -> None:
    rules = [rule(id=f"r{i}", canonical=f"word{i}", variants=[f"wrd{i}"]) for i in range(1000)]
    m = TermMatcher(rules)
    hits = m.find("wrd1 then wrd999 and wrd1000x")
    assert [h.rule.id for h in hits] == ["r1", "r999"]
