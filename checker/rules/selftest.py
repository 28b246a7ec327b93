"""Rule self-tests: every rule's examples must (trigger) and must not (pass) fire it."""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract import DEFAULT_THRESHOLD, extract_text
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


def fires(rule: Rule, text: str, lexicon: Lexicon, threshold: float = 0.0) -> bool:
    """Whether the rule fires on an example text (a fact rule: on a claim `check` would
    draft at this check-worthiness threshold)."""
    if isinstance(rule, FactRule):
        return any(score >= threshold for score in fact_violations(rule, text, lexicon))
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
    return False


def fact_violations(rule: FactRule, text: str, lexicon: Lexicon) -> list[float]:
    """The check-worthiness scores of the example's claims that violate the rule, each
    claim drafted whatever its score."""
    claims = extract_text(text, "example", lexicon, threshold=0.0).claims
    return [c.score for c in claims
            if (hit := match_fact(rule, normalise(c, "example", lexicon), lexicon)) is not None
            and hit.outcome == "violation"]


def _trigger_problem(rule: Rule, text: str, lexicon: Lexicon, threshold: float) -> str | None:
    """Why a trigger example does not fire the rule as `check` runs it, or None."""
    if isinstance(rule, PredicateRule) and not fires(rule, text, lexicon):
        read = [pid for pid, _, _ in lexicon.predicate_spans(text)]
        return "did not trigger" + (f": its words read as predicate {read[0]!r}" if read
                                    else "")
    if not isinstance(rule, FactRule):
        return None if fires(rule, text, lexicon) else "did not trigger"
    scores = fact_violations(rule, text, lexicon)
    if not scores:
        return "did not trigger"
    if max(scores) < threshold:
        return (f"did not trigger at the check-worthiness threshold {threshold:g}: the claim "
                f"scores {max(scores):.3f}, so `check` does not draft it (reword the example, "
                "or lower `threshold`)")
    return None


def run_selftests(ruleset: RuleSet, include_builtin: bool = True,
                  threshold: float = DEFAULT_THRESHOLD) -> tuple[int, list[SelfTestFailure]]:
    """(examples checked, failures) over every rule in the set. A fact rule's trigger
    example must make a claim scoring at least `threshold` (the one `check` drafts claims
    at); a pass example must not violate it with any claim, whatever its score."""
    failures: list[SelfTestFailure] = []
    checked = 0
    for rule in ruleset.rules:
        source = ruleset.sources.get(rule.id)
        builtin = bool(source and source.path.startswith(BUILTIN))
        if builtin and (not include_builtin or isinstance(rule, EntityRule)):
            continue  # built-in entities are data (countries), tested by unit tests
        if builtin and rule.id in ruleset.yielded:
            continue  # gave phrases to the project's predicates, whose examples test them
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
            problem = _trigger_problem(rule, text, ruleset.lexicon, threshold)
            if problem:
                failures.append(SelfTestFailure(rule.id, where, text, problem))
        for text in examples.pass_:
            checked += 1
            if fires(rule, text, ruleset.lexicon):
                failures.append(SelfTestFailure(rule.id, where, text,
                                                "triggered on a pass example"))
    return checked, failures
