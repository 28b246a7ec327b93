"""Verdicts for a candidate pair: corroboration, conflict or unrelated, with the reason and
the slots that decided it, and a confidence in [0, 1]."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from checker.lexicon import Lexicon
from checker.normalize import NDate, NormClaim, NQuantity

# Event dates: a point in time. Periods ("2020-2024") and open ranges are context.
EVENT_GRANULARITIES = frozenset({"day", "week", "month", "quarter", "year"})


@dataclass(frozen=True)
class Thresholds:
    """Where similarity becomes 'the same fact'; tuned on the dev set (see docs)."""

    same_fact: float = 0.5
    strict_frame: float = 0.6


@dataclass(frozen=True)
class Verdict:
    """The outcome for one pair."""

    label: str  # corroboration | conflict | unrelated
    reason: str | None
    confidence: float
    similarity: float
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Similarity:
    """Weighted overlap of entities, frame words, and both."""

    entities: float
    frame: float
    combined: float
    shared_entities: tuple[str, ...]
    shared_frame: tuple[str, ...]


def _overlap(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """Blend of overlap coefficient and Dice, weighted: 1.0 for identical sets."""
    if not a or not b:
        return 0.0
    shared = sum(weight(k) for k in a & b)
    wa, wb = sum(weight(k) for k in a), sum(weight(k) for k in b)
    return 0.6 * shared / min(wa, wb) + 0.4 * 2 * shared / (wa + wb)


def similarity(a: NormClaim, b: NormClaim, idf: Callable[[str], float]) -> Similarity:
    """How much two claims talk about the same things, in [0, 1]."""
    def ent_w(e: str) -> float:
        return 1.5 * idf(f"e:{e}")

    def tok_w(t: str) -> float:
        return idf(f"t:{t}")

    ents = _overlap(a.entities, b.entities, ent_w)
    frame = _overlap(a.tokens, b.tokens, tok_w)
    keys_a = frozenset(f"e:{e}" for e in a.entities) | frozenset(f"t:{t}" for t in a.tokens)
    keys_b = frozenset(f"e:{e}" for e in b.entities) | frozenset(f"t:{t}" for t in b.tokens)

    def key_w(k: str) -> float:
        return ent_w(k[2:]) if k.startswith("e:") else tok_w(k[2:])

    combined = _overlap(keys_a, keys_b, key_w)
    return Similarity(ents, frame, combined, tuple(sorted(a.entities & b.entities)),
                      tuple(sorted(a.tokens & b.tokens)))


def _aligned(qa: NQuantity, qb: NQuantity) -> bool:
    if qa.kind != qb.kind or qa.unit != qb.unit or qa.kind == "rank":
        return False
    if qa.noun and qb.noun:
        return qa.noun == qb.noun
    # Unit-less counts with no noun are too vague to align ("two", "10").
    return qa.kind not in ("count",)


def _interval(q: NQuantity) -> tuple[float, float]:
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    return low, high


def _agree(qa: NQuantity, qb: NQuantity) -> bool:
    la, ha = _interval(qa)
    lb, hb = _interval(qb)
    return la <= hb and lb <= ha


def compare_quantities(a: NormClaim, b: NormClaim) -> tuple[list[tuple[str, str]],
                                                          list[tuple[str, str]]]:
    """(agreeing pairs, conflicting pairs) of aligned quantities, as their texts."""
    agree, conflict = [], []
    for qa in a.quantities:
        aligned = [qb for qb in b.quantities if _aligned(qa, qb)]
        if not aligned:
            continue
        matches = [qb for qb in aligned if _agree(qa, qb)]
        if matches:
            agree.append((qa.text, matches[0].text))
        elif len(aligned) == 1 and not any(
            _aligned(other, aligned[0]) and _agree(other, aligned[0]) for other in a.quantities
        ):
            conflict.append((qa.text, aligned[0].text))
    return agree, conflict


def _events(c: NormClaim) -> list[NDate]:
    return [d for d in c.dates if d.granularity in EVENT_GRANULARITIES and d.first and d.last
            and not d.open]


def compare_dates(a: NormClaim, b: NormClaim) -> tuple[list[tuple[str, str]],
                                                     list[tuple[str, str]]]:
    """(agreeing, conflicting) event dates: conflicting when no pair overlaps."""
    ea, eb = _events(a), _events(b)
    agree = [(x.text, y.text) for x in ea for y in eb
             if x.first and y.last and x.last and y.first and x.first <= y.last
             and y.first <= x.last]
    if agree or not ea or not eb:
        return agree, []
    return [], [(ea[0].text, eb[0].text)]


def _antonyms(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> tuple[str, str] | None:
    for pa, _, _ in a.predicates:
        info = lexicon.predicates.get(pa)
        if not info:
            continue
        for pb, _, _ in b.predicates:
            if pb in info.antonyms:
                return pa, pb
    return None


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class Stats(Protocol):
    """Corpus statistics the verdict needs (the block index provides them)."""

    def idf(self, key: str) -> float: ...  # noqa: D102

    def specific(self, key: str) -> bool: ...  # noqa: D102


def judge(a: NormClaim, b: NormClaim, stats: Stats, lexicon: Lexicon,
          thresholds: Thresholds | None = None) -> Verdict:
    """Decide whether two claims state the same fact, and whether they agree."""
    th = thresholds or Thresholds()
    sim = similarity(a, b, stats.idf)
    score = sim.combined
    spec_ents = [e for e in sim.shared_entities if stats.specific(f"e:{e}")]
    spec_words = [t for t in sim.shared_frame if stats.specific(f"t:{t}")]
    q_agree, q_conflict = compare_quantities(a, b)
    d_agree, d_conflict = compare_dates(a, b)
    details: dict[str, Any] = {
        "similarity": round(score, 3),
        "shared_entities": list(sim.shared_entities),
        "shared_words": list(sim.shared_frame),
    }
    slots_agree = len(q_agree) + len(d_agree)
    same_fact = score >= th.same_fact or len(spec_ents) >= 2 or (
        bool(spec_ents) and (bool(spec_words) or slots_agree > 0))
    if not same_fact or not sim.shared_entities:
        return Verdict("unrelated", None, round(1 - score, 3), score, details)
    hedged = "hedged" in (a.modality, b.modality)
    strict = sim.frame >= th.strict_frame and sim.entities >= th.strict_frame
    # Evidence strength: overall overlap plus specific anchors (capped).
    base = min(1.0, score + 0.12 * min(len(spec_ents) + len(spec_words), 4))
    if a.polarity != b.polarity and strict:
        details["polarity"] = [a.polarity, b.polarity]
        conf = _logistic(6 * (base - 0.55)) * (0.7 if hedged else 1.0)
        return Verdict("conflict", "polarity", round(conf, 3), score, details)
    antonym = _antonyms(a, b, lexicon)
    if antonym and strict and a.polarity == b.polarity:
        details["predicates"] = list(antonym)
        conf = _logistic(6 * (base - 0.6)) * (0.7 if hedged else 1.0)
        return Verdict("conflict", "antonym", round(conf, 3), score, details)
    anchored = strict or (bool(spec_ents) and bool(spec_words))
    if q_conflict and not d_conflict and not q_agree and anchored:
        details["quantities"] = [list(p) for p in q_conflict]
        conf = _logistic(6 * (base - 0.55)) * (0.7 if hedged else 1.0)
        return Verdict("conflict", "number", round(conf, 3), score, details)
    if d_conflict and not q_conflict and anchored and sim.frame >= th.same_fact:
        details["dates"] = [list(p) for p in d_conflict]
        planned = "planned" in (a.modality, b.modality)
        conf = _logistic(6 * (base - 0.6)) * (0.6 if planned or hedged else 1.0)
        return Verdict("conflict", "date", round(conf, 3), score, details)
    if a.polarity != b.polarity or q_conflict or d_conflict:
        return Verdict("unrelated", None, 0.5, score, details)
    if q_agree:
        details["quantities"] = [list(p) for p in q_agree]
    if d_agree:
        details["dates"] = [list(p) for p in d_agree]
    details["anchors"] = spec_ents + spec_words
    conf = _logistic(5 * (base - 0.5) + 0.6 * min(slots_agree, 2)) * (0.8 if hedged else 1.0)
    return Verdict("corroboration", "agree", round(conf, 3), score, details)
