"""Work beside the main line: a forked process of its own, its result or its error here,
gone as soon as it has sent it, terminated when the block fails."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from checker.aside import Ahead, beside, by_reference, later
from checker.errors import InputError, Location
from tests.alarm import alarm

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the side process is forked")


def _where(jobs: int) -> tuple[int, int]:
    return jobs, os.getpid()


def _fails(jobs: int) -> None:
    raise InputError("unreadable", Location("docs/a.txt", 3))


def test_work_runs_in_a_process_of_its_own_with_jobs() -> None:
    with beside(_where, jobs=3) as result:
        jobs, pid = result()
    assert (jobs, pid != os.getpid()) == (2, True)  # the block keeps one process for itself
    with beside(_where, jobs=1) as result:
        assert result() == (1, os.getpid())


def test_ready_says_whether_the_result_has_come(tmp_path: Path) -> None:
    go = tmp_path / "go"

    def work(jobs: int) -> int:
        while not go.exists():  # held until the block lets it go
            time.sleep(0.01)
        return 5

    with alarm(), beside(work, jobs=2) as result:
        time.sleep(0.2)
        assert not result.ready()  # still at work: the block builds ahead meanwhile
        go.touch()
        while not result.ready():
            time.sleep(0.01)
        assert result() == 5
    with beside(_where, jobs=1) as here:
        assert here.ready()  # run here when asked: nothing to wait for beside


def test_a_part_sent_ahead_comes_while_the_work_goes_on(tmp_path: Path) -> None:
    go = tmp_path / "go"
    shared = [["a"], ["b"], ["c"]]
    ahead: Ahead[list[list[str]]] = Ahead()

    def work(jobs: int) -> list[list[str]]:
        ahead.send([shared[2]])
        ahead.send([shared[0]])  # only the first part is sent
        while not go.exists():  # held until the block has the part
            time.sleep(0.01)
        return [shared[1]]

    with alarm(), beside(work, 2, by_reference(shared), ahead) as result:
        while not ahead.ready(0.01):
            pass
        part = ahead.get()
        assert part == [["c"]] and part[0] is shared[2]  # by reference, as the value
        assert not result.ready()
        go.touch()
        assert result()[0] is shared[1]
        assert ahead.get() is part and ahead.ready()


def test_no_part_ahead_when_the_work_sends_none_or_runs_here() -> None:
    ahead: Ahead[int] = Ahead()
    with alarm(), beside(_where, 2, None, ahead) as result:
        assert result()[0] == 1
        assert ahead.get() is None  # its end closed once the work was over
    here: Ahead[int] = Ahead()
    with beside(lambda jobs: here.send(3), 1, None, here) as result:
        assert here.ready() and here.get() is None  # nothing comes ahead of work run here
        result()
        assert here.get() is None


def test_the_error_of_the_process_is_raised_here() -> None:
    with pytest.raises(InputError) as raised, beside(_fails, jobs=2) as result:
        result()
    assert str(raised.value) == "docs/a.txt:3: unreadable"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_the_process_is_gone_once_its_result_is_sent(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"

    def work(jobs: int) -> int:
        # Renamed into place: the file exists only once it holds the whole pid.
        (tmp_path / "pid.tmp").write_text(str(os.getpid()))
        os.replace(tmp_path / "pid.tmp", pid_file)
        return 7

    with alarm(), beside(work, jobs=2) as result:
        while not pid_file.exists():
            time.sleep(0.01)
        pid = int(pid_file.read_text())
        # Before the result is asked for, the process has sent it and exited.
        while _alive(pid):
            time.sleep(0.01)
        assert result() == 7


def test_a_failing_block_terminates_the_process_instead_of_waiting(tmp_path: Path) -> None:
    started = tmp_path / "started"

    def forever(jobs: int) -> None:
        started.touch()
        while True:
            time.sleep(0.05)

    with alarm(), pytest.raises(KeyError), beside(forever, jobs=2):
        while not started.exists():
            time.sleep(0.01)
        raise KeyError("the main line failed")


def test_a_process_killed_before_it_sends_is_a_broken_pool() -> None:
    from concurrent.futures.process import BrokenProcessPool

    def killed(jobs: int) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with alarm(), pytest.raises(BrokenProcessPool, match="ended abruptly"), \
            beside(killed, jobs=2) as result:
        result()


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting to be reaped counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status


def _write_pid(path: Path, pause: float = 0.0) -> None:
    time.sleep(pause)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(str(os.getpid()), "utf-8")
    tmp.replace(path)


def test_a_later_write_runs_beside_and_is_done_when_waited_for(tmp_path: Path) -> None:
    target = tmp_path / "store.json"
    wait = later(lambda: _write_pid(target, 0.3), jobs=2)
    assert not target.exists()  # this process went on while the other writes
    wait()
    assert target.read_text("utf-8") != str(os.getpid())
    wait()  # waiting again is nothing


def test_a_later_write_without_jobs_is_done_now(tmp_path: Path) -> None:
    target = tmp_path / "store.json"
    wait = later(lambda: _write_pid(target), jobs=1)
    assert target.read_text("utf-8") == str(os.getpid())
    wait()


def test_a_later_write_that_fails_is_told_as_a_write_done_here_is(tmp_path: Path) -> None:
    def fails() -> None:
        raise OSError(28, "No space left on device")

    def broken() -> None:
        raise ValueError("a bug in a writer")

    # An OSError (a full disk) is the caller's to warn of, beside or here
    # (`ClaimCache.settle`); anything else beside is only a cache the next run misses.
    for jobs in (1, 2):
        with pytest.raises(OSError, match="No space left"):
            later(fails, jobs=jobs)()
    later(broken, jobs=2)()
    with pytest.raises(ValueError):
        later(broken, jobs=1)()  # done now: the caller's own error handling applies


class _Shared:
    """An object both processes hold (made before the fork), as a normalised claim is."""

    def __init__(self, name: str) -> None:
        self.name = name


SHARED = [_Shared("a"), _Shared("b"), _Shared("c" * 10_000)]


def test_values_naming_shared_objects_come_back_as_those_objects() -> None:
    encode, decode = by_reference(SHARED)
    value = {"pairs": [(SHARED[2], SHARED[0], 0.5)], "other": _Shared("made later")}
    back = decode(encode(value))
    assert back["pairs"][0][0] is SHARED[2] and back["pairs"][0][1] is SHARED[0]
    assert back["pairs"][0][2] == 0.5
    # An object not shared is sent whole, as pickle sends it.
    assert back["other"] is not value["other"] and back["other"].name == "made later"
    # A shared object is sent as its position, however much it holds.
    assert len(encode([SHARED[2]])) < 50 < 10_000 < len(encode([_Shared("c" * 10_000)]))


def test_the_value_arrives_before_the_process_ends_and_the_block_waits_for_it(
        tmp_path: Path) -> None:
    """A re-run's comparison sends its pairs, then its process finishes the verdict store;
    the caller reads the pairs at once, and the block's end waits for the store."""
    done = tmp_path / "done"

    def work(jobs: int) -> list[_Shared]:
        wait = later(lambda: _write_pid(done, pause=0.5), jobs=2)  # a write of its own
        del wait  # not waited for here: the process's end waits for it
        return [SHARED[1], SHARED[1]]

    with alarm(), beside(work, jobs=2, codec=by_reference(SHARED)) as result:
        value = result()
        assert value[0] is SHARED[1] and value[1] is SHARED[1]
        assert not done.exists()  # the process is still writing
    assert done.exists()  # the block ended once the process, and its write, were done


