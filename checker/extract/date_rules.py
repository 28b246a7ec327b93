"""Builders for absolute dates and periods: "2024-03-03", "March 2024", "2012-13", "FY24",
"between 2020 and 2024", "the 1990s", "since 1999", "mid-2024", a bare year."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from checker import rx
from checker.extract.date_patterns import ORDINALS, PARTS
from checker.extract.date_types import (
    Anchor,
    DateExpr,
    count_word,
    date_expr,
    expr,
    month_days,
    month_number,
    open_end,
    rel_offset,
    rule,
    unresolved_at,
    year_days,
)
from checker.textutil import ignorecase_key


@rule("iso")
def _iso(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return expr(m, raw, d, d, "day")


@rule("mdy")
@rule("dmy")
def _full_day(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    d = date(int(m["year"]), month_number(m["mon"]), int(m["day"]))
    return expr(m, raw, d, d, "day")


@rule("half")
@rule("half_label")
def _half(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    g = m.groupdict()
    h = int(g["hn"]) if g.get("hn") else (1 if g["h"].lower() in ("first", "1st") else 2)
    return _months_of_year(m, raw, anchor, 6 * h - 5, 6 * h)


@rule("first_months")
def _first_months(m: re.Match[str], raw: str, anchor: Anchor | None,
                  future: bool) -> DateExpr | None:
    n = count_word(m["n"])
    if n is None or not 1 <= n <= 11:
        return None  # "the first few months of 2026": no period said
    # The first three months are the first quarter, compared as one ("$3.1 billion in the
    # first quarter" / "in the first three months of 2026": desk probe S, never compared).
    return _months_of_year(m, raw, anchor, 1, n, "quarter" if n == 3 else "period")


def _months_of_year(m: re.Match[str], raw: str, anchor: Anchor | None, first: int,
                    last: int, granularity: str = "period") -> DateExpr:
    """Months `first` to `last` of the year the match names, or of the year it places
    against publication ("of the year", "of last year"): unresolved with no publication
    date."""
    g = m.groupdict()
    if g.get("year"):
        year = int(g["year"])
    elif anchor is None:
        return unresolved_at(m, raw, granularity)
    else:
        year = anchor.year + rel_offset(g.get("rel"))
    return expr(m, raw, date(year, first, 1), month_days(year, last)[1], granularity,
                relative=not g.get("year"))


@rule("my")
def _month_year(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    a, b = month_days(int(m["year"]), month_number(m["mon"]))
    return expr(m, raw, a, b, "month")


@rule("fiscal")
def _fiscal(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr | None:
    y1 = int(m["y1"])
    y2 = y1 // 100 * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None  # "2012-13" is a fiscal year; "2012-19" is not
    a, b = year_days(y1, y2)  # the fiscal calendar is unknown: both calendar years
    return expr(m, raw, a, b, "fiscal-year")


@rule("fy")
def _fiscal_label(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    digits = m["fy"]
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    a, b = year_days(year - 1, year)  # "FY2024" ends in 2024 in most calendars
    return expr(m, raw, a, b, "fiscal-year")


# The words of a company's or a government's year of accounts ("FY26", "2025-26", "fiscal
# 2026", "financial year"), not a sports season's ("the 2025-26 season").
_ACCOUNTS_YEAR_RE: Final = rx.compile(r"FY|fiscal|financial|\d{4}\s?[-/]\s?\d{2}", re.IGNORECASE)


def april_to_march(d: DateExpr, folded: str) -> DateExpr:
    """A fiscal year read without its calendar (both calendar years) as India's year of
    accounts, 1 April to 31 March, on a page whose rupee is India's (desk probe N: "FY25"
    and "FY26" overlapped by a year, and a quarter of FY26 fell inside FY25)."""
    if d.granularity != "fiscal-year" or d.first is None or d.last is None \
            or d.last.year != d.first.year + 1 or (d.first.month, d.first.day) != (1, 1) \
            or not _ACCOUNTS_YEAR_RE.search(d.text) \
            or folded[d.end:d.end + 8].lower().lstrip().startswith("season"):
        return d
    return d._replace(first=date(d.first.year, 4, 1), last=date(d.last.year, 3, 31))


# A quarter of a year of accounts, before it: "Q3 FY26", "the third quarter of fiscal 2026".
_QUARTER_NUMBER_RE: Final = rx.compile(r"\bq([1-4])\b|\b(first|second|third|fourth|1st|2nd|3rd|4th)"
                                       r"[\s-]+quarter\b", re.IGNORECASE)
_QUARTER_GAP_RE: Final = rx.compile(r"\s+(?:of\s+(?:the\s+)?)?\Z", re.IGNORECASE)


def quarters_of_accounts(dates: list[DateExpr], text: str) -> list[DateExpr]:
    """An unresolved quarter right before a year of accounts that runs 1 April to 31 March
    (`april_to_march`) as one date: "Q3 FY26" is October to December 2025 (desk probe N: an
    unresolved quarter, so "Q3 FY26" and "Q2 FY26" figures were never told apart)."""
    out: list[DateExpr] = []
    for d in dates:
        prev = out[-1] if out else None
        if prev is not None and prev.granularity == "quarter" and not prev.resolved \
                and d.granularity == "fiscal-year" and d.first is not None \
                and (d.first.month, d.first.day) == (4, 1) \
                and _QUARTER_GAP_RE.search(text, prev.end, d.start) is not None:
            m = _QUARTER_NUMBER_RE.search(prev.text)
            if m is not None:
                q = int(m.group(1)) if m.group(1) else ORDINALS[ignorecase_key(m.group(2))]
                first = date(d.first.year + (q == 4), 3 * q + 1 if q < 4 else 1, 1)
                last = month_days(first.year, first.month + 2)[1]
                out[-1] = date_expr(text[prev.start:d.end], prev.start, d.end, first, last,
                                    "quarter")
                continue
        out.append(d)
    return out


@rule("between")
@rule("year_range")
def _year_range(m: re.Match[str], raw: str, anchor: Anchor | None,
                future: bool) -> DateExpr | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 < y1:
        return None
    a, b = year_days(y1, y2)
    return expr(m, raw, a, b, "period")


@rule("decade")
def _decade(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    y = int(m["dec"])
    a, b = year_days(y, y + 9)
    if m["since"]:
        return expr(m, raw, a, open_end(a, anchor), "decade", open_="end")
    return expr(m, raw, a, b, "decade")


@rule("prev_period")
def _prev_period(m: re.Match[str], raw: str, anchor: Anchor | None,
                 future: bool) -> DateExpr | None:
    n = count_word(m["n"])
    if n is None:
        return None
    y = int(m["year"])
    a, b = year_days(y - n + 1, y)
    return expr(m, raw, a, b, "period")


# A rank told against a year: "the second highest for June after 2024", "the third warmest
# year after 2016 and 2020" (desk probe L: from 2025 to publication).
# No verb between the rank and "after", nor "when" after the year: "became the second
# largest lender after 2019 when it bought its rival", "the second highest-paid executive
# left after 2022" are times (a review).
_RANKED_BEFORE_RE: Final = rx.compile(
    r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)[\s-]+(?:\w+[\s-]+)?"
    r"(?:\w+est|most|least)\b(?:(?!\s(?:\w+ed|left|came|went|was|were|is|are|has|had|took|"
    r"became|made|won|lost|fell|rose)\b)[^,;.]){0,60}\Z", re.IGNORECASE)
_WHEN_AFTER_RE: Final = rx.compile(r",?\s+(?:when|as|after|before|until)\b", re.IGNORECASE)


@rule("since")
def _since(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    y = int(m["year"])
    kw = m["kw"].lower()
    if kw.startswith("no"):  # "no earlier than 2031" is from 2031, "no later than" by it
        kw = "by" if "later" in kw else "since"
    if kw in ("after", "before") and _RANKED_BEFORE_RE.search(
            m.string, max(0, m.start() - 100), m.start()) \
            and not _WHEN_AFTER_RE.match(m.string, m.end()):
        a, b = year_days(y)  # "the second highest for June after 2024": behind 2024's
        return expr(m, raw, a, b, "year")
    if kw in ("since", "after"):
        first = date(y + 1, 1, 1) if kw == "after" else date(y, 1, 1)
        return expr(m, raw, first, open_end(first, anchor), "year", open_="end")
    last = date(y - 1, 12, 31) if kw == "before" else date(y, 12, 31)
    return expr(m, raw, None, last, "year", open_="start")


@rule("part")
def _part(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    y = int(m["year"])
    m1, m2 = PARTS[m["part"].lower()]
    return expr(m, raw, month_days(y, m1)[0], month_days(y, m2)[1], "period")


@rule("year")
def _year(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    a, b = year_days(int(m["year"]))
    return expr(m, raw, a, b, "year")
