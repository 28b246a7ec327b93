"""Candidate pairs judged and reduced to findings (`checker.compare`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from checker.compare.blocking import BlockIndex, BlockingConfig, unique_pairs
from checker.compare.compmap import Carry, map_keeper
from checker.compare.components import Reuse, split
from checker.compare.facts import Facts
from checker.compare.grouping import grouped
from checker.compare.independence import copy_counts, count_origins, is_copy, origins_of
from checker.compare.memo import VerdictMemo, content_ids
from checker.compare.spellings import spelt_alike
from checker.compare.store import Judged, Prior, VerdictFile
from checker.compare.verdict import Thresholds, Verdict, judge
from checker.lexicon import Lexicon
from checker.normclaim import NormClaim


@dataclass(frozen=True)
class PairResult:
    """A judged pair (a before b in corpus order)."""

    a: NormClaim
    b: NormClaim
    verdict: Verdict
    copy: bool = False
    # Claims that repeat a side from the same origin (a syndicated copy's), as (key, 0 for
    # a's copy or 1 for b's): the same disagreement, reported once
    # (`independence.one_per_origin`).
    copies: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Corroboration:
    """Claims in several documents stating the same fact, with their independent origins."""

    claims: tuple[NormClaim, ...]
    documents: int
    origins: int
    confidence: float
    details: dict[str, object] = field(default_factory=dict)
    # The name of its component (`components.component_name`), when a run keeps them.
    component: str | None = None


@dataclass
class CompareResult:
    """Everything comparison found."""

    conflicts: list[PairResult] = field(default_factory=list)
    contradictions: list[PairResult] = field(default_factory=list)
    corroborations: list[Corroboration] = field(default_factory=list)
    pairs_scored: int = 0
    origins: dict[str, str] = field(default_factory=dict)  # document -> independent origin
    # With a `components.Reuse`: every component's name, the names of those whose
    # corroborations are the last run's (not grouped again), and the verdict store's name.
    components: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    store_token: str | None = None


_new = object.__new__


def pair_result(a: NormClaim, b: NormClaim, verdict: Verdict, copy: bool) -> PairResult:
    """`PairResult(a, b, verdict, copy)`, its fields set in its own dict in field order: a
    re-run carries 56,000 verdicts at 10,000 documents, and the frozen dataclass's
    `__init__` (a call of `object.__setattr__` per field) took 2.5 times as long. Same
    object (tests/compare/test_components.py)."""
    made: PairResult = _new(PairResult)
    fields = made.__dict__
    fields["a"], fields["b"], fields["verdict"], fields["copy"] = a, b, verdict, copy
    fields["copies"] = ()
    return made


def worth_judging(a: NormClaim, b: NormClaim) -> bool:
    """False when the pair's verdict could only be dropped, so judging it is wasted work.

    `judge` calls claims without a shared entity unrelated, unless each names one name
    spelt like the other's (`spellings`), and within a document only a contradiction of
    polarity is kept, which claims of one polarity cannot be.
    """
    if a.doc == b.doc and a.polarity == b.polarity:
        return False
    return not a.entities.isdisjoint(b.entities) or spelt_alike(a, b)


def kept(a: NormClaim, b: NormClaim, verdict: Verdict) -> bool:
    """Whether a verdict becomes a result: related, and within one document only an
    outright contradiction (a document repeating itself is not confirmation)."""
    if verdict.label == "unrelated":
        return False
    return a.doc != b.doc or (verdict.label == "conflict" and verdict.reason == "polarity")


def _facts(index: BlockIndex, lexicon: Lexicon) -> Facts:
    """Each claim's judging facts, worked out once for all its pairs: kept with the index's
    weights, as their totals are, since `judge_pairs` is also called one pair at a time."""
    weights = index.weights
    found = weights.judging
    if isinstance(found, Facts) and found.lexicon is lexicon:
        return found
    made = Facts(lexicon)
    weights.judging = made
    return made


def judge_pairs(claims: Sequence[NormClaim], pairs: Iterable[tuple[int, int]],
                idf: BlockIndex, lexicon: Lexicon,
                thresholds: Thresholds | None = None,
                memo: VerdictMemo | None = None, prior: Prior | None = None,
                judged: Judged | None = None) -> list[PairResult]:
    """Map step: the verdict of each candidate pair that is not 'unrelated'.

    With a memo (over these claims and this index), a pair of repeated statements is
    judged once; with a prior, a pair the last run judged is not judged again; `judged`
    collects every verdict for the next run."""
    return [PairResult(claims[i], claims[j], verdict, copy) for i, j, verdict, copy in
            kept_verdicts(claims, pairs, idf, lexicon, thresholds, memo, prior, judged)]


def kept_verdicts(claims: Sequence[NormClaim], pairs: Iterable[tuple[int, int]],
                  idf: BlockIndex, lexicon: Lexicon, thresholds: Thresholds | None = None,
                  memo: VerdictMemo | None = None, prior: Prior | None = None,
                  judged: Judged | None = None) -> list[tuple[int, int, Verdict, bool]]:
    """`judge_pairs` by claim index: (i, j, verdict, copy) of each pair kept."""
    out: list[tuple[int, int, Verdict, bool]] = []
    facts = _facts(idf, lexicon)
    for i, j in pairs:
        a, b = claims[i], claims[j]
        # `worth_judging`, inline: it is asked of every candidate pair, a million at 200,000.
        if (a.doc == b.doc and a.polarity == b.polarity) or (
                a.entities.isdisjoint(b.entities) and not spelt_alike(a, b)):
            continue
        verdict = prior.get(i, j) if prior is not None else None
        if verdict is None:
            # A pair that cannot repeat (no key: most pairs) is neither looked up nor kept,
            # which `get` and `put` would only find out in two more calls. Nor is a pair
            # within one document: `judge` reads that (a correction note and what it
            # corrects), which the memo's key, contents without places, does not hold.
            key = memo.key(i, j) if memo is not None and a.doc != b.doc else None
            verdict = memo.get(key) if memo is not None and key is not None else None
            if verdict is None:
                verdict = judge(a, b, idf, lexicon, thresholds, facts=facts)
                if memo is not None and key is not None:
                    memo.put(key, verdict)
        # `kept`, inline: asked of every judged pair.
        keep = verdict.label != "unrelated" and (a.doc != b.doc or (
            verdict.label == "conflict" and verdict.reason == "polarity"))
        copy = keep and a.doc != b.doc and is_copy(a.text, b.text)
        if judged is not None:
            judged.add(i, j, verdict, copy)
        if keep:
            out.append((i, j, verdict, copy))
    return out


# Told each component named (its name and pairs), the components carried whole, the
# documents' origins and the copies counted: what the next run's map is made of
# (`compmap.next_map`).
MapKeeper = Callable[[list[tuple[str | None, list[PairResult]]], "Carry | None",
                      dict[str, str], Counter[tuple[str, str]]], None]


def reduce_pairs(results: Iterable[PairResult], declared_origins: Mapping[str, str | None],
                 pairs_scored: int = 0, reuse: Reuse | None = None,
                 ahead: Callable[[CompareResult], None] | None = None,
                 carry: Carry | None = None, keep_map: MapKeeper | None = None
                 ) -> CompareResult:
    """Reduce step: conflicts as pairs, corroborations as groups with origins counted;
    with `reuse`, the components the last run kept are named, not grouped again; with
    `ahead`, the conflicts and contradictions (with the origins) are given to it as soon as
    they are known, in a result of their own, and not in the one returned. `carry`: the
    components carried whole, whose pairs are not among the results (`compmap.carry`);
    `keep_map` is told what the next run's map holds."""
    result = CompareResult(pairs_scored=pairs_scored)
    corroborating: list[PairResult] = []
    # The copies in the same pass (a second pass over 53,000 pairs at 10,000 documents
    # took 0.03-0.05 s, reading objects all over the heap again).
    copies: list[tuple[str, str]] = []
    for r in results:
        label = r.verdict.label
        if label == "conflict":
            (result.contradictions if r.a.doc == r.b.doc else result.conflicts).append(r)
        elif label == "corroboration":
            corroborating.append(r)
            if r.copy:
                copies.append((r.a.doc, r.b.doc))
    # Carried components' copies count too: the carry counted them all.
    counts = carry.copies if carry is not None else copy_counts(copies)
    origins = carry.origins if carry is not None else origins_of(declared_origins, counts)
    result.origins = origins
    if ahead is not None:
        # Their findings can be made while the corroborations are grouped.
        ahead(CompareResult(result.conflicts, result.contradictions, origins=origins))
        result.conflicts, result.contradictions = [], []
    if reuse is None:
        result.corroborations = _groups(corroborating, origins)
        return result
    named: list[tuple[str | None, list[PairResult]]] | None = \
        [] if keep_map is not None else None
    parts = split(corroborating, origins, reuse, carry.names if carry is not None else (),
                  named)
    del corroborating
    if keep_map is not None and named is not None:
        keep_map(named, carry, origins, counts)
        del named
    result.components, result.reused = parts.names, parts.reused
    result.corroborations = [replace(c, component=parts.name_of.get(c.claims[0].key))
                             for c in _groups(parts.fresh, origins)]
    return result


