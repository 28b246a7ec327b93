"""Named tuples built by tuple.__new__ (speed round 54): the same tuples as their classes'
own constructors build, whose __new__ is interpreted Python even in a compiled module."""

from __future__ import annotations

import inspect
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from checker.extract.attribution import Attrib, _attrib
from checker.extract.date_types import DateExpr, date_expr

_DAYS = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_SHIFTS = st.none() | st.tuples(st.integers(-100, 100), st.sampled_from(["years", "days"]))


def test_date_expr_has_the_fields_and_defaults_of_date_expr_tuples() -> None:
    params = inspect.signature(date_expr).parameters
    assert list(params) == list(DateExpr._fields)
    defaults = {name: p.default for name, p in params.items()
                if p.default is not inspect.Parameter.empty}
    assert defaults == DateExpr._field_defaults


@given(st.text(max_size=8), st.integers(0, 10**6), st.integers(0, 10**6), _DAYS, _DAYS,
       st.sampled_from(["day", "month", "quarter", "year"]), st.booleans(), st.booleans(),
       st.none() | st.sampled_from(["start", "end"]), _SHIFTS)
def test_date_expr_is_the_named_tuple(text: str, start: int, end: int, first: date | None,
                                      last: date | None, grain: str, relative: bool,
                                      resolved: bool, open_: str | None,
                                      shift: tuple[int, str] | None) -> None:
    built = date_expr(text, start, end, first, last, grain, relative, resolved, open_, shift)
    assert type(built) is DateExpr
    assert built == DateExpr(text, start, end, first, last, grain, relative, resolved, open_,
                             shift)
    assert built.granularity == grain and built.shift == shift
    assert built._replace(start=start + 1).start == start + 1


def test_date_expr_defaults() -> None:
    assert date_expr("May", 3, 6, None, None, "month") \
        == DateExpr("May", 3, 6, None, None, "month")
    assert repr(date_expr("May", 3, 6, None, None, "month")).startswith("DateExpr(text='May'")


@given(st.text(max_size=12), st.text(max_size=8), st.integers(0, 10**6),
       st.integers(0, 10**6))
def test_attrib_is_the_named_tuple(text: str, source: str, start: int, end: int) -> None:
    built = _attrib(text, source, start, end)
    assert type(built) is Attrib
    assert built == Attrib(text, source, start, end)
    assert (built.text, built.source, built.start, built.end) == (text, source, start, end)
