"""`--jobs N`: extraction and normalisation over slices of the documents, comparison over
slices of the claims (candidate search) and of the candidate-pair list (verdicts). The
output is identical for any N: work is cut into contiguous slices of a fixed order and the
results are put back in that order before anything is reduced.

Each round runs over N processes, this one among them (`checker.workers.spread`): the
workers inherit the read-only state (documents, lexicon, claims, block index, candidates)
and send back only their share of the results.
"""

from __future__ import annotations

import importlib
import time
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import accumulate
from typing import Any, NamedTuple, TypeVar

from checker.cache import (
    EXTRACTED,
    ClaimCache,
    extraction_head,
    extraction_key,
    rules_fingerprint,
)
from checker.cachegc import RECHECK
from checker.compare import (
    CompareResult,
    CountedPairs,
    PairResult,
    blocking,
    compare,
    judge_pairs,
    kept_verdicts,
    reduce_pairs,
)
from checker.compare.blocking import BlockIndex, BlockingConfig
from checker.compare.compmap import map_keeper
from checker.compare.components import Reuse
from checker.compare.incremental import MOSTLY_REUSED, recall
from checker.compare.memo import VerdictMemo, content_ids
from checker.compare.pairs import settled_reuse, stored
from checker.compare.store import Judged, Prior, VerdictFile
from checker.compare.verdict import Thresholds, Verdict
from checker.corpus import LazyDraft
from checker.corpusnorm import normalise_document
from checker.cpus import resolve_jobs
from checker.docmemo import kept_key
from checker.heap import paused_gc
from checker.ingest import Document
from checker.lexicon import Lexicon
from checker.models.claims import Claim, ClaimFile
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from checker.workers import spread, spread_with

R = TypeVar("R")

# Fewer items than this are mapped in this process: forking costs more than they take.
MIN_TO_SPREAD = 200


def map_items(fn: Callable[[Any, Any], R], shared: Any, items: Sequence[Any],
              jobs: int = 1, at_least: int = MIN_TO_SPREAD) -> list[R]:
    """`fn(shared, item)` for each item, in order, over `jobs` processes when there are
    `at_least` items (the workers inherit `shared` and the items; `fn` must be a
    module-level function)."""
    jobs = resolve_jobs(jobs)
    if jobs == 1 or len(items) < at_least:
        return [fn(shared, item) for item in items]
    state = {"each": fn, "shared": shared, "items": items}
    return [r for block in spread(_map_block, state, len(items), jobs) for r in block]


def _map_block(state: dict[str, Any], bounds: tuple[int, int]) -> list[Any]:
    fn, shared, items = state["each"], state["shared"], state["items"]
    return [fn(shared, item) for item in items[bounds[0]:bounds[1]]]


# -- extraction ----------------------------------------------------------------------------


def _extract_block(state: dict[str, Any], bounds: tuple[int, int]) -> list[ClaimFile]:
    """Claims of documents start..end-1 (the documents are the parent's), read a batch of
    documents at a time (`extract.batch`: the same claims as document by document)."""
    from checker.extract.batch import extract_batch  # the parent's, imported below

    return extract_batch(state["docs"][bounds[0]:bounds[1]], state["lexicon"],
                         state["threshold"])


def extract_documents(docs: Sequence[Document], ruleset: RuleSet, threshold: float,
                      jobs: int = 1, cache: ClaimCache | None = None) -> list[ClaimFile]:
    """Claims of every document, in input order; cached ones are not extracted again."""
    with paused_gc():  # extraction makes many small acyclic objects (checker.heap)
        return [d for d in _extract_documents(docs, ruleset, threshold, jobs, cache, False)
                if isinstance(d, ClaimFile)]


def draft_documents(docs: Sequence[Document], ruleset: RuleSet, threshold: float,
                    jobs: int = 1, cache: ClaimCache | None = None
                    ) -> list[ClaimFile | LazyDraft]:
    """`extract_documents`, with the drafts the cache holds built only when first used
    (`corpus.LazyDraft`): a re-run served by `checker.findmemo` builds none."""
    with paused_gc():
        return _extract_documents(docs, ruleset, threshold, jobs, cache, True)


