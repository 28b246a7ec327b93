"""Ctrl-C and SIGTERM end a run with 130 / 143 (not click's exit 1, which CI would read as
"findings"), and leave no partial file behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(),
                                reason="reads /proc to see the handler installed")


def _handles(pid: int, signum: int) -> bool:
    """Whether the process has installed its own handler for signum (SigCgt mask)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    line = next((x for x in status.splitlines() if x.startswith("SigCgt:")), "SigCgt: 0")
    return bool(int(line.split()[1], 16) >> (signum - 1) & 1)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_check_exits_128_plus_signal(tmp_path: Path, repo: Path, signum: int,
                                                 code: int) -> None:
    (tmp_path / "seeds").mkdir()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((repo / "seeds").glob("*.txt")))
    # Large enough that the run is still extracting when the signal arrives.
    (tmp_path / "seeds" / "big.txt").write_text(text * 150, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "--rules", str(repo / "rules"),
         "--no-cache", "--format", "json,md"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    # Python handles SIGINT from the start; SIGTERM's handler marks claimcheck's own.
    while not _handles(proc.pid, signal.SIGTERM) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err.decode()
    assert b"Traceback" not in err
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent.name != "seeds"]
    assert leftovers == []  # no report, no temporary file


def test_a_signal_while_the_interpreter_exits_prints_no_traceback(repo: Path) -> None:
    """SIGTERM after the command is over (here: sent by the last atexit callback, after
    multiprocessing's finalizers) finds the handlers the process had before, not one that
    raises SystemExit inside an atexit callback and prints its traceback (seen once in the
    interruption test, when the first report was written just before exit)."""
    code = ("import atexit, os, signal, sys\n"
            "atexit.register(lambda: os.kill(os.getpid(), signal.SIGTERM))\n"
            "import multiprocessing.util\n"
            "sys.argv = ['claimcheck', 'rules', 'test']\n"
            "from checker.cli import main\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True,
                          timeout=120, check=False)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    assert b"0 failures" in proc.stdout
    assert proc.returncode == -signal.SIGTERM


@pytest.mark.parametrize("turned_into", ["RuntimeError", "OSError", "ClaimcheckError"])
def test_a_signal_turned_into_another_error_exits_as_the_signal(
        tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch, turned_into: str) -> None:
    """SIGTERM landing while a class is made at an import reaches the command as a
    RuntimeError (Python wraps what `__set_name__` raises): the run was stopped, so it exits
    143 with no traceback, not as an internal error (a red CI run: tests/robustness)."""
    from click.testing import CliRunner

    from checker import interrupt
    from checker.cli import main

    class Landing:
        def __set_name__(self, owner: type, name: str) -> None:
            interrupt.terminate(signal.SIGTERM, None)

    def importing(*_: object, **__: object) -> None:
        if turned_into == "RuntimeError":
            class Made:  # noqa: F841 - made for its descriptor's __set_name__
                field = Landing()
        try:
            interrupt.terminate(signal.SIGTERM, None)
        except SystemExit:
            from checker.errors import InputError

            raise (OSError(5, "I/O error") if turned_into == "OSError"
                   else InputError("cut short")) from None

    monkeypatch.setattr("checker.pipeline.run_check", importing)
    try:
        result = CliRunner().invoke(main, [
            "check", "--seeds", str(repo / "seeds"), "--claims", str(repo / "claims"),
            "--rules", str(repo / "rules"), "--out", str(tmp_path / "out"), "--no-cache"])
    finally:
        interrupt.clear()
    assert result.exit_code == 143, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "I/O error" not in result.output and "cut short" not in result.output
