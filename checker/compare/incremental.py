"""Comparison when most claims are settled: search and judge only around the others.

A claim is *settled* when the last run's candidate search for it read exactly what this
run's would (the same blocks, with the same weights and the same members, so the same
candidates: `BlockIndex.searches`) and its verdicts still hold (`store.Prior`). A pair of
two settled claims is then a pair of the last run with the last run's verdict, so only the
pairs touching an unsettled claim are looked at; the others are carried over from the store.
Results come out in the order a full run produces them (`blocking.unique_pairs`: by the
claim that brings the pair, then by rank in its candidates), so the reduce step, and the
report, are a full run's.

    prior, judged, found = recall(claims, index, lexicon, thresholds, memory)
    if found is not None:
        results, pairs = found  # the store is kept already
    else:
        ...  # compare afresh, looking verdicts up in prior, and keep judged
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from heapq import merge
from itertools import compress, filterfalse
from operator import gt
from typing import NamedTuple

from checker.compare import PairResult, compmap, judge_pairs, kept
from checker.compare.blocking import BlockIndex
from checker.compare.compmap import COMPONENTS, Carry, ComponentMap, read_map
from checker.compare.components import Reuse
from checker.compare.pairs import pair_result
from checker.compare.slices import spliced
from checker.compare.store import Judged, Past, Prior, Related, VerdictFile, pair_code
from checker.compare.verdict import Thresholds, Verdict
from checker.lexicon import Lexicon
from checker.normclaim import NormClaim

# With the verdicts of at least this share of claims reusable, a run compares around the
# unsettled claims (in one process: the work left is small) instead of comparing afresh.
MOSTLY_REUSED = 0.5
# Fresh codes inserted one by one into the kept ones up to this many, else merged.
_FEW = 256
# Byte tables: 0 -> 1 and any other -> 0 (not); 0 -> 0 and any other -> 1 (bool).
_NOT = bytes([1]) + bytes(255)
_BOOL = bytes([0]) + bytes([1]) * 255

# A result with its place in a full run's order: (claim bringing the pair, rank).
_Placed = tuple[tuple[int, int], PairResult]


class Settled(NamedTuple):
    """The results of a comparison around the unsettled claims, in a full run's order; how
    many candidate pairs it had; the keys of the claims searched or judged again; and the
    components carried whole, whose pairs are not among the results (`compmap.carry`)."""

    results: list[PairResult]
    pairs: int
    unsettled: list[str]
    carry: Carry | None = None


class CarryFrom(NamedTuple):
    """What carrying the last run's components whole reads (`compmap.carry`): its map, the
    names the group memo keeps, this run's document digests and declared origins."""

    found: ComponentMap
    known: frozenset[str]
    digests: Mapping[str, str]
    declared: Mapping[str, str | None]


def recall(claims: Sequence[NormClaim], index: BlockIndex, lexicon: Lexicon,
           thresholds: Thresholds | None, memory: VerdictFile, reuse: Reuse | None = None,
           declared: Mapping[str, str | None] | None = None
           ) -> tuple[Prior, Judged, Settled | None]:
    """What the store vouches for, what this run will keep, and, when most claims are
    settled, the results found around the others (kept in the store already); with
    `reuse` and the documents' `declared` origins, the components carried whole."""
    prior = memory.recall(claims, index.n, index.df)
    judged = Judged(prior.hashes)
    searches = index.searches(prior.hashes)
    try:
        found = compare_settled(claims, index, lexicon, thresholds, prior, judged, searches,
                                _carry_from(memory, reuse, declared)) \
            if prior.share() >= MOSTLY_REUSED else None
    except (KeyError, ValueError, IndexError):
        # A store no run of this code wrote (edited, or damaged in a way JSON parsing cannot
        # see): nothing of it is trusted, and everything is compared afresh.
        prior, judged, found = Prior.empty(prior.hashes), Judged(prior.hashes), None
    judged.searches = searches
    if found is not None:
        memory.keep(claims, index.n, index.df, judged, prior)
    return prior, judged, found


def _carry_from(memory: VerdictFile, reuse: Reuse | None,
                declared: Mapping[str, str | None] | None) -> CarryFrom | None:
    """The last run's components, when the store this run read is the one the group memo
    and the map were kept beside (`Reuse.settled` reuses nothing otherwise)."""
    if reuse is None or declared is None or not reuse.known or reuse.token is None \
            or memory.found_token != reuse.token:
        return None
    found = read_map(memory.path.with_name(COMPONENTS), memory.fingerprint)
    if found is None or found.token != reuse.token:
        return None
    return CarryFrom(found, reuse.known, reuse.digests, declared)