def _write_when(go: Path, done: Path) -> None:
    while not go.exists():  # held until the test says so: no timing decides the test
        time.sleep(0.01)
    _write_pid(done)


def test_with_until_the_block_ends_at_once_and_the_wait_for_the_process_goes_there(
        tmp_path: Path) -> None:
    """The command's comparison beside: its store's writer kept the block's end waiting
    0.3 s at 10,000 documents; the run waits for it at its end (`ClaimCache.pending`)."""
    go, done = tmp_path / "go", tmp_path / "done"
    waits: list[object] = []

    def work(jobs: int) -> list[_Shared]:
        later(lambda: _write_when(go, done), jobs=2)  # the process's end waits for it
        return [SHARED[0]]

    with alarm():
        with beside(work, jobs=2, codec=by_reference(SHARED), until=waits.append) as result:
            assert result()[0] is SHARED[0]
        assert len(waits) == 1 and not done.exists()  # the block did not wait for the write
        go.touch()
        wait = waits[0]
        assert callable(wait)
        wait()
        assert done.exists()  # the wait given to `until` ended with the process's write


def test_a_block_that_ends_before_the_value_stops_the_process_and_gives_until_nothing(
        tmp_path: Path) -> None:
    waits: list[object] = []
    started = tmp_path / "started"

    def slow(jobs: int) -> int:
        started.touch()
        time.sleep(60)
        return 1

    with alarm(), beside(slow, jobs=2, until=waits.append):
        while not started.exists():  # the work is under way, its value far off
            time.sleep(0.01)
    assert waits == []  # stopped at the block's end, not left for `until`


