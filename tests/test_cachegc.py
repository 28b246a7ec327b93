"""The cache directory kept from growing without end: a run keeps its code's generation of
entries and the one used last before it, and removes older generations, the layout before
generations and retired files, beside its own work, and nothing else."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker import cache as cache_module
from checker.cache import EXTRACTED, NORMALISED, ClaimCache, generation
from checker.cachegc import KEPT, NAMESPACES, RETIRED, mark_used, prune, stale
from tests.bench.corpora import report_json

OLD, OLDER, OLDEST = "1" * 16, "2" * 16, "3" * 16


def _entry(root: Path, *parts: str) -> Path:
    path = root.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"entry")
    return path


def _generations(root: Path, namespace: str) -> set[str]:
    return {p.name for p in (root / namespace).iterdir()}


def test_the_namespaces_are_the_cache_s() -> None:
    assert set(NAMESPACES) == {EXTRACTED, NORMALISED} and KEPT == 2


def test_entries_are_filed_under_their_code_s_generation(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path)
    cache.put(EXTRACTED, "ab" * 32, b"payload")
    assert (tmp_path / EXTRACTED / generation() / "ab" / f"{'ab' * 32}.json").is_file()
    assert generation() == cache_module.code_fingerprint()[:16]


def test_all_but_the_last_used_other_generation_are_stale(tmp_path: Path) -> None:
    now = generation()
    for when, gen in ((100, OLDEST), (200, OLDER), (300, OLD)):
        for namespace in NAMESPACES:
            _entry(tmp_path, namespace, gen, "ab", "x.json")
            os.utime(tmp_path / namespace / gen, (when, when))
    _entry(tmp_path, EXTRACTED, now, "ab", "x.json")
    _entry(tmp_path, NORMALISED, "cd", "old-layout.marshal")  # before generations
    _entry(tmp_path, RETIRED[0])
    mine = [_entry(tmp_path, "notes.txt"), _entry(tmp_path, EXTRACTED, "README"),
            _entry(tmp_path, NORMALISED, "abc", "kept.txt")]  # not names the cache writes
    found = stale(tmp_path, now)
    assert found == sorted([tmp_path / EXTRACTED / OLDER, tmp_path / EXTRACTED / OLDEST,
                            tmp_path / NORMALISED / OLDER, tmp_path / NORMALISED / OLDEST,
                            tmp_path / NORMALISED / "cd", tmp_path / RETIRED[0]])
    prune(found)
    assert _generations(tmp_path, EXTRACTED) == {now, OLD, "README"}
    assert _generations(tmp_path, NORMALISED) == {OLD, "abc"}
    assert not (tmp_path / RETIRED[0]).exists()
    assert all(p.is_file() for p in mine)
    assert stale(tmp_path, now) == []


def test_a_generation_marked_used_is_kept_over_a_later_one(tmp_path: Path) -> None:
    """Two versions used in turn: each run keeps the other's entries."""
    for when, gen in ((100, OLDER), (200, OLD)):
        _entry(tmp_path, EXTRACTED, gen, "ab", "x.json")
        os.utime(tmp_path / EXTRACTED / gen, (when, when))
    mark_used(tmp_path, OLDER)  # a run of the older version, now
    assert stale(tmp_path, generation()) == [tmp_path / EXTRACTED / OLD]
    mark_used(tmp_path, "f" * 16)  # a generation without entries: nothing to mark
    assert not (tmp_path / EXTRACTED / ("f" * 16)).exists()


def test_a_symlinked_generation_is_unlinked_not_followed(tmp_path: Path) -> None:
    elsewhere = _entry(tmp_path / "elsewhere", "ab", "keep.json")
    for gen in (OLD, OLDER):
        _entry(tmp_path / "c", EXTRACTED, gen, "x.json")
        os.utime(tmp_path / "c" / EXTRACTED / gen, (100, 100))
    (tmp_path / "c" / EXTRACTED / OLDEST).symlink_to(tmp_path / "elsewhere")
    os.utime(tmp_path / "c" / EXTRACTED / OLDEST, (50, 50), follow_symlinks=False)
    prune(stale(tmp_path / "c", generation()))
    assert elsewhere.is_file()
    assert not os.path.lexists(tmp_path / "c" / EXTRACTED / OLDEST)


def test_nothing_to_prune_in_a_missing_or_fresh_directory(tmp_path: Path) -> None:
    assert stale(tmp_path / "missing", generation()) == []
    prune([tmp_path / "missing"])  # gone already: no error


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_check_removes_an_older_version_s_entries(repo: Path, tmp_path: Path,
                                                     jobs: int) -> None:
    """Through the pipeline: a run after two upgrades leaves this version's entries and
    the last other version's, and reports as a run without cache."""
    for name in ("seeds", "claims"):
        shutil.copytree(repo / name, tmp_path / name)
    (tmp_path / "claims" / sorted(os.listdir(tmp_path / "claims"))[0]).unlink()  # drafted
    cache_dir = tmp_path / ".claimcheck-cache"
    for when, gen in ((100, OLDER), (200, OLD)):
        _entry(cache_dir, EXTRACTED, gen, "ab", "x.json")
        os.utime(cache_dir / EXTRACTED / gen, (when, when))
    _entry(cache_dir, EXTRACTED, "ab", "before-generations.json")
    expected = report_json(tmp_path)
    assert report_json(tmp_path, cache_dir, jobs=jobs) == expected
    assert _generations(cache_dir, EXTRACTED) == {generation(), OLD}
    assert any((cache_dir / NORMALISED / generation()).rglob("*.marshal"))
    assert report_json(tmp_path, cache_dir, jobs=jobs) == expected
