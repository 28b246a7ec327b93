"""Worker processes for `--jobs`: one pool per round, stopped without waiting when a run
fails, and `spread`, which shares a round's slices between the workers and this process.

`--jobs N` means N processes at work: this one and N - 1 forked workers. This process takes
slices from the end of the round while the workers take them from the start, so what a
worker sends back (pickled) is only its share, and one fork fewer copies the pages the
round touches (copy-on-write). Workers are forked where the platform allows it, so the
read-only state is inherited rather than sent, and string hashing (hence set order) is
the parent's; elsewhere the state is pickled once per worker.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from checker.heap import frozen_heap
from checker.interrupt import critical

R = TypeVar("R")
T = TypeVar("T")
# Slices per process: this process and the workers meet where their slices do, so the more
# slices the closer to even they finish (a slice costs a pickled result and a task).
TASKS_PER_JOB = 16
# Slices queued for each worker beyond the one it is at: it never waits while this process
# (busy with a slice of its own) reads its last result and hands it the next. One only: a
# slice queued is one this process cannot take when it runs out of its own.
AHEAD = 1

# Per-process state of a worker, set once by the pool initialiser.
_STATE: dict[str, Any] = {}


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _init(parent: int, state: dict[str, Any]) -> None:
    _as_worker(parent)
    _STATE.clear()
    _STATE.update(state)


def _as_worker(parent: int) -> None:
    """Signals as a pool worker takes them: it dies on SIGTERM or with `parent`."""
    # A forked worker inherits the CLI's SIGTERM handler, whose SystemExit the executor
    # catches as the task's outcome; the worker then runs the next queued task and, once
    # the pool is broken (another worker killed), blocks for ever writing a result nobody
    # reads while the parent waits for it to end. A worker has nothing to finish: it dies.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Ctrl-C reaches the whole process group: the parent alone decides, and stops the pool
    # (a worker ended by it would read as a killed one, exit 3 instead of 130).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent, signal.SIGKILL)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int, signum: int) -> None:
    """Have `signum` sent to this process when `parent` (the process that forked it) ends.

    A process whose parent was killed would otherwise live on: a pool worker waiting for
    tasks that never come, since its siblings hold the queue open. Linux only; elsewhere
    a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signum)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the request: nobody will send the signal
        os.kill(os.getpid(), signum)


