"""`--jobs N`: extraction and normalisation over slices of the documents, comparison over
slices of the claims (candidate search) and of the candidate-pair list (verdicts). The
output is identical for any N: work is cut into contiguous slices of a fixed order and the
results are put back in that order before anything is reduced.

Workers are forked where the platform allows it, so the read-only state (documents,
lexicon, claims, block index, pairs) is inherited rather than sent, and string hashing
(hence set order) is the parent's. Elsewhere the state is pickled once per worker.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from checker.cache import ClaimCache, extraction_key, rules_fingerprint
from checker.compare import (
    CompareResult,
    CountedPairs,
    PairResult,
    blocking,
    compare,
    judge_pairs,
    reduce_pairs,
)
from checker.compare.blocking import BlockIndex, BlockingConfig
from checker.compare.incremental import MOSTLY_REUSED, recall
from checker.compare.memo import VerdictMemo, content_ids
from checker.compare.store import Judged, Prior, VerdictFile
from checker.compare.verdict import Thresholds, Verdict
from checker.corpusnorm import normalise_document
from checker.cpus import resolve_jobs
from checker.extract import extract_document
from checker.heap import frozen_heap, paused_gc
from checker.ingest import Document
from checker.interrupt import critical
from checker.lexicon import Lexicon
from checker.models.claims import Claim, ClaimFile
from checker.normclaim import NormClaim
from checker.rules import RuleSet

R = TypeVar("R")
TASKS_PER_JOB = 4  # slices per worker: evens out uneven slices, little overhead

# Per-process state of a worker, set once by the pool initialiser.
_STATE: dict[str, Any] = {}


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _init(parent: int, state: dict[str, Any]) -> None:
    _as_worker(parent)
    _STATE.clear()
    _STATE.update(state)


def _as_worker(parent: int) -> None:
    """Signals as a pool worker takes them: it dies on SIGTERM or with `parent`."""
    # A forked worker inherits the CLI's SIGTERM handler, whose SystemExit the executor
    # catches as the task's outcome; the worker then runs the next queued task and, once
    # the pool is broken (another worker killed), blocks for ever writing a result nobody
    # reads while the parent waits for it to end. A worker has nothing to finish: it dies.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Ctrl-C reaches the whole process group: the parent alone decides, and stops the pool
    # (a worker ended by it would read as a killed one, exit 3 instead of 130).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent, signal.SIGKILL)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int, signum: int) -> None:
    """Have `signum` sent to this process when `parent` (the process that forked it) ends.

    A process whose parent was killed would otherwise live on: a pool worker waiting for
    tasks that never come, since its siblings hold the queue open. Linux only; elsewhere
    a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signum)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the request: nobody will send the signal
        os.kill(os.getpid(), signum)


