"""Files a run will read later, read now in a thread beside it, with their seals checked.

Before an edited re-run compares, this process reads and normalises its documents for
0.3 s on one core while the other has nothing to do. The cache files the comparison reads
next (the verdict store, the block index, the components' map: 68 MB at 10,000
documents) and those this process reads beside it (the group memo, the conflicts' memo)
are read meanwhile, and each file's seal checked (`sealedfile.seal_holds`): reading and
hashing release the interpreter's lock, so the thread takes almost nothing from this one.
Reading and hashing them after the fork cost the comparison 0.1 s and this process
0.05 s.

What is read ahead is taken once (`take`); what nobody took is let go (`forget`), without
waiting for the thread. A file changed after it was read ahead is read as it was then, as
if it had been read then: each cache file is replaced whole (`checker.atomic`), never
written in place. Forking while the thread runs could leave a lock held in the child, and
a file pending that no thread reads there: every fork waits for it first
(`os.register_at_fork`). The memory it holds is bounded: files are read ahead, in order,
while their sizes add up to at most `BUDGET` a call (a tenth of the 2 GB a run of 200,000
claims may take); the others are read by their readers as before.

    read_ahead([store, index_state], seal_holds)
    ...
    found = take(store)  # (bytes, whether the seal holds), or None: read it yourself
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

Check = Callable[[bytes], bool]
BUDGET = 200 * 1024 * 1024  # bytes read ahead by one call at most


class _Ahead:
    """One thread reading files in order, and what it has read so far."""

    def __init__(self, paths: Sequence[str], check: Check) -> None:
        self.pending = set(paths)
        self.done: dict[str, tuple[bytes, bool]] = {}
        self.forgotten: set[str] = set()  # let go of before they were read: not kept
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._read, args=(list(paths), check),
                                       name="claimcheck-read-ahead", daemon=True)

    def _read(self, paths: list[str], check: Check) -> None:
        try:
            for path in paths:
                try:
                    with open(path, "rb") as handle:
                        data = handle.read()
                    found: tuple[bytes, bool] | None = (data, check(data))
                except Exception:  # noqa: BLE001 - the reader reads it again, and meets it
                    found = None
                with self.changed:
                    if found is not None and path not in self.forgotten:
                        self.done[path] = found
                    self.pending.discard(path)
                    self.changed.notify_all()
        finally:
            # Whatever stopped it, nobody waits for the rest.
            with self.changed:
                self.pending.clear()
                self.changed.notify_all()


_BATCHES: list[_Ahead] = []  # each call's, reading beside one another
_LET_GO: list[_Ahead] = []  # forgotten, perhaps still reading: a fork waits for them too


def read_ahead(paths: Sequence[Path], check: Check, budget: int = BUDGET) -> None:
    """Start reading the files in a thread, each with `check` of its bytes: those, in
    order, whose sizes add up to at most `budget`."""
    keys: list[str] = []
    total = 0
    for path in map(os.fspath, paths):
        try:
            total += os.stat(path).st_size
        except OSError:
            continue  # not there: its reader finds out
        if total > budget:
            break
        keys.append(path)
    if not keys:
        return
    ahead = _Ahead(keys, check)
    try:
        ahead.thread.start()
    except RuntimeError:  # no thread to be had: each reader reads its file
        return
    _BATCHES.append(ahead)


def take(path: Path) -> tuple[bytes, bool] | None:
    """The file's bytes and `check` of them, waiting for the thread if it has not read the
    file yet; None when the file was not read ahead (or could not be): read it yourself.
    Each file is given once."""
    key = os.fspath(path)
    for ahead in _BATCHES:
        with ahead.changed:
            ahead.changed.wait_for(lambda: key not in ahead.pending)  # noqa: B023 - now
            found = ahead.done.pop(key, None)
        if found is not None:
            return found
    return None


def forget(paths: Iterable[Path] | None = None) -> None:
    """Let go of what was read ahead and not taken, or of these files only, without
    waiting for the thread. After a fork each process lets go of the other's files: a page
    one frees stays for as long as the other holds it."""
    if paths is None:
        _LET_GO.extend(a for a in _BATCHES if a.thread.is_alive())
        _BATCHES.clear()
        return
    keys = set(map(os.fspath, paths))
    for ahead in _BATCHES:
        with ahead.changed:
            ahead.forgotten |= keys
            for key in keys:
                ahead.done.pop(key, None)


def settle() -> None:
    """Wait for the threads to finish (before a fork: the child has no such thread)."""
    for ahead in (*_BATCHES, *_LET_GO):
        if ahead.thread.is_alive() and ahead.thread is not threading.current_thread():
            ahead.thread.join()
    _LET_GO.clear()


def _orphaned() -> None:
    """In a forked child: the threads are not there, so nothing is waited for."""
    for ahead in _BATCHES:
        ahead.pending.clear()


os.register_at_fork(before=settle, after_in_child=_orphaned)
