"""Writes stay inside the repository: a symlink in the tree cannot carry them out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.atomic import atomic_write
from checker.errors import WriteRefusedError


@pytest.fixture()
def repo_and_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    monkeypatch.chdir(repo)
    return repo, outside


def test_directory_symlink_out_is_refused(repo_and_outside: tuple[Path, Path]) -> None:
    repo, outside = repo_and_outside
    os.symlink(outside, repo / "reports")
    with pytest.raises(WriteRefusedError) as caught:
        atomic_write(Path("reports") / "report.json", "{}")
    assert str(caught.value).startswith("reports/report.json: is a symlink to a directory")
    assert list(outside.iterdir()) == []


def test_file_symlink_out_is_refused(repo_and_outside: tuple[Path, Path]) -> None:
    repo, outside = repo_and_outside
    (outside / "notes.txt").write_text("mine", encoding="utf-8")
    os.symlink(outside / "notes.txt", repo / "report.md")
    with pytest.raises(WriteRefusedError):
        atomic_write(repo / "report.md", "new")
    assert (outside / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (repo / "report.md").is_symlink()


def test_symlinks_inside_and_explicit_outside_paths_are_allowed(
        repo_and_outside: tuple[Path, Path]) -> None:
    repo, outside = repo_and_outside
    (repo / "real").mkdir()
    os.symlink(repo / "real", repo / "alias")
    atomic_write(Path("alias") / "a.txt", "inside")
    assert (repo / "real" / "a.txt").read_text(encoding="utf-8") == "inside"
    atomic_write(outside / "b.txt", "the user's explicit choice")
    assert (outside / "b.txt").exists()
    assert not [p for p in repo.rglob("*.tmp")] and not [p for p in outside.rglob("*.tmp")]
