"""Rule self-tests: every rule's examples must (trigger) and must not (pass) fire it."""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract import extract_text
from checker.lexicon import Lexicon
from checker.models.rules import (
    ConsistencyRule,
    EntityRule,
    FactRule,
    PredicateRule,
    Rule,
    TermRule,
)
from checker.normalize import normalise
from checker.rules import RuleSet
from checker.rules.builtin import BUILTIN
from checker.rules.consistency import check, find_forms
from checker.rules.facts import match_fact
from checker.rules.terms import TermMatcher


@dataclass(frozen=True)
class SelfTestFailure:
    """A rule whose example does not behave as declared."""

    rule_id: str
    where: str
    example: str | None
    problem: str


def fires(rule: Rule, text: str, lexicon: Lexicon) -> bool:
    """Whether the rule fires on an example text."""
    if isinstance(rule, EntityRule):
        return any(m.id == rule.id for m in lexicon.find_entities(text))
    if isinstance(rule, PredicateRule):
        return any(pid == rule.id for pid, _, _ in lexicon.predicate_spans(text))
    if isinstance(rule, TermRule):
        return any(h.rule.id == rule.id for h in TermMatcher([rule]).find(text))
    if isinstance(rule, ConsistencyRule):
        local = rule.model_copy(update={"scope": "document"})
        found = find_forms(local, "example", text, [(0, len(text))])
        return bool(check(local, {"example": found}))
    if isinstance(rule, FactRule):
        claims = extract_text(text, "example", lexicon, threshold=0.0).claims
        return any(
            (hit := match_fact(rule, normalise(c, "example", lexicon), lexicon)) is not None
            and hit.outcome == "violation"
            for c in claims
        )
    return False


def run_selftests(ruleset: RuleSet, include_builtin: bool = True) -> tuple[int, list[
        SelfTestFailure]]:
    """(examples checked, failures) over every rule in the set."""
    failures: list[SelfTestFailure] = []
    checked = 0
    for rule in ruleset.rules:
        source = ruleset.sources.get(rule.id)
        builtin = bool(source and source.path.startswith(BUILTIN))
        if builtin and (not include_builtin or isinstance(rule, EntityRule)):
            continue  # built-in entities are data (countries), tested by unit tests
        where = f"{source.path}:{source.line}" if source else "?"
        examples = rule.examples
        if not examples.trigger and not examples.pass_:
            failures.append(SelfTestFailure(rule.id, where, None, "has no examples"))
            continue
        if not examples.trigger:
            failures.append(SelfTestFailure(rule.id, where, None,
                                            "has no `trigger` example"))
        for text in examples.trigger:
            checked += 1
            if not fires(rule, text, ruleset.lexicon):
                failures.append(SelfTestFailure(rule.id, where, text, "did not trigger"))
        for text in examples.pass_:
            checked += 1
            if fires(rule, text, ruleset.lexicon):
                failures.append(SelfTestFailure(rule.id, where, text,
                                                "triggered on a pass example"))
    return checked, failures
