"""The cache directory kept from growing without end: a run keeps its code's generation of
entries and the one used last before it, and removes older generations, the layout before
generations and retired files, beside its own work, and nothing else."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from checker import cache as cache_module
from checker.cache import EXTRACTED, NORMALISED, ClaimCache, generation
from checker.cachegc import (
    KEPT,
    MAX_AGE,
    NAMESPACES,
    REFRESH,
    RETIRED,
    SWEEP_EVERY,
    SWEPT,
    mark_used,
    prune,
    stale,
    sweep,
    sweep_due,
)
from tests.bench.corpora import report_json

OLD, OLDER, OLDEST = "1" * 16, "2" * 16, "3" * 16
KEY = "ab" * 32  # an entry's key: a sha256
ENTRY, TEMP = f"{KEY}.json", f".{KEY}.json.x1y2z3.tmp"  # an entry, and one a kill left
OLD_STORE = b'{"format":3,"fingerprint":"' + b"0" * 64 + b'","n":1.0}'


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
            _entry(tmp_path, namespace, gen, "ab", ENTRY)
            os.utime(tmp_path / namespace / gen, (when, when))
    _entry(tmp_path, EXTRACTED, OLDER, "ab", TEMP)
    _entry(tmp_path, EXTRACTED, now, "ab", ENTRY)
    _entry(tmp_path, NORMALISED, "cd", f"{'cd' * 32}.marshal")  # before generations
    (tmp_path / "verdicts.json").write_bytes(OLD_STORE)
    mine = [_entry(tmp_path, "notes.txt"), _entry(tmp_path, EXTRACTED, "README"),
            _entry(tmp_path, NORMALISED, "abc", "kept.txt")]  # not names the cache writes
    found = stale(tmp_path, now)
    assert found == sorted([tmp_path / EXTRACTED / OLDER, tmp_path / EXTRACTED / OLDEST,
                            tmp_path / NORMALISED / OLDER, tmp_path / NORMALISED / OLDEST,
                            tmp_path / NORMALISED / "cd", tmp_path / "verdicts.json"])
    prune(found)
    assert _generations(tmp_path, EXTRACTED) == {now, OLD, "README"}
    assert _generations(tmp_path, NORMALISED) == {OLD, "abc"}
    assert not (tmp_path / "verdicts.json").exists()
    assert all(p.is_file() for p in mine)
    assert stale(tmp_path, now) == []
    assert RETIRED.keys() == {"verdicts.json", *(f"{n}.json" for n in JSON_MEMOS)}


# The memos' names before they were marshalled (`checker.memofile` format 2).
JSON_MEMOS = ("arithmetic", "cited", "claimfiles", "consistency", "documents", "parts",
              "regions", "sidecars", "terms")


def test_the_memos_written_as_json_are_retired_and_nobody_else_s_file(tmp_path: Path) -> None:
    """A cache a version before wrote holds the memos as sealed JSON under `.json` names:
    each goes; a file of the same name that this cache did not write stays, and so do the
    memos of today's names."""
    now = generation()
    for name in JSON_MEMOS:
        (tmp_path / f"{name}.json").write_text(
            '{"format":2,"code":"' + "a" * 64 + '","entries":{},"seal":"' + "0" * 64 + '"}')
    (tmp_path / "parts.json").write_text('{"format":2,"code":"' + "b" * 64 + ':' + "c" * 64
                                         + '","entries":{}}')
    (tmp_path / "documents.json").write_text('{"my": "list of documents"}')
    (tmp_path / "documents.marshal").write_bytes(b"claimcheck memo 3 little code\n")
    found = stale(tmp_path, now)
    assert found == sorted(tmp_path / f"{n}.json" for n in JSON_MEMOS if n != "documents")
    prune(found)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.json",
                                                          "documents.marshal"]


def test_only_what_the_cache_writes_is_removed(tmp_path: Path) -> None:
    """A directory that is not only the cache's (a cache dir set to a project folder): its
    files stay, with the directories that hold them; a verdicts.json of anyone else's too."""
    now = generation()
    theirs = [_entry(tmp_path, EXTRACTED, "2a", "interview-notes.txt"),
              _entry(tmp_path, NORMALISED, OLDER, "ff", "results.csv"),
              _entry(tmp_path, NORMALISED, OLDER, "data.bin"),
              _entry(tmp_path, NORMALISED, OLDER, "ab", "sub", ENTRY)]
    ours = [_entry(tmp_path, EXTRACTED, "2a", ENTRY), _entry(tmp_path, NORMALISED, OLDER, "ff",
                                                              ENTRY)]
    for gen in (OLD, OLDER):  # OLD is the last used other generation: kept
        _entry(tmp_path, NORMALISED, gen, "ab", ENTRY)
        os.utime(tmp_path / NORMALISED / gen, (200 if gen == OLD else 100,) * 2)
    (tmp_path / "verdicts.json").write_bytes(b'{"my": "hand-written verdicts"}')
    prune(stale(tmp_path, now))
    assert all(p.is_file() for p in theirs) and not any(p.exists() for p in ours)
    assert (tmp_path / "verdicts.json").is_file()
    assert not (tmp_path / NORMALISED / OLDER / "ab" / ENTRY).exists()


