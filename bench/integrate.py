"""The cache and `--jobs` wired into `run_check` the way the proposed integration does it,
without editing the pipeline: the pipeline's own module-level names are swapped for the
cached/parallel ones for the duration of a run. Once `CheckOptions` has `jobs` and
`cache_dir` (the integration landed), those are used instead and nothing is swapped.

- documents without claim files are extracted up front, over `jobs` processes, through
  the cache (`checker.parallel.extract_documents`); `load_corpus` then finds every one of
  them in the cache;
- normalisation goes through the cache, misses over `jobs` processes
  (`checker.cache.normalise_corpus`);
- comparison maps blocks of candidate pairs over `jobs` processes
  (`checker.parallel.compare_claims`).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import checker.corpus
import checker.pipeline
from checker.cache import ClaimCache, extract_cached, normalise_corpus, rules_fingerprint
from checker.corpus import claim_file_for
from checker.extract import DEFAULT_THRESHOLD
from checker.ingest import Document, discover, load_documents
from checker.lexicon import Lexicon
from checker.models.claims import ClaimFile
from checker.parallel import compare_claims, extract_documents
from checker.pipeline import CheckOptions, CheckResult, Stopwatch, run_check
from checker.rules import RuleSet, load_rules


@contextmanager
def integrated(ruleset: RuleSet, cache: ClaimCache | None, jobs: int) -> Iterator[None]:
    """Route extraction, normalisation and comparison through the cache and the pool."""
    rules_fp = rules_fingerprint(ruleset)

    def extract(doc: Document, lexicon: Lexicon, threshold: float = DEFAULT_THRESHOLD
                ) -> ClaimFile:
        return extract_cached(doc, ruleset, threshold, cache, rules_fp)

    swaps = [(checker.corpus, "extract_document", extract),
             (checker.pipeline, "_normalise_corpus",
              partial(normalise_corpus, cache=cache, jobs=jobs)),
             (checker.pipeline, "compare", partial(compare_claims, jobs=jobs))]
    saved = [(module, name, getattr(module, name)) for module, name, _ in swaps]
    for module, name, value in swaps:
        setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


def prefetch(options: CheckOptions, ruleset: RuleSet, cache: ClaimCache | None,
             jobs: int) -> int:
    """Extract (in parallel, into the cache) every document that has no claim file."""
    docs, _ = load_documents(discover(options.seeds), options.root)
    todo = [d for d in docs if not claim_file_for(options.claims, d.id).exists()]
    extract_documents(todo, ruleset, options.threshold, jobs=jobs, cache=cache)
    return len(todo)


def native() -> bool:
    """Whether the pipeline takes `jobs` and `cache_dir` itself."""
    return {"jobs", "cache_dir"} <= {f.name for f in dataclasses.fields(CheckOptions)}


def run_integrated(options: CheckOptions, cache: ClaimCache | None, jobs: int,
                   watch: Stopwatch | None = None) -> tuple[CheckResult, float]:
    """`run_check` with the cache and jobs; the result and the seconds spent prefetching."""
    if native():
        changes: dict[str, Any] = {"jobs": jobs, "cache_dir": cache.root if cache else None}
        return run_check(dataclasses.replace(options, **changes), watch=watch), 0.0
    start = time.perf_counter()
    ruleset, _ = load_rules([options.rules], {}, options.select, options.ignore,
                            options.fuzzy_threshold)
    with integrated(ruleset, cache, jobs):
        if cache is not None:
            prefetch(options, ruleset, cache, jobs)
        middle = time.perf_counter()
        return run_check(options, watch=watch), middle - start


def cached_run(root: Path, rules: Path, cache_dir: Path, jobs: int) -> dict[str, Any]:
    """One `run_check` with cache and jobs; its time, stages, report hash, cache use."""
    from bench.measure import _stages, cpu_seconds, digest

    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                           rules=rules)
    cache = ClaimCache(cache_dir)
    watch = Stopwatch()
    cpu = cpu_seconds()
    start = time.perf_counter()
    result, prefetch_s = run_integrated(options, cache, jobs, watch)
    end = time.perf_counter()
    return {
        "total_s": round(end - start, 4), "prefetch_s": round(prefetch_s, 4),
        "stages_s": _stages(watch.times), "cpu_s": round(cpu_seconds() - cpu, 2),
        "report_sha256": digest(result.report.model_dump_json(indent=2)),
        "cache": None if native() else {"hits": cache.stats.hits,
                                        "misses": cache.stats.misses,
                                        "writes": cache.stats.writes},
    }
