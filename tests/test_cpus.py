"""How many processes a run uses: --jobs as given, or one per usable CPU for a large corpus
and one for a few documents when --jobs is not given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker import cpus, pipeline
from checker.cliutil import check_options
from checker.config import Config


@pytest.mark.parametrize(("text", "quota"), [
    ("max 100000\n", None),
    ("200000 100000\n", 2),
    ("150000 100000\n", 2),  # one and a half CPUs: two processes, each busy part-time
    ("50000 100000\n", 1),
    ("garbage\n", None),
    ("", None),
])
def test_cgroup_quota(tmp_path: Path, text: str, quota: int | None) -> None:
    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text(text, encoding="ascii")
    assert cpus.cgroup_quota(cpu_max) == quota


def test_no_cgroup_file_is_no_quota(tmp_path: Path) -> None:
    assert cpus.cgroup_quota(tmp_path / "absent") is None


def test_available_cpus_is_the_affinity_within_the_quota(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(cpus, "cgroup_quota", lambda: None)
    assert cpus.available_cpus() == 4
    monkeypatch.setattr(cpus, "cgroup_quota", lambda: 2)  # a container on a larger host
    assert cpus.available_cpus() == 2


def test_resolve_jobs() -> None:
    assert cpus.resolve_jobs(1) == 1
    assert cpus.resolve_jobs(3) == 3
    assert cpus.resolve_jobs(0) == cpus.available_cpus()
    assert cpus.resolve_jobs(-2) == cpus.available_cpus()


def test_auto_jobs_spreads_large_corpora_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpus, "available_cpus", lambda: 2)
    assert cpus.auto_jobs(5) == 1
    assert cpus.auto_jobs(cpus.AUTO_MIN_DOCUMENTS - 1) == 1
    assert cpus.auto_jobs(cpus.AUTO_MIN_DOCUMENTS) == 2
    monkeypatch.setattr(cpus, "available_cpus", lambda: 64)
    assert cpus.auto_jobs(100_000) == cpus.AUTO_MAX_JOBS


def test_jobs_given_are_kept_whatever_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpus, "available_cpus", lambda: 4)
    assert cpus.jobs_for(1, 100_000) == 1
    assert cpus.jobs_for(3, 2) == 3
    assert cpus.jobs_for(0, 2) == 4
    assert cpus.jobs_for(None, 2) == 1
    assert cpus.jobs_for(None, 100_000) == 4


def test_options_leave_jobs_unset_unless_given(tmp_path: Path) -> None:
    assert check_options(tmp_path, Config()).jobs is None
    assert check_options(tmp_path, Config(jobs=3)).jobs == 3
    assert check_options(tmp_path, Config(jobs=3), jobs=1).jobs == 1


def test_check_spreads_by_the_corpus_size(project: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    seen: list[int] = []
    real = pipeline._findings_and_parts

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(args[5])  # type: ignore[arg-type]  # (corpus, ruleset, ..., jobs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_findings_and_parts", spy)
    monkeypatch.setattr(cpus, "available_cpus", lambda: 2)
    options = check_options(project, Config())
    pipeline.run_check(options)
    monkeypatch.setattr(cpus, "AUTO_MIN_DOCUMENTS", 5)  # the project has five documents
    pipeline.run_check(options)
    assert seen == [1, 2]
