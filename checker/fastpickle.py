"""Pickling by position for frozen, slotted dataclasses.

`--jobs` sends normalised claims back from worker processes: 200,000 of them, each with
mentions, quantities and dates. The `__setstate__` that dataclasses generate for frozen
slotted classes looks the fields up again for every object; state as a tuple, restored
through the slots' own descriptors, unpickles in half the time. Same objects either way
(tests/test_fastpickle.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def by_position(cls: type[T]) -> type[T]:
    """Give a frozen slotted dataclass a positional `__getstate__`/`__setstate__`."""
    names: tuple[str, ...] = tuple(cls.__slots__)  # type: ignore[attr-defined]
    setters: tuple[Callable[[Any, Any], None], ...] = tuple(
        getattr(cls, name).__set__ for name in names)

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for set_slot, value in zip(setters, state, strict=True):
            set_slot(self, value)

    cls.__getstate__ = __getstate__  # type: ignore[method-assign]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls
