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

A value is sent back pickled; one that refers to objects both processes hold (inherited by
the fork) can name each by its position instead of copying it (`by_reference`). A part of
it can be sent ahead while the process goes on (`Ahead`): this one starts on it sooner.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import multiprocessing
import os
import pickle
import signal
import threading
import traceback
import types
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from checker.heap import frozen_heap
from checker.interrupt import critical, forked
from checker.workers import die_with_parent

R = TypeVar("R")
P = TypeVar("P")
# How a value crosses from the process to this one: (encode there, decode here).
Codec = tuple[Callable[[Any], bytes], Callable[[bytes], Any]]


@contextmanager
def beside(work: Callable[[int], R], jobs: int = 1, codec: Codec | None = None,
           ahead: Ahead[Any] | None = None,
           until: Callable[[Callable[[], None]], object] | None = None
           ) -> Iterator[Result[R]]:
    """`work` run beside the block: with `jobs` (a count, `parallel.resolve_jobs`) over 1
    where processes are forked, as `work(jobs - 1)` in a process of its own that starts
    now (the block's own work keeps the other processes); else as `work(jobs)` here, when
    its result is asked for. Yields a `Result`: called, it returns that result, waiting for
    it (not for the process, which may still finish work of its own, a cache write, until
    the block ends); `ready()` says whether it has come. `codec` sends the value across
    (default: pickled as it is), and `ahead` a part the work sends before its value.
    `until` (`ClaimCache.pending`) takes the wait for the process's end when the block ends
    with its value received: a cache write the process started then ends while this one
    goes on, and the run waits for it at its end instead of here."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        if ahead is not None:
            ahead.close()  # the work runs here, when asked for: nothing comes ahead of it
        yield Result(lambda: work(jobs), lambda: True)
        return
    side = _Side(work, jobs - 1, codec, ahead)
    try:
        yield Result(side.value, side.sent)
    except BaseException:
        side.stop()
        raise
    side.finish(until)


class Result(Generic[R]):
    """What `beside` yields: called, the value of the work (waiting for it); `ready`,
    whether calling would not wait."""

    def __init__(self, value: Callable[[], R], ready: Callable[[], bool]) -> None:
        self._value = value
        self.ready = ready

    def __call__(self) -> R:
        return self._value()


# What a pipe between the processes holds before a send waits for the reader (Linux lets
# any process have up to 1 MiB, /proc/sys/fs/pipe-max-size). With the default 64 KiB, the
# comparison's conflicts (0.97 MB at 10,000 documents) waited 0.2 s in the process beside,
# the longer line, for this one to finish what it was doing and read them.
PIPE_BYTES = 1 << 20


def _pipe() -> tuple[Connection, Connection]:
    """A one-way pipe (receiving end, sending end), as large as the system lets it be."""
    receiving, sending = multiprocessing.get_context("fork").Pipe(duplex=False)
    try:
        import fcntl

        fcntl.fcntl(sending.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or a lower limit: the pipe's own size, sends wait longer
    return receiving, sending


class Ahead(Generic[P]):
    """A part of the work's value, sent once by the work in the process beside while it
    goes on (`send`), received here (`get`, `ready`): a re-run's conflicts, whose findings
    this process builds while the comparison groups the corroborations. Made before
    `beside` forks, and given to it and to the work. When the work ends without sending
    it, or the process ends, `get` gives None."""

    def __init__(self) -> None:
        receiving, sending = _pipe()
        self._receiving: Connection | None = receiving
        self._sending: Connection | None = sending
        self._encode: Callable[[Any], bytes] | None = None
        self._decode: Callable[[bytes], Any] | None = None
        self._got: tuple[P | None] | None = None

    def send(self, part: P) -> None:
        """Send the part (in the process beside; once: later parts are not sent)."""
        sending, self._sending = self._sending, None
        if sending is None:
            return
        try:
            sending.send(self._encode(part) if self._encode is not None else part)
        finally:
            sending.close()

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether `get` would not wait (waiting up to `timeout` seconds for that)."""
        return self._got is not None or self._receiving is None or \
            self._receiving.poll(timeout)

    def get(self) -> P | None:
        """The part, waiting for it; None when none will come."""
        if self._got is None:
            part: P | None = None
            if self._receiving is not None:
                try:
                    data = self._receiving.recv()
                    part = self._decode(data) if self._decode is not None else data
                except (EOFError, OSError):
                    part = None
                self._receiving.close()
                self._receiving = None
            self._got = (part,)
        return self._got[0]

    def using(self, codec: Codec) -> None:
        """Send the part across as `beside` sends the value (`by_reference`, ...)."""
        self._encode, self._decode = codec

    def close(self) -> None:
        """No part will be sent from here: in this process once the work is forked (the
        process holds its own end), in the process once the work is over."""
        if self._sending is not None:
            self._sending.close()
            self._sending = None


