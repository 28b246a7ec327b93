"""Our own exit, ignored by Python inside a weakref callback, is not printed as a traceback;
any other unraisable exception still is."""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

from checker import interrupt


def _args(exc: BaseException) -> Any:
    return SimpleNamespace(exc_type=type(exc), exc_value=exc, exc_traceback=None,
                           err_msg=None, object=None)


def test_our_ignored_exit_is_not_printed() -> None:
    seen: list[Any] = []
    hook = interrupt.quiet_exits(seen.append)
    interrupt._RAISED.append(2)
    try:
        hook(_args(SystemExit(130)))
        hook(_args(SystemExit(1)))
        hook(_args(ValueError("x")))
    finally:
        interrupt.clear()
    assert [type(a.exc_value).__name__ for a in seen] == ["SystemExit", "ValueError"]
    assert seen[0].exc_value.code == 1


def test_without_a_signal_everything_is_printed() -> None:
    seen: list[Any] = []
    interrupt.quiet_exits(seen.append)(_args(SystemExit(130)))
    assert len(seen) == 1
    assert sys.unraisablehook is not None