def test_a_generation_marked_used_is_kept_over_a_later_one(tmp_path: Path) -> None:
    """Two versions used in turn: each run keeps the other's entries."""
    for when, gen in ((100, OLDER), (200, OLD)):
        _entry(tmp_path, EXTRACTED, gen, "ab", ENTRY)
        os.utime(tmp_path / EXTRACTED / gen, (when, when))
    mark_used(tmp_path, OLDER)  # a run of the older version, now
    assert stale(tmp_path, generation()) == [tmp_path / EXTRACTED / OLD]
    mark_used(tmp_path, "f" * 16)  # a generation without entries: nothing to mark
    assert not (tmp_path / EXTRACTED / ("f" * 16)).exists()


def test_nothing_behind_a_symlink_is_touched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    """A symlinked namespace (a cloned repository can commit one: `extracted ->
    ../.git/objects`), generation, shard or retired file is left alone, and so is a cache
    directory a symlink takes out of the repository."""
    monkeypatch.chdir(tmp_path)
    project, outside = tmp_path / "project", tmp_path / "outside"
    precious = [_entry(outside, "objects", "ab", ENTRY), _entry(outside, "gen", "ab", ENTRY),
                _entry(outside, "shard", ENTRY), _entry(outside, "store.json")]
    (outside / "store.json").write_bytes(OLD_STORE)
    cache = project / ".claimcheck-cache"
    (cache / NORMALISED).mkdir(parents=True)
    (cache / EXTRACTED).symlink_to(outside / "objects")
    (cache / NORMALISED / OLDEST).symlink_to(outside / "gen")
    (cache / NORMALISED / "cd").symlink_to(outside / "shard")
    (cache / "verdicts.json").symlink_to(outside / "store.json")
    for gen in (OLD, OLDER):
        _entry(cache, NORMALISED, gen, "ab", ENTRY)
        os.utime(cache / NORMALISED / gen, (100, 100))
    os.utime(cache / NORMALISED / OLDEST, (50, 50), follow_symlinks=False)
    monkeypatch.chdir(project)
    assert stale(cache, generation()) == [cache / NORMALISED / OLDER]
    prune([cache / NORMALISED / OLDEST, cache / "verdicts.json"])  # even when asked to
    assert all(p.is_file() for p in precious)
    # A cache directory that leads out of the repository: nothing at all.
    (project / "elsewhere").symlink_to(outside)
    for when, gen in ((100, OLDER), (200, OLD)):
        _entry(outside, NORMALISED, gen, "ab", ENTRY)
        os.utime(outside / NORMALISED / gen, (when, when))
    assert stale(outside, generation()) == [outside / NORMALISED / OLDER]  # named as it is
    (outside / "verdicts.json").write_bytes(OLD_STORE)
    assert stale(project / "elsewhere", generation()) == []


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
        _entry(cache_dir, EXTRACTED, gen, "ab", ENTRY)
        os.utime(cache_dir / EXTRACTED / gen, (when, when))
    _entry(cache_dir, EXTRACTED, "ab", ENTRY)  # the layout before generations
    expected = report_json(tmp_path)
    assert report_json(tmp_path, cache_dir, jobs=jobs) == expected
    assert _generations(cache_dir, EXTRACTED) == {generation(), OLD}
    assert any((cache_dir / NORMALISED / generation()).rglob("*.marshal"))
    assert report_json(tmp_path, cache_dir, jobs=jobs) == expected


DAY = 86400.0


def _aged(path: Path, age: float, now: float) -> Path:
    os.utime(path, (now - age, now - age))
    return path


