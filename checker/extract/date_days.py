"""Builders for days of one month written together: a range ("11-12 November", "3 to 5 June
2024") or a list ("11 and 12 November", "1 and 20 March", "November 3 and 4"), the split of a
list with gaps into its days, and two whole dates of one span ("from 28 March to 2 April")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from checker import rx
from checker.extract.date_types import (
    Anchor,
    DateExpr,
    expr,
    month_number,
    rule,
    unresolved_at,
    year_for_month,
)

_DAY_RE: Final = rx.compile(r"(?<![\d,])\d{1,2}(?!\d)")
_SPAN_BEFORE_RE: Final = rx.compile(r"\b(?:between|from)\s+(?:the\s+)?\Z", re.IGNORECASE)
_RANGE_RE: Final = rx.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|to\b|through\b)\s*\d", re.IGNORECASE)


@rule("day_range")
@rule("md_range")
def _day_range(m: re.Match[str], raw: str, anchor: Anchor | None,
               future: bool) -> DateExpr | None:
    month, first, last = month_number(m["mon"]), int(m["day"]), int(m["day2"])
    if last <= first:
        return None  # "12 and 11 November" is no range
    if m["year"]:
        year = int(m["year"])
    elif anchor is None:
        date(2000, month, last)  # still reject "30-31 February"
        return unresolved_at(m, raw, "day")
    else:
        year = year_for_month(anchor, month, future)
    return expr(m, raw, date(year, month, first), date(year, month, last), "day",
                relative=not m["year"])


def listed_days(d: DateExpr, text: str) -> list[DateExpr]:
    """A range, or a list of consecutive days, as the one interval d; a list with gaps as
    its days: "struck on 1 and 20 March" is no strike on 18 March (a review: 1-20 March)."""
    if d.first is None or d.last is None or _RANGE_RE.search(d.text) \
            or _SPAN_BEFORE_RE.search(text, max(0, d.start - 10), d.start):
        return [d]  # "between 5 and 9 January" is the days between (a review)
    year = d.text[-4:] if d.text[-4:].isdigit() else ""
    spots = [(m.start(), m.end()) for m in _DAY_RE.finditer(d.text)
             if not (year and m.start() >= len(d.text) - 4)]
    days = [int(d.text[s:e]) for s, e in spots]
    if days != sorted(set(days)) or days[-1] - days[0] == len(days) - 1:
        return [d]  # consecutive ("11, 12 and 13 November"), or not a plain list
    month_first = not d.text[:1].isdigit()  # "November 3 and 20"
    out = []
    for i, ((s, e), day) in enumerate(zip(spots, days, strict=True)):
        if month_first and i == 0:
            s = 0  # "November 3"
        elif not month_first and i == len(days) - 1:
            e = len(d.text)  # "20 March 2025"
        one = d.first.replace(day=day)
        out.append(d._replace(text=text[d.start + s:d.start + e], start=d.start + s,
                              end=d.start + e, first=one, last=one))
    return out


# Two dates of one span: "from 3 April to 9 April", "between March 3 and April 9", "28
# March-2 April" (desk probe K: two days, so the week's 412 cases were dated 3 April).
_JOIN_RE: Final = rx.compile(r"\s*(?:-|\u2013|to|until|till|through|and)\s*", re.IGNORECASE)
_PLURAL_AFTER_RE: Final = rx.compile(r"\s+[a-z]+[^s\W]s\b")
# ... not a date moved to another: "postponed from 3 April to 9 April".
_MOVED_RE: Final = rx.compile(r"\b(?:moved|postponed|delayed|rescheduled|brought\s+forward|pushed"
                              r"\s+back|put\s+back|changed|shifted|switched|deferred|advanced|"
                              r"extended|called\s+off|cancell?ed|suspended)\b"
                              r"[^.;]{0,30}\Z", re.IGNORECASE)


def spans_joined(found: list[DateExpr], text: str, start: int) -> list[DateExpr]:
    """Dates of days read one after the other (`found`, in text order), with those of one
    span joined into its interval: a month at most is days, more a period."""
    out: list[DateExpr] = []
    for d in found:
        if out:
            d = _after_its_start(out[-1], d, text)
        joined = _joined(out[-1], d, text, start) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(d)
    return out


# The end of a window after its start, a time of day perhaps before each: "from 6pm Friday
# until 9am Saturday" (desk probe M: the Saturday before the Friday).
_UNTIL_RE: Final = rx.compile(r"\s*(?:-|\u2013|to|until|till|through)\s+(?:\d{1,2}(?:[.:]\d{2})?\s?"
                              r"(?:am|pm|a\.m\.|p\.m\.)\s+(?:on\s+)?)?", re.IGNORECASE)


def _after_its_start(a: DateExpr, b: DateExpr, text: str) -> DateExpr:
    """b, the end of a window of weekdays that starts at a, moved a week on when it was
    read before a ("from Friday until Saturday" ends the day after)."""
    if not (a.granularity == b.granularity == "day" and a.relative and b.relative
            and a.first and b.first and b.last and b.last < a.first
            and (a.first - b.first).days < 7 and _UNTIL_RE.fullmatch(text, a.end, b.start)):
        return b
    week = timedelta(days=7)
    return b._replace(first=b.first + week, last=b.last + week)


def _joined(a: DateExpr, b: DateExpr, text: str, start: int) -> DateExpr | None:
    """The interval of the days (or the months) a and b when they are one span, else None."""
    if not (a.granularity == b.granularity and a.granularity in ("day", "month") and a.first
            and a.last and b.first and b.last and a.last < b.first and a.open is None
            and b.open is None and a.shift is None and b.shift is None):
        return None
    gap = _JOIN_RE.fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    lead = _SPAN_BEFORE_RE.search(text, max(start, a.start - 10), a.start)
    if a.granularity == "month":
        # "between January 2012 and December 2023" (desk probe L: two months), "from
        # March 2020 to June 2021"; months listed ("in March 2020 and June 2021") stay two,
        # and so do months of two things ("between the January 2024 and December 2024
        # elections": a review)
        if lead is None or _MOVED_RE.search(text, max(start, a.start - 50), a.start) \
                or _PLURAL_AFTER_RE.match(text, b.end):
            return None
        return a._replace(text=text[a.start:b.end], end=b.end, last=b.last,
                          granularity="period", relative=a.relative or b.relative)
    if lead is None and gap.group().strip().lower() in ("and", "-", "\u2013"):
        # "on 3 April and 9 April": two days; "(12 October 1875 - 1 December 1947)": a
        # life, whose first day is a birth (test_verdict)
        return None
    if _MOVED_RE.search(text, max(start, a.start - 50), a.start):
        return None
    grain = "day" if (b.last - a.first).days <= 31 else "period"
    return a._replace(text=text[a.start:b.end], end=b.end, last=b.last, granularity=grain,
                      relative=a.relative or b.relative)
