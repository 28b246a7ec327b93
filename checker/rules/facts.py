"""Fact rules matched against normalised claims: violations and supports.

Matching goes through normalisation, so paraphrases are caught: "Beijing is one of the
partner nations of the International Space Station" is subject `china` (metonym),
predicate `member-of` (phrase), object `iss` (alias), positive.

A fact is subject + predicate and what it is about: an object (`china member-of iss`), a
date (`suparco founded 1961`: a claim of the subject and predicate dated otherwise violates
it), or a value (`suparco increase 34 percent`: a claim's figure in the same unit outside
the tolerance violates it). An object fact may also carry a date and a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from checker.compare.slots import EVENT_GRANULARITIES
from checker.lexicon import Lexicon
from checker.models.common import partial_date_bounds
from checker.models.rules import FactRule, FactValue
from checker.nlp import word_stem
from checker.normclaim import Mention, NDate, NormClaim, NQuantity


@dataclass(frozen=True)
class FactHit:
    """A claim that violates or supports a fact rule."""

    rule: FactRule
    claim: NormClaim
    outcome: str  # violation | support
    reason: str  # polarity | object | date | value | agree
    confidence: float
    found: str


def _is(mention: Mention, entity: str, lexicon: Lexicon) -> bool:
    return mention.id == entity or entity in lexicon.ancestors(mention.id)


def _claim_time(claim: NormClaim, published: tuple[date, date] | None) -> tuple[date, date] | None:
    events = [(d.first, d.last) for d in claim.dates
              if d.first and d.last and d.granularity in EVENT_GRANULARITIES and not d.open]
    if events:
        return min(e[0] for e in events), max(e[1] for e in events)
    return published


def in_force(rule: FactRule, when: tuple[date, date] | None) -> bool:
    """Whether the fact held at the claim's time (unknown time: assume it does)."""
    if when is None:
        return True
    if rule.valid_from and when[1] < partial_date_bounds(rule.valid_from)[0]:
        return False
    return not (rule.valid_until and when[0] > partial_date_bounds(rule.valid_until)[1])


def match_fact(rule: FactRule, claim: NormClaim, lexicon: Lexicon,
               published: tuple[date, date] | None = None) -> FactHit | None:
    """The claim's verdict on the rule, or None when it does not state the fact."""
    if not in_force(rule, _claim_time(claim, published)):
        return None
    single = lexicon.predicates.get(rule.predicate)
    single_valued = bool(single and single.single_valued)
    weaken = 0.75 if claim.modality in ("hedged", "planned") else 1.0
    for pid, ps, pe in claim.predicates:
        if pid != rule.predicate:
            continue
        subjects = [m for m in claim.mentions if m.end <= ps and _is(m, rule.subject, lexicon)]
        if not subjects:
            continue
        after = [m for m in claim.mentions if m.start >= pe]
        asserted = claim.polarity == "positive"
        found = claim.text
        if rule.object is not None:
            same = [m for m in after if _is(m, rule.object, lexicon)]
            if same:
                hit = _object_hit(rule, claim, asserted, weaken, found)
                if hit:
                    return hit
                continue
            others = [m for m in after if m.id != rule.subject]
            if rule.holds and asserted and single_valued and others:
                return FactHit(rule, claim, "violation", "object", round(0.8 * weaken, 3), found)
            continue
        hit = _statement_hit(rule, claim, asserted, weaken, found)
        if hit:
            return hit
    return None


@dataclass(frozen=True)
class RuleQuantity:
    """A fact's value as claims' quantities are normalised: kind, base unit, value in it,
    and for a count the stem of what it counts."""

    kind: str
    unit: str | None
    value: float
    noun: str | None


def _number(value: float) -> str:
    text = f"{value:.12f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-") else "0"


