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
def paused_gc() -> Iterator[None]:
    """Disable automatic collection in the block (nested pauses are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
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


def keep_until_exit() -> None:
    """Leave everything alive now out of all later collections.

    For a command that has its result and only writes it out before exiting: what is alive
    stays alive until exit, and the collections that would otherwise catch up on what a
    paused stage made walk millions of objects for nothing (seconds at 200,000 claims).
    Not for long-running processes (the review server): frozen cycles are never freed."""
    gc.freeze()
