"""normalize.month_of_year: the month of an unresolved month-only date, nothing else."""

from __future__ import annotations

import pytest

from checker.normalize import month_of_year


@pytest.mark.parametrize(("text", "granularity", "expected"), [
    ("in May", "month", 5), ("May", "month", 5), ("in Sept.", "month", 9),
    ("early December", "month", 12), ("since March", "month", None),
    ("May 2024", "month", None), ("in May", "year", None), ("in may", "month", None),
    ("in the spring", "month", None), ("last month", "month", None),
])
def test_month_of_year(text: str, granularity: str, expected: int | None) -> None:
    found = month_of_year(text, granularity)
    assert (found[0] if found else None) == expected
