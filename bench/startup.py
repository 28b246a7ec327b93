"""How long a command takes on a pull request's worth of input: the repository's seeds,
claim files and rules (5 documents, 101 claims), each command started as a user starts it.

A desk runs `claimcheck validate` in a pre-commit hook and `claimcheck check` in CI on a
few documents, so most of what such a run costs is starting up: the interpreter, the
imports, reading the rules. Each command runs as a subprocess, wall clock from start to
exit, ROUNDS times in turn; the median is reported with every run.

The package is first as a user's runs find it (`measure.as_installed`): byte-compiled, as
`pip install` leaves it, and its regular expressions' compiled codes kept by a first run
(`checker.rx`): from sources, every run would compile both again (this machine sets
PYTHONDONTWRITEBYTECODE), and that is no cost a user pays.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.measure import REPO, as_installed

ROUNDS = 5
# (name, arguments): the commands of a pre-commit hook and of a CI step, the second `check`
# served by the cache the first one wrote.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("version", ("--version",)),
    ("help", ("--help",)),
    ("validate", ("validate",)),
    ("check_no_cache", ("check", "--fail-on", "never", "--no-cache")),
    ("check_cold_cache", ("check", "--fail-on", "never")),
    ("check_warm_cache", ("check", "--fail-on", "never")),
)


def _project(work: Path) -> Path:
    """A copy of the repository's seeds, claims and rules."""
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(REPO / name, work / name)
    return work


def _run(args: tuple[str, ...], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd,
                          capture_output=True, check=False)
    return time.perf_counter() - start, done.returncode


def run() -> dict[str, Any]:
    """Median wall time of each command, in a fresh copy of the seeds project."""
    as_installed()
    times: dict[str, list[float]] = {name: [] for name, _ in COMMANDS}
    exits: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="claimcheck-startup-") as tmp:
        project = _project(Path(tmp))
        for _ in range(ROUNDS):
            # The cold-cache run starts without a cache; the warm one reads what it wrote.
            shutil.rmtree(project / ".claimcheck-cache", ignore_errors=True)
            for name, args in COMMANDS:
                seconds, code = _run(args, project)
                times[name].append(round(seconds, 3))
                exits[name] = code
    return {"documents": len(list((REPO / "seeds").glob("*.txt"))), "rounds": ROUNDS,
            "bytecode": True,
            **{name: {"seconds": sorted(runs)[len(runs) // 2], "runs_seconds": runs,
                      "exit": exits[name]} for name, runs in times.items()}}
