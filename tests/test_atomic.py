"""Atomic writes leave the old file or the new one, never a partial one."""

from __future__ import annotations

import errno
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from checker import atomic
from checker.atomic import WrittenTogether, atomic_write


def test_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    atomic_write(target, "old")
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.json"
    atomic_write(target, "old")

    def boom(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_a_failed_write_names_the_target_not_its_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "report.md").mkdir()  # where the file should go, a directory
    with pytest.raises(OSError) as err:
        atomic_write(tmp_path / "report.md", "text")
    assert err.value.filename == str(tmp_path / "report.md") and err.value.filename2 is None
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def _left(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_files_written_together_are_put_in_place_on_commit(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old a")
    (tmp_path / "a.json").chmod(0o600)
    with WrittenTogether() as files:
        files.add(tmp_path / "a.json", b"new a")
        files.add(tmp_path / "sub" / "b.md", "new b")
        # Written beside, not yet in place.
        assert (tmp_path / "a.json").read_text() == "old a"
        files.commit()
    assert (tmp_path / "a.json").read_text() == "new a"
    assert (tmp_path / "sub" / "b.md").read_text() == "new b"
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o600  # the user's mode kept
    assert _left(tmp_path) == ["a.json", "sub"] and _left(tmp_path / "sub") == ["b.md"]


def test_files_not_committed_are_none_of_them_put_in_place(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old a")
    with pytest.raises(RuntimeError), WrittenTogether() as files:
        files.add(tmp_path / "a.json", b"new a")
        files.add(tmp_path / "b.md", b"new b")
        raise RuntimeError("the next report failed to render")
    assert (tmp_path / "a.json").read_text() == "old a"
    assert _left(tmp_path) == ["a.json"]  # no temporary file left


def test_one_file_that_cannot_be_written_leaves_all_as_they_were(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old a")
    (tmp_path / "b.md").mkdir()  # where the second file should go, a directory
    with pytest.raises(OSError) as err, WrittenTogether() as files:
        files.add(tmp_path / "a.json", b"new a")
        files.add(tmp_path / "b.md", b"new b")
        files.commit()
    assert err.value.filename == str(tmp_path / "b.md")
    assert (tmp_path / "a.json").read_text() == "old a"
    assert _left(tmp_path) == ["a.json", "b.md"]


def test_a_failed_staging_is_raised_by_commit_and_nothing_is_put_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.json").write_text("old a")
    real = atomic._stage

    def full(path: Path, data: object, durable: bool) -> atomic.Staged:
        if path.name == "b.md":
            raise atomic._named(OSError(errno.ENOSPC, "No space left on device"), path)
        return real(path, data, durable)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_stage", full)
    with pytest.raises(OSError, match="No space") as err, WrittenTogether() as files:
        files.add(tmp_path / "a.json", b"new a")
        files.add(tmp_path / "b.md", b"new b")
        files.commit()
    assert err.value.filename == str(tmp_path / "b.md")
    assert (tmp_path / "a.json").read_text() == "old a"
    assert _left(tmp_path) == ["a.json"]


@pytest.mark.skipif(os.name != "posix", reason="an open file is replaced on POSIX only")
def test_the_replaced_files_are_closed_beside_after_the_commit(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old" * 1000)
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    with WrittenTogether() as files:
        files.add(target, b"new")
        files.commit()
    assert target.read_bytes() == b"new"
    closing = files.closing
    assert closing is not None
    closing.join(5)
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before  # the old file's is closed


def _temporary(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_a_signal_lost_before_the_commit_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A signal whose exit was raised and lost (`interrupt._RAISED`) makes the commit's
    section exit on entry: the files written are removed on the way out (a review)."""
    from checker import interrupt

    (tmp_path / "a.json").write_text("old a")
    interrupt._RAISED.append(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit), WrittenTogether() as files:
            files.add(tmp_path / "a.json", b"new a")
            files.add(tmp_path / "b.md", b"new b")
            files.commit()
    finally:
        interrupt.clear()
    assert (tmp_path / "a.json").read_text() == "old a"
    assert _temporary(tmp_path) == [] and _left(tmp_path) == ["a.json"]


def test_a_second_signal_while_leaving_waits_until_the_files_are_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM while the next report renders, then again while the way out waits for the
    writes: the second is deferred until what was written is removed (a review: it was
    swallowed, and the writes not yet waited for were left as temporary files)."""
    from checker import interrupt

    gate, leaving = threading.Event(), threading.Event()
    real_stage, real_gathered = atomic._stage, atomic._gathered

    def slow(path: Path, data: object, durable: bool) -> atomic.Staged:
        staged = real_stage(path, data, durable)  # type: ignore[arg-type]
        gate.wait(10)  # a 41 MB fsync on a slow disk
        return staged

    def gathered(writing: object) -> object:
        leaving.set()
        return real_gathered(writing)  # type: ignore[arg-type]

    def second() -> None:
        leaving.wait(10)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.2)  # the handler runs in the main thread, waiting on the writers
        gate.set()

    monkeypatch.setattr(atomic, "_stage", slow)
    monkeypatch.setattr(atomic, "_gathered", gathered)
    old = signal.signal(signal.SIGTERM, interrupt.terminate)
    helper = threading.Thread(target=second)
    helper.start()
    try:
        with pytest.raises(SystemExit), WrittenTogether() as files:
            files.add(tmp_path / "a.json", b"new a")
            files.add(tmp_path / "b.md", b"new b")
            os.kill(os.getpid(), signal.SIGTERM)  # while the next report renders
            for _ in range(1000):
                time.sleep(0.01)
    finally:
        helper.join(10)
        signal.signal(signal.SIGTERM, old)
        interrupt.clear()
    assert _temporary(tmp_path) == [] and _left(tmp_path) == []


def test_files_are_written_here_when_no_thread_can_be_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_start = threading.Thread.start
    refused: list[str] = []

    def start(self: threading.Thread) -> None:
        if self.name == "write b.md":
            refused.append(self.name)
            raise RuntimeError("can't start new thread")
        real_start(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    with WrittenTogether() as files:
        files.add(tmp_path / "a.json", b"new a")
        files.add(tmp_path / "b.md", b"new b")
        files.commit()
    assert refused == ["write b.md"]
    assert (tmp_path / "a.json").read_bytes() == b"new a"
    assert (tmp_path / "b.md").read_bytes() == b"new b"
    assert _temporary(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_a_file_goes_is_replaced_not_waited_on(tmp_path: Path) -> None:
    """The file replaced is held open only when it is a regular file: opening a FIFO
    would wait for a writer for ever (a review)."""
    os.mkfifo(tmp_path / "a.json")
    done = threading.Event()

    def write() -> None:
        with WrittenTogether() as files:
            files.add(tmp_path / "a.json", b"new a")
            files.commit()
        done.set()

    threading.Thread(target=write, daemon=True).start()
    finished = done.wait(10)
    if not finished:  # let the stuck writer go
        os.close(os.open(tmp_path / "a.json", os.O_WRONLY | os.O_NONBLOCK))
    assert finished
    assert (tmp_path / "a.json").read_bytes() == b"new a"


def _pieces() -> list[bytes | memoryview]:
    from array import array

    pieces: list[bytes | memoryview] = [b"%d," % k for k in range(3000)]
    pieces[10:10] = [b"", bytearray(b"mutable"), memoryview(array("q", [7, -1])), b""]
    return pieces


def _joined(pieces: list[bytes | memoryview]) -> bytes:
    return b"".join(bytes(memoryview(p).cast("B")) for p in pieces)


@pytest.mark.parametrize("most", [1, 3, 1000, None])
def test_pieces_are_written_whole_whatever_each_write_takes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, most: int | None) -> None:
    """More pieces than one call takes, views of arrays (their bytes), empty pieces, and
    short writes (the call writing `most` bytes at most) give the pieces' bytes in order."""
    real = os.writev
    calls: list[int] = []

    def short(fd: int, buffers: list[bytes | memoryview]) -> int:
        calls.append(len(buffers))
        if most is None:
            return real(fd, buffers)
        data = b"".join(bytes(memoryview(b).cast("B")) for b in buffers)[:most]
        return os.write(fd, data)

    monkeypatch.setattr(os, "writev", short)
    pieces = _pieces()
    target = tmp_path / "report.json"
    atomic_write(target, pieces)
    assert target.read_bytes() == _joined(pieces)
    assert max(calls) <= 1024  # IOV_MAX
    if most is None:
        assert len(calls) == 3  # 3,002 pieces that are not empty, 1,024 a call


def test_pieces_are_written_joined_in_batches_where_there_is_no_writev(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "writev")
    pieces = _pieces()
    target = tmp_path / "report.json"
    atomic_write(target, pieces)
    assert target.read_bytes() == _joined(pieces)


def test_a_file_that_takes_nothing_fails_the_write(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    atomic_write(target, b"old")
    monkeypatch.setattr(os, "writev", lambda fd, buffers: 0)
    with pytest.raises(OSError, match="no byte written"):
        atomic_write(target, [b"new", b"er"])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize(("limit", "expected"), [(1024, 1024), (16, 16), (-1, 1024),
                                                 (4096, 1024), (None, 1024)])
def test_the_chunks_a_call_are_the_systems_limit_or_1024(
        monkeypatch: pytest.MonkeyPatch, limit: int | None, expected: int) -> None:
    """-1 (no limit) or an unknown name never makes a batch of no chunk."""
    def sysconf(name: str) -> int:
        if limit is None:
            raise ValueError("unrecognized configuration name")
        return limit

    monkeypatch.setattr(os, "sysconf", sysconf)
    assert atomic._iov_max() == expected
