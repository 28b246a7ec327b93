"""Cache writes in a thread of this process (`in_thread`): the writes a run holds until its
two lines of checks are over (`ClaimCache.release`), done while it makes its reports.

A process forked for them would share this one's pages, and every page this one touched
while the writer ran would be copied: at 10,000 documents the report's model took 0.13-0.16
s instead of 0.09 s, and rendering and writing the reports 0.24-0.29 s instead of 0.17 s.
In a thread, hashing, writing and renaming give up the interpreter's lock; the writes' own
Python work is kept small (`groupmemo`, `findmemo`).

    wait = in_thread(functools.partial(write_all, writes))
    ...  # the reports
    wait()  # raises the OSError of a write
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

# The interpreter's switch interval while a thread writes the cache: each hash, write and
# rename lets go of the interpreter's lock and takes it back, and with the default 5 ms
# took that long to get it back from the main line (35 blocks of 1 MB hashed in a thread:
# 0.19 s, against 7 ms alone).
WRITER_SWITCH = 0.0005
_switching = threading.Lock()
_live: set[threading.Thread] = set()  # the writers' threads, until each is over
_before: list[float] = []  # the switch interval before the first of them, while any runs


def _settle_writers() -> None:
    """Before any fork: wait for the writers' threads. A thread the child does not have
    could leave a lock held there (an import's, mid-way), as `readahead` says of its own;
    the forks made while they run are the heavy reports' (`rendering.render_all`)."""
    current = threading.current_thread()
    for thread in list(_live):
        if thread is not current:
            thread.join()


os.register_at_fork(before=_settle_writers)


def in_thread(work: Callable[[], None]) -> Callable[[], None]:
    """`work`, cache writes that mostly wait on the kernel (hashing, writing, renaming),
    started in a thread of this process; returns the function that waits for it, raising
    the OSError of a write, as `aside.later`'s does. A forked process would share this one's
    pages, and every page this one touched while it ran would be copied. RuntimeError when
    no thread can be started."""
    failed: list[OSError] = []

    def run() -> None:
        try:
            work()
        except OSError as exc:
            failed.append(exc)
        except Exception:  # noqa: BLE001, S110 - a bug in a writer: the next run recomputes
            pass
        finally:
            _over(threading.current_thread())

    # Not a daemon: a run that ends in an exception still finishes its atomic writes.
    thread = threading.Thread(target=run, name="cache writes")
    with _switching:
        if not _live:
            _before.append(sys.getswitchinterval())
            sys.setswitchinterval(WRITER_SWITCH)
        _live.add(thread)
    try:
        thread.start()
    except BaseException:
        _over(thread)
        raise

    def wait() -> None:
        thread.join()
        if failed:
            raise failed[0]

    return wait


def _over(thread: threading.Thread) -> None:
    """A writer's thread over (or never started): the interval back when it was the last."""
    with _switching:
        _live.discard(thread)
        if not _live and _before:
            sys.setswitchinterval(_before.pop())