def _groups(pairs: list[PairResult], origins: Mapping[str, str]) -> list[Corroboration]:
    groups, sides = grouped([(r.a, r.b) for r in pairs])
    # A group's confidence and details are its own pairs'; a statement whose copies were
    # only ever paired with statements grouped elsewhere takes those pairs' instead.
    inside, touching = _best_pairs(pairs, sides)
    forms: dict[str, str] = {}  # copy forms by text: a group's copies share theirs
    out = []
    for g, claims in enumerate(groups):
        claims.sort(key=_place)
        docs = {c.doc for c in claims}
        if len(docs) < 2:
            continue
        best = inside.get(g) or touching[g]
        n_origins = count_origins(((c.doc, c.text) for c in claims), origins, forms)
        out.append(Corroboration(tuple(claims), len(docs), n_origins,
                                 round(best.verdict.confidence, 3), dict(best.verdict.details)))
    return out


def _place(c: NormClaim) -> tuple[str, int]:
    """Where a claim is: a group's claims in document order."""
    return c.doc, c.span[0]


def _best_pairs(pairs: list[PairResult], sides: list[tuple[int, int]]
                ) -> tuple[dict[int, PairResult], dict[int, PairResult]]:
    """The most confident pair of each group (ties: the first by keys) among its own pairs
    and among the pairs that join it to another group, whatever order the pairs came in: a
    distributed reduce gives the same report. One pass, without lists of pairs per group."""
    inside: dict[int, PairResult] = {}
    touching: dict[int, PairResult] = {}
    for r, (ga, gb) in zip(pairs, sides, strict=True):
        if ga == gb:
            _keep_best(inside, ga, r)
        else:
            _keep_best(touching, ga, r)
            _keep_best(touching, gb, r)
    return inside, touching