def by_reference(shared: Sequence[object]) -> Codec:
    """A codec for values that refer to `shared` objects, which both processes hold (the
    process inherits them): each is sent as its position in `shared`, not pickled whole (a
    comparison's pairs name normalised claims, each with its mentions, figures and dates).
    `shared` must not change while the codec is used: positions are taken once."""
    made: list[tuple[dict[int, int], dict[type, Callable[[Any], Any]] | None]] = []

    def encode(value: Any) -> bytes:
        # Made once for the codec's sends (a comparison sends twice: 56,000 claims each).
        if not made:
            positions = {id(o): i for i, o in enumerate(shared)}
            made.append((positions, _table(positions, set(map(type, shared)))))
        positions, table = made[0]
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
        # Only live objects are pickled, and `shared` keeps its own alive: no other object
        # has one of their ids meanwhile.
        if table is not None:
            pickler.dispatch_table = table
        else:  # a Python call for every object pickled
            pickler.persistent_id = lambda obj: positions.get(id(obj))  # type: ignore[method-assign]
        pickler.dump(value)
        return buffer.getvalue()

    def decode(data: bytes) -> Any:
        return _Unpickler(io.BytesIO(data), shared).load()

    return encode, decode


# Types pickle writes itself before it reads a dispatch table.
_NATIVE = frozenset({type(None), bool, int, float, complex, bytes, bytearray, str, tuple, list,
                     dict, set, frozenset, type, types.FunctionType, pickle.PickleBuffer})


def _table(positions: dict[int, int], types_: set[type]
           ) -> dict[type, Callable[[Any], Any]] | None:
    """A pickler's dispatch table sending each shared object (by `positions`) as `_shared`
    of its position; None when a shared object's type is one pickle writes itself (then a
    persistent id must name them). The pickler looks its table up in C: only objects of the
    shared ones' types call Python code, where a persistent id is a call for every object
    sent (112,000 of a re-run's comparison at 10,000 documents)."""
    if not types_.isdisjoint(_NATIVE):
        return None

    def reduce(obj: Any) -> Any:
        at = positions.get(id(obj))
        if at is None:  # of a shared type, not shared: pickled as pickle would
            return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        return _shared, (at,)

    return {**copyreg.dispatch_table, **dict.fromkeys(types_, reduce)}


def _shared(position: int) -> object:
    """What a value `by_reference` sends names a shared object by: the pickle holds this
    function's name and the object's position, which the receiving end reads as the
    object (`_Unpickler`). Never called."""
    raise RuntimeError(f"shared object {position} read without its codec")


class _Unpickler(pickle.Unpickler):
    """An unpickler that reads `_shared(position)`, or a persistent id, as
    `shared[position]`."""

    def __init__(self, file: io.BytesIO, shared: Sequence[object]) -> None:
        super().__init__(file)
        self._shared = shared

    def find_class(self, module: str, name: str) -> Any:
        """`shared`'s item getter for `_shared`, else what pickle finds."""
        if module == __name__ and name == _shared.__name__:
            return self._shared.__getitem__
        return super().find_class(module, name)

    def persistent_load(self, pid: Any) -> Any:
        """The shared object at position `pid`."""
        return self._shared[pid]


# In a process beside (`_run`): cache writes of its work's, done once its value is sent.
# None in any other process, including those a process beside forks (its workers).
_AFTER_SENDING: list[Callable[[], None]] | None = None


def _not_beside() -> None:
    global _AFTER_SENDING
    _AFTER_SENDING = None


os.register_at_fork(after_in_child=_not_beside)


def after_sending(work: Callable[[], None]) -> bool:
    """In a process beside, `work` (a cache write) is done once the value is sent, so that
    it neither delays the value nor forks a process of its own (the comparison's store and
    map: 0.05 s of forks before its value was sent); True if so. Elsewhere False: the
    caller writes as it would (`later`). A write that fails is only a cache the next run
    misses, as with `later`; the run waits for it at its end, with the process."""
    if _AFTER_SENDING is None:
        return False
    _AFTER_SENDING.append(work)
    return True


def later(work: Callable[[], None], jobs: int = 1) -> Callable[[], None]:
    """`work`, a cache write, started in a forked process of its own when `jobs` is over 1
    where processes are forked (else done now); returns the function that waits for it.
    This process goes on meanwhile (the reduce and the findings, while the verdict store
    is written). A write that fails, or a process killed, is only a cache the next run
    misses (writes are atomic), never an error of this run: the wait raises only the
    OSError of a write, for the caller to warn of, as it does of a write done here."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        work()
        return _done
    side = _Side(lambda _: _yielding(work), 0)

    def wait() -> None:
        try:
            side.result()
        except OSError:
            raise  # a disk full or read-only: the caller warns (`ClaimCache.settle`)
        except Exception:  # noqa: BLE001 - see above: the next run recomputes
            return

    return wait


def _done() -> None:
    return None


# How much lower a cache writer runs than the run (`os.nice`): on two cores the checks'
# two lines keep both busy, and a writer taking its share of a core slowed them; it runs
# where a core is idle instead, and the run waits for it at its end (`ClaimCache.settle`).
WRITER_NICENESS = 10


def _yielding(work: Callable[[], None]) -> None:
    """`work` at a lower priority than the run's own processes."""
    with contextlib.suppress(OSError, AttributeError):  # no `nice` (Windows), or refused
        os.nice(WRITER_NICENESS)
    work()