def test_until_is_not_given_a_process_whose_block_failed(tmp_path: Path) -> None:
    """A block that fails stops the process as before."""
    waits: list[object] = []
    with alarm(), pytest.raises(InputError), \
            beside(_fails, jobs=2, until=waits.append) as result:
        result()
    assert waits == []


def _depth(jobs: int) -> int:
    from checker import interrupt

    return interrupt._depth()


def test_the_process_starts_outside_the_critical_section_it_was_forked_in() -> None:
    """`beside` forks inside `critical()` (no signal lands in the fork); the process must
    not stay in it: every SIGTERM would be deferred for ever (a review: a report's process
    outlived its killed parent)."""
    with beside(_depth, jobs=2) as result:
        assert result() == 0


def test_sigterm_ends_the_process_at_work_as_the_cli_handles_it(tmp_path: Path) -> None:
    from checker import interrupt

    started = tmp_path / "pid"

    def forever(jobs: int) -> None:
        _write_pid(started)
        while True:
            time.sleep(0.05)

    previous = signal.signal(signal.SIGTERM, interrupt.terminate)  # as `claimcheck` runs
    try:
        with alarm(), beside(forever, jobs=2) as result:
            while not started.exists():
                time.sleep(0.01)
            pid = int(started.read_text())
            os.kill(pid, signal.SIGTERM)
            deaf = _still_alive(pid, ALIVE_FOR)
            if deaf:
                os.kill(pid, signal.SIGKILL)  # so that the block can end
            with pytest.raises(BaseException) as raised:
                result()
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert not deaf, "the process beside deferred SIGTERM for ever"
    assert isinstance(raised.value, SystemExit) and raised.value.code == 128 + signal.SIGTERM


# A liveness bound, not a timing: a process that should end at once is called deaf after
# this long.
ALIVE_FOR = 20.0


def _still_alive(pid: int, seconds: float) -> bool:
    """Whether the process still runs after waiting up to `seconds` for it to end."""
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return _alive(pid)


def _deep_failure(jobs: int) -> None:
    raise ValueError("deep in the renderer")


def test_the_error_of_the_process_comes_with_its_traceback() -> None:
    from checker.aside import RemoteTraceback

    with pytest.raises(ValueError, match="deep in the renderer") as raised, \
            beside(_deep_failure, jobs=2) as result:
        result()
    cause = raised.value.__cause__
    assert isinstance(cause, RemoteTraceback)
    assert "_deep_failure" in str(cause) and "ValueError" in str(cause)


