"""A --jobs run whose worker is killed (the OOM killer's SIGKILL) exits 3, whatever stage it
was in, and one sent SIGTERM exits 143; neither hangs or leaves a process behind.

`tests.robustness.killer` runs the real CLI with the chosen stage's per-item function
wrapped, so the signal comes while that stage's workers are at work: no timing guesses.
The waits are generous bounds, never durations asserted (a hang was the bug: a killed
extraction worker left its sibling writing a result nobody read, the run stuck for ever).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

KILLER = Path(__file__).with_name("killer.py")
COPIES = 40  # 200 documents: the side process's own pools spread from 200 (MIN_TO_SPREAD)
BOUND = 60.0  # seconds a run may take before it counts as hung
MESSAGE = b"a --jobs worker process ended abruptly"
CASES = [*((stage, "kill") for stage in ("extract", "normalise", "candidates", "verdicts",
                                           "side", "side-worker")),
         *((stage, "term") for stage in ("extract", "verdicts", "side"))]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, COPIES times (each copy's last sentence its own), no claim files or rules."""
    root = tmp_path_factory.mktemp("killed") / "work"
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for copy in range(COPIES):
        for doc in sorted((REPO / "seeds").glob("*.txt")):
            text = doc.read_text(encoding="utf-8")
            text += f"\nIn {copy}, China launched {copy + 3} satellites.\n"
            stem = f"{doc.stem}_{copy}"
            (seeds / f"{stem}.txt").write_text(text, encoding="utf-8")
            shutil.copy(doc.with_name(f"{doc.stem}.meta.yaml"), seeds / f"{stem}.meta.yaml")
    (root / "rules").mkdir()
    (root / "claims").mkdir()
    return root


def _group(pgid: int) -> list[int]:
    """Processes still in process group `pgid` (zombies included: they are not reaped)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == pgid:
            found.append(int(stat.parent.name))
    return found


def _stacks(proc: subprocess.Popen[bytes]) -> str:
    """The hung run's thread stacks (the killer prints them on SIGUSR1), then it is ended."""
    os.kill(proc.pid, signal.SIGUSR1)
    time.sleep(2)
    os.killpg(proc.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=BOUND)
    return err.decode(errors="replace")[-6000:]


def _left_behind(pgid: int) -> list[int]:
    """The run's processes still there after a bounded wait (a dying one needs a moment)."""
    deadline = time.monotonic() + BOUND
    while (left := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _killed_run(root: Path, stage: str, action: str, marker: Path,
                args: list[str]) -> tuple[int, bytes, list[int]]:
    """The CLI run by the killer: its exit code, standard error and the processes of its
    own left behind (it fails the test if the run hangs)."""
    # A session of its own: every process of the run is in its group, found and cleaned up.
    proc = subprocess.Popen([sys.executable, str(KILLER), stage, action, str(marker), *args],
                            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        try:
            _, err = proc.communicate(timeout=BOUND)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{stage} {action}: the run hung; its threads:\n{_stacks(proc)}")
        left = _left_behind(proc.pid)
    finally:
        if _group(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.kill()
        proc.wait()
    return proc.returncode, err, left


def _assert_ended_as_killed(where: str, action: str, code: int, err: bytes,
                            left: list[int]) -> None:
    """Nothing left running, no traceback; exit 3 with the message when killed, 143 when
    the run was sent SIGTERM."""
    assert left == [], f"{where}: processes left behind: {left}"
    assert b"Traceback" not in err, where
    if action == "kill":
        assert code == 3, where
        assert MESSAGE in err, where
    else:
        assert code == 143, where


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; forks workers")
@pytest.mark.parametrize(("stage", "action"), CASES, ids=[f"{s}-{a}" for s, a in CASES])
def test_killed_worker_ends_the_run(tmp_path: Path, template: Path, stage: str,
                                    action: str) -> None:
    root = tmp_path / "work"
    shutil.copytree(template, root)
    marker = tmp_path / "acted"
    code, err, left = _killed_run(root, stage, action, marker, [
        "check", "--no-cache", "--jobs", "3", "--format", "json", "--fail-on", "never"])
    where = f"{stage} {action}: {err.decode(errors='replace')}"
    assert marker.exists(), f"{where}: the stage ran no worker"
    _assert_ended_as_killed(where, action, code, err, left)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; forks workers")
@pytest.mark.parametrize("action", ["kill", "term"])
def test_killed_comparison_of_a_rerun_ends_the_run(tmp_path: Path, template: Path,
                                                   action: str) -> None:
    """A re-run with a verdict store compares in a process of its own (`checker.checking`):
    killed, or the run sent SIGTERM meanwhile, the run ends as a killed worker's does."""
    root = tmp_path / "work"
    shutil.copytree(template, root)
    args = ["check", "--jobs", "2", "--format", "json", "--fail-on", "never"]
    first = subprocess.run([sys.executable, "-m", "checker", *args], cwd=root,
                           capture_output=True, timeout=BOUND * 2, check=False)
    assert first.returncode == 0, first.stderr
    doc = sorted((root / "seeds").glob("*.txt"))[0]
    doc.write_text(doc.read_text("utf-8") + "Norvex Dynamics employs 9,900 people.\n", "utf-8")
    marker = tmp_path / "acted"
    code, err, left = _killed_run(root, "comparison", action, marker, args)
    where = f"comparison {action}: {err.decode(errors='replace')}"
    assert marker.exists(), f"{where}: the re-run compared in no process of its own"
    _assert_ended_as_killed(where, action, code, err, left)
