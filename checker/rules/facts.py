"""Fact rules matched against normalised claims: violations and supports.

Matching goes through normalisation, so paraphrases are caught: "Beijing is one of the
partner nations of the International Space Station" is subject `china` (metonym),
predicate `member-of` (phrase), object `iss` (alias), positive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.compare.slots import EVENT_GRANULARITIES
from checker.lexicon import Lexicon
from checker.models.common import partial_date_bounds
from checker.models.rules import FactRule
from checker.normclaim import Mention, NormClaim


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
        return None
    return None


def _object_hit(rule: FactRule, claim: NormClaim, asserted: bool, weaken: float,
                found: str) -> FactHit | None:
    if asserted != rule.holds:
        return FactHit(rule, claim, "violation", "polarity", round(0.95 * weaken, 3), found)
    if rule.date and asserted:
        first, last, _ = partial_date_bounds(rule.date)
        events = [d for d in claim.dates if d.first and d.last
                  and d.granularity in EVENT_GRANULARITIES and not d.open]
        if events and not any(d.first <= last and first <= d.last for d in events
                              if d.first and d.last):
            return FactHit(rule, claim, "violation", "date", round(0.85 * weaken, 3), found)
    return FactHit(rule, claim, "support", "agree", round(0.9 * weaken, 3), found)
