"""Files read ahead in a thread: taken once, as they were read, and never across a fork."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from checker import readahead
from checker.atomic import atomic_write
from checker.groupmemo import CORROBORATIONS, GroupMemo
from checker.sealedfile import read_sealed, seal_holds, sealed_chunks, unseal, write_sealed


def _sealed(path: Path, body: bytes) -> None:
    atomic_write(path, sealed_chunks(b"head", [body]), durable=False)


def _held() -> tuple[threading.Event, readahead.Check]:
    """A seal's check that waits until the event is set (for 5 s at most): the thread is
    still reading while the test goes on."""
    release = threading.Event()

    def slow(data: bytes) -> bool:
        release.wait(5)
        return seal_holds(data)

    return release, slow


def test_a_file_read_ahead_is_taken_once_with_its_check(tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    _sealed(good, b"body")
    _sealed(bad, b"body")
    bad.write_bytes(bad.read_bytes()[:-1] + b"B")  # a flipped byte
    readahead.read_ahead([good, bad], seal_holds)
    assert readahead.take(good) == (good.read_bytes(), True)
    assert readahead.take(bad) == (bad.read_bytes(), False)
    assert readahead.take(good) is None  # given once: the second reader reads it itself


def test_what_is_read_ahead_is_bounded(tmp_path: Path) -> None:
    small, big, after = tmp_path / "small", tmp_path / "big", tmp_path / "after"
    _sealed(small, b"x" * 10)
    _sealed(big, b"y" * 1000)
    _sealed(after, b"z" * 10)
    readahead.read_ahead([small, big, after], seal_holds, budget=500)
    assert readahead.take(small) is not None
    # Over the budget: read by its reader, and so is every file after it.
    assert readahead.take(big) is None and readahead.take(after) is None


def test_no_thread_to_be_had_leaves_every_file_to_its_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f"
    _sealed(path, b"x")

    def refused(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refused)
    readahead.read_ahead([path], seal_holds)
    assert readahead.take(path) is None  # at once: nothing waits for a thread never started
    assert not readahead._BATCHES


def test_a_file_not_read_ahead_or_not_there_is_for_the_reader(tmp_path: Path) -> None:
    there, other = tmp_path / "there", tmp_path / "other"
    _sealed(there, b"x")
    _sealed(other, b"y")
    assert readahead.take(there) is None  # nothing read ahead at all
    readahead.read_ahead([there, tmp_path / "missing"], seal_holds)
    assert readahead.take(tmp_path / "missing") is None
    assert readahead.take(other) is None
    assert readahead.take(there) is not None


def test_a_check_that_fails_leaves_the_file_to_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"data")

    def broken(data: bytes) -> bool:
        raise RuntimeError("broken")

    readahead.read_ahead([path, path.with_name("g")], broken)
    assert readahead.take(path) is None  # and no wait for ever


def test_take_waits_for_a_file_not_read_yet(tmp_path: Path) -> None:
    path = tmp_path / "f"
    _sealed(path, b"late")
    release, slow = _held()

    readahead.read_ahead([path], slow)
    threading.Timer(0.1, release.set).start()
    assert readahead.take(path) == (path.read_bytes(), True)


def test_files_of_two_calls_are_read_beside_one_another(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _sealed(first, b"1")
    _sealed(second, b"2")
    release, slow = _held()

    readahead.read_ahead([first], slow)  # still reading when the second call comes
    readahead.read_ahead([second], seal_holds)
    assert readahead.take(second) == (second.read_bytes(), True)
    release.set()
    assert readahead.take(first) == (first.read_bytes(), True)


def test_forget_lets_go_of_what_nobody_took(tmp_path: Path) -> None:
    path = tmp_path / "f"
    _sealed(path, b"x")
    readahead.read_ahead([path], seal_holds)
    readahead.forget()
    assert readahead.take(path) is None


def test_forget_lets_go_of_the_files_named_read_or_not_yet(tmp_path: Path) -> None:
    kept, gone, later = tmp_path / "kept", tmp_path / "gone", tmp_path / "later"
    for path in (kept, gone, later):
        _sealed(path, b"x")
    release, slow = _held()

    readahead.read_ahead([kept, gone, later], slow)
    readahead.forget([gone, later])  # before the thread read them: not waited for
    release.set()
    assert readahead.take(kept) is not None
    assert readahead.take(gone) is None and readahead.take(later) is None
    assert not readahead._BATCHES[-1].done  # nothing of theirs kept


def test_forget_does_not_wait_but_a_fork_does(tmp_path: Path) -> None:
    path = tmp_path / "f"
    _sealed(path, b"x")
    release, slow = _held()

    readahead.read_ahead([path], slow)
    thread = readahead._BATCHES[-1].thread
    readahead.forget()
    assert thread.is_alive()  # let go of, still reading
    threading.Timer(0.2, release.set).start()
    readahead.settle()  # what a fork does first
    assert not thread.is_alive()


def test_a_child_waits_for_no_file_its_parent_was_reading(tmp_path: Path) -> None:
    path = tmp_path / "f"
    _sealed(path, b"x")
    release, slow = _held()

    readahead.read_ahead([path], slow)
    readahead._orphaned()  # as in a forked child, where no thread reads
    assert readahead.take(path) is None
    release.set()


def test_this_process_lets_go_of_the_comparison_s_files_once_it_is_forked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import checking
    from checker.cache import VERDICTS
    from checker.compare.store import comparison_files
    from tests.bench.corpora import report_json, write

    root = write(tmp_path / "corpus", 30)
    cache = tmp_path / "cache"
    report_json(root, cache, 2)
    let_go: list[list[str] | None] = []
    real = checking.forget_ahead

    def forget(paths: list[Path] | None = None) -> None:
        let_go.append(None if paths is None else [os.fspath(p) for p in paths])
        real(paths)

    monkeypatch.setattr(checking, "forget_ahead", forget)
    doc = sorted((root / "seeds").glob("*.txt"))[3]
    doc.write_text(doc.read_text("utf-8") + "Norvex Dynamics employs 4,321 people.\n",
                   "utf-8")
    assert report_json(root, cache, 2) == report_json(root, None, 2)
    assert [os.fspath(p) for p in comparison_files(cache / VERDICTS)] in let_go


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_a_fork_waits_for_the_thread(tmp_path: Path) -> None:
    # Without the fork hook the thread would still be checking when the fork is made.
    path = tmp_path / "f"
    _sealed(path, b"x")

    def slow(data: bytes) -> bool:
        time.sleep(0.3)
        return True

    readahead.read_ahead([path], slow)
    ahead = readahead._BATCHES[-1]
    assert ahead.thread.is_alive()
    pid = os.fork()
    if pid == 0:  # the child: a copy of a finished reading
        os._exit(0 if readahead.take(path) is not None else 1)
    assert not ahead.thread.is_alive()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert readahead.take(path) is not None  # the parent's copy is its own


def test_a_sealed_file_is_read_as_it_was_read_ahead(tmp_path: Path) -> None:
    path = tmp_path / "store"
    write_sealed(path, "k 1", "fp", {"n": 1})
    readahead.read_ahead([path], seal_holds)
    readahead.settle()
    write_sealed(path, "k 1", "fp", {"n": 2})  # replaced after it was read ahead
    assert read_sealed(path, "k 1", "fp") == {"n": 1}
    assert read_sealed(path, "k 1", "fp") == {"n": 2}  # the next reader reads the file


def test_a_damaged_file_read_ahead_reads_as_none(tmp_path: Path) -> None:
    path = tmp_path / "store"
    write_sealed(path, "k 1", "fp", {"n": 1})
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    readahead.read_ahead([path], seal_holds)
    assert read_sealed(path, "k 1", "fp") is None


def test_a_group_memo_read_ahead_with_a_broken_seal_is_empty(tmp_path: Path) -> None:
    memo = GroupMemo(tmp_path / CORROBORATIONS)
    memo.save("token", [], {})
    assert GroupMemo.read(tmp_path).token == "token"
    data = bytearray((tmp_path / CORROBORATIONS).read_bytes())
    data[data.index(b"\n") + 1] ^= 1  # the seal line
    (tmp_path / CORROBORATIONS).write_bytes(bytes(data))
    readahead.read_ahead([tmp_path / CORROBORATIONS], seal_holds)
    assert GroupMemo.read(tmp_path).token is None


def test_unseal_takes_a_seal_checked_already() -> None:
    data = b"".join(sealed_chunks(b"head", [b"body"]))
    assert unseal(data, lambda head: head) == (b"head", data.index(b"body"))
    assert unseal(data, lambda head: head, holds=False) is None
    flipped = data[:-1] + b"B"
    assert unseal(flipped, lambda head: head) is None
    # Told that it holds (it was checked when read ahead), the body is not hashed again.
    assert unseal(flipped, lambda head: head, holds=True) is not None
    assert seal_holds(data) and not seal_holds(flipped) and not seal_holds(b"one line")
