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
    """Give a frozen slotted dataclass a positional `__getstate__`/`__setstate__`. Slots
    named with a leading underscore are the object's own business (`normclaim`'s row not
    yet decoded): not sent, and None on the way back."""
    every: tuple[str, ...] = tuple(cls.__slots__)  # type: ignore[attr-defined]
    names = tuple(name for name in every if not name.startswith("_"))
    setters: tuple[Callable[[Any, Any], None], ...] = tuple(
        getattr(cls, name).__set__ for name in names)
    private = tuple(getattr(cls, name).__set__ for name in every if name.startswith("_"))

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for set_slot, value in zip(setters, state, strict=True):
            set_slot(self, value)
        for set_slot in private:
            set_slot(self, None)

    cls.__getstate__ = __getstate__  # type: ignore[method-assign]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


def slot_builder(cls: type[T], only: tuple[str, ...] = ()) -> Callable[..., T]:
    """A function making an instance of a frozen slotted dataclass from a value for each
    slot, in slot order, set through the slots' own descriptors: no `__init__` (which sets
    each field through `object.__setattr__`, about twice the cost) and no `__post_init__`,
    so the caller gives derived slots too. Generated, as dataclasses generate `__init__`:
    a loop over the setters would cost what it saves. `only`: these slots alone, in this
    order (the others left unset, for the caller to fill)."""
    names: tuple[str, ...] = only or tuple(cls.__slots__)  # type: ignore[attr-defined]
    params = ", ".join(f"v{i}" for i in range(len(names)))
    sets = "".join(f"    s{i}(made, v{i})\n" for i in range(len(names)))
    source = f"def build({params}):\n    made = new(cls)\n{sets}    return made\n"
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update((f"s{i}", getattr(cls, name).__set__) for i, name in enumerate(names))
    exec(source, scope)  # noqa: S102 - the source is made above from slot indices alone
    build: Callable[..., T] = scope["build"]
    build.__qualname__ = f"slot_builder.<{cls.__name__}>"
    return build
