"""Named tuples built by tuple.__new__ (speed round 54): the same tuples as their classes'
own constructors build, whose __new__ is interpreted Python even in a compiled module."""

from __future__ import annotations

import inspect
from datetime import date

import pytest
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


def test_days_in_month_every_month_of_a_thousand_years() -> None:
    import calendar

    from checker.extract.date_types import days_in_month

    for year in [*range(1500, 2501), 0, -400, -100, 9999]:
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year,
                                                                                     month)


@given(st.integers(-10**6, 10**6), st.integers(-2, 14))
def test_days_in_month_is_calendars(year: int, month: int) -> None:
    import calendar

    from checker.extract.date_types import days_in_month

    try:
        expected: int | None = calendar.monthrange(year, month)[1]
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(ValueError, match="bad month number"):
            days_in_month(year, month)
    else:
        assert days_in_month(year, month) == expected
