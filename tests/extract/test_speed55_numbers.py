"""Rewrites made for speed in the readers of numbers (round 55) find what the code they
replaced finds: each reference below is the pattern or the code as it was before."""

from __future__ import annotations

from checker.extract.quantity_type import Quantity, quantity


def test_quantity_is_the_named_tuple() -> None:
    fields = ("5 km", 3, 7, "measure", 5000.0, 4950.0, None, "m", "road", True, "exact")
    built = quantity(*fields)
    assert type(built) is Quantity
    assert built == Quantity(*fields)
    assert built._asdict() == Quantity(*fields)._asdict()
    assert built._replace(noun=None) == Quantity(*fields)._replace(noun=None)