def _extract_documents(docs: Sequence[Document], ruleset: RuleSet, threshold: float,
                       jobs: int, cache: ClaimCache | None, defer: bool
                       ) -> list[ClaimFile | LazyDraft]:
    keys = [""] * len(docs)
    out: list[ClaimFile | LazyDraft | None] = [None] * len(docs)
    if cache is not None:
        rules_fp = rules_fingerprint(ruleset)
        head = cache.extracted_head = extraction_head(threshold, rules_fp)
        since = time.time() - RECHECK
        for i, doc in enumerate(docs):
            kept = kept_key(doc, head, since)
            if kept is not None:
                cache.extracted_kept.add(doc.id)
            keys[i] = key = kept if kept is not None else extraction_key(doc, threshold, rules_fp)
            if not defer:
                out[i] = cache.get_claims(key)
            elif kept is not None or cache.holds(EXTRACTED, key):
                # A key the documents' memo kept was held when the last run kept it: not
                # asked for again (a stat a document); a draft gone since is extracted
                # again when built.
                out[i] = LazyDraft(partial(_drafted, cache, key, doc, ruleset.lexicon,
                                           threshold))
        cache.extracted.update((d.id, k) for d, k in zip(docs, keys, strict=True))
    todo = [i for i, found in enumerate(out) if found is None]
    if not todo:  # nothing to extract: the extractor is not even imported
        return [m for m in out if m is not None]
    for i, model in zip(todo, _extract_many([docs[i] for i in todo], ruleset.lexicon,
                                            threshold, resolve_jobs(jobs)), strict=True):
        out[i] = model
        if cache is not None:
            cache.put_claims(keys[i], model)
    return [m for m in out if m is not None]


def _drafted(cache: ClaimCache, key: str, doc: Document, lexicon: Lexicon,
             threshold: float) -> ClaimFile:
    """A deferred draft, built: from the cache, or extracted again if its entry went bad
    since the run began (the claims are the same: the key is all they depend on)."""
    from checker.extract.document import extract_document

    found = cache.get_claims(key)
    if found is None:
        found = extract_document(doc, lexicon, threshold)
        cache.put_claims(key, found)
    return found


def _extract_many(docs: Sequence[Document], lexicon: Lexicon, threshold: float,
                  jobs: int) -> Iterable[ClaimFile]:
    # The extractor is imported here, by the run that extracts (its patterns take a third
    # of a second to compile), and before the workers start, which inherit it.
    importlib.import_module("checker.extract.batch")
    state = {"docs": docs, "lexicon": lexicon, "threshold": threshold}
    return [model for block in spread(_extract_block, state, len(docs), jobs)
            for model in block]


# -- normalisation -------------------------------------------------------------------------


def _normalise_block(state: dict[str, Any], bounds: tuple[int, int]
                     ) -> list[list[NormClaim]]:
    """Normalised claims of documents start..end-1 (the documents are the parent's)."""
    docs: Sequence[tuple[str, list[Claim], str | None, str | None]] = state["docs"]
    return [normalise_document(doc_id, claims, state["lexicon"], text, published)
            for doc_id, claims, text, published in docs[bounds[0]:bounds[1]]]


def normalise_documents(docs: Sequence[tuple[str, list[Claim], str | None, str | None]],
                        lexicon: Lexicon, jobs: int = 1) -> list[list[NormClaim]]:
    """`normalise_document` of each (document id, claims, text, publication date), in input
    order."""
    state = {"docs": docs, "lexicon": lexicon}
    return [claims for block in spread(_normalise_block, state, len(docs), resolve_jobs(jobs))
            for claims in block]


# -- comparison ----------------------------------------------------------------------------

_Judged = tuple[int, int, Verdict, bool]


class _Judging(NamedTuple):
    """What `_judge_block` gives back for its slice."""

    pairs: int  # candidate pairs the slice's claims brought
    kept: list[tuple[int, list[_Judged]]]  # (claim that brought them, kept verdicts)
    judged: Judged | None  # every verdict, when the run keeps them for the next
    reused: int  # verdicts taken from the last run's


def _candidates_block(state: dict[str, Any], bounds: tuple[int, int]
                      ) -> tuple[list[array[int]], array[int]]:
    """Candidates of claims start..end-1 (the block index is the parent's, inherited), as
    arrays: they unpickle in the parent without an int object per candidate (3 million at
    200,000 claims, about 90 MB where memory peaks). Beside them, the same lists sorted,
    end to end (`_Rows`)."""
    index: BlockIndex = state["index"]
    found = [array("l", index.candidates(i)) for i in range(*bounds)]
    rows = array("l")
    for c in found:
        rows.extend(sorted(c))
    return found, rows