def compare_settled(claims: Sequence[NormClaim], index: BlockIndex, lexicon: Lexicon,
                    thresholds: Thresholds | None, prior: Prior, judged: Judged,
                    searches: array[int], carry_from: CarryFrom | None = None
                    ) -> Settled | None:
    """The results and candidate-pair count of a full comparison, found around the
    unsettled claims; `judged` gets what the next run needs. None when the last run's
    searches cannot stand for this run's (none stored, or claims in another order). With
    `carry_from`, the pairs of the components carried whole are not made (`Settled`)."""
    past = prior.past
    where = _searched_before(prior.hashes, searches, past) if past is not None else None
    if past is None or where is None:
        return None
    hashes = prior.hashes
    settled = bytearray(len(claims))
    for i, a in enumerate(where):
        settled[i] = a >= 0 and prior.valid[i]
    at = {x: i for i, x in enumerate(hashes)}
    dropped = _dropped(past, at, settled)
    _keep_candidates(judged, past, where, index)
    past.cands = array("q")  # this run's lists are kept now (40 MB at 200k claims)
    fresh, looked_at = _around(claims, judged, settled, at, index, lexicon, thresholds, prior)
    stay, staying = _staying(past, dropped)
    carry = compmap.carry(carry_from.found, past.codes, past.related, stay,
                          (r for _, r in fresh), claims, hashes, carry_from.known,
                          carry_from.digests, carry_from.declared) \
        if carry_from is not None else None
    carried, count = _carried(claims, staying, at, judged,
                              carry.skip if carry is not None else None)
    # Merged in order, through generators: a list of 800,000 codes would be 32 MB more at
    # 200,000 claims, where memory peaks.
    fresh_unrelated = sorted(judged.unrelated)
    judged.unrelated = _merged(filterfalse(dropped.__contains__, past.unrelated),
                               fresh_unrelated)
    judged.unrelated_sorted = True
    prior.reused += count + len(judged.unrelated) - len(fresh_unrelated)
    judged.pairs = past.pairs - len(dropped) + looked_at
    judged.settled = sum(settled)
    placed = fresh + carried
    placed.sort(key=lambda p: p[0])
    return Settled([r for _, r in placed], judged.pairs,
                   [c.key for c, done in zip(claims, settled, strict=True) if not done], carry)


def _keep_candidates(judged: Judged, past: Past, where: array[int],
                     index: BlockIndex) -> None:
    """Each claim's candidates, as claim hashes, into `judged`: the last run's list where
    its search read the same (claims searched as the last run's a, a + 1, ..., after an
    edit all but a few, are one slice of its lists), else searched now."""
    hashes = judged.hashes
    searched = {i: ([hashes[j] for j in index.candidates(i)],)
                for i, a in enumerate(where) if a < 0}
    judged.cands, judged.cand_at = spliced(where, past.cand_at, (past.cands,), searched)


def _cands(judged: Judged, i: int) -> array[int]:
    return judged.cands[judged.cand_at[i]:judged.cand_at[i + 1]]


def _searched_before(hashes: array[int], searches: array[int], past: Past) -> array[int] | None:
    """Each claim's index in the last run when its search read what this run's reads, or
    -1; None when claims of both runs come in another order (candidates tied in score
    rank by position, so a reordering could change them)."""
    old_at = {x: a for a, x in enumerate(past.hashes)}
    where = array("q", [-1]) * len(hashes)
    last = -1
    for i, x in enumerate(hashes):
        a = old_at.get(x, -1)
        if a < 0:
            continue
        if a < last:
            return None
        last = a
        if past.searches[a] == searches[i]:
            where[i] = a
    return where


def _around(claims: Sequence[NormClaim], judged: Judged, settled: bytearray,
            at: dict[int, int], index: BlockIndex, lexicon: Lexicon,
            thresholds: Thresholds | None, prior: Prior) -> tuple[list[_Placed], int]:
    """Every candidate pair touching an unsettled claim, judged or looked up, in a full
    run's order (`blocking.unique_pairs`), and how many pairs there were."""
    hashes = prior.hashes
    unsettled = {hashes[i] for i in range(len(claims)) if not settled[i]}
    out: list[_Placed] = []
    looked_at = 0
    for i in range(len(claims)):
        found = _cands(judged, i)
        if settled[i] and unsettled.isdisjoint(found):
            continue
        for rank, x in enumerate(found):
            j = at[x]
            if settled[i] and settled[j]:
                continue
            if j > i:
                pair = (i, j)
            elif hashes[i] not in _cands(judged, j):
                pair = (j, i)
            else:
                continue  # brought by claim j already
            looked_at += 1
            for r in judge_pairs(claims, (pair,), index, lexicon, thresholds, None, prior,
                                 judged):
                out.append(((i, rank), r))
    return out, looked_at


