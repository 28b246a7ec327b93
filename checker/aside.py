"""Work beside the main line: one function run in a forked process of its own while this
process goes on (`--jobs`: the documents' own checks beside the comparison).

The process sends its result back as soon as it has it and exits: its copy of the heap
(the pages it touched, and those this process writes meanwhile) goes with it, instead of
lasting until the result is asked for. A thread here receives the result, so the process
never waits for this one to read. When the block ends by an exception (an error, Ctrl-C,
SIGTERM to this process alone), the process is terminated rather than waited for; its own
SIGTERM handler (`checker.interrupt`) still lets a cache write in progress finish.

    with beside(work, jobs) as result:
        ...  # the main line
        value = result()  # work(jobs - 1)'s value, or its exception raised here
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from checker.heap import frozen_heap
from checker.interrupt import critical
from checker.workers import die_with_parent

R = TypeVar("R")


@contextmanager
def beside(work: Callable[[int], R], jobs: int = 1) -> Iterator[Callable[[], R]]:
    """`work` run beside the block: with `jobs` (a count, `parallel.resolve_jobs`) over 1
    where processes are forked, as `work(jobs - 1)` in a process of its own that starts
    now (the block's own work keeps the other processes); else as `work(jobs)` here, when
    its result is asked for. Yields the function that returns that result, waiting for it."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: work(jobs)
        return
    side = _Side(work, jobs - 1)
    try:
        yield side.result
    except BaseException:
        side.stop()
        raise
    side.stop()


def later(work: Callable[[], None], jobs: int = 1) -> Callable[[], None]:
    """`work`, a cache write, started in a forked process of its own when `jobs` is over 1
    where processes are forked (else done now); returns the function that waits for it.
    This process goes on meanwhile (the reduce and the findings, while the verdict store
    is written). A write that fails, or a process killed, is only a cache the next run
    misses (writes are atomic), never an error of this run."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        work()
        return _done
    side = _Side(lambda _: work(), 0)

    def wait() -> None:
        try:
            side.result()
        except Exception:  # noqa: BLE001 - see above: the next run recomputes
            return

    return wait


def _done() -> None:
    return None


class _Side(Generic[R]):
    """The process, the thread receiving its result, and that result once received."""

    def __init__(self, work: Callable[[int], R], jobs: int) -> None:
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        # Forked, so `work` and all it reads are inherited, not pickled; only the result
        # is. Not a daemon: the work may spread itself over processes of its own.
        self._process = context.Process(target=_run, args=(work, jobs, sending, os.getpid()))
        # No collection there: it would copy every inherited page. No SIGTERM during the
        # fork: its SystemExit, raised in an at-fork hook, would be dropped.
        with frozen_heap(), critical():
            self._process.start()
        sending.close()  # this end is the process's: its exit is the end of the pipe
        self._got: tuple[str, Any] | None = None
        self._thread = threading.Thread(target=self._receive, args=(receiving,), daemon=True)
        self._thread.start()

    def _receive(self, receiving: Connection) -> None:
        try:
            self._got = receiving.recv()
        except (EOFError, OSError):
            self._got = None  # the process ended without sending anything
        finally:
            receiving.close()

    def result(self) -> R:
        """The value of the work, or its exception raised here."""
        self._thread.join()
        self._process.join()
        if self._got is None:
            raise BrokenProcessPool("the process beside the comparison ended abruptly "
                                    f"(exit code {self._process.exitcode})")
        kind, value = self._got
        if kind == "error":
            raise value
        result: R = value
        return result

    def stop(self) -> None:
        """End the process (terminated if it is still at work) and the receiving thread."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._thread.join()


def _run(work: Callable[[int], Any], jobs: int, sending: Connection, parent: int) -> None:
    """In the process: the work, its value or exception sent back, then the exit."""
    # Not left working for nobody when the parent is killed: SIGTERM, so it unwinds.
    die_with_parent(parent, signal.SIGTERM)
    try:
        outcome: tuple[str, Any] = ("ok", work(jobs))
    except BaseException as exc:  # noqa: BLE001 - raised again on the other side
        outcome = ("error", exc)
    try:
        sending.send(outcome)
    except Exception as exc:  # noqa: BLE001 - a value that does not pickle
        sending.send(("error", RuntimeError(f"the result could not be sent back: {exc!r}")))
    finally:
        sending.close()