class _Rows:
    """Every claim's candidates, sorted, in one array: whether claim i is among claim j's
    is a bisection of j's row. (`i in found[j]`, a scan of an array object met at random
    among 200,000, was a tenth of the judging round.)"""

    def __init__(self, blocks: Sequence[tuple[list[array[int]], array[int]]]) -> None:
        self.rows = array("l")
        for _, rows in blocks:
            self.rows.extend(rows)
        self.starts = array("l", accumulate((len(c) for found, _ in blocks for c in found),
                                            initial=0))

    def has(self, j: int, i: int) -> bool:
        """Whether claim i is among claim j's candidates."""
        lo, hi = self.starts[j], self.starts[j + 1]
        at = bisect_left(self.rows, i, lo, hi)
        return at < hi and self.rows[at] == i


def _repeats(state: dict[str, Any]) -> array[int]:
    """`memo.content_ids` of the round's claims."""
    return content_ids(state["claims"])


def _judge_block(state: dict[str, Any], bounds: tuple[int, int]) -> _Judging:
    """Map step for the pairs that the claims at places start..end-1 of the round's order
    bring (each claim's in `blocking.unique_pairs` order)."""
    claims: Sequence[NormClaim] = state["claims"]
    prior: Prior | None = state["prior"]
    judged = Judged(prior.hashes) if prior is not None else None
    found: Sequence[array[int]] = state["found"]
    rows: _Rows = state["rows"]
    index, lexicon, thresholds = state["index"], state["lexicon"], state["thresholds"]
    # One memo per process, over the parent's content ids: a cache, so what a process
    # remembers changes its speed, never its output.
    memo: VerdictMemo = state.setdefault("memo", VerdictMemo(state["content_ids"]))
    out: list[tuple[int, list[_Judged]]] = []
    counted = 0
    reused = prior.reused if prior is not None else 0
    for i in state["order"][bounds[0]:bounds[1]]:
        pairs: list[tuple[int, int]] = []
        for j in found[i]:
            if j > i:
                pairs.append((i, j))
            elif not rows.has(j, i):  # else brought by claim j already
                pairs.append((j, i))
        if pairs:
            counted += len(pairs)
            kept = kept_verdicts(claims, pairs, index, lexicon, thresholds, memo, prior, judged)
            if kept:
                out.append((i, kept))
    return _Judging(counted, out, judged, prior.reused - reused if prior is not None else 0)


