"""Keeping the cache directory from growing without end.

Extracted and normalised claims are filed under the generation of the code that wrote
them (`cache.generation`: a hash of the package's sources, the Python version and the
libraries'). Every upgrade, and every edit of the code in development, starts a generation
with a full set of entries of its own, which no later version reads: the benchmark's
directory of 10,000 documents, used by about twenty versions while this project was built,
held 2.4 GB, 210,000 files in each of the two namespaces.

So a run marks its generation used and removes, beside its own work, every other
generation but the one used most recently (two checkouts or two installed versions used in
turn both stay warm), the entries of the layout before generations, and the files of
formats no version reads any more. Only names this cache writes are removed: a file of
anyone else's in the directory stays, and a symlink is unlinked, never followed. A run of
another version meanwhile only misses what went (a miss is a recomputation, never an
error).

    old = stale(root, generation())
    prune(old)  # in a process beside the run (`ClaimCache.tidy`)
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

# The namespaces filed by generation (`cache.EXTRACTED`, `cache.NORMALISED`).
NAMESPACES = ("extracted", "normalised")
KEPT = 2  # generations kept in each namespace: this run's and the last used before it
# Files of retired formats: the verdict store as JSON (before the twenty-sixth session's
# `verdicts.marshal`).
RETIRED = ("verdicts.json",)
_GENERATION = re.compile(r"[0-9a-f]{16}\Z")
_SHARD = re.compile(r"[0-9a-f]{2}\Z")  # `<namespace>/<key[:2]>/`: the layout before


def mark_used(root: Path, generation: str) -> None:
    """Note that a run used this generation now (its directories' times: what `stale`
    orders the others by). A generation with no entry yet has nothing to mark."""
    for namespace in NAMESPACES:
        with contextlib.suppress(OSError):
            os.utime(root / namespace / generation)


def stale(root: Path, generation: str) -> list[Path]:
    """What `prune` removes for a run of `generation`: the other generations but the most
    recently used one, directories of the layout before generations, retired files."""
    out: list[Path] = []
    for namespace in NAMESPACES:
        directory = root / namespace
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        others: list[tuple[float, str]] = []
        for entry in entries:
            if entry.name == generation:
                continue
            if _GENERATION.match(entry.name):
                others.append((_used(entry), entry.name))
            elif _SHARD.match(entry.name):
                out.append(directory / entry.name)
        # Newest first; of two used at the same moment, the name decides (stable output).
        others.sort(key=lambda used: (-used[0], used[1]))
        out += [directory / name for _, name in others[KEPT - 1:]]
    out += [root / name for name in RETIRED if (root / name).is_file()]
    return sorted(out)


def _used(entry: os.DirEntry[str]) -> float:
    """When a generation was last marked used (0 when it cannot be told)."""
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def prune(paths: Iterable[Path]) -> None:
    """Remove what `stale` found; what cannot be removed stays (the next run tries again)."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
