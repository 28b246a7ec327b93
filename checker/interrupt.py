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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type of typeshed's only: sys has no such name at run time
    from sys import UnraisableHookArgs

_state = threading.local()
# The signals whose exit was raised in the main thread. Python ignores an exception raised
# inside a weakref callback (it prints "Exception ignored in ..."), so a signal landing
# while the import system runs one of its own is lost, and the run went on to exit 1 (seen
# once, in tests/cli/test_signals.py). Once one is raised, the run writes nothing more:
# the next critical section exits instead (`critical`), and so does the command
# (`cli.finish`).
_RAISED: list[int] = []


def raised() -> int | None:
    """The first signal whose exit was raised in the main thread, if any (see `_RAISED`)."""
    return _RAISED[0] if _RAISED else None


def quiet_exits(previous: Callable[[UnraisableHookArgs], object]
                ) -> Callable[[UnraisableHookArgs], None]:
    """A sys.unraisablehook that does not print our own exit when Python had to ignore it
    (raised in a weakref callback of the import system: `_RAISED`): the run still exits
    with it, and "Exception ignored ... Traceback" on stderr reads as a crash (CI saw it
    once in tests/cli/test_signals.py). Anything else goes to `previous`."""
    def hook(args: UnraisableHookArgs) -> None:
        exc = args.exc_value
        if isinstance(exc, SystemExit) and _RAISED and exc.code == 128 + _RAISED[-1]:
            return
        previous(args)
    return hook


def clear() -> None:
    """Forget the signals raised (a command's handlers are taken off: `cli._restore`)."""
    _RAISED.clear()


def _depth() -> int:
    return int(getattr(_state, "depth", 0))


def terminate(signum: int, frame: object) -> None:
    """Signal handler: exit with 128 + signum now, or when the current critical section ends."""
    if threading.current_thread() is threading.main_thread():
        if _depth() > 0:
            _state.pending = signum
            return
        _RAISED.append(signum)
    raise SystemExit(128 + signum)


@contextmanager
def critical() -> Iterator[None]:
    """Defer terminate() until the block has finished (or raised). Entered after a signal's
    exit was raised (and ignored: see `_RAISED`), it exits instead."""
    if _RAISED and _depth() == 0 and threading.current_thread() is threading.main_thread():
        raise SystemExit(128 + _RAISED[0])
    with deferred():
        yield


@contextmanager
def deferred() -> Iterator[None]:
    """`critical` for a clean-up that must be done whatever came before (temporary files
    removed on the way out of a signal's exit): entered even after a signal's exit was
    raised, and a signal meanwhile exits once it is done."""
    _state.depth = _depth() + 1
    try:
        yield
    finally:
        _state.depth = _depth() - 1
        pending = getattr(_state, "pending", None)
        if _state.depth == 0 and pending is not None:
            _state.pending = None
            _RAISED.append(pending)
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
