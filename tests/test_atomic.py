"""Atomic writes leave the old file or the new one, never a partial one."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.atomic import atomic_write


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
