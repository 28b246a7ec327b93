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
formats this version no longer reads (`RETIRED`: a version from before a format changed,
used in turn with this one, finds its files of that format gone each time, and makes them
again). Only what this cache writes is removed: files named as
its entries, directories left empty by them, a retired file whose first bytes are this
cache's; a file of anyone else's stays, and nothing behind a symlink is touched. A run of
another version meanwhile only misses what went (a miss is a recomputation, never an
error).

    old = stale(root, generation())
    prune(old)  # in a process beside the run (`ClaimCache.tidy`)
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Collection, Iterable
from pathlib import Path

from checker import rx
from checker.atomic import owned_by_us
from checker.safepaths import leads_out

# The namespaces filed by generation (`cache.EXTRACTED`, `cache.NORMALISED`).
NAMESPACES = ("extracted", "normalised")
KEPT = 2  # generations kept in each namespace: this run's and the last used before it
# Files of retired formats, and what their first bytes say when this cache wrote them: the
# verdict store as JSON (format 3, before the twenty-sixth session's `verdicts.marshal`),
# and the memos as JSON (`checker.memofile` format 2, before the thirty-seventh's marshal).
_JSON_MEMO = rx.compile(rb'\A\{"format":\d+,"code":"[0-9a-f]{64}')
RETIRED = {"verdicts.json": rx.compile(rb'\A\{"format":\d+,"fingerprint":"[0-9a-f]{64}"'),
           **{f"{name}.json": _JSON_MEMO
              for name in ("arithmetic", "cited", "claimfiles", "consistency", "documents",
                           "parts", "regions", "sidecars", "terms")}}
_GENERATION = rx.compile(r"[0-9a-f]{16}\Z")
_SHARD = rx.compile(r"[0-9a-f]{2}\Z")  # `<namespace>/<key[:2]>/`, in a generation or before
# An entry (`<key>.json`, `<key>.marshal`) and what `atomic_write` leaves of one when killed.
_ENTRY = rx.compile(r"\.?[0-9a-f]{64}\.(?:json|marshal)(?:\.[^/]+\.tmp)?\Z")


def mark_used(root: Path, generation: str) -> None:
    """Note that a run used this generation now (its directories' times: what `stale`
    orders the others by). A generation with no entry yet has nothing to mark."""
    for namespace in NAMESPACES:
        with contextlib.suppress(OSError):
            os.utime(root / namespace / generation)


def stale(root: Path, generation: str) -> list[Path]:
    """What `prune` empties for a run of `generation`: the other generations but the most
    recently used one, the directories of the layout before generations, retired files.
    Nothing behind a symlink: a cache directory a symlink takes out of the repository (its
    writes are refused too), a namespace, generation or shard that is a symlink."""
    out: list[Path] = []
    if _own(root) is None:
        return out
    for namespace in NAMESPACES:
        directory = _own(root, namespace)
        if directory is None:
            continue
        try:
            entries = [e for e in os.scandir(directory) if e.is_dir(follow_symlinks=False)]
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
    out += [root / name for name, signature in RETIRED.items()
            if not (root / name).is_symlink() and owned_by_us(root / name, signature)]
    return sorted(out)


def _own(root: Path, *parts: str) -> Path | None:
    """The cache's directory `root/parts`, or None when it is not known to be the cache's:
    in a cache directory a symlink takes out of the repository (its writes are refused
    too), or behind a directory on the way that is a symlink."""
    directory = root.joinpath(*parts)
    if leads_out(root) or \
            os.path.realpath(directory) != os.path.join(os.path.realpath(root), *parts):
        return None
    return directory


def _entries(shard: Path) -> list[os.DirEntry[str]]:
    """The files of a shard named as entries (or as what a killed write leaves of one)."""
    try:
        return [e for e in os.scandir(shard)
                if _ENTRY.match(e.name) and not e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _used(entry: os.DirEntry[str]) -> float:
    """When a generation was last marked used (0 when it cannot be told)."""
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def prune(paths: Iterable[Path]) -> None:
    """Remove what `stale` found: in a generation or a shard, the files named as entries
    (then the directories left empty); a retired file itself. What cannot be removed stays
    (the next run tries again); anything else in them stays, and keeps its directory."""
    for path in paths:
        if path.is_symlink():
            continue
        if not path.is_dir():
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        shards = [path] if _SHARD.match(path.name) else _subdirectories(path, _SHARD)
        for shard in shards:
            _empty(shard)
        with contextlib.suppress(OSError):
            path.rmdir()  # only when nothing else was in it


def _subdirectories(path: Path, name: re.Pattern[str]) -> list[Path]:
    try:
        return [path / e.name for e in os.scandir(path)
                if name.match(e.name) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _empty(shard: Path) -> None:
    """Remove a shard's entries, and the shard when nothing else is in it."""
    for entry in _entries(shard):
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
    with contextlib.suppress(OSError):
        shard.rmdir()


# Within a generation: an entry no run has used for this long goes (a document edited
# daily leaves one entry a day behind), swept at most once a day, at a run's end.
MAX_AGE = 30 * 86400.0
SWEEP_EVERY = 86400.0
# A used entry whose time is older than this has it set again (`ClaimCache.get`, `holds`):
# its time says when a run last used it, at one `utime` a week at most.
REFRESH = 7 * 86400.0
# A draft the documents' memo names is looked for again, its time set again when old, once
# this long after it was last seen (`docmemo.kept_key`): never MAX_AGE old while runs use it.
RECHECK = REFRESH
# In the cache directory: when it was last swept. One file for both namespaces (a corpus
# whose documents all have claim files extracts nothing: a stamp in `extracted/` was never
# written, and every run swept).
SWEPT = ".swept"


def sweep_due(root: Path, now: float) -> bool:
    """Whether the cache's entries were last swept a day or more ago."""
    stamp = root / SWEPT
    try:
        return stamp.stat().st_mtime <= now - SWEEP_EVERY
    except OSError:
        return True


def sweep(root: Path, generation: str, in_use: Collection[str], now: float) -> int:
    """Remove this generation's entries that no run used for `MAX_AGE` (their times: a
    run's reads set them again) and that are not `in_use` (those the normalised pack
    serves without reading their files), and what killed writes left a day ago or more;
    stamp the sweep. The number of files removed. Nothing behind a symlink."""
    removed = 0
    for namespace in NAMESPACES:
        directory = _own(root, namespace, generation)
        if directory is not None:
            for shard in _subdirectories(directory, _SHARD):
                removed += _swept(shard, in_use, now)
    if _own(root) is not None:
        with contextlib.suppress(OSError):
            (root / SWEPT).touch()
    return removed


def _swept(shard: Path, in_use: Collection[str], now: float) -> int:
    removed = 0
    for entry in _entries(shard):
        temporary = entry.name.startswith(".")
        if not temporary and entry.name.split(".", 1)[0] in in_use:
            continue
        try:
            old = entry.stat(follow_symlinks=False).st_mtime <= \
                now - (SWEEP_EVERY if temporary else MAX_AGE)
            if old:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
