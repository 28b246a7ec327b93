"""How much two claims talk about the same things: weighted overlap in [0, 1]."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.normalize import NormClaim


@dataclass(frozen=True)
class Similarity:
    """Weighted overlap of entities, frame words, and both."""

    entities: float
    frame: float
    combined: float
    shared_entities: tuple[str, ...]
    shared_frame: tuple[str, ...]


def overlap(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """Blend of overlap coefficient and Dice, weighted: 1.0 for identical sets.

    The overlap coefficient lets a short claim match the longer sentence it is part of;
    Dice keeps two long sentences sharing one word apart.
    """
    if not a or not b:
        return 0.0
    shared = sum(weight(k) for k in a & b)
    wa, wb = sum(weight(k) for k in a), sum(weight(k) for k in b)
    return 0.6 * shared / min(wa, wb) + 0.4 * 2 * shared / (wa + wb)


def similarity(a: NormClaim, b: NormClaim, idf: Callable[[str], float]) -> Similarity:
    """Entities weigh 1.5 times their rarity, frame words their rarity."""

    def ent_w(e: str) -> float:
        return 1.5 * idf(f"e:{e}")

    def tok_w(t: str) -> float:
        return idf(f"t:{t}")

    def key_w(k: str) -> float:
        return ent_w(k[2:]) if k.startswith("e:") else tok_w(k[2:])

    keys_a = frozenset(f"e:{e}" for e in a.entities) | frozenset(f"t:{t}" for t in a.tokens)
    keys_b = frozenset(f"e:{e}" for e in b.entities) | frozenset(f"t:{t}" for t in b.tokens)
    return Similarity(
        overlap(a.entities, b.entities, ent_w), overlap(a.tokens, b.tokens, tok_w),
        overlap(keys_a, keys_b, key_w), tuple(sorted(a.entities & b.entities)),
        tuple(sorted(a.tokens & b.tokens)),
    )


def coverage(a: NormClaim, b: NormClaim, idf: Callable[[str], float]) -> float:
    """Weighted share of the shorter claim's entities and words found in the other one.

    A confirmation must say nothing the other claim does not: "recorded by cats" is not
    confirmed by "recorded by Katy Perry", however much else they share.
    """
    keys_a = {f"e:{e}" for e in a.entities} | {f"t:{t}" for t in a.tokens}
    keys_b = {f"e:{e}" for e in b.entities} | {f"t:{t}" for t in b.tokens}
    if not keys_a or not keys_b:
        return 0.0
    small, large = (keys_a, keys_b) if len(keys_a) <= len(keys_b) else (keys_b, keys_a)
    total = sum(idf(k) for k in small)
    return sum(idf(k) for k in small & large) / total if total else 0.0
