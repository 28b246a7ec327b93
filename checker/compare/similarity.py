"""How much two claims talk about the same things: weighted overlap in [0, 1].

With the block index's `Weights` as `idf` (what `judge` passes), weights are looked up in
precomputed tables and summed in C; the result is bit-identical to the generic path.

Sums are `math.fsum`, exact before its one rounding: a set's iteration order depends on the
process's string-hash seed, and with `sum` the last bit of a score could differ between two
runs, so a verdict stored by one run (`checker.compare.store`) or judged on another machine
could differ from the one this run would give.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import repeat
from math import fsum

from checker.compare.blocking import Totals, Weights
from checker.normclaim import NormClaim, has_lent


@dataclass(frozen=True, slots=True)
class Similarity:
    """Weighted overlap of entities, frame words, and both."""

    entities: float
    frame: float
    combined: float
    shared_entities: tuple[str, ...]
    shared_frame: tuple[str, ...]


_new = object.__new__
_SET_ENTITIES, _SET_FRAME, _SET_COMBINED, _SET_SHARED_ENTITIES, _SET_SHARED_FRAME = (
    getattr(Similarity, name).__set__
    for name in ("entities", "frame", "combined", "shared_entities", "shared_frame"))


def _similarity(entities: float, frame: float, combined: float,
                shared_entities: tuple[str, ...], shared_frame: tuple[str, ...]) -> Similarity:
    """`Similarity(...)`, set through the slots' own descriptors: a frozen dataclass's
    __init__ sets each field through object.__setattr__, about twice the cost, and a
    similarity is made for every judged pair (a million at 200,000 claims). Same object."""
    made = _new(Similarity)
    _SET_ENTITIES(made, entities)
    _SET_FRAME(made, frame)
    _SET_COMBINED(made, combined)
    _SET_SHARED_ENTITIES(made, shared_entities)
    _SET_SHARED_FRAME(made, shared_frame)
    return made


def overlap(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """Blend of overlap coefficient and Dice, weighted: 1.0 for identical sets.

    The overlap coefficient lets a short claim match the longer sentence it is part of;
    Dice keeps two long sentences sharing one word apart.
    """
    if not a or not b:
        return 0.0
    shared = fsum(weight(k) for k in a & b)
    wa, wb = fsum(weight(k) for k in a), fsum(weight(k) for k in b)
    return 0.6 * shared / min(wa, wb) + 0.4 * 2 * shared / (wa + wb)


def _overlap_table(a: frozenset[str], b: frozenset[str], table: Mapping[str, float],
                   default: float, wa: float, wb: float) -> float:
    """`overlap` with weights from a table (unknown keys weigh `default`), given the sums
    of a's and b's weights (`Weights.totals`)."""
    if not a or not b:
        return 0.0
    return _blend(fsum(map(table.get, a & b, repeat(default))), wa, wb)


# What a table gives for a key it does not know: no weight is negative (a known key weighs
# log((n + 1) / (count + 1)) + 1 >= 1, as no count exceeds n). A marker, not None: typed
# as the weights are, without a cast (`cast(list[float], ...)` built an alias every pair).
_NO_WEIGHT = -1.0


def _blend(shared: float, wa: float, wb: float) -> float:
    """`overlap`'s formula given the shared and the two sets' weight sums."""
    return 0.6 * shared / min(wa, wb) + 0.4 * 2 * shared / (wa + wb)


def weighted_similarity(a: NormClaim, b: NormClaim, idf: Weights, ta: Totals,
                        tb: Totals) -> Similarity:
    """`similarity` from the weight tables, given both claims' totals.

    Each shared set is built once (not once for its overlap and again for its tuple), and
    the keys' shared weight is summed from the entities' and words' weights: a claim's keys
    are its entities and words prefixed, weighed alike, and `fsum` is exact whatever the
    order. An entity no table knows weighs otherwise in the two tables: then `similarity`."""
    if has_lent(a) or has_lent(b):
        # An entity lent as context is no key (`normclaim.keys_of`): the keys' shared weight
        # is not the entities' and words' together, so the generic path sums the keys.
        return similarity(a, b, idf)
    return unlent_similarity(a, b, idf, ta, tb)


def unlent_similarity(a: NormClaim, b: NormClaim, idf: Weights, ta: Totals,
                      tb: Totals) -> Similarity:
    """`weighted_similarity` of two claims neither of which was lent an entity (`has_lent`,
    which the caller knows of each claim: `facts.ClaimFacts.unlent`), `_blend` and
    `_similarity` written out (a judged pair made five calls of them: a million pairs at
    200,000 claims). The same floats, bit for bit (tests/compare/test_fast_paths.py)."""
    shared_e, shared_t = a.entities & b.entities, a.tokens & b.tokens
    ent_w = list(map(idf.entity.get, shared_e, repeat(_NO_WEIGHT)))
    if _NO_WEIGHT in ent_w:
        return similarity(a, b, idf)
    tok_w = list(map(idf.token.get, shared_t, repeat(idf.unseen)))
    made = _new(Similarity)
    # Only the empty sets' zeros need the tests: a shared set is empty when either is.
    if a.entities and b.entities:
        x, wa, wb = fsum(ent_w), ta.entities, tb.entities
        _SET_ENTITIES(made, 0.6 * x / (wa if wa < wb else wb) + 0.4 * 2 * x / (wa + wb))
    else:
        _SET_ENTITIES(made, 0.0)
    if a.tokens and b.tokens:
        x, wa, wb = fsum(tok_w), ta.tokens, tb.tokens
        _SET_FRAME(made, 0.6 * x / (wa if wa < wb else wb) + 0.4 * 2 * x / (wa + wb))
    else:
        _SET_FRAME(made, 0.0)
    if a.keys and b.keys:
        x, wa, wb = fsum(ent_w + tok_w), ta.mixed, tb.mixed
        _SET_COMBINED(made, 0.6 * x / (wa if wa < wb else wb) + 0.4 * 2 * x / (wa + wb))
    else:
        _SET_COMBINED(made, 0.0)
    _SET_SHARED_ENTITIES(made, tuple(sorted(shared_e)))
    _SET_SHARED_FRAME(made, tuple(sorted(shared_t)))
    return made


def similarity(a: NormClaim, b: NormClaim, idf: Callable[[str], float]) -> Similarity:
    """Entities weigh 1.5 times their rarity, frame words their rarity."""
    if isinstance(idf, Weights):
        unseen = idf.unseen
        ta, tb = idf.totals(a), idf.totals(b)
        return Similarity(
            _overlap_table(a.entities, b.entities, idf.entity, 1.5 * unseen, ta.entities,
                           tb.entities),
            _overlap_table(a.tokens, b.tokens, idf.token, unseen, ta.tokens, tb.tokens),
            _overlap_table(a.keys, b.keys, idf.mixed, unseen, ta.mixed, tb.mixed),
            tuple(sorted(a.entities & b.entities)), tuple(sorted(a.tokens & b.tokens)),
        )

    def ent_w(e: str) -> float:
        return 1.5 * idf(f"e:{e}")

    def tok_w(t: str) -> float:
        return idf(f"t:{t}")

    def key_w(k: str) -> float:
        return ent_w(k[2:]) if k.startswith("e:") else tok_w(k[2:])

    return Similarity(
        overlap(a.entities, b.entities, ent_w), overlap(a.tokens, b.tokens, tok_w),
        overlap(a.keys, b.keys, key_w), tuple(sorted(a.entities & b.entities)),
        tuple(sorted(a.tokens & b.tokens)),
    )


def coverage(a: NormClaim, b: NormClaim, idf: Callable[[str], float]) -> float:
    """Weighted share of the shorter claim's entities and words found in the other one.

    A confirmation must say nothing the other claim does not: "recorded by cats" is not
    confirmed by "recorded by Katy Perry", however much else they share.
    """
    keys_a, keys_b = a.keys, b.keys
    if not keys_a or not keys_b:
        return 0.0
    small, large = (keys_a, keys_b) if len(keys_a) <= len(keys_b) else (keys_b, keys_a)
    if isinstance(idf, Weights):
        total = idf.totals(a if small is keys_a else b).keys
        shared = fsum(map(idf.key.get, small & large, repeat(idf.unseen)))
        return shared / total if total else 0.0
    total = fsum(idf(k) for k in small)
    return fsum(idf(k) for k in small & large) / total if total else 0.0


def weighted_coverage(a: NormClaim, b: NormClaim, idf: Weights, ta: Totals,
                      tb: Totals) -> float:
    """`coverage` from the weight tables, given both claims' totals (not looked up again)."""
    keys_a, keys_b = a.keys, b.keys
    if not keys_a or not keys_b:
        return 0.0
    total = (ta if len(keys_a) <= len(keys_b) else tb).keys
    shared = fsum(map(idf.key.get, keys_a & keys_b, repeat(idf.unseen)))
    return shared / total if total else 0.0
