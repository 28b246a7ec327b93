"""Atomic writes leave the old file or the new one, never a partial one."""

from __future__ import annotations

import errno
import os
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
