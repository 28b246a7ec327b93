"""`claimcheck check` and `extract`, run as the command, end the process once their files
are written and their output flushed, without freeing what they built (`cli.finish`):
the same exit codes, files and output as the usual exit, which they fall back to while a
process they started still runs or when their output cannot be flushed."""

from __future__ import annotations

import io
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli


def _command(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=root,
                          capture_output=True, text=True, timeout=300, check=False)


def test_check_as_a_command_writes_and_prints_what_it_does_in_process(project: Path) -> None:
    args = ["check", "--format", "text,json", "--fail-on", "warning", "--no-cache"]
    command = _command(project, *args)
    written = (project / "reports" / "report.json").read_text("utf-8")
    in_process = CliRunner().invoke(cli.main, args)
    # Findings at or above the level: exit 1, and the whole text report (ten findings and
    # a total) on standard output.
    assert command.returncode == in_process.exit_code == 1, command.stderr
    assert command.stdout == in_process.stdout and command.stdout.count("\n") == 11
    assert written == (project / "reports" / "report.json").read_text("utf-8")
    assert command.stderr.endswith("5 documents, 102 claims; reports in reports\n")  # summary


def test_check_and_extract_as_commands_write_their_files(project: Path) -> None:
    checked = _command(project, "check", "--out", "out", "--fail-on", "never", "--no-cache")
    assert checked.returncode == 0, checked.stderr
    assert (project / "out" / "report.json").read_text("utf-8").endswith("}\n")
    extracted = _command(project, "extract", "seeds", "--out", "drafts")
    assert extracted.returncode == 0, extracted.stderr
    assert len(list((project / "drafts").glob("*.yaml"))) == 5
    assert extracted.stdout.count(" claims") == 5


def _sleep() -> None:
    time.sleep(30)


def test_a_running_child_process_gets_the_usual_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_HARD_EXIT", True)
    child = multiprocessing.get_context("fork").Process(target=_sleep, daemon=True)
    child.start()
    try:
        with pytest.raises(SystemExit) as exited:
            cli.finish(3)  # os._exit here would end this test run
        assert exited.value.code == 3
    finally:
        child.kill()
        child.join()


class _Closed(io.StringIO):
    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_output_that_cannot_be_flushed_gets_the_usual_exit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_HARD_EXIT", True)
    monkeypatch.setattr(sys, "stdout", _Closed())
    with pytest.raises(SystemExit) as exited:
        cli.finish(1)
    assert exited.value.code == 1


def test_in_process_runs_exit_as_usual() -> None:
    assert cli._HARD_EXIT is False
    with pytest.raises(SystemExit) as exited:
        cli.finish(0)
    assert exited.value.code == 0


def test_the_command_ends_without_the_interpreters_exit(project: Path) -> None:
    """What the usual exit runs (atexit handlers, then freeing everything) is skipped: an
    atexit handler registered before the command never runs; in process it does."""
    script = ("import atexit, sys\n"
              "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
              "from checker import cli\n"
              "sys.argv = ['claimcheck', 'check', '--fail-on', 'never', '--no-cache']\n"
              "cli.{entry}()\n")
    for entry, runs in (("run", False), ("main", True)):
        done = subprocess.run([sys.executable, "-c", script.format(entry=entry)], cwd=project,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        assert ("atexit ran" in done.stderr) is runs, entry


def test_the_command_keeps_the_runs_data_to_the_end_and_in_process_runs_do_not(
        project: Path) -> None:
    """`check` as the command never frees its normalised claims (the process ends without
    freeing them); run in process, as a library or a test runs it, it frees them."""
    script = ("import sys\n"
              "from checker import cli, heap\n"
              "def finish(code):\n"
              "    kept = heap._KEPT_TO_EXIT\n"
              "    print(len(kept[0][0]) if kept else 0)\n"
              "    sys.exit(code)\n"
              "cli.finish = finish\n"
              "sys.argv = ['claimcheck', 'check', '--fail-on', 'never', '--no-cache']\n"
              "cli.{entry}()\n")
    for entry, claims in (("run", 102), ("main", 0)):
        done = subprocess.run([sys.executable, "-c", script.format(entry=entry)], cwd=project,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(claims), entry
