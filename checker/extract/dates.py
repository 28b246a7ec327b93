"""Dates and periods as intervals of days, relative ones resolved against the publication date.

Relative dates ("last year", "in January") are resolved only against the document's own
published date; without one they are kept, marked unresolved. Today's date is never used.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from checker.textutil import fold

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "one": 1, "several": None,
                "few": None, "a few": None}

_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
        r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|2100)"
_REL = r"(?P<rel>last|this|next|previous|the previous|the following)\s+year"
_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\s+{_YEAR}\b", re.I)),
    ("month_range", re.compile(rf"\b{_MON}\s+(?:to|-|through|until)\s+(?P<mon2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:\s+{_YEAR})?", re.I)),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("m_rel", re.compile(rf"\b{_MON}\s+{_REL}\b", re.I)),
    ("md", re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})(?![.,]\d)", re.I)),
    ("q_year", re.compile(rf"\b(?:the\s+)?{_Q}\s+(?:of\s+)?(?:{_YEAR}|{_REL})\b", re.I)),
    ("qy", re.compile(rf"\bQ(?P<qn>[1-4])\s+{_YEAR}\b")),
    ("q", re.compile(rf"\b(?:the\s+)?{_Q}\b", re.I)),
    ("fiscal", re.compile(r"\b(?:FY\s?)?(?P<y1>(?:19|20)\d\d)\s?[-/]\s?(?P<y2>\d\d)\b(?![-\d])")),
    ("between", re.compile(r"\b(?:between|from)\s+(?P<y1>1[89]\d\d|20\d\d)\s+(?:and|to|until|-)\s+(?P<y2>1[89]\d\d|20\d\d)\b", re.I)),
    ("year_range", re.compile(r"\b(?P<y1>1[89]\d\d|20\d\d)\s?-\s?(?P<y2>1[89]\d\d|20\d\d)\b")),
    ("decade", re.compile(r"\b(?P<since>since\s+)?(?:the\s+)?(?P<dec>1[89]\d0|20\d0)s\b", re.I)),
    ("prev_period", re.compile(r"\b(?:the\s+)?previous\s+(?P<n>\w+)-year\s+period\s+to\s+(?P<year>1[89]\d\d|20\d\d)\b", re.I)),
    ("past_n", re.compile(r"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last|previous)\s+(?P<n>\w+)\s+(?P<unit>years|months|decades)\b", re.I)),
    ("past_decade", re.compile(r"\b(?:the\s+)?(?:past|last)\s+decade\b", re.I)),
    ("since", re.compile(rf"\b(?P<kw>since|until|by|before|after)\s+(?:the\s+)?{_YEAR}\b", re.I)),
    ("month_rel", re.compile(rf"\b(?:in|last|this|next|since|by|early|late|mid)(?:\s+|-){_MON}(?![\w])", re.I)),
    ("rel_year", re.compile(rf"\b{_REL}\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<which>last|this|next)\s+(?P<unit>month|week)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\w+)\s+(?P<unit>years|months|weeks|days)\s+ago\b", re.I)),
    ("later", re.compile(r"\b(?:(?P<n>\w+)\s+)?(?P<unit>years?|months?|weeks?|days?)\s+(?P<dir>later|earlier|before|after)\b", re.I)),
    ("day_rel", re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|next\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("year", re.compile(rf"\b{_YEAR}\b(?![-\u2013.,]?\d)(?!\s*(?:%|per\s?cent|million|billion|bn|m\b))")),
]


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression and its interval (None when unresolved)."""

    text: str
    start: int
    end: int
    first: date | None
    last: date | None
    granularity: str
    relative: bool = False
    resolved: bool = True
    open: str | None = None


@dataclass(frozen=True)
class Anchor:
    """The publication date as an interval (a year-only date is a whole year)."""

    first: date
    last: date
    granularity: str  # year | month | day

    @property
    def year(self) -> int:
        return self.first.year


