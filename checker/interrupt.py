"""Ctrl-C and SIGTERM unwind the stack, except inside a critical section.

The CLI turns both signals into SystemExit(128 + signal), so `finally` blocks and atomic
writes clean up. A signal that lands between creating a temporary file and entering the
block that removes it would still leave one behind; so atomic writes run as a critical
section, during which the signal is only recorded, and the exit happens when the section
ends (a write takes milliseconds). Python runs signal handlers in the main thread, so only
the main thread's sections defer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_state = threading.local()


def _depth() -> int:
    return int(getattr(_state, "depth", 0))


def terminate(signum: int, frame: object) -> None:
    """Signal handler: exit with 128 + signum now, or when the current critical section ends."""
    if threading.current_thread() is threading.main_thread() and _depth() > 0:
        _state.pending = signum
        return
    raise SystemExit(128 + signum)


@contextmanager
def critical() -> Iterator[None]:
    """Defer terminate() until the block has finished (or raised)."""
    _state.depth = _depth() + 1
    try:
        yield
    finally:
        _state.depth = _depth() - 1
        pending = getattr(_state, "pending", None)
        if _state.depth == 0 and pending is not None:
            _state.pending = None
            raise SystemExit(128 + pending)


def forked() -> None:
    """In a process just forked inside a critical section (`aside` forks inside one, so
    that no signal lands during the fork): the section is the parent's, so this process
    starts outside it, where it would otherwise defer every signal for ever (a review: a
    process rendering a report outlived its killed parent, deaf to SIGTERM). A signal
    recorded meanwhile is acted on now."""
    pending = getattr(_state, "pending", None)
    _state.depth = 0
    _state.pending = None
    if pending is not None:
        raise SystemExit(128 + pending)
