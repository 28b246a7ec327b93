"""checker.interrupt: signals wait for a critical section, then exit with 128 + signal."""

from __future__ import annotations

import signal
import tempfile
import threading
from pathlib import Path

import pytest

from checker import interrupt
from checker.atomic import atomic_write


def test_terminate_outside_a_critical_section_exits_at_once() -> None:
    with pytest.raises(SystemExit) as info:
        interrupt.terminate(signal.SIGTERM, None)
    assert info.value.code == 143


def test_terminate_inside_a_critical_section_waits_for_its_end() -> None:
    done = []
    with pytest.raises(SystemExit) as info, interrupt.critical():
        with interrupt.critical():
            interrupt.terminate(signal.SIGINT, None)
            done.append("inner")
        done.append("outer")  # nested: the exit waits for the outermost section
    assert info.value.code == 130
    assert done == ["inner", "outer"]
    with interrupt.critical():
        pass  # the pending signal was consumed: a later section ends normally


def test_terminate_in_another_thread_is_not_deferred() -> None:
    codes: list[object] = []

    def worker() -> None:
        try:
            interrupt.terminate(signal.SIGTERM, None)
        except SystemExit as exc:
            codes.append(exc.code)

    with interrupt.critical():
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    assert codes == [143]


def test_a_signal_right_after_the_temporary_file_is_created_leaves_no_trace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The race behind a red CI run: SIGTERM landed after mkstemp returned but before the
    # block that removes the temporary file on the way out.
    real = tempfile.mkstemp

    def mkstemp_then_signal(*args: object, **kwargs: object) -> tuple[int, str]:
        made = real(*args, **kwargs)  # type: ignore[call-overload]
        interrupt.terminate(signal.SIGTERM, None)
        return made  # type: ignore[no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_signal)
    target = tmp_path / "report.md"
    target.write_text("old\n")
    with pytest.raises(SystemExit) as info:
        atomic_write(target, "new\n")
    assert info.value.code == 143
    assert target.read_text() == "new\n"  # the write finished, then the run stopped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
