"""Cache writes in a thread of this process: waited for, failures told, the switch
interval kept short while they run, and never across a fork."""

from __future__ import annotations

import os
import sys
import time

import pytest

from checker.threadwrites import WRITER_SWITCH, in_thread


def test_a_write_in_a_thread_is_done_when_waited_for_and_tells_its_failure() -> None:
    import threading

    started, go = threading.Event(), threading.Event()
    seen: list[tuple[str, float]] = []

    def write() -> None:
        started.set()
        go.wait(5)
        seen.append((threading.current_thread().name, sys.getswitchinterval()))

    before = sys.getswitchinterval()
    wait = in_thread(write)
    assert started.wait(5) and not seen  # this thread went on meanwhile
    go.set()
    wait()
    # In a thread of its own, switched to often while it ran, the interval restored after.
    assert seen == [("cache writes", WRITER_SWITCH)]
    assert sys.getswitchinterval() == before

    def fails() -> None:
        raise OSError(28, "No space left on device")

    def broken() -> None:
        raise ValueError("a bug in a writer")

    with pytest.raises(OSError, match="No space left"):
        in_thread(fails)()
    in_thread(broken)()  # only a cache the next run misses
    assert sys.getswitchinterval() == before


def test_writes_in_threads_keep_the_interval_until_the_last_is_over() -> None:
    import threading

    before = sys.getswitchinterval()
    gates = [threading.Event(), threading.Event()]
    waits = [in_thread(lambda g=g: g.wait(5)) for g in gates]  # type: ignore[misc]
    gates[0].set()
    waits[0]()
    assert sys.getswitchinterval() == WRITER_SWITCH  # the other still writes
    gates[1].set()
    waits[1]()
    assert sys.getswitchinterval() == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_a_fork_waits_for_the_writes_in_threads() -> None:
    """A thread the child does not have could leave a lock held there: every fork waits
    for the writers' threads first (the heavy reports are rendered in a fork while the
    cache is written)."""
    done: list[bool] = []

    def write() -> None:
        time.sleep(0.3)
        done.append(True)

    wait = in_thread(write)
    assert not done
    pid = os.fork()
    if pid == 0:  # the child: the writes were over before it was made
        os._exit(0 if done and sys.getswitchinterval() != WRITER_SWITCH else 1)
    assert done == [True]
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    wait()


def test_a_writer_that_cannot_start_leaves_the_interval_as_it_was(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    before = sys.getswitchinterval()

    def refused(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refused)
    with pytest.raises(RuntimeError):
        in_thread(lambda: None)
    assert sys.getswitchinterval() == before
