"""Hostile and broken input, table-driven: every case in fixtures/cases.yaml runs the real
CLI on a temporary copy of its fixture folder and must exit with the expected code, print
the expected located message, never a traceback, and leave no temporary files behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from checker.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
CASES: list[dict[str, Any]] = YAML(typ="safe").load(
    (FIXTURES / "cases.yaml").read_text(encoding="utf-8"))
OUTSIDE_TEXT = "A secret outside the repository: China launched 9 satellites in 2021.\n"


def _prepare(case: dict[str, Any], tmp: Path) -> Path:
    work = tmp / "work"
    source = FIXTURES / case.get("fixture", case["name"])
    if source.is_dir():
        shutil.copytree(source, work, symlinks=True)
    for name in ("seeds", "claims", "rules"):
        (work / name).mkdir(parents=True, exist_ok=True)
    (tmp / "outside").mkdir()
    (tmp / "outside" / "secret.txt").write_text(OUTSIDE_TEXT, encoding="utf-8")
    for rel in case.get("mkdirs") or []:
        (work / rel).mkdir(parents=True)
    for rel, size in (case.get("sparse") or {}).items():
        # A sparse file: its size is real to stat() but costs no disk and no time to make.
        with (work / rel).open("wb") as handle:
            handle.truncate(int(size))
    for rel, target in (case.get("symlinks") or {}).items():
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, work / rel)
    return work


def _temp_leftovers(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(".*.tmp"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_input(case: dict[str, Any], tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    work = _prepare(case, tmp_path)
    monkeypatch.chdir(work)
    originals = {rel: (work / rel).read_bytes() for step in case["steps"]
                 for rel in step.get("unchanged", [])}
    for number, step in enumerate(case["steps"], 1):
        result = CliRunner().invoke(main, [str(a) for a in step["args"]],
                                    catch_exceptions=True)
        where = f"{case['name']} step {number} ({' '.join(map(str, step['args']))}):\n" \
                f"{result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit), where
        assert "Traceback" not in result.output, where
        assert result.exit_code == step["exit"], where
        for fragment in step.get("output", []):
            assert fragment in result.output, f"missing {fragment!r} in {where}"
        for fragment in step.get("not_output", []):
            assert fragment not in result.output, f"unexpected {fragment!r} in {where}"
        for rel, fragments in (step.get("files") or {}).items():
            text = (work / rel).read_text(encoding="utf-8")
            for fragment in fragments:
                assert fragment in text, f"missing {fragment!r} in {rel}; {where}"
        for rel, fragments in (step.get("files_not") or {}).items():
            path = work / rel
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            for fragment in fragments:
                assert fragment not in text, f"unexpected {fragment!r} in {rel}; {where}"
        for rel in step.get("absent", []):
            assert not (work / rel).exists(), f"{rel} should not exist; {where}"
        for rel in step.get("unchanged", []):
            assert (work / rel).read_bytes() == originals[rel], f"{rel} changed; {where}"
        assert not _temp_leftovers(tmp_path), where
    # Nothing was written outside the working copy.
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["secret.txt"]


def test_every_fixture_folder_has_a_case() -> None:
    named = {c.get("fixture", c["name"]) for c in CASES}
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders <= named, sorted(folders - named)
    assert len({c["name"] for c in CASES}) == len(CASES)
