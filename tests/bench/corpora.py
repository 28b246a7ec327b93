"""Small generated corpora and one way to run the check with or without cache and jobs.

Until the pipeline takes `cache_dir`/`jobs` options itself, the cached and parallel path
is wired in by `bench.integrate.run_integrated` (the pipeline's names swapped for the
duration of a run); once `CheckOptions` has those fields, they are used instead.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bench.generate import Corpus, generate, write_corpus
from bench.integrate import run_integrated
from checker.cache import ClaimCache
from checker.pipeline import CheckOptions, run_check

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules"


@cache
def generated(docs: int, seed: int = 8) -> Corpus:
    """A generated corpus (memoised: generation is deterministic)."""
    return generate(docs, seed)


def write(root: Path, docs: int, seed: int = 8) -> Path:
    """Write a generated corpus (seeds/ and truth.json) under root."""
    write_corpus(generated(docs, seed), root)
    return root


def report_json(root: Path, cache_dir: Path | None = None, jobs: int = 1,
                claims: str = "claims", rules: Path = RULES) -> str:
    """The report of `claimcheck check` on root, as JSON text."""
    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / claims, rules=rules)
    if cache_dir is None and jobs == 1:
        return run_check(options).report.model_dump_json(indent=2)
    store = ClaimCache(cache_dir) if cache_dir is not None else None
    result, _ = run_integrated(options, store, jobs)
    return result.report.model_dump_json(indent=2)
