"""Open intervals ("since 1999", "after March 2024") end at the publication date, unless the
document was published before they start: then the end stays open, never before the start."""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.dates import Anchor, find_dates

D = date


def day(d: date) -> Anchor:
    return Anchor(d, d, "day")


@pytest.mark.parametrize("text, surface, published, first, last", [
    # published before the start: the end stays open
    ("Sales grew since 1999.", "since 1999", D(1998, 1, 1), D(1999, 1, 1), None),
    ("Prices rose since the 2000s.", "since the 2000s", D(1998, 1, 1), D(2000, 1, 1), None),
    ("Up since March 1999.", "since March 1999", D(1999, 1, 1), D(1999, 3, 1), None),
    ("Up after March 1999.", "after March 1999", D(1999, 3, 15), D(1999, 4, 1), None),
    ("Exports grew after 1999.", "after 1999", D(1999, 6, 1), D(2000, 1, 1), None),
    # published on the start day: a one-day interval
    ("Sales grew since 1999.", "since 1999", D(1999, 1, 1), D(1999, 1, 1), D(1999, 1, 1)),
    # published later: closed at the publication date, as before
    ("Sales grew since 1999.", "since 1999", D(2005, 6, 1), D(1999, 1, 1), D(2005, 6, 1)),
    ("Prices rose since the 1990s.", "since the 1990s", D(1998, 1, 1), D(1990, 1, 1),
     D(1998, 1, 1)),
    ("Up since March 1999.", "since March 1999", D(2005, 6, 1), D(1999, 3, 1), D(2005, 6, 1)),
    ("Up after March 1999.", "after March 1999", D(2005, 6, 1), D(1999, 4, 1), D(2005, 6, 1)),
    # no publication date: open, as before
    ("Sales grew since 1999.", "since 1999", None, D(1999, 1, 1), None),
])
def test_open_end(text: str, surface: str, published: date | None, first: date,
                  last: date | None) -> None:
    found = {d.text: d for d in find_dates(text, anchor=day(published) if published else None)}
    expr = found[surface]
    assert (expr.first, expr.last, expr.open) == (first, last, "end")
    assert expr.last is None or expr.first is None or expr.first <= expr.last


def test_year_anchor_ends_at_its_last_day() -> None:
    # A year-only publication date is the whole year: "since 1999" in a 1999 document is
    # closed at 1999-12-31, never left inverted.
    (expr,) = find_dates("Sales grew since 1999.", anchor=Anchor(D(1999, 1, 1),
                                                                 D(1999, 12, 31), "year"))
    assert (expr.first, expr.last) == (D(1999, 1, 1), D(1999, 12, 31))