def _keep_best(best: dict[int, PairResult], g: int, r: PairResult) -> None:
    """`min` by (-confidence, a's key, b's key), one pair at a time."""
    held = best.get(g)
    if held is None:
        best[g] = r
        return
    conf, held_conf = r.verdict.confidence, held.verdict.confidence
    if conf > held_conf or (conf == held_conf and (r.a.key, r.b.key) < (held.a.key, held.b.key)):
        best[g] = r


class CountedPairs:
    """Candidate pairs streamed once, counting them as they go by (pairs scored)."""

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        self._pairs = pairs
        self.count = 0

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for pair in self._pairs:
            self.count += 1
            yield pair


def compare(claims: Sequence[NormClaim], lexicon: Lexicon,
            declared_origins: Mapping[str, str | None],
            blocking: BlockingConfig | None = None,
            thresholds: Thresholds | None = None,
            memory: VerdictFile | None = None, reuse: Reuse | None = None) -> CompareResult:
    """Compare every claim with its candidates (never all pairs); with a memory, reuse the
    last run's verdicts that still hold and keep this run's for the next; with `reuse`,
    the last run's corroborations of the components no change reached."""
    # Imported here: the incremental path builds on this module's judge_pairs.
    from checker.compare.incremental import recall

    index = memory.block_index(claims, blocking) if memory is not None \
        else BlockIndex(claims, blocking)
    if memory is None:
        return _compare_afresh(claims, index, lexicon, declared_origins, thresholds,
                               reuse=reuse)
    prior, judged, settled = recall(claims, index, lexicon, thresholds, memory, reuse,
                                    declared_origins)
    if settled is not None:
        return stored(reduce_pairs(settled.results, declared_origins, settled.pairs,
                                   settled_reuse(reuse, settled.unsettled, memory),
                                   carry=settled.carry,
                                   keep_map=map_keeper(memory, claims, reuse)), memory)
    return stored(_compare_afresh(claims, index, lexicon, declared_origins, thresholds,
                                  prior, judged, memory, reuse), memory)


def settled_reuse(reuse: Reuse | None, unsettled: list[str],
                  memory: VerdictFile) -> Reuse | None:
    """`reuse` for a run compared around the claims `unsettled`."""
    return reuse.settled(unsettled, memory.found_token) if reuse is not None else None


def stored(result: CompareResult, memory: VerdictFile | None) -> CompareResult:
    """The result, with the name of the verdict store it leaves (`components.Reuse`)."""
    if memory is not None:
        result.store_token = memory.kept_token
    return result


def _compare_afresh(claims: Sequence[NormClaim], index: BlockIndex, lexicon: Lexicon,
                    declared_origins: Mapping[str, str | None],
                    thresholds: Thresholds | None, prior: Prior | None = None,
                    judged: Judged | None = None,
                    memory: VerdictFile | None = None,
                    reuse: Reuse | None = None) -> CompareResult:
    """Every candidate pair looked at (verdicts from the prior where it vouches)."""
    found = (index.candidates(i) for i in range(len(claims)))
    # Streamed: at 200,000 claims the list of pairs alone would be millions of tuples.
    pairs = CountedPairs(unique_pairs(found if judged is None else judged.recorded(found)))
    memo = VerdictMemo(content_ids(claims))
    results = judge_pairs(claims, pairs, index, lexicon, thresholds, memo, prior, judged)
    if memory is not None and judged is not None:
        judged.pairs = pairs.count
        memory.keep(claims, index.n, index.df, judged, prior)
    del memo, prior, judged  # verdicts kept live on in the results; the rest can go
    return reduce_pairs(results, declared_origins, pairs.count, reuse,
                        keep_map=map_keeper(memory, claims, reuse))
