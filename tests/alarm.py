"""A generous alarm for tests of bounded cost: nothing is timed, a runaway input fails."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

ALARM_SECONDS = 60


class Hung(Exception):
    """The alarm rang: the input made the code run away."""


@contextmanager
def alarm(seconds: int = ALARM_SECONDS) -> Iterator[None]:
    """Raise Hung in the block when it runs longer than seconds."""
    def ring(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
