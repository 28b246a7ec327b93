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
    # The exit was raised: a later section exits too, until the signal is forgotten (the
    # command's handlers taken off); then the pending signal is seen consumed.
    with pytest.raises(SystemExit), interrupt.critical():
        done.append("later")
    assert done == ["inner", "outer"]
    interrupt.clear()
    with interrupt.critical():
        pass


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


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the point
def test_a_signal_whose_exit_python_ignored_stops_the_next_write(tmp_path: Path) -> None:
    """SIGTERM landing in a weakref callback (as the import system's) raises an exit that
    Python prints and ignores: the run goes on, but writes nothing more and exits 143."""
    import weakref

    from checker import cli

    class Held:
        pass

    held = Held()
    ref = weakref.ref(held, lambda _: interrupt.terminate(signal.SIGTERM, None))
    del held  # the callback's SystemExit is printed ("Exception ignored") and dropped
    assert ref() is None and interrupt.raised() == signal.SIGTERM
    with pytest.raises(SystemExit) as info:
        atomic_write(tmp_path / "report.json", "{}")
    assert info.value.code == 143 and list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as info:
        cli.finish(1)  # findings found, but the run was told to stop
    assert info.value.code == 143
    interrupt.clear()
    atomic_write(tmp_path / "report.json", "{}")
    assert (tmp_path / "report.json").read_text("utf-8") == "{}"

