"""A run that fails for a reason of its own (a killed --jobs worker, memory, a bug) exits 3
with a message, never 1, which CI would read as "findings"."""

from __future__ import annotations

import errno
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from checker import parallel, pipeline
from checker.cli import main
from checker.reporting import html

MAIN = os.getpid()


def _killed(state: dict[str, Any], bounds: tuple[int, int]) -> Any:
    """A --jobs worker killed mid-task, as the kernel kills one out of memory (the run's own
    process does a share of the round too: it carries on)."""
    if os.getpid() != MAIN:
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_NORMALISE(state, bounds)


REAL_NORMALISE = parallel._normalise_block


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers inherit the patch when forked")
def test_a_killed_worker_fails_the_run_with_3(project: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_normalise_block", _killed)
    result = CliRunner().invoke(main, ["check", "--jobs", "2", "--no-cache"])
    assert result.exit_code == 3, result.output
    assert "a --jobs worker process ended abruptly" in result.output
    assert "Traceback" not in result.output
    assert not (project / "reports").exists()


@pytest.mark.parametrize(("raised", "says"), [
    (MemoryError(), "out of memory"),
    (OSError(errno.ENOMEM, "Cannot allocate memory"), "out of memory"),  # a fork refused
    (RuntimeError("boom"), "internal error (a bug: please report it"),
    (BrokenProcessPool(), "a --jobs worker process ended abruptly"),
])
def test_a_failed_run_exits_3_never_1(project: Path, monkeypatch: pytest.MonkeyPatch,
                                      raised: BaseException, says: str) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pipeline, "run_check", failing)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 3
    assert says in result.output and "the run did not complete" in result.output
    # A bug's traceback is what to report; memory is no bug.
    assert ("Traceback" in result.output) == (type(raised) is RuntimeError)


def test_a_file_that_cannot_be_written_is_still_bad_input(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(project / "reports/x"))

    monkeypatch.setattr(pipeline, "run_check", full)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2 and "reports/x: No space left on device" in result.output


def test_click_still_reports_its_own_usage_errors(project: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def refusing(*args: object, **kwargs: object) -> None:
        raise click.BadParameter("not like that", param_hint="--format")

    monkeypatch.setattr(pipeline, "run_check", refusing)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2 and "not like that" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_renderer_leaves_every_report_as_it_was(
        project: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    """An editor's probe: the HTML renderer failed after report.json was written, leaving a
    new report.json beside the last run's other reports. With --jobs 2 the HTML is made in
    a process beside the others (`reporting.rendering`): its failure is this run's."""
    formats = ["--format", "json,md,sarif,html", "--jobs", jobs]
    assert CliRunner().invoke(main, ["check", "--no-cache", *formats]).exit_code in (0, 1)
    before = {p.name: p.read_bytes() for p in (project / "reports").iterdir()}
    (project / "seeds" / "extra.txt").write_text("Beijing is the capital of China.\n")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(html, "render_with_sources", broken)
    result = CliRunner().invoke(main, ["check", "--no-cache", *formats])
    assert result.exit_code == 3
    assert {p.name: p.read_bytes() for p in (project / "reports").iterdir()} == before


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_lone_surrogate_in_metadata_is_bad_input_not_a_crash(
        project: Path, cache: list[str]) -> None:
    """The review's probe: a sidecar title with a `\\ud800` escape made `check` crash
    (exit 3) with the cache, or writing report.json without it."""
    sidecar = sorted((project / "seeds").glob("*.meta.yaml"))[0]
    sidecar.write_text('title: "bad \\ud800 title"\n', "utf-8")
    result = CliRunner().invoke(main, ["check", "--jobs", "1", *cache,
                                       "--format", "json,md,sarif"])
    assert result.exit_code == 2, result.output
    assert f"seeds/{sidecar.name}:1:8:" in result.output and "lone surrogate" in result.output
    assert "Traceback" not in result.output


def test_a_reader_that_went_away_is_no_bad_input(tmp_path: Path) -> None:
    # "claimcheck rules list | head -2" printed "claimcheck: Broken pipe" and exited 2 (bad
    # input): a closed pipe ends the command quietly, 128 + SIGPIPE as the shell's own do
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    try:
        done = subprocess.run([sys.executable, "-m", "checker", "rules", "list"], stdout=write,
                              stderr=subprocess.PIPE, cwd=Path(__file__).parents[2],
                              timeout=120, check=False)
    finally:
        os.close(write)
    assert done.returncode == 141
    assert done.stderr == b""
