"""The cyclic garbage collector, paused for batch stages.

Normalising and comparing 200,000 claims allocates millions of small acyclic objects
(claims, pairs, verdicts) that live to the end of the stage. Every full collection walks
all of them, and a run triggers several: seconds spent finding nothing. And in a forked
worker, a collection writes to the header of every inherited object, which copies the
parent's whole heap page by page. Reference counting still frees everything acyclic; the
few cycles made meanwhile are collected when the pause ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(freeze_on_exit: bool = False) -> Iterator[None]:
    """Disable automatic collection in the block (nested pauses are fine).

    When the pause ends, the objects made during it are still young, and the first
    collections walk them all (seconds at 200,000 claims). `freeze_on_exit` moves
    everything alive out of all later collections instead: for a command that has its
    result and only writes it out before exiting (what is alive stays alive until exit).
    Not for long-running processes (the review server): frozen cycles are never freed."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze_on_exit:
            gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the objects that exist now out of collections (before forking workers)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# What `outlive` keeps, once `keep_to_exit` is called (None: nothing is kept).
_KEPT_TO_EXIT: list[tuple[object, ...]] | None = None


def keep_to_exit() -> None:
    """From now on, what `outlive` is given stays alive until the process ends: for a
    command that ends without freeing its data (`cli.finish`), freeing it on the way is
    time spent for nothing. Not for long-running processes (the review server)."""
    global _KEPT_TO_EXIT
    if _KEPT_TO_EXIT is None:
        _KEPT_TO_EXIT = []


def outlive(*objects: object) -> None:
    """Keep objects alive until the process ends, once `keep_to_exit` was called; else
    nothing (they are freed when their last reference goes, as usual)."""
    if _KEPT_TO_EXIT is not None:
        _KEPT_TO_EXIT.append(objects)
