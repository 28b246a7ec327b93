"""The cache's last writes (the findings kept, the verdict store) go on beside a run's end:
`run_check` waits for them before it returns unless told not to, and `claimcheck check`
writes its reports meanwhile, then waits before it exits."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli, pipeline
from checker.cache import ClaimCache
from checker.findmemo import FindingsMemo
from checker.pipeline import CheckOptions, run_check
from checker.reporting import html


def _recording(monkeypatch: pytest.MonkeyPatch, seen: list[str],
               what: Callable[[], str]) -> None:
    real = ClaimCache.settle

    def settle(self: ClaimCache) -> list[str]:
        seen.append(what())
        return real(self)

    monkeypatch.setattr(ClaimCache, "settle", settle)


def _options(project: Path) -> CheckOptions:
    return CheckOptions(root=project, seeds=project / "seeds", claims=project / "claims",
                        rules=project / "rules", jobs=2, cache_dir=project / "cache")


def test_a_run_told_not_to_settle_leaves_it_to_its_caller(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    _recording(monkeypatch, seen, lambda: "settled")
    result = run_check(_options(project), settle=False)
    assert seen == []
    result.settle()
    assert seen == ["settled"]
    # What it waited for is written: the next run takes the findings kept.
    served: list[bool] = []
    real_get = FindingsMemo.get

    def get(self: FindingsMemo) -> object:
        found = real_get(self)
        served.append(found is not None)
        return found

    monkeypatch.setattr(FindingsMemo, "get", get)
    again = run_check(_options(project))
    assert served == [True] and seen == ["settled", "settled"]
    assert again.report == result.report


def test_a_run_settles_before_it_returns_by_default(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    _recording(monkeypatch, seen, lambda: "settled")
    result = run_check(_options(project))
    assert seen == ["settled"]
    result.settle()  # nothing left to wait for
    assert seen == ["settled"]


def test_check_writes_its_reports_then_waits_for_the_cache(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    report = project / "reports" / "report.json"
    _recording(monkeypatch, seen, lambda: f"report written: {report.exists()}")
    result = CliRunner().invoke(cli.main, ["check", "--fail-on", "never", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert seen == ["report written: True"]


def test_check_waits_for_the_cache_when_its_reports_fail(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    _recording(monkeypatch, seen, lambda: "settled")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(html, "render_with_sources", broken)
    result = CliRunner().invoke(cli.main, ["check", "--format", "json,html", "--jobs", "2"])
    assert result.exit_code == 3
    assert seen == ["settled"]


def test_a_failing_run_still_waits_for_the_cache(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    _recording(monkeypatch, seen, lambda: "settled")

    def failing(*args: object, **kwargs: object) -> object:
        raise RuntimeError("comparison bug")

    monkeypatch.setattr(pipeline, "_finish", failing)
    with pytest.raises(RuntimeError, match="comparison bug"):
        run_check(_options(project), settle=False)
    assert seen == ["settled"]


def test_a_cache_write_that_fails_is_a_warning_not_a_failed_run(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk under the cache: the run's reports and exit code stand, the cache is
    what the next run recomputes (a review: the run exited 2 after writing its reports)."""
    from checker.normpack import NormPack

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(project / ".claimcheck-cache"))

    monkeypatch.setattr(NormPack, "save", full)
    result = CliRunner().invoke(cli.main, ["check", "--fail-on", "never", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "claimcheck: warning: the cache was not written" in result.output
    assert "No space left on device" in result.output
    assert (project / "reports" / "report.json").stat().st_size > 0
    checked = run_check(_options(project))
    assert any("No space left on device" in p for p in checked.unwritten)


def test_check_waits_for_the_cache_when_its_progress_bar_fails_to_close(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import terminal

    seen: list[str] = []
    _recording(monkeypatch, seen, lambda: "settled")

    def broken(self: terminal.Progress, *exc: object) -> None:
        raise RuntimeError("terminal bug")

    monkeypatch.setattr(terminal.Progress, "__exit__", broken)
    result = CliRunner().invoke(cli.main, ["check", "--fail-on", "never", "--jobs", "2"])
    assert result.exit_code == 3
    assert seen == ["settled"]


def _stamp(path: Path) -> Callable[[], None]:
    def write() -> None:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("written\n")
    return write


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_held_write_starts_at_release_and_settle_waits_for_it(tmp_path: Path,
                                                                 jobs: int) -> None:
    cache = ClaimCache(tmp_path / "cache")
    mark = tmp_path / "mark"
    cache.aside(_stamp(mark), jobs, held=True)
    # Held with two processes; with one there is no line to keep free: written now.
    assert mark.exists() == (jobs == 1)
    cache.release()
    assert cache.settle() == []
    assert mark.read_text("utf-8") == "written\n"
    held = tmp_path / "held"
    cache.aside(_stamp(held), jobs, held=True)
    assert cache.settle() == []  # released and waited for, never left behind
    assert held.read_text("utf-8") == "written\n"


def test_an_edited_run_writes_its_input_memos_once_the_lines_are_over(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from checker import checking

    run_check(_options(project))
    doc = sorted((project / "seeds").glob("*.txt"))[1]
    doc.write_text(doc.read_text("utf-8") + "\nChina is a member of the ISS.\n", "utf-8")
    times = project / "times"
    real_save, real_lines = pipeline._save, checking._beside_the_comparison

    def save(memos: list[object]) -> None:
        with times.open("a", encoding="utf-8") as handle:  # in the writer's process
            handle.write(f"save {time.monotonic()}\n")
        real_save(memos)  # type: ignore[arg-type]

    def lines(*args: object, **kwargs: object) -> object:
        try:
            return real_lines(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            with times.open("a", encoding="utf-8") as handle:
                handle.write(f"lines {time.monotonic()}\n")

    monkeypatch.setattr(pipeline, "_save", save)
    monkeypatch.setattr(checking, "_beside_the_comparison", lines)
    before = (project / "cache" / "documents.marshal").read_bytes()
    run_check(_options(project))
    stamps = dict(line.split() for line in times.read_text("utf-8").splitlines())
    assert set(stamps) == {"save", "lines"}
    assert float(stamps["save"]) >= float(stamps["lines"])
    assert (project / "cache" / "documents.marshal").read_bytes() != before


def test_held_writes_that_cannot_start_beside_are_done_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread refused (a container's limit on them) loses no write: they are done now."""
    from checker import threadwrites

    cache = ClaimCache(tmp_path / "cache")
    marks = [tmp_path / "one", tmp_path / "two"]
    for mark in marks:
        cache.aside(_pid_stamp(mark), 2, held=True)
    calls = []

    def in_thread(work: Callable[[], None]) -> Callable[[], None]:
        calls.append(work)
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threadwrites, "in_thread", in_thread)
    assert cache.settle() == []
    assert len(calls) == 1  # one thread asked for, for both
    assert [m.read_text("utf-8") for m in marks] == [_where()] * 2
    assert cache.settle() == []


def _where() -> str:
    return f"{os.getpid()} {threading.current_thread().name}"


def _pid_stamp(path: Path) -> Callable[[], None]:
    def write() -> None:
        path.write_text(_where(), "utf-8")
    return write


def _fails(path: Path) -> Callable[[], None]:
    def write() -> None:
        raise OSError(28, "No space left on device", os.fspath(path))
    return write


def test_held_writes_run_one_after_the_other_in_a_thread_of_this_process(
        tmp_path: Path) -> None:
    """A process forked for them would make this one copy every page it touched while
    they ran: the writes released together share one thread of this process; a write
    that fails is told, and the ones after it are still done."""
    cache = ClaimCache(tmp_path / "cache")
    one, two = tmp_path / "one", tmp_path / "two"
    cache.aside(_pid_stamp(one), 2, held=True)
    cache.aside(_fails(tmp_path / "full.json"), 2, held=True)
    cache.aside(_pid_stamp(two), 2, held=True)
    cache.release()
    failed = cache.settle()
    assert len(failed) == 1 and "full.json" in failed[0] and "No space left" in failed[0]
    where = {one.read_text("utf-8"), two.read_text("utf-8")}
    assert where == {f"{os.getpid()} cache writes"}


def test_held_writes_done_here_tell_their_failures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import threadwrites

    cache = ClaimCache(tmp_path / "cache")
    cache.aside(_fails(tmp_path / "full.json"), 2, held=True)
    done = tmp_path / "done"
    cache.aside(_pid_stamp(done), 2, held=True)

    def in_thread(work: Callable[[], None]) -> Callable[[], None]:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threadwrites, "in_thread", in_thread)
    cache.release()
    failed = cache.settle()
    assert len(failed) == 1 and "full.json" in failed[0]
    assert done.read_text("utf-8") == _where()


def test_inputs_that_fail_after_holding_a_write_still_write_it(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list[object]:
        raise RuntimeError("a bug after the inputs were read")

    monkeypatch.setattr(pipeline, "entity_id_errors", broken)
    with pytest.raises(RuntimeError, match="a bug after"):
        pipeline.load_inputs(_options(project))
    assert (project / "cache" / "documents.marshal").is_file()  # held, then written


def test_a_held_write_that_fails_with_a_bug_does_not_stop_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer's bug is only a cache the next run recomputes; the writes after it (the
    findings memo is the last) are still done, beside, and here when no thread can be
    started."""
    from checker import threadwrites

    def bug() -> None:
        raise ValueError("a writer's bug")

    for refused in (False, True):
        if refused:
            def in_thread(work: Callable[[], None]) -> Callable[[], None]:
                raise RuntimeError("can't start new thread")

            monkeypatch.setattr(threadwrites, "in_thread", in_thread)
        cache = ClaimCache(tmp_path / f"cache{refused}")
        after = tmp_path / f"after{refused}"
        cache.aside(bug, 2, held=True)
        cache.aside(_pid_stamp(after), 2, held=True)
        assert cache.settle() == []
        assert after.exists()