def _month_days(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year_days(y1: int, y2: int | None = None) -> tuple[date, date]:
    return date(y1, 1, 1), date(y2 if y2 is not None else y1, 12, 31)


def _month(name: str) -> int:
    if not name[:1].isupper():
        raise KeyError(name)  # "this may be", "to march": not months
    return MONTHS[name.lower().rstrip(".")]


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def find_dates(
    text: str, start: int = 0, end: int | None = None,
    anchor: Anchor | None = None, future: bool = False,
) -> list[DateExpr]:
    """All date expressions in text[start:end], longest and earliest first, no overlaps."""
    stop = len(text) if end is None else end
    folded = fold(text)
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in PATTERNS:
        for m in pattern.finditer(folded, start, stop):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            expr = _build(name, m, anchor, future, text[s:e])
            if expr is not None:
                found.append(expr)
                taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


def _unresolved(m: re.Match[str], raw: str, granularity: str) -> DateExpr:
    return DateExpr(raw, m.start(), m.end(), None, None, granularity, True, False)


def _build(  # noqa: C901 - one branch per pattern keeps each rule visible
    name: str, m: re.Match[str], anchor: Anchor | None, future: bool, raw: str
) -> DateExpr | None:
    s, e = m.start(), m.end()
    g = m.groupdict()
    try:
        if name == "iso":
            d = date(int(g["y"]), int(g["m"]), int(g["d"]))
            return DateExpr(raw, s, e, d, d, "day")
        if name in ("mdy", "dmy"):
            d = date(int(g["year"]), _month(g["mon"]), int(g["day"]))
            return DateExpr(raw, s, e, d, d, "day")
        if name == "my":
            a, b = _month_days(int(g["year"]), _month(g["mon"]))
            return DateExpr(raw, s, e, a, b, "month")
        if name == "month_range":
            m1, m2 = _month(g["mon"]), _month(g["mon2"])
            year = int(g["year"]) if g.get("year") else (anchor.year if anchor else None)
            if year is None:
                return _unresolved(m, raw, "period")
            return DateExpr(raw, s, e, _month_days(year, m1)[0], _month_days(year, m2)[1],
                            "period", relative=not g.get("year"))
        if name == "m_rel":
            if anchor is None:
                return _unresolved(m, raw, "month")
            year = anchor.year + _rel_offset(g["rel"])
            a, b = _month_days(year, _month(g["mon"]))
            return DateExpr(raw, s, e, a, b, "month", relative=True)
        if name == "md":
            month, day = _month(g["mon"]), int(g["day"])
            if anchor is None:
                return _unresolved(m, raw, "day")
            year = _year_for_month(anchor, month, future)
            d = date(year, month, day)
            return DateExpr(raw, s, e, d, d, "day", relative=True)
        if name == "q_year":
            q = ORDINALS[g["q"].lower()]
            if g.get("year"):
                year = int(g["year"])
            elif anchor is None:
                return _unresolved(m, raw, "quarter")
            else:
                year = anchor.year + _rel_offset(g["rel"])
            return _quarter(raw, s, e, year, q, relative=not g.get("year"))
        if name == "qy":
            return _quarter(raw, s, e, int(g["year"]), int(g["qn"]), relative=False)
        if name == "q":
            if anchor is None:
                return _unresolved(m, raw, "quarter")
            return _quarter(raw, s, e, anchor.year, ORDINALS[g["q"].lower()], relative=True)
        if name == "fiscal":
            y1 = int(g["y1"])
            y2 = y1 // 100 * 100 + int(g["y2"])
            if y2 != y1 + 1:
                return None
            a, b = _year_days(y1, y2)
            return DateExpr(raw, s, e, a, b, "fiscal-year")
        if name in ("between", "year_range"):
            y1, y2 = int(g["y1"]), int(g["y2"])
            if y2 < y1:
                return None
            a, b = _year_days(y1, y2)
            return DateExpr(raw, s, e, a, b, "period")
        if name == "decade":
            y = int(g["dec"])
            a, b = _year_days(y, y + 9)
            if g.get("since"):
                return DateExpr(raw, s, e, a, anchor.last if anchor else None, "decade",
                                open="end")
            return DateExpr(raw, s, e, a, b, "decade")
        if name == "prev_period":
            n = _count(g["n"])
            if n is None:
                return None
            y = int(g["year"])
            a, b = _year_days(y - n + 1, y)
            return DateExpr(raw, s, e, a, b, "period")
        if name in ("past_n", "past_decade"):
            n = 10 if name == "past_decade" else _count(g["n"])
            unit = "years" if name == "past_decade" else g["unit"].lower()
            if n is None:
                return None
            if anchor is None:
                return _unresolved(m, raw, "period")
            years = n * 10 if unit == "decades" else n if unit == "years" else max(1, n // 12)
            return DateExpr(raw, s, e, date(anchor.year - years, 1, 1), anchor.last, "period",
                            relative=True)
        if name == "since":
            y = int(g["year"])
            kw = g["kw"].lower()
            if kw in ("since", "after"):
                first = date(y + 1, 1, 1) if kw == "after" else date(y, 1, 1)
                return DateExpr(raw, s, e, first, anchor.last if anchor else None, "year",
                                open="end")
            last = date(y - 1, 12, 31) if kw == "before" else date(y, 12, 31)
            return DateExpr(raw, s, e, None, last, "year", open="start")
        if name == "month_rel":
            month = _month(g["mon"])
            if anchor is None:
                return _unresolved(m, raw, "month")
            lead = raw.lower().split()[0].rstrip("-")
            if lead == "last":
                year = anchor.year - 1 if month >= _anchor_month(anchor) else anchor.year
            elif lead == "next":
                year = anchor.year + 1 if month <= _anchor_month(anchor) else anchor.year
            else:
                year = _year_for_month(anchor, month, future)
            a, b = _month_days(year, month)
            return DateExpr(raw, s, e, a, b, "month", relative=True)
        if name == "rel_year":
            if anchor is None:
                return _unresolved(m, raw, "year")
            a, b = _year_days(anchor.year + _rel_offset(g["rel"]))
            return DateExpr(raw, s, e, a, b, "year", relative=True)
        if name == "rel_unit":
            return _rel_unit(m, raw, anchor, g["which"].lower(), g["unit"].lower())
        if name == "ago":
            n = _count(g["n"])
            if n is None or anchor is None:
                return _unresolved(m, raw, "year")
            if g["unit"].lower() == "years":
                a, b = _year_days(anchor.year - n)
                return DateExpr(raw, s, e, a, b, "year", relative=True)
            return _unresolved(m, raw, "period")
        if name == "later":
            # "weeks later", "a day earlier": relative to another event, not to publication.
            return _unresolved(m, raw, "period")
        if name == "day_rel":
            if anchor is None or anchor.granularity != "day":
                return _unresolved(m, raw, "day")
            shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
            d = anchor.first + timedelta(days=shift)
            return DateExpr(raw, s, e, d, d, "day", relative=True)
        if name == "weekday":
            if anchor is None or anchor.granularity != "day":
                return _unresolved(m, raw, "day")
            target = WEEKDAYS[g["wd"].lower()]
            delta = (anchor.first.weekday() - target) % 7
            d = anchor.first + timedelta(days=(7 - delta) % 7) if future else \
                anchor.first - timedelta(days=delta)
            return DateExpr(raw, s, e, d, d, "day", relative=True)
        if name == "year":
            y = int(g["year"])
            a, b = _year_days(y)
            return DateExpr(raw, s, e, a, b, "year")
    except (ValueError, KeyError):
        return None  # "February 30", an unknown month word
    return None


def _rel_offset(word: str | None) -> int:
    w = (word or "this").lower()
    return -1 if "last" in w or "previous" in w else 1 if ("next" in w or "following" in w) else 0


def _anchor_month(anchor: Anchor) -> int:
    return anchor.first.month if anchor.granularity != "year" else 12


def _year_for_month(anchor: Anchor, month: int, future: bool) -> int:
    """The year of "in January": the latest one not after publication (next one if future)."""
    ref = _anchor_month(anchor)
    if future:
        return anchor.year if month >= (anchor.first.month if anchor.granularity != "year"
                                         else 1) else anchor.year + 1
    return anchor.year if month <= ref else anchor.year - 1


def _quarter(raw: str, s: int, e: int, year: int, q: int, relative: bool) -> DateExpr:
    first = date(year, 3 * q - 2, 1)
    last = _month_days(year, 3 * q)[1]
    return DateExpr(raw, s, e, first, last, "quarter", relative=relative)


def _rel_unit(m: re.Match[str], raw: str, anchor: Anchor | None, which: str,
              unit: str) -> DateExpr:
    shift = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "month":
        if anchor is None or anchor.granularity == "year":
            return _unresolved(m, raw, "month")
        month_index = anchor.year * 12 + anchor.first.month - 1 + shift
        a, b = _month_days(month_index // 12, month_index % 12 + 1)
        return DateExpr(raw, m.start(), m.end(), a, b, "month", relative=True)
    if anchor is None or anchor.granularity != "day":
        return _unresolved(m, raw, "week")
    monday = anchor.first - timedelta(days=anchor.first.weekday()) + timedelta(weeks=shift)
    return DateExpr(raw, m.start(), m.end(), monday, monday + timedelta(days=6), "week",
                    relative=True)