@contextmanager
def _pool(jobs: int, state: dict[str, Any]) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jobs` workers sharing `state`, stopped without waiting when the block
    raises (a killed worker, Ctrl-C, SIGTERM): every pool of a run is made here."""
    # Forked workers share the parent's heap copy-on-write; a collection in a worker would
    # copy all of it (checker.heap).
    with frozen_heap():
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                   initializer=_init, initargs=(os.getpid(), state))
        try:
            with critical():  # forks every worker (below), Ctrl-C/SIGTERM deferred
                pool.submit(_started)
            yield pool
        except BaseException:
            stop_pool(pool)
            raise
        pool.shutdown()


def _started() -> None:
    """The first task: submitting it forks the workers (a forking pool starts them all)."""
    # A SystemExit raised in an at-fork hook (logging has one) is printed and dropped: a
    # SIGTERM landing during the fork would be lost, and the run would go on to exit 0.


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End `pool` now: queued tasks cancelled, workers at work terminated, all joined."""
    # Its own shutdown waits for every task already sent, and a broken pool's workers may
    # never end (see _as_worker). No public API names the workers before Python 3.14.
    workers = list((pool._processes or {}).values())
    thread = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    # Woken now, the pool's thread cancels what is queued before it sees the workers end.
    pool.shutdown(wait=False, cancel_futures=True)
    if thread is not None:
        thread.join(STOP_WAIT)
        if thread.is_alive() and results is not None:
            _unblock(pool, thread, workers, results)
    _end(workers)
    if results is not None:
        results.close()


def _end(workers: list[multiprocessing.Process]) -> None:
    """Join the terminated workers, killing any that outlive SIGTERM by STOP_WAIT."""
    for worker in workers:
        worker.join(STOP_WAIT)
        if worker.is_alive():
            worker.kill()
            worker.join()


def _unblock(pool: ProcessPoolExecutor, thread: threading.Thread,
             workers: list[multiprocessing.Process], results: Any) -> None:
    """End the pool's thread, stuck reading half a result for ever.

    A worker ended half-way through sending a result leaves part of a message in the
    results pipe, and the thread waits for the rest: a run stopped by SIGTERM in the
    judging round hung in CI (tests/test_stop_pool.py). With every worker gone, this
    process holds the last write end of the pipe: closing it turns the wait into an end of
    file, which the thread takes for a broken pool (it fails the futures still pending:
    those already cancelled are taken out first, or Python 3.11 raises on them)."""
    _end(workers)
    pending = getattr(pool, "_pending_work_items", {})
    for work_id in [k for k, item in pending.items() if item.future.done()]:
        del pending[work_id]
    results._writer.close()
    thread.join()


def ranges(total: int, parts: int) -> list[tuple[int, int]]:
    """`total` items cut into at most `parts` contiguous (start, end) slices, in order."""
    size = max(1, -(-total // max(1, parts)))
    return [(start, min(total, start + size)) for start in range(0, total, size)]


# Seconds a terminated worker has to end (its SIGTERM handler lets a cache write finish)
# before it is killed.
STOP_WAIT = 5.0

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
    with _pool(jobs, {"fn": fn, "shared": shared, "items": items}) as pool:
        return [r for block in pool.map(_map_block, ranges(len(items), jobs * TASKS_PER_JOB))
                for r in block]


def _map_block(bounds: tuple[int, int]) -> list[Any]:
    fn, shared, items = _STATE["fn"], _STATE["shared"], _STATE["items"]
    return [fn(shared, item) for item in items[bounds[0]:bounds[1]]]


# -- extraction ----------------------------------------------------------------------------


def _extract_block(bounds: tuple[int, int]) -> list[ClaimFile]:
    """Claims of documents start..end-1 (the documents are the parent's)."""
    return [extract_document(doc, _STATE["lexicon"], _STATE["threshold"])
            for doc in _STATE["docs"][bounds[0]:bounds[1]]]


def extract_documents(docs: Sequence[Document], ruleset: RuleSet, threshold: float,
                      jobs: int = 1, cache: ClaimCache | None = None) -> list[ClaimFile]:
    """Claims of every document, in input order; cached ones are not extracted again."""
    with paused_gc():  # extraction makes many small acyclic objects (checker.heap)
        return _extract_documents(docs, ruleset, threshold, jobs, cache)


def _extract_documents(docs: Sequence[Document], ruleset: RuleSet, threshold: float,
                       jobs: int, cache: ClaimCache | None) -> list[ClaimFile]:
    rules_fp = rules_fingerprint(ruleset) if cache is not None else ""
    keys = [extraction_key(d, threshold, rules_fp) if cache is not None else "" for d in docs]
    out: list[ClaimFile | None] = [cache.get_claims(k) if cache is not None else None
                                   for k in keys]
    if cache is not None:
        cache.extracted.update((d.id, k) for d, k in zip(docs, keys, strict=True))
    todo = [i for i, found in enumerate(out) if found is None]
    for i, model in zip(todo, _extract_many([docs[i] for i in todo], ruleset.lexicon,
                                            threshold, resolve_jobs(jobs)), strict=True):
        out[i] = model
        if cache is not None:
            cache.put_claims(keys[i], model)
    return [m for m in out if m is not None]


def _extract_many(docs: Sequence[Document], lexicon: Lexicon, threshold: float,
                  jobs: int) -> Iterable[ClaimFile]:
    if jobs == 1 or len(docs) < 2:
        return [extract_document(d, lexicon, threshold) for d in docs]
    state = {"docs": docs, "lexicon": lexicon, "threshold": threshold}
    with _pool(min(jobs, len(docs)), state) as pool:
        return [model for block in pool.map(_extract_block,
                                            ranges(len(docs), jobs * TASKS_PER_JOB))
                for model in block]


# -- normalisation -------------------------------------------------------------------------


def _normalise_block(bounds: tuple[int, int]) -> list[list[NormClaim]]:
    """Normalised claims of documents start..end-1 (the documents are the parent's)."""
    docs: Sequence[tuple[str, list[Claim], str | None]] = _STATE["docs"]
    return [normalise_document(doc_id, claims, _STATE["lexicon"], text)
            for doc_id, claims, text in docs[bounds[0]:bounds[1]]]


def normalise_documents(docs: Sequence[tuple[str, list[Claim], str | None]], lexicon: Lexicon,
                        jobs: int = 1) -> list[list[NormClaim]]:
    """`normalise_document` of each (document id, claims, text), in input order."""
    jobs = resolve_jobs(jobs)
    if jobs == 1 or len(docs) < 2:
        return [normalise_document(doc_id, claims, lexicon, text)
                for doc_id, claims, text in docs]
    with _pool(jobs, {"docs": docs, "lexicon": lexicon}) as pool:
        return [claims for block in pool.map(_normalise_block,
                                             ranges(len(docs), jobs * TASKS_PER_JOB))
                for claims in block]


# -- comparison ----------------------------------------------------------------------------

_Judged = tuple[int, int, Verdict, bool]


def _candidates_block(bounds: tuple[int, int]) -> list[array[int]]:
    """Candidates of claims start..end-1 (the block index is the parent's, inherited), as
    arrays: they unpickle in the parent without an int object per candidate (3 million at
    200,000 claims, about 90 MB where memory peaks)."""
    index: BlockIndex = _STATE["index"]
    return [array("l", index.candidates(i)) for i in range(*bounds)]


def _judge_block(bounds: tuple[int, int]) -> tuple[int, list[_Judged], Judged | None]:
    """Map step for the pairs claims start..end-1 bring (`blocking.unique_pairs` order):
    how many there were, the kept ones by claim index, and every verdict when the run keeps
    them for the next (`compare.store`)."""
    claims: Sequence[NormClaim] = _STATE["claims"]
    prior: Prior | None = _STATE["prior"]
    judged = Judged(prior.hashes) if prior is not None else None
    found: Sequence[array[int]] = _STATE["found"]
    index, lexicon, thresholds = _STATE["index"], _STATE["lexicon"], _STATE["thresholds"]
    # One memo per worker process, over the parent's content ids: a cache, so what a
    # worker remembers changes its speed, never its output.
    memo: VerdictMemo = _STATE.setdefault("memo", VerdictMemo(_STATE["content_ids"]))
    out: list[_Judged] = []
    counted = 0
    for i in range(*bounds):
        for j in found[i]:
            if j < i and i in found[j]:
                continue  # brought by claim j already
            pair = (i, j) if i < j else (j, i)
            counted += 1
            for r in judge_pairs(claims, (pair,), index, lexicon, thresholds, memo, prior,
                                 judged):
                out.append((pair[0], pair[1], r.verdict, r.copy))
    return counted, out, judged


def unique_pairs(candidates: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Candidate lists to pairs (i < j), each once, in `BlockIndex.pairs()` order."""
    return list(blocking.unique_pairs(candidates))


def _judge_here(claims: Sequence[NormClaim], found: Sequence[Sequence[int]],
                index: BlockIndex, lexicon: Lexicon,
                declared_origins: Mapping[str, str | None], thresholds: Thresholds | None,
                memory: VerdictFile, prior: Prior, judged: Judged) -> CompareResult:
    """The map step in this process, over the candidates the workers found."""
    pairs = CountedPairs(blocking.unique_pairs(found))
    # No memo: finding repeated contents costs more than the few pairs left to judge.
    results = judge_pairs(claims, pairs, index, lexicon, thresholds, None, prior, judged)
    judged.pairs = pairs.count
    memory.keep(claims, index.n, index.df, judged, prior)
    del prior, judged  # verdicts kept live on in the results; the rest can go
    return reduce_pairs(results, declared_origins, pairs.count)


def compare_claims(claims: Sequence[NormClaim], lexicon: Lexicon,
                   declared_origins: Mapping[str, str | None],
                   blocking: BlockingConfig | None = None,
                   thresholds: Thresholds | None = None, jobs: int = 1,
                   memory: VerdictFile | None = None) -> CompareResult:
    """`checker.compare.compare` with candidate search and the map step over `jobs` processes.

    Two rounds over forked workers that share the parent's (read-only) claims and block
    index: candidates of slices of claims, then verdicts of the pairs each slice of claims
    brings. Slices come back in order, so the reduce sees exactly what one process sees.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1 or len(claims) < 2:
        return compare(claims, lexicon, declared_origins, blocking, thresholds, memory)
    index = BlockIndex(claims, blocking)
    prior: Prior | None = None
    judged: Judged | None = None
    if memory is not None:
        prior, judged, settled = recall(claims, index, lexicon, thresholds, memory)
        if settled is not None:  # little left to do: in this process
            return reduce_pairs(settled[0], declared_origins, settled[1])
    # Most verdicts are look-ups: sending them back from workers costs more than that.
    here = prior is not None and prior.share() >= MOSTLY_REUSED
    parts = jobs * TASKS_PER_JOB
    with _pool(jobs, {"index": index}) as pool:
        searched = pool.map(_candidates_block, ranges(len(claims), parts))
        # While the workers search (this process only waits for them), find repeated
        # contents: the judging round needs them, and they are a pass over every claim.
        ids = content_ids(claims) if not here else None
        found = [c for block in searched for c in block]
    if judged is not None:
        for c in found:
            judged.add_candidates(c)
    if here and memory is not None and prior is not None and judged is not None:
        return _judge_here(claims, found, index, lexicon, declared_origins, thresholds,
                           memory, prior, judged)
    # No list of all pairs (millions at 200,000 claims): each slice of claims brings its
    # own pairs, in order, from the candidate lists every worker inherits.
    state = {"claims": claims, "found": found, "index": index,
             "lexicon": lexicon, "thresholds": thresholds, "content_ids": ids,
             "prior": prior}
    del found
    with _pool(jobs, state) as pool:
        blocks = list(pool.map(_judge_block, ranges(len(claims), parts)))
    del state  # candidate lists: not needed by the reduce (memory peaks here at 200k claims)
    counted = sum(n for n, _, _ in blocks)
    merged = [PairResult(claims[i], claims[j], verdict, copy)
              for _, kept, _ in blocks for i, j, verdict, copy in kept]
    if memory is not None and judged is not None:
        for _, _, part in blocks:
            if part is not None:
                judged.extend(part)
        judged.pairs = counted
        memory.keep(claims, index.n, index.df, judged)
    del blocks
    return reduce_pairs(merged, declared_origins, counted)
