"""Interrupted runs leave every file old or new, never partial.

A real `claimcheck extract` / `claimcheck check` subprocess works on a corpus whose claim
files and reports already exist (from an older version of the documents); it is killed with
SIGTERM or SIGKILL at several moments: part-way, late, and just after its first write. Then
every claim file and report must be byte-identical either to its old content or to what an
uninterrupted run writes. SIGTERM unwinds (the CLI raises SystemExit(143)), so no temporary
file may remain; SIGKILL cannot be caught, so the only files it may leave are atomic_write's
documented hidden temporaries `.<name>.<random>.tmp` beside their target, which no loader
reads (documents and claim/rule files are matched by suffix, dot-files are skipped).
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO

COPIES = 1  # the five seeds: long enough to interrupt, short enough for the suite
TEMP_RE = re.compile(r"^\.(?P<target>.+)\.[A-Za-z0-9_]+\.tmp$")  # tempfile.mkstemp names
EXTRACT = ["extract", "seeds", "--out", "claims"]
CHECK = ["check", "--no-cache", "--fail-on", "never", "--format", "json,md,html,sarif"]


def _corpus(root: Path, version: int) -> None:
    """The seed documents, COPIES times; `version` changes every copy's last sentence."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for copy in range(COPIES):
        for doc in sorted((REPO / "seeds").glob("*.txt")):
            stem = f"{doc.stem}_{copy}"
            text = doc.read_text(encoding="utf-8")
            text += f"\nIn update {version}, China launched {version + copy + 3} satellites.\n"
            (seeds / f"{stem}.txt").write_text(text, encoding="utf-8")
            shutil.copy(doc.with_name(f"{doc.stem}.meta.yaml"), seeds / f"{stem}.meta.yaml")
    if not (root / "rules").exists():
        shutil.copytree(REPO / "rules", root / "rules")


def _run(root: Path, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=root,
                          capture_output=True, timeout=600, check=False)


def _snapshot(root: Path, dirs: tuple[str, ...]) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for d in dirs if (root / d).exists() for p in sorted((root / d).rglob("*"))
            if p.is_file() and not TEMP_RE.match(p.name)}


def _build(root: Path, command: list[str]) -> tuple[dict[str, bytes], dict[str, bytes], float]:
    """Old files (from version 1 of the documents) and new ones (a full run on version 2)."""
    _corpus(root, 1)
    assert _run(root, EXTRACT).returncode == 0
    if command[0] == "check":
        assert _run(root, CHECK).returncode == 0
    # Every other document loses its claim file: extract must create it, check extracts it
    # on the fly; the others have claim files of the old version (merged, or stale).
    for path in sorted((root / "claims").glob("*.yaml"))[1::2]:
        path.unlink()
    dirs = ("claims", "reports")
    old = _snapshot(root, dirs)
    reference = root.parent / "reference"
    shutil.copytree(root, reference)
    _corpus(reference, 2)
    started = time.monotonic()
    assert _run(reference, command).returncode == 0
    took = time.monotonic() - started
    new = _snapshot(reference, dirs)
    shutil.rmtree(reference)
    _corpus(root, 2)
    return old, new, took


def _wait_for_first_write(root: Path, old: dict[str, bytes], proc: subprocess.Popen[bytes],
                          dirs: tuple[str, ...]) -> None:
    while proc.poll() is None:
        now = _snapshot(root, dirs)
        if any(old.get(k) != v for k, v in now.items()):
            return
        time.sleep(0.005)


Moment = Callable[[Path, dict[str, bytes], "subprocess.Popen[bytes]", float], None]


def _after(fraction: float) -> Moment:
    def wait(root: Path, old: dict[str, bytes], proc: subprocess.Popen[bytes],
             took: float) -> None:
        time.sleep(took * fraction)
    return wait


def _first_write(root: Path, old: dict[str, bytes], proc: subprocess.Popen[bytes],
                 took: float) -> None:
    _wait_for_first_write(root, old, proc, ("claims", "reports"))


MOMENTS: dict[str, Moment] = {"middle": _after(0.5), "late": _after(0.9),
                              "first-write": _first_write}


@pytest.mark.parametrize("command", [EXTRACT, CHECK], ids=["extract", "check"])
def test_interrupted_runs_leave_old_or_new_files(tmp_path: Path, command: list[str]) -> None:
    template = tmp_path / "template" / "work"
    old, new, took = _build(template, command)
    assert old != new  # the run changes files, so an interruption could tear them
    for number, ((moment, wait), sig) in enumerate(
            (m, s) for m in MOMENTS.items() for s in (signal.SIGTERM, signal.SIGKILL)):
        root = tmp_path / f"run{number}" / "work"
        shutil.copytree(template, root)
        proc = subprocess.Popen([sys.executable, "-m", "checker", *command], cwd=root,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait(root, old, proc, took)
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=600)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        where = f"{' '.join(command)} {sig.name} {moment}"
        assert b"Traceback" not in err, f"{where}: {err.decode(errors='replace')}"
        if sig == signal.SIGTERM:
            # -15: the signal came while Python was still importing, before the CLI set its
            # handler; nothing can have been written by then (the files are checked below).
            assert proc.returncode in (0, 143, -signal.SIGTERM), f"{where}: {proc.returncode}"
        _assert_old_or_new(root, old, new, where, allow_temp=sig == signal.SIGKILL)
        shutil.rmtree(root.parent)


def _assert_old_or_new(root: Path, old: dict[str, bytes], new: dict[str, bytes], where: str,
                       allow_temp: bool) -> None:
    now = _snapshot(root, ("claims", "reports"))
    for name, content in now.items():
        assert content in (old.get(name), new.get(name)), f"{where}: {name} is partial"
    for name in old:
        assert name in now, f"{where}: {name} was deleted"
    leftovers = [p for d in ("claims", "reports", "seeds") if (root / d).exists()
                 for p in (root / d).iterdir() if p.name.endswith(".tmp")]
    for path in leftovers:
        m = TEMP_RE.match(path.name)
        assert allow_temp and m, f"{where}: leftover {path.relative_to(root)}"
        assert (path.parent / m.group("target")).relative_to(root).as_posix() in new, \
            f"{where}: temporary file {path.name} for a file the run does not write"
