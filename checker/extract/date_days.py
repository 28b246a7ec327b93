"""Builders for days of one month written together: a range ("11-12 November", "3 to 5 June
2024") or a list ("11 and 12 November", "1 and 20 March", "November 3 and 4"), and the
split of a list with gaps into its days."""

from __future__ import annotations

import re
from datetime import date

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

_DAY_RE = rx.compile(r"(?<![\d,])\d{1,2}(?!\d)")
_SPAN_BEFORE_RE = rx.compile(r"\b(?:between|from)\s+(?:the\s+)?\Z", re.IGNORECASE)
_RANGE_RE = rx.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|to\b|through\b)\s*\d", re.IGNORECASE)


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