@lru_cache(maxsize=256)
def _rule_quantity(value: float, unit: str | None) -> RuleQuantity | None:
    # The quantity parser is the extractor's (its patterns are costly to compile): loaded
    # by the first fact rule with a value, not by every command that loads rules.
    from checker.extract.quantities import find_quantities

    number = _number(value)
    if not unit or not unit.strip():
        return RuleQuantity("count", None, value, None)
    unit = unit.strip()
    counted: RuleQuantity | None = None
    # "34 percent", "USD 34", "$34": the unit read whole, wherever it is written; else
    # "34 employees", a count of a noun.
    for text in (f"{number} {unit}", f"{unit} {number}", f"{unit}{number}"):
        found = find_quantities(text)
        if len(found) != 1 or found[0].value is None:
            continue
        q, number_value = found[0], found[0].value
        if q.start == 0 and q.end == len(text) and q.unit is not None:
            return RuleQuantity(q.kind, q.unit, number_value, None)
        if counted is None and q.kind == "count" and q.unit is None and q.noun and \
                q.noun.lower() == unit.lower() and text[q.end:].strip() == unit:
            counted = RuleQuantity(q.kind, None, number_value, word_stem(q.noun.lower()))
    return counted


def rule_quantity(value: FactValue) -> RuleQuantity | None:
    """The fact's value as a claim's would be read, or None when its unit is not one the
    extractor understands (such a rule could never match a claim)."""
    return _rule_quantity(value.value, value.unit)


def _events(claim: NormClaim) -> list[NDate]:
    return [d for d in claim.dates if d.first and d.last
            and d.granularity in EVENT_GRANULARITIES and not d.open]


def _date_agrees(rule: FactRule, claim: NormClaim) -> bool | None:
    """Whether the claim's event dates meet the rule's date (None: it has none)."""
    if not rule.date:
        return None
    events = _events(claim)
    if not events:
        return None
    first, last, _ = partial_date_bounds(rule.date)
    return any(d.first <= last and first <= d.last for d in events if d.first and d.last)


def _value_agrees(rule: FactRule, claim: NormClaim) -> bool | None:
    """Whether a figure of the claim in the rule's unit is within its tolerance (None: the
    claim gives no figure in that unit)."""
    if rule.value is None:
        return None
    want = rule_quantity(rule.value)
    if want is None:
        return None
    same = [q for q in claim.quantities if _comparable(q, want)]
    if not same:
        return None
    margin = abs(want.value) * rule.value.tolerance
    low, high = want.value - margin, want.value + margin
    return any(_low(q) <= high and low <= _high(q) for q in same)


def _comparable(q: NQuantity, want: RuleQuantity) -> bool:
    if q.value is None or q.kind != want.kind or q.unit != want.unit:
        return False
    return want.noun is None or q.noun == want.noun


def _low(q: NQuantity) -> float:
    return q.low if q.low is not None else q.value or 0.0


def _high(q: NQuantity) -> float:
    return q.high if q.high is not None else q.value or 0.0


def _statement_hit(rule: FactRule, claim: NormClaim, asserted: bool, weaken: float,
                   found: str) -> FactHit | None:
    """A fact without an object: the claim's date, or its figure, against the rule's.

    A claim saying nothing of them states nothing the rule can judge. A value fact's date
    says when the value held: a figure dated otherwise is another one."""
    if rule.value is not None:
        if _date_agrees(rule, claim) is False:
            return None
        agrees, reason = _value_agrees(rule, claim), "value"
    else:
        agrees, reason = _date_agrees(rule, claim), "date"
    if agrees is None:
        return None
    if rule.holds:
        if asserted:
            return FactHit(rule, claim, "support", "agree", round(0.9 * weaken, 3), found) \
                if agrees else \
                FactHit(rule, claim, "violation", reason, round(0.85 * weaken, 3), found)
        # "X was not founded in 1961" against "X was founded in 1961".
        return FactHit(rule, claim, "violation", "polarity", round(0.95 * weaken, 3),
                       found) if agrees else None
    if not agrees:
        return None  # the fact is that it was not so: another date or figure is no matter
    return FactHit(rule, claim, "violation", "polarity", round(0.95 * weaken, 3), found) \
        if asserted else FactHit(rule, claim, "support", "agree", round(0.9 * weaken, 3), found)


def _object_hit(rule: FactRule, claim: NormClaim, asserted: bool, weaken: float,
                found: str) -> FactHit | None:
    if asserted != rule.holds:
        return FactHit(rule, claim, "violation", "polarity", round(0.95 * weaken, 3), found)
    if asserted and _date_agrees(rule, claim) is False:
        return FactHit(rule, claim, "violation", "date", round(0.85 * weaken, 3), found)
    if asserted and _value_agrees(rule, claim) is False:
        return FactHit(rule, claim, "violation", "value", round(0.85 * weaken, 3), found)
    return FactHit(rule, claim, "support", "agree", round(0.9 * weaken, 3), found)
