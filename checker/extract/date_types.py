"""Date expressions as intervals of days, the publication-date anchor, calendar helpers and
the registry of builders (date_rules, date_relative) that turn pattern matches into intervals."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final, NamedTuple

from checker.extract.date_patterns import PHONE_RE, counted_year
from checker.textutil import TUPLE_NEW

MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
NUMBER_WORDS: Final[dict[str, int | None]] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "a": 1, "one": 1, "several": None, "few": None, "a few": None,
}


class DateExpr(NamedTuple):
    """A date expression and its interval (None when unresolved).

    A named tuple, as Token is: a frozen dataclass of ten fields costs 3x as much to
    build, and one is built (and often rebuilt) for every date read."""

    text: str
    start: int
    end: int
    first: date | None
    last: date | None
    granularity: str
    relative: bool = False
    resolved: bool = True
    open: str | None = None
    # A shift from another date of the sentence ("a year earlier": (-1, "years")), resolved
    # by `date_shift.anchor_shifts`; None for any other expression.
    shift: tuple[int, str] | None = None


def date_expr(text: str, start: int, end: int, first: date | None, last: date | None,
              granularity: str, relative: bool = False, resolved: bool = True,
              open: str | None = None, shift: tuple[int, str] | None = None) -> DateExpr:
    """DateExpr(...) with the same fields and defaults, built without its interpreted
    __new__ (the same named tuple)."""
    return TUPLE_NEW(DateExpr, (text, start, end, first, last, granularity, relative,
                                resolved, open, shift))


@dataclass(frozen=True)
class Anchor:
    """The publication date as an interval (a year-only date is a whole year)."""

    first: date
    last: date
    granularity: str  # year | month | day

    @property
    def year(self) -> int:
        """The publication year."""
        return self.first.year

    @property
    def month(self) -> int:
        """The publication month; December for a year-only date (the whole year is past)."""
        return self.first.month if self.granularity != "year" else 12


_MONTH_LENGTHS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1]: calendar's is interpreted Python (a weekday
    computed too), ~3,000 instructions a call where this is compiled."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_LENGTHS[month]


def month_days(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, days_in_month(year, month))


def year_days(y1: int, y2: int | None = None) -> tuple[date, date]:
    """1 January of y1 to 31 December of y2 (or of y1)."""
    return date(y1, 1, 1), date(y2 if y2 is not None else y1, 12, 31)


def month_number(name: str) -> int:
    """Month number of a capitalised month name; KeyError for anything else."""
    if not name[:1].isupper():
        raise KeyError(name)  # "this may be", "to march": not months
    return MONTHS[name.lower().rstrip(".")]


def count_word(word: str) -> int | None:
    """2 for "two" or "2"; None for vague counts ("several")."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def rel_offset(word: str | None) -> int:
    """-1 for last/previous, +1 for next/following, 0 for this."""
    w = (word or "this").lower()
    if "last" in w or "previous" in w:
        return -1
    return 1 if ("next" in w or "following" in w or "coming" in w) else 0


def year_for_month(anchor: Anchor, month: int, future: bool) -> int:
    """The year of "in January": the latest one begun by publication (the next if future)."""
    if future:
        start_month = anchor.first.month if anchor.granularity != "year" else 1
        return anchor.year if month >= start_month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def quarter_expr(raw: str, s: int, e: int, year: int, q: int, relative: bool) -> DateExpr:
    """The interval of quarter q of a year."""
    first = date(year, 3 * q - 2, 1)
    return date_expr(raw, s, e, first, month_days(year, 3 * q)[1], "quarter", relative=relative)


def unresolved(raw: str, s: int, e: int, granularity: str) -> DateExpr:
    """A relative expression kept as written: no anchor to resolve it against."""
    return date_expr(raw, s, e, None, None, granularity, True, False)


Builder = Callable[[re.Match[str], str, Anchor | None, bool], DateExpr | None]
BUILDERS: Final[dict[str, Builder]] = {}


def rule(name: str) -> Callable[[Builder], Builder]:
    """Register a builder for the pattern called name."""
    def register(fn: Builder) -> Builder:
        BUILDERS[name] = fn
        return fn
    return register


def build(name: str, m: re.Match[str], anchor: Anchor | None, future: bool,
          raw: str, folded: str) -> DateExpr | None:
    """The interval of one pattern match, or None when it is not a real date."""
    if name == "year" and (counted_year(folded, m.start(), m.end())
                           or PHONE_RE.match(folded, m.start()) is not None):
        return None  # "about 2000 troops", "call 1800 903 215"
    try:
        return BUILDERS[name](m, raw, anchor, future)
    except (ValueError, KeyError, OverflowError):
        # "February 30", "2025-02-30", an unknown month word; "tomorrow" in a page dated
        # 9999-12-31 (past the calendar's end)
        return None


def open_end(first: date, anchor: Anchor | None) -> date | None:
    """Where "since <first>" ends: the publication date, or open when there is none.

    A document published before the start ("since 1999" dated 1998) cannot close the interval
    there (it would end before it begins): the end stays open as without a date.
    """
    if anchor is None or anchor.last < first:
        return None
    return anchor.last


def expr(m: re.Match[str], raw: str, first: date | None, last: date | None, gran: str,
         relative: bool = False, open_: str | None = None) -> DateExpr:
    """A resolved expression over the span of m."""
    return date_expr(raw, m.start(), m.end(), first, last, gran, relative, True, open_)


def unresolved_at(m: re.Match[str], raw: str, gran: str) -> DateExpr:
    """An unresolved expression over the span of m."""
    return unresolved(raw, m.start(), m.end(), gran)