def _dropped(past: Past, at: dict[int, int], settled: bytearray) -> set[int]:
    """Codes of the last run's candidate pairs touching a claim that is gone or unsettled:
    the pairs this run looks at again (or that are no more)."""
    gone = {x for x in past.hashes if x not in at or not settled[at[x]]}
    out: set[int] = set()
    cands, cand_at = past.cands, past.cand_at
    for a, x in enumerate(past.hashes):
        found = cands[cand_at[a]:cand_at[a + 1]]
        if x in gone:
            out.update(pair_code(x, y) for y in found)
        elif not gone.isdisjoint(found):
            out.update(pair_code(x, y) for y in found if y in gone)
    return out


def _staying(past: Past, dropped: set[int]) -> tuple[bytes, Related]:
    """Which of the last run's related verdicts are carried (1: not dropped), and theirs, in
    columns copied in C (56,000 at 10,000 documents), one byte of the mask a verdict."""
    related = past.related
    xs, ys, verdicts, copies = related.xs, related.ys, related.verdicts, related.copies
    if not len(xs) == len(ys) == len(verdicts) == len(copies) == len(past.codes):
        raise ValueError("a store's related columns differ in length")
    stay = bytes(map(dropped.__contains__, past.codes)).translate(_NOT)
    return stay, Related(array("q", compress(xs, stay)), array("q", compress(ys, stay)),
                         list(compress(verdicts, stay)),
                         bytearray(bytes(compress(copies, stay)).translate(_BOOL)))


def _carried(claims: Sequence[NormClaim], staying: Related, at: dict[int, int],
             judged: Judged, skip: bytes | None = None) -> tuple[list[_Placed], int]:
    """The last run's related verdicts between settled claims (`staying`), kept for the next
    run; those that are results, placed where a full run finds them, but for the pairs
    `skip` marks (of components carried whole); and how many were kept."""
    kept_now = judged.related
    firsts, seconds, staying_verdicts, copied = (staying.xs, staying.ys, staying.verdicts,
                                                 staying.copies)
    ii, jj = list(map(at.__getitem__, firsts)), list(map(at.__getitem__, seconds))
    for k in [k for k, later in enumerate(map(gt, ii, jj)) if later]:
        # The first claim of each pair first, as a run writes them (a store of another
        # order was not written by one).
        ii[k], jj[k] = jj[k], ii[k]
        firsts[k], seconds[k] = seconds[k], firsts[k]
    kept_now.xs.extend(firsts)
    kept_now.ys.extend(seconds)
    kept_now.verdicts.extend(staying_verdicts)
    kept_now.copies.extend(copied)
    out: list[_Placed] = []
    # Each pair's place: found where it is in the candidates of claim i, or else of claim j
    # (looked up in the flat array, between the claim's offsets: no slice made).
    cand_at, index_of = judged.cand_at, judged.cands.index
    rows: Iterable[tuple[int, int, int, int, Verdict, int]] = zip(
        ii, jj, firsts, seconds, staying_verdicts, copied, strict=True)
    if skip is not None:
        rows = compress(rows, skip.translate(_NOT))
    for i, j, x, y, verdict, copy in rows:
        a, b = claims[i], claims[j]
        if not kept(a, b, verdict):
            continue
        start = cand_at[i]
        try:
            place = (i, index_of(y, start, cand_at[i + 1]) - start)
        except ValueError:
            start = cand_at[j]
            place = (j, index_of(x, start, cand_at[j + 1]) - start)
        out.append((place, pair_result(a, b, verdict, bool(copy))))
    return out, len(staying_verdicts)


def _merged(kept: Iterable[int], fresh: list[int]) -> array[int]:
    """Sorted codes kept and sorted fresh ones, as one sorted array: a few fresh codes
    (an edit's) inserted where they go, many merged (`heapq.merge` is a Python loop
    over every kept code, 320,000 at 10,000 documents)."""
    if len(fresh) > _FEW:
        return array("q", merge(kept, fresh))
    out = array("q", kept)
    for code in fresh:
        out.insert(bisect_left(out, code), code)
    return out