class _Side(Generic[R]):
    """The process, the thread receiving its result, and that result once received."""

    def __init__(self, work: Callable[[int], R], jobs: int, codec: Codec | None = None,
                 ahead: Ahead[Any] | None = None) -> None:
        context = multiprocessing.get_context("fork")
        receiving, sending = _pipe()
        self._decode = codec[1] if codec is not None else None
        if ahead is not None and codec is not None:
            ahead.using(codec)
        # Forked, so `work` and all it reads are inherited, not pickled; only the result
        # is. Not a daemon: the work may spread itself over processes of its own.
        self._process = context.Process(target=_run, args=(
            work, jobs, sending, os.getpid(), codec[0] if codec is not None else None, ahead,
            receiving))
        # No collection there: it would copy every inherited page. No SIGTERM during the
        # fork: its SystemExit, raised in an at-fork hook, would be dropped.
        with frozen_heap(), critical():
            self._process.start()
        sending.close()  # this end is the process's: its exit is the end of the pipe
        if ahead is not None:
            ahead.close()  # so is the part's
        self._got: tuple[str, Any, str | None] | None = None
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
        """The value of the work, or its exception raised here, once the process is over."""
        value = self.value()
        self._process.join()
        return value

    def sent(self) -> bool:
        """Whether the value (or the news that none will come) has been received."""
        return not self._thread.is_alive()

    def value(self) -> R:
        """The value of the work as soon as it is sent, or its exception raised here."""
        self._thread.join()
        if self._got is None:
            self._process.join()  # it closed its end of the pipe: it has ended
            raise BrokenProcessPool("the process beside the comparison ended abruptly "
                                    f"(exit code {self._process.exitcode})")
        kind, value, trace = self._got
        if kind == "error":
            if trace is not None and isinstance(value, BaseException):
                raise value from RemoteTraceback(trace)
            raise value
        result: R = self._decode(value) if self._decode is not None else value
        return result

    def finish(self, until: Callable[[Callable[[], None]], object] | None = None) -> None:
        """The block is over: wait for the process to end, if its value was sent (it may
        be finishing a cache write), or give that wait to `until`; else it is stopped, as
        nothing will read it."""
        if self._got is None:
            self.stop()
            return
        self._thread.join()  # over already: the value was received
        if until is not None:
            until(self._process.join)
        else:
            self._process.join()

    def stop(self) -> None:
        """End the process (terminated if it is still at work) and the receiving thread."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._thread.join()


def _run(work: Callable[[int], Any], jobs: int, sending: Connection, parent: int,
         encode: Callable[[Any], bytes] | None = None, ahead: Ahead[Any] | None = None,
         receiving: Connection | None = None) -> None:
    """In the process: the work, its value or exception sent back, then the exit (after
    the processes it started, such as a cache write, are done)."""
    # Not left working for nobody when the parent is killed: SIGTERM, so it unwinds.
    die_with_parent(parent, signal.SIGTERM)
    forked()  # forked inside the parent's critical section: not in it here
    if receiving is not None:
        # The parent's end: held here too, a send to a killed parent would wait for ever
        # on a full pipe instead of failing.
        receiving.close()
    global _AFTER_SENDING
    _AFTER_SENDING = []
    try:
        value = work(jobs)
        outcome: tuple[str, Any, str | None] = (
            "ok", encode(value) if encode is not None else value, None)
    except BaseException as exc:  # noqa: BLE001 - raised again on the other side
        outcome = ("error", exc, traceback.format_exc())
    if ahead is not None:
        ahead.close()  # a part not sent by now never will be: `get` stops waiting
    try:
        _send(sending, outcome)
    finally:
        sending.close()
    writes, _AFTER_SENDING = _AFTER_SENDING, None
    if outcome[0] == "ok":
        for write in writes:
            with contextlib.suppress(Exception):  # see `after_sending`
                write()


def _send(sending: Connection, outcome: tuple[str, Any, str | None]) -> None:
    """The outcome sent back; nothing when the parent is gone (its end of the pipe too)."""
    try:
        sending.send(outcome)
    except (BrokenPipeError, ConnectionResetError):
        return
    except Exception as exc:  # noqa: BLE001 - a value that does not pickle
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sending.send(("error", RuntimeError(f"the result could not be sent back: {exc!r}"),
                          traceback.format_exc()))


class RemoteTraceback(Exception):
    """The traceback of an exception raised in the process beside, shown as its cause
    (as `concurrent.futures` shows a worker's): the frames a bug report needs."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return "\n\"\"\"\n" + self.text.rstrip("\n") + "\n\"\"\""