_ORPHAN = """
import os, signal, sys, time
sys.path.insert(0, {repo!r})
from checker.aside import beside
from checker.interrupt import terminate

signal.signal(signal.SIGTERM, terminate)  # as `claimcheck` runs

def big(jobs):
    time.sleep(0.5)
    return b"x" * 1_000_000  # more than a pipe holds: a send blocks until it is read

with beside(big, jobs=2) as result:
    print(os.getpid(), flush=True)
    os.kill(os.getpid(), 9)  # the parent killed while the process works
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_process_whose_parent_is_killed_does_not_wait_for_ever(tmp_path: Path) -> None:
    """Its result too large for the pipe, it would block on the send for ever had it kept
    the parent's end of the pipe open (a review found it so, holding the command's stdout
    open too)."""
    import subprocess

    script = tmp_path / "orphan.py"
    script.write_text(_ORPHAN.format(repo=str(Path(__file__).resolve().parents[1])))
    # Not its output: an orphan holding it open would keep `run` waiting.
    subprocess.run([sys.executable, str(script)], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False, timeout=60)
    left = _orphans(script)
    deadline = time.monotonic() + ALIVE_FOR
    while left and time.monotonic() < deadline:
        time.sleep(0.05)  # the orphan ends: its send fails once nobody can read
        left = _orphans(script)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "the process beside outlived its killed parent"


def _orphans(script: Path) -> set[int]:
    """The processes running `script` that have not ended."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if os.fsencode(script) in status.read_bytes():
                found.add(int(status.parent.name))
        except OSError:
            continue
    return {pid for pid in found if _alive(pid)}


def test_a_later_write_runs_at_a_lower_priority_than_the_run(tmp_path: Path) -> None:
    """A cache writer yields the cores to the run's own processes (`WRITER_NICENESS`)."""
    from checker.aside import WRITER_NICENESS

    seen = tmp_path / "nice"
    later(lambda: seen.write_text(str(os.nice(0))), jobs=2)()
    assert int(seen.read_text()) == min(19, os.nice(0) + WRITER_NICENESS)
    later(lambda: seen.write_text(str(os.nice(0))), jobs=1)()  # done here: as it is
    assert int(seen.read_text()) == os.nice(0)


def test_normalised_claims_go_by_position_and_others_of_their_class_whole() -> None:
    from checker.normclaim import NormClaim

    def claim(k: int) -> NormClaim:
        return NormClaim(doc=f"d{k}", claim_id=f"c{k}", text="t" * 1000, span=(0, 1),
                         entities=frozenset({"e:x"}), mentions=(), tokens=frozenset(),
                         frame=(), predicates=(), quantities=(), dates=(),
                         polarity="positive", modality="asserted", correction=False)

    shared = [claim(k) for k in range(3)]
    encode, decode = by_reference(shared)
    other = claim(9)
    value = {"pairs": [(shared[2], shared[0])], "other": other, "z": 1j, "n": None}
    data = encode(value)
    back = decode(data)
    assert back["pairs"][0][0] is shared[2] and back["pairs"][0][1] is shared[0]
    assert back["other"] is not other and back["other"].key == other.key == "d9#c9"
    assert back["z"] == 1j and back["n"] is None
    # The shared claims are their positions: one long text is in the bytes, the other's.
    assert data.count(b"t" * 1000) == 1


def test_writes_after_sending_are_done_once_the_value_is_sent(tmp_path: Path) -> None:
    """In a process beside, a write given to `after_sending` is done after the value is
    sent; in this process, and in a process the one beside forks, it is not taken."""
    from checker.aside import after_sending

    done = tmp_path / "done"

    def work(_: int) -> tuple[bool, bool]:
        taken = after_sending(lambda: done.write_text("written", "utf-8"))
        pid = os.fork()
        if pid == 0:  # a worker of the process beside: nothing to do after sending
            os._exit(0 if not after_sending(lambda: None) else 1)
        _, status = os.waitpid(pid, 0)
        return taken, os.waitstatus_to_exitcode(status) == 0 and not done.exists()

    assert not after_sending(lambda: None)
    with alarm(60), beside(work, 2) as result:
        assert result() == (True, True)
    assert done.read_text("utf-8") == "written"


