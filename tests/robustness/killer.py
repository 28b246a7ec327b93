"""The CLI, with one process of its --jobs run killed during a chosen stage (tests only).

    python -m tests.robustness.killer STAGE ACTION MARKER claimcheck-arguments...

Where STAGE's work first runs in a worker, ACTION happens once: `kill` sends SIGKILL (what
the OOM killer sends) to the process STAGE names, `term` sends SIGTERM to the run's own
process. MARKER is a file path that does not exist yet: the process that creates it is
the one that acts, so exactly one does, while its siblings are at work.

Stages: `extract`, `normalise`, `candidates` and `verdicts` are the run's own pools (the
worker dies); `side` is the process beside the comparison (`checker.aside`: it dies while
its own pool works) and `side-worker` a worker of that pool; `comparison` is the process
a re-run with a verdict store compares in (`checker.checking`: it dies, or the run is
sent SIGTERM, while it recalls the store).
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import checker.extract.batch as extractor
import checker.parallel as parallel
import checker.rule_findings as rule_findings
import checker.workers as workers

MAIN = os.getpid()
MAIN_POOL = ("extract", "normalise", "candidates", "verdicts")
STAGES = (*MAIN_POOL, "side", "side-worker", "comparison")


def _first(marker: Path) -> bool:
    """True in the one process that creates `marker`."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def _act(stage: str, action: str, marker: Path) -> None:
    """In a pool worker doing `stage`'s work: the action, if no process took it yet (the
    process that runs the pool does the stage's work too, and never acts)."""
    if stage == "comparison":  # no pool: the process the comparison runs in
        if os.getpid() != MAIN and _first(marker):
            os.kill(MAIN if action == "term" else os.getpid(),
                    signal.SIGTERM if action == "term" else signal.SIGKILL)
        return
    in_main_pool = os.getppid() == MAIN
    if not workers._STATE or in_main_pool != (stage in MAIN_POOL) or not _first(marker):
        return
    if action == "term":
        os.kill(MAIN, signal.SIGTERM)
    else:
        os.kill(os.getppid() if stage == "side" else os.getpid(), signal.SIGKILL)


def _wrapped(fn: Callable[..., Any], stage: str, action: str,
             marker: Path) -> Callable[..., Any]:
    def acting(*args: Any, **kwargs: Any) -> Any:
        _act(stage, action, marker)
        return fn(*args, **kwargs)
    return acting


def _patch(stage: str, action: str, marker: Path) -> None:
    """Wrap the function a worker of `stage` calls per item (forked workers inherit it)."""
    owner: Any = {"extract": extractor, "normalise": parallel, "candidates": parallel.BlockIndex,
                  "verdicts": parallel, "comparison": parallel}.get(stage, rule_findings)
    # (Extraction: a block of documents, which parallel._extract_block imports from the
    # module when called, once patched. Not a function the extractor calls inside itself:
    # its compiled modules call each other in C, past a patched module attribute.)
    name = {"extract": "extract_batch", "normalise": "normalise_document",
            "candidates": "candidates", "verdicts": "kept_verdicts",
            "comparison": "recall"}.get(stage, "_regions")
    setattr(owner, name, _wrapped(getattr(owner, name), stage, action, marker))


def main(argv: list[str]) -> None:
    """Patch, then run the CLI on the remaining arguments."""
    stage, action, marker, *args = argv
    assert stage in STAGES and action in ("kill", "term"), argv
    # SIGUSR1 prints every thread's stack: what the test shows when a run hangs (once, in
    # CI under load, the extract-kill run did; it never has since).
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    _patch(stage, action, Path(marker))
    from checker.cli import main as cli

    cli(args, prog_name="claimcheck")


if __name__ == "__main__":
    main(sys.argv[1:])
