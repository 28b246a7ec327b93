"""The Quantity record: what every reader of a figure builds (find_quantities and the readers
it calls, in quantities.py, quantity_digits.py, quantity_ranges.py and quantity_spelled.py).
Kept apart so that each of them imports it without a cycle."""

from __future__ import annotations

from typing import NamedTuple

from checker.textutil import TUPLE_NEW


class Quantity(NamedTuple):
    """A parsed quantity (see QuantitySlot for the meaning of the fields).

    A named tuple, as Token is: a frozen dataclass of eleven fields costs 3x as much to
    build, and one is built for every figure read."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    noun: str | None
    approximate: bool
    bound: str


def quantity(text: str, start: int, end: int, kind: str, value: float | None,
             low: float | None, high: float | None, unit: str | None, noun: str | None,
             approximate: bool, bound: str) -> Quantity:
    """Quantity(...) with the same fields, built without its interpreted __new__ (~3,000
    instructions a record, one for every figure read)."""
    return TUPLE_NEW(Quantity, (text, start, end, kind, value, low, high, unit, noun,
                                approximate, bound))
