"""Rewrites made for speed in the readers of numbers (round 55) find what the code they
replaced finds: each reference below is the pattern or the code as it was before."""

from __future__ import annotations

import pytest

from checker.extract import quantity_patterns as qp
from checker.extract.quantity_hits import Hit
from checker.extract.quantity_type import Quantity, quantity


def test_quantity_is_the_named_tuple() -> None:
    fields = ("5 km", 3, 7, "measure", 5000.0, 4950.0, None, "m", "road", True, "exact")
    built = quantity(*fields)
    assert type(built) is Quantity
    assert built == Quantity(*fields)
    assert built._asdict() == Quantity(*fields)._asdict()
    assert built._replace(noun=None) == Quantity(*fields)._replace(noun=None)


@pytest.mark.parametrize("text", ["about US$ 5.2 million in aid", "more than 40 km",
                                  "it rose 12,000-15,000 people", "exactly 7"])
def test_hit_reads_its_match(text: str) -> None:
    for m in qp.NUMBER_RE.finditer(text):
        hit = Hit(text, m)
        for name, value in m.groupdict().items():
            if name not in ("cur", "mod"):
                assert hit.group(name) == value
        assert hit.group("no such part") is None
        assert hit.end() == m.end()
        for name in ("num", "num2", "unit"):
            assert hit.end(name) == m.end(name)
