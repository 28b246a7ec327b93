"""`checker.workers.spread`: a round's slices shared between this process (from the end)
and forked workers (from the start), results in order whoever did them; a worker's failure
raised here, never a hang."""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
import weakref
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest

from checker import workers

MAIN = os.getpid()
forks = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers inherit the state")


@pytest.mark.parametrize("total", [0, 1, 6, 7, 8, 100])
@pytest.mark.parametrize("parts", [1, 3, 8])
def test_ranges_cover_everything_once_in_order(total: int, parts: int) -> None:
    slices = workers.ranges(total, parts)
    assert [i for a, b in slices for i in range(a, b)] == list(range(total))
    assert len(slices) <= parts and all(b > a for a, b in slices)


def _squares(state: dict[str, Any], bounds: tuple[int, int]) -> tuple[int, list[int]]:
    """The squares of a slice, with the process that made them; slow enough that every
    process gets slices."""
    time.sleep(state["pause"])
    return os.getpid(), [state["base"] + i * i for i in range(*bounds)]


@forks
@pytest.mark.parametrize("jobs", [1, 2, 3])
@pytest.mark.parametrize("total", [0, 1, 5, 100])
def test_results_come_back_in_order_whoever_made_them(jobs: int, total: int) -> None:
    blocks = workers.spread(_squares, {"base": 7, "pause": 0.01}, total, jobs)
    assert [x for _, block in blocks for x in block] == [7 + i * i for i in range(total)]
    makers = [pid for pid, _ in blocks]
    if jobs > 1 and total > 1:
        # This process took the last slices, a worker the first ones.
        assert makers[-1] == MAIN and makers[0] != MAIN
        if total >= 100:
            assert len(set(makers)) == jobs
    else:
        assert set(makers) <= {MAIN}


def _whose(state: dict[str, Any]) -> tuple[int, int]:
    """Extra work: which process did it, with something of the state."""
    return os.getpid(), state["base"]


@forks
@pytest.mark.parametrize(("jobs", "total", "where"), [(1, 40, "here"), (2, 1, "here"),
                                                      (2, 40, "worker"), (3, 40, "worker")])
def test_extra_work_is_a_workers_and_comes_back_beside(jobs: int, total: int,
                                                        where: str) -> None:
    blocks, extra = workers.spread_with(_squares, {"base": 3, "pause": 0.01}, total, jobs,
                                        _whose)
    assert [x for _, block in blocks for x in block] == [3 + i * i for i in range(total)]
    assert extra is not None and extra[1] == 3
    assert (extra[0] == MAIN) == (where == "here")
    assert workers.spread_with(_squares, {"base": 3, "pause": 0}, total, jobs, None)[1] is None


def _extra_fails(state: dict[str, Any]) -> None:
    raise LookupError("extra")


@forks
def test_extra_works_error_is_raised_here() -> None:
    with pytest.raises(LookupError, match="extra"):
        workers.spread_with(_squares, {"base": 0, "pause": 0.01}, 40, 2, _extra_fails)


def _fails_in_worker(state: dict[str, Any], bounds: tuple[int, int]) -> list[int]:
    if os.getpid() != MAIN and bounds[0] == 0:
        raise ValueError(f"slice {bounds}")
    time.sleep(0.01)
    return list(range(*bounds))


@forks
def test_a_workers_error_is_raised_here() -> None:
    with pytest.raises(ValueError, match=r"slice \(0, "):
        workers.spread(_fails_in_worker, {}, 64, 2)


def _killed_in_worker(state: dict[str, Any], bounds: tuple[int, int]) -> list[int]:
    if os.getpid() != MAIN:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.01)
    return list(range(*bounds))


@forks
def test_a_killed_worker_is_a_broken_pool_and_this_process_stops_early() -> None:
    started = time.monotonic()
    with pytest.raises(BrokenProcessPool):
        # Each of this process's slices takes 0.5 s: it stops taking them once the worker
        # is found dead, instead of doing all 16 (8 s) first.
        workers.spread(_slow_here_killed_there, {}, 16, 2)
    assert time.monotonic() - started < 6.0


def _slow_here_killed_there(state: dict[str, Any], bounds: tuple[int, int]) -> list[int]:
    if os.getpid() != MAIN:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.5)
    return list(range(*bounds))


def _fails_here(state: dict[str, Any], bounds: tuple[int, int]) -> list[int]:
    if os.getpid() == MAIN:
        raise KeyError("here")
    # A worker's slice takes a while, so that this process always gets one to fail on: on a
    # loaded CI machine the workers once took every slice before it took its first.
    time.sleep(0.05)
    return list(range(*bounds))


class _State:
    """Stands for a round's state (claims, an index): what must not outlive the round."""


@forks
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("jobs", [2, 3])
def test_an_error_here_stops_the_workers_and_the_feeder(jobs: int) -> None:
    kept = []
    for _ in range(10):  # the feeder was left waiting on cancelled tasks in 4 runs of 10
        state = _State()
        kept.append(weakref.ref(state))
        with pytest.raises(KeyError, match="here"):
            workers.spread(_fails_here, {"state": state}, 2000, jobs)
        del state
    children = [p for p in os.listdir("/proc") if p.isdigit() and _parent(p) == MAIN]
    assert children == []
    # A stopped pool's cancellations wake no waiter: a feeder waiting on them for ever kept
    # the round's state alive in this process.
    deadline = time.monotonic() + 10 * workers.POLL + 5
    while (_feeders() or any(ref() for ref in kept)) and time.monotonic() < deadline:
        time.sleep(workers.POLL)
        gc.collect()
    assert _feeders() == []
    assert [ref for ref in kept if ref() is not None] == []


def _feeders() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "claimcheck-feeder"]


@forks
def test_a_feeder_that_cannot_send_a_task_fails_the_round_with_its_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    submit = ProcessPoolExecutor.submit
    sent: list[object] = []

    def failing(pool: ProcessPoolExecutor, fn: Any, *args: Any) -> Any:
        if fn is workers._run_slice:
            sent.append(args)
            if len(sent) == 3:
                raise MemoryError("no room for the task")
        return submit(pool, fn, *args)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", failing)
    # Not a KeyError for the slice nobody did, nor a traceback from the thread: the error.
    with pytest.raises(MemoryError, match="no room"):
        workers.spread(_squares, {"base": 0, "pause": 0.05}, 64, 2)


def _parent(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1
