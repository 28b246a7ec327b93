"""Small generated corpora and one way to run the check with or without cache and jobs."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from bench.generate import Corpus, generate, write_corpus
from checker.pipeline import CheckOptions, run_check
from checker.reporting import json_report

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
    """The report of `claimcheck check` on root, as JSON text: as the command writes it,
    the findings whose bytes the cache gave spliced in (`json_report.RenderedFindings`)."""
    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / claims, rules=rules)
    options = dataclasses.replace(options, cache_dir=cache_dir, jobs=jobs)
    result = run_check(options)
    return json_report.render_bytes(result.report, result.rendered).decode("utf-8")