def test_entries_no_run_used_for_a_month_are_swept(tmp_path: Path) -> None:
    """Within a generation: what no run used for MAX_AGE goes, unless this run used it or
    the normalised pack serves it; what a killed write left goes after a day; others'
    files stay; one sweep a day."""
    now, gen = 1_000_000_000.0, generation()
    keys = {name: name[0] * 64 for name in ("a", "b", "c", "d", "e", "f")}
    old_unused = _aged(_entry(tmp_path, EXTRACTED, gen, "aa", f"{keys['a']}.json"),
                       MAX_AGE + DAY, now)
    old_used = _aged(_entry(tmp_path, EXTRACTED, gen, "bb", f"{keys['b']}.json"),
                     MAX_AGE + DAY, now)
    recent = _aged(_entry(tmp_path, NORMALISED, gen, "cc", f"{keys['c']}.marshal"),
                   MAX_AGE - DAY, now)
    old_temp = _aged(_entry(tmp_path, NORMALISED, gen, "dd", f".{keys['d']}.marshal.q.tmp"),
                     SWEEP_EVERY + 1, now)
    new_temp = _aged(_entry(tmp_path, NORMALISED, gen, "dd", f".{keys['e']}.marshal.r.tmp"),
                     SWEEP_EVERY - 60, now)
    theirs = _aged(_entry(tmp_path, NORMALISED, gen, "ff", "notes.txt"), MAX_AGE * 2, now)
    other_gen = _aged(_entry(tmp_path, EXTRACTED, OLD, "aa", f"{keys['f']}.json"),
                      MAX_AGE * 2, now)
    assert sweep_due(tmp_path, now)
    assert sweep(tmp_path, gen, {keys["b"]}, now) == 2
    assert not old_unused.exists() and not old_temp.exists()
    assert all(p.exists() for p in (old_used, recent, new_temp, theirs, other_gen))
    assert (tmp_path / SWEPT).is_file()
    assert not sweep_due(tmp_path, time.time() + SWEEP_EVERY / 2)
    assert sweep_due(tmp_path, time.time() + SWEEP_EVERY + 1)


def test_a_cache_without_extracted_claims_is_swept_once_a_day(tmp_path: Path) -> None:
    """Every document with a claim file: no `extracted/` at all, and the sweep is still
    stamped (it was stamped there, and every run swept)."""
    now = time.time()
    _entry(tmp_path, NORMALISED, generation(), "ab", f"{KEY}.marshal")
    assert sweep_due(tmp_path, now)
    assert sweep(tmp_path, generation(), set(), now) == 0
    assert not (tmp_path / EXTRACTED).exists()
    assert not sweep_due(tmp_path, now)


def test_an_entry_used_has_its_time_set_again_when_old(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path)
    cache.put(EXTRACTED, KEY, b"payload")
    path = tmp_path / EXTRACTED / generation() / "ab" / ENTRY
    now = time.time()
    _aged(path, REFRESH + DAY, now)
    assert cache.holds(EXTRACTED, KEY) and path.stat().st_mtime > now - DAY
    _aged(path, REFRESH + DAY, now)
    assert cache.get(EXTRACTED, KEY) == b"payload" and path.stat().st_mtime > now - DAY
    _aged(path, REFRESH - DAY, now)  # used lately: left as it is
    assert cache.get(EXTRACTED, KEY) == b"payload"
    assert path.stat().st_mtime == pytest.approx(now - REFRESH + DAY, abs=1)


def test_a_check_sweeps_its_generation_once_a_day(repo: Path, tmp_path: Path) -> None:
    """Through the pipeline: an entry of this version that no run used for a month goes at
    the run's end, those the run used stay, and the report is a run without cache's."""
    for name in ("seeds", "claims"):
        shutil.copytree(repo / name, tmp_path / name)
    (tmp_path / "claims" / sorted(os.listdir(tmp_path / "claims"))[0]).unlink()  # drafted
    cache_dir = tmp_path / ".claimcheck-cache"
    expected = report_json(tmp_path)
    assert report_json(tmp_path, cache_dir) == expected
    entries = sorted((cache_dir / EXTRACTED / generation()).rglob("*.json"))
    # The normalised claims' entries: served by the pack, their files are not read.
    served = sorted((cache_dir / NORMALISED / generation()).rglob("*.marshal"))
    assert entries and served
    now = time.time()
    for path in entries + served:
        _aged(path, MAX_AGE + DAY, now)
    forgotten = _aged(_entry(cache_dir, NORMALISED, generation(), "ab", f"{KEY}.marshal"),
                      MAX_AGE + DAY, now)
    (cache_dir / SWEPT).unlink()  # the last sweep was long ago
    assert report_json(tmp_path, cache_dir) == expected
    assert not forgotten.exists()
    assert all(p.exists() for p in entries)  # used by the run (and their times set again)
    assert all(p.stat().st_mtime > now - DAY for p in entries)
    assert all(p.exists() for p in served)
