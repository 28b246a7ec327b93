"""One `run_check` with the cache and `--jobs`, timed, for the incremental benchmark."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from checker.heap import keep_to_exit, paused_gc
from checker.pipeline import CheckOptions, Stopwatch, run_check


def cached_run(root: Path, rules: Path, cache_dir: Path, jobs: int) -> dict[str, Any]:
    """One `run_check` with cache and jobs; its time, stages and report hash."""
    from bench.measure import _stages, cpu_seconds, digest, load_machinery

    load_machinery()

    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                           rules=rules, jobs=jobs, cache_dir=cache_dir)
    watch = Stopwatch()
    keep_to_exit()  # as `claimcheck check` runs it: its data is never freed (cli.finish)
    cpu = cpu_seconds()
    start = time.perf_counter()
    with paused_gc(freeze_on_exit=True):  # as `claimcheck check` runs it
        result = run_check(options, watch=watch)
    end = time.perf_counter()
    return {
        "total_s": round(end - start, 4), "stages_s": _stages(watch.times),
        "cpu_s": round(cpu_seconds() - cpu, 2),
        "report_sha256": digest(result.report.model_dump_json(indent=2)),
    }