def unique_pairs(candidates: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Candidate lists to pairs (i < j), each once, in `BlockIndex.pairs()` order."""
    return list(blocking.unique_pairs(candidates))


def _judge_here(claims: Sequence[NormClaim], found: Sequence[Sequence[int]],
                index: BlockIndex, lexicon: Lexicon,
                declared_origins: Mapping[str, str | None], thresholds: Thresholds | None,
                memory: VerdictFile, prior: Prior, judged: Judged, reuse: Reuse | None,
                ahead: Callable[[CompareResult], None] | None) -> CompareResult:
    """The map step in this process, over the candidates the workers found."""
    pairs = CountedPairs(blocking.unique_pairs(found))
    # No memo: finding repeated contents costs more than the few pairs left to judge.
    results = judge_pairs(claims, pairs, index, lexicon, thresholds, None, prior, judged)
    judged.pairs = pairs.count
    memory.keep(claims, index.n, index.df, judged, prior)
    del prior, judged  # verdicts kept live on in the results; the rest can go
    return reduce_pairs(results, declared_origins, pairs.count, reuse, ahead,
                        keep_map=map_keeper(memory, claims, reuse))


def compare_claims(claims: Sequence[NormClaim], lexicon: Lexicon,
                   declared_origins: Mapping[str, str | None],
                   blocking: BlockingConfig | None = None,
                   thresholds: Thresholds | None = None, jobs: int = 1,
                   memory: VerdictFile | None = None, reuse: Reuse | None = None,
                   ahead: Callable[[CompareResult], None] | None = None) -> CompareResult:
    """`checker.compare.compare` with candidate search and the map step over `jobs` processes
    (`ahead`: given the conflicts as soon as they are known, `pairs.reduce_pairs`).

    Two rounds over this process and forked workers that share its (read-only) claims and
    block index: candidates of slices of claims, then verdicts of the pairs each slice of
    claims brings. Results are put back in claim order, so the reduce sees exactly what
    `compare` gives it. With one process the rounds run here, slice after slice: judging
    claims that find one another together reads each claim's facts while they are still
    in the processor's caches (199,625 claims: 25.5 s against 32.9 s in claim order).
    """
    jobs = resolve_jobs(jobs)
    if len(claims) < 2:
        return compare(claims, lexicon, declared_origins, blocking, thresholds, memory, reuse)
    return stored(_compare_claims(claims, lexicon, declared_origins, blocking, thresholds,
                                  jobs, memory, reuse, ahead), memory)


def _compare_claims(claims: Sequence[NormClaim], lexicon: Lexicon,
                    declared_origins: Mapping[str, str | None],
                    blocking: BlockingConfig | None, thresholds: Thresholds | None,
                    jobs: int, memory: VerdictFile | None, reuse: Reuse | None,
                    ahead: Callable[[CompareResult], None] | None = None) -> CompareResult:
    index = memory.block_index(claims, blocking) if memory is not None \
        else BlockIndex(claims, blocking)
    prior: Prior | None = None
    judged: Judged | None = None
    if memory is not None:
        prior, judged, settled = recall(claims, index, lexicon, thresholds, memory, reuse,
                                        declared_origins)
        if settled is not None:  # little left to do: in this process
            return reduce_pairs(settled.results, declared_origins, settled.pairs,
                                settled_reuse(reuse, settled.unsettled, memory), ahead,
                                settled.carry, map_keeper(memory, claims, reuse))
    # Most verdicts are look-ups: sending them back from workers costs more than that.
    here = prior is not None and prior.share() >= MOSTLY_REUSED
    # Repeated contents (the judging round's memo reads them) are found by a worker while
    # this process searches: a pass over every claim, which here would pay a copy-on-write
    # fault for every page it touches and compete with the side process for a core.
    searched, repeated = spread_with(_candidates_block, {"index": index, "claims": claims},
                                     len(claims), jobs, None if here else _repeats)
    found = [c for block, _ in searched for c in block]
    if judged is not None:
        for c in found:
            judged.add_candidates(c)
    if here and memory is not None and prior is not None and judged is not None:
        return _judge_here(claims, found, index, lexicon, declared_origins, thresholds,
                           memory, prior, judged, reuse, ahead)
    rows = _Rows(searched)
    del searched
    # No list of all pairs (millions at 200,000 claims): each slice of claims brings its
    # own pairs, in order, from the candidate lists every worker inherits.
    # Slices of claims that find one another: each process builds the judging facts of
    # fewer claims (`BlockIndex.by_rarest_key`); the results go back to claim order below.
    state = {"claims": claims, "found": found, "rows": rows, "index": index,
             "lexicon": lexicon, "thresholds": thresholds, "content_ids": repeated,
             "prior": prior, "order": index.by_rarest_key()}
    del found, rows
    reused = prior.reused if prior is not None else 0
    blocks = spread(_judge_block, state, len(claims), jobs)
    # Candidate lists, this process's memo, judging facts and weight totals: not needed by
    # the reduce (memory peaks here at 200k claims).
    del state
    index.weights.forget()
    counted = sum(block.pairs for block in blocks)
    brought: list[list[_Judged] | None] = [None] * len(claims)
    for block in blocks:
        for by, results in block.kept:
            brought[by] = results
    # In the order of the claims that brought them, as one process judges them.
    merged = [PairResult(claims[i], claims[j], verdict, copy)
              for results in brought if results for i, j, verdict, copy in results]
    del brought
    if memory is not None and judged is not None:
        for block in blocks:
            if block.judged is not None:
                judged.extend(block.judged)
        judged.pairs = counted
        if prior is not None:
            # Counted by each process for its slices (a worker's prior is its own copy).
            prior.reused = reused + sum(block.reused for block in blocks)
        memory.keep(claims, index.n, index.df, judged, prior)
    del blocks
    return reduce_pairs(merged, declared_origins, counted, reuse, ahead,
                        keep_map=map_keeper(memory, claims, reuse))