@contextmanager
def worker_pool(jobs: int, state: dict[str, Any]) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jobs` workers sharing `state`, stopped without waiting when the block
    raises (a killed worker, Ctrl-C, SIGTERM): every pool of a run is made here."""
    # Forked workers share the parent's heap copy-on-write; a collection in a worker would
    # copy all of it (checker.heap).
    with frozen_heap():
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                   initializer=_init, initargs=(os.getpid(), state))
        try:
            with critical():  # forks every worker (below), Ctrl-C/SIGTERM deferred
                pool.submit(_started)
            yield pool
        except BaseException:
            stop_pool(pool)
            raise
        pool.shutdown()


def _started() -> None:
    """The first task: submitting it forks the workers (a forking pool starts them all)."""
    # A SystemExit raised in an at-fork hook (logging has one) is printed and dropped: a
    # SIGTERM landing during the fork would be lost, and the run would go on to exit 0.


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End `pool` now: queued tasks cancelled, workers at work terminated, all joined."""
    # Its own shutdown waits for every task already sent, and a broken pool's workers may
    # never end (see _as_worker). No public API names the workers before Python 3.14.
    workers = list((pool._processes or {}).values())
    thread = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    # Woken now, the pool's thread cancels what is queued before it sees the workers end.
    pool.shutdown(wait=False, cancel_futures=True)
    if thread is not None:
        thread.join(STOP_WAIT)
        if thread.is_alive() and results is not None:
            _unblock(pool, thread, workers, results)
    _end(workers)
    if results is not None:
        results.close()


def _end(workers: list[multiprocessing.Process]) -> None:
    """Join the terminated workers, killing any that outlive SIGTERM by STOP_WAIT."""
    for worker in workers:
        worker.join(STOP_WAIT)
        if worker.is_alive():
            worker.kill()
            worker.join()


def _unblock(pool: ProcessPoolExecutor, thread: threading.Thread,
             workers: list[multiprocessing.Process], results: Any) -> None:
    """End the pool's thread, stuck reading half a result for ever.

    A worker ended half-way through sending a result leaves part of a message in the
    results pipe, and the thread waits for the rest: a run stopped by SIGTERM in the
    judging round hung in CI (tests/test_stop_pool.py). With every worker gone, this
    process holds the last write end of the pipe: closing it turns the wait into an end of
    file, which the thread takes for a broken pool (it fails the futures still pending:
    those already cancelled are taken out first, or Python 3.11 raises on them)."""
    _end(workers)
    pending = getattr(pool, "_pending_work_items", {})
    for work_id in [k for k, item in pending.items() if item.future.done()]:
        del pending[work_id]
    results._writer.close()
    thread.join()


def ranges(total: int, parts: int) -> list[tuple[int, int]]:
    """`total` items cut into at most `parts` contiguous (start, end) slices, in order."""
    size = max(1, -(-total // max(1, parts)))
    return [(start, min(total, start + size)) for start in range(0, total, size)]


# Seconds a terminated worker has to end (its SIGTERM handler lets a cache write finish)
# before it is killed.
STOP_WAIT = 5.0



Round = Callable[[dict[str, Any], tuple[int, int]], R]


def spread(fn: Round[R], state: dict[str, Any], total: int, jobs: int) -> list[R]:
    """`fn(state, (start, end))` for contiguous slices of range(total), in order, over `jobs`
    processes: this one takes slices from the end, `jobs - 1` forked workers (which inherit
    `state`) from the start. `fn` must be a module-level function."""
    return spread_with(fn, state, total, jobs, None)[0]


def spread_with(fn: Round[R], state: dict[str, Any], total: int, jobs: int,
                extra: Callable[[dict[str, Any]], T] | None) -> tuple[list[R], T | None]:
    """`spread`, and `extra(state)` done by a worker before its first slice (here when
    there is none), its value returned beside the round's: work of the round's size that
    this process would do with the workers' pages shared (copy-on-write) and its core
    contended. `extra` must be a module-level function. One process (a slice alone) is
    this one; there are never more workers than slices."""
    slices = ranges(total, max(1, jobs) * TASKS_PER_JOB)
    jobs = min(jobs, len(slices))
    if jobs <= 1:
        value = extra(state) if extra is not None else None
        return [fn(state, bounds) for bounds in slices], value
    mine: dict[int, R] = {}
    with worker_pool(jobs - 1, {**state, "fn": fn, "extra": extra}) as pool, \
            _prompt_threads():
        dealer = _Dealer(pool, slices, jobs - 1, extra is not None)
        try:
            while (k := dealer.take_last()) is not None:
                mine[k] = fn(state, slices[k])
        except BaseException:
            dealer.stop()  # the pool is stopped next (worker_pool): the feeder must not wait
            raise
        theirs, value = dealer.finish()  # raises whenever a slice was left undone
    return [mine[k] if k in mine else theirs[k] for k in range(len(slices))], value


# Seconds a thread here runs before one waiting for the GIL gets it, while this process
# works beside its workers (Python's default is 0.005).
SWITCH_INTERVAL = 0.0001


@contextmanager
def _prompt_threads() -> Iterator[None]:
    """A short GIL switch interval for the block: the pool's thread reads each result in
    pipe-sized pieces (64 KB), each needing the GIL that this process's own slice holds.
    At the default interval a worker sending a 2.3 MB result waited 0.22 s for it to be
    read before it could start its next slice (0.07 s at this one)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _run_slice(bounds: tuple[int, int]) -> Any:
    """A worker's task: the round's function over one slice."""
    return _STATE["fn"](_STATE, bounds)


def _run_extra() -> Any:
    """A worker's task: the round's extra work (`spread_with`)."""
    return _STATE["extra"](_STATE)


# Seconds between the feeder's looks at the tasks it waits for: a stopped pool cancels
# them, and a cancellation wakes no waiter (CPython gh-92001).
POLL = 0.1


class _Dealer:
    """Hands a round's slices out: to the workers from the start, through a thread here that
    keeps each of them `AHEAD` slices queued, and to this process from the end."""

    def __init__(self, pool: ProcessPoolExecutor, slices: list[tuple[int, int]],
                 workers: int, extra: bool) -> None:
        self._pool, self._slices, self._workers = pool, slices, workers
        # Sent before any slice: the first worker free does it first.
        self._extra: Future[Any] | None = pool.submit(_run_extra) if extra else None
        self._lock = threading.Lock()
        self._front, self._back = 0, len(slices)
        self._sent: dict[int, Future[Any]] = {}
        self._failed = False
        self._error: BaseException | None = None
        # A daemon: a run stopped by Ctrl-C or a killed worker never waits for it.
        self._thread = threading.Thread(target=self._feed, name="claimcheck-feeder",
                                        daemon=True)
        self._thread.start()

    def take_last(self) -> int | None:
        """The last slice nobody has taken yet, for this process; None when none is left or
        a worker failed (the failure is raised by `finish`)."""
        with self._lock:
            if self._failed or self._front >= self._back:
                return None
            self._back -= 1
            return self._back

    def _take_first(self) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            self._front += 1
            return self._front - 1

    def stop(self) -> None:
        """No more slices for anyone: the feeder ends within `POLL` seconds."""
        self._failed = True

    def _feed(self) -> None:
        """Keep the workers supplied until the slices run out, a task fails or the round
        is stopped."""
        pending: set[Future[Any]] = set()
        try:
            while not self._failed:
                while len(pending) < self._workers * (1 + AHEAD):
                    k = self._take_first()
                    if k is None:
                        break
                    future = self._sent[k] = self._pool.submit(_run_slice, self._slices[k])
                    pending.add(future)
                if not pending:
                    return
                done, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
                if any(f.cancelled() or f.exception() is not None for f in done) or \
                        any(f.cancelled() for f in pending):
                    self._failed = True  # this process stops taking slices; finish raises
        except BaseException as exc:  # noqa: BLE001 - raised again by finish, in this thread's stead
            # A broken or stopped pool refuses tasks (RuntimeError); anything else (memory)
            # is the run's failure too, and the slice taken for it was done by nobody.
            self._error = exc
            self._failed = True

    def finish(self) -> tuple[dict[int, Any], Any]:
        """The workers' results by slice and the extra work's value, once all are in; a
        worker's error raised here."""
        self._thread.join()
        extra = self._extra.result() if self._extra is not None else None
        for k in sorted(self._sent):
            self._sent[k].result()  # raises what the task raised, or BrokenProcessPool
        if isinstance(self._error, RuntimeError):  # refused: the pool broke between tasks
            raise BrokenProcessPool("a worker process ended abruptly") from self._error
        if self._error is not None:
            raise self._error
        return {k: f.result() for k, f in self._sent.items()}, extra
