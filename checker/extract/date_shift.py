"""Dates as a shift of another date. "a year earlier", "five years before", "the previous
year", "two years later" count from a date the sentence names before them ("fell to 4.1% in
January, down from 4.5% a year earlier" is January of the year before); without one they
stay unresolved (relative to an unknown time). "a year ago" and "the past 12 months" count
from the publication date.

Conventions (README "How it works"; tests/extract/test_date_shifts.py):
- a shift keeps its anchor's interval and granularity, moved by the shift ("in January" a
  year earlier is January of the year before, a month); a shift finer than the anchor's
  calendar unit ("2019" six months earlier) is a "period";
- the anchor is the nearest resolved, closed date before the shift in the same sentence
  (clause); a date that only says when something was told ("the ministry said on
  Wednesday", a dateline) is never one, and an unresolved date between them cuts the chain;
- a shift or "ago" right after "from", "over", "on", "than", "against", "compared
  with" ("exports rose 6.4% in October from a year earlier") is the base of a change, not a
  time of the fact: it stays unresolved (with a figure of its own, "down from 4.5% a year
  earlier", it is resolved);
- "N years ago" is a calendar year (as "last year"), "N months ago" a calendar month, "N
  weeks ago" a Monday-to-Sunday week, "N days ago" a day, each counted from publication;
- "the past N months|weeks|days|years" runs from the publication date moved back N units
  to the publication date (2024-03-12..2025-03-12 for "the past 12 months" on 2025-03-12).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from checker import rx
from checker.extract.date_patterns import MONTHS
from checker.extract.date_types import (
    Anchor,
    DateExpr,
    count_word,
    days_in_month,
    expr,
    month_days,
    rule,
    unresolved_at,
    year_days,
)
from checker.textutil import ignorecase_key

# A unit word as (count, calendar unit) of shift_date.
UNITS: Final = {"year": (1, "years"), "decade": (10, "years"), "month": (1, "months"),
                "week": (7, "days"), "day": (1, "days")}
_DIRECTION: Final = {"earlier": -1, "before": -1, "prior": -1, "previous": -1, "preceding": -1,
                     "later": 1, "after": 1, "following": 1, "next": 1}
# "five years before" is a shift only where the words end: "two years before the election"
# counts from the election (no date).
_ENDS_RE: Final = rx.compile(r"\s*(?:[,.;:!?)\]\"'\u2019\u201d]|\Z)|\s+(?:and|but|or|while|whereas|"
                             r"when|with|at|in|on|from|to|compared)\b", re.IGNORECASE)
# "launched a year earlier than planned" is no date of its own.
_THAN_RE: Final = rx.compile(r"\s+than\b", re.IGNORECASE)
# "exports rose 6.4% in October from a year earlier": the base of a change, named with no
# figure of its own, is no time of the claim's fact (as a date of the claim it would make
# "rose 6.4% in October 2023 from a year earlier" and "rose 3.1% in October 2022" one time).
# "down from 4.5% a year earlier" dates its own figure.
_BASE_RE: Final = rx.compile(r"\b(?:from|over|on|than|versus|vs\.?|against|compared\s+(?:with|to)|"
                             r"relative\s+to)\s+\Z", re.IGNORECASE)


def _base_of_change(m: re.Match[str]) -> bool:
    """Whether the shift m follows a preposition that makes it the base of a change."""
    return _BASE_RE.search(m.string, max(0, m.start() - 20), m.start()) is not None


def unit_of(word: str) -> tuple[int, str]:
    """(count, unit) of a unit word: "years" -> (1, "years"), "weeks" -> (7, "days")."""
    return UNITS[word.lower().removesuffix("s")]


def shift_date(d: date, n: int, unit: str, month_end: bool = False) -> date:
    """d moved by n years, months or days; a day past a month's end is its last day, and
    with month_end a month's last day stays its month's last."""
    if unit == "days":
        return d + timedelta(days=n)
    index = d.year * 12 + d.month - 1 + (n * 12 if unit == "years" else n)
    year, month = divmod(index, 12)
    last = days_in_month(year, month + 1)
    at_end = month_end and d.day == days_in_month(d.year, d.month)
    return date(year, month + 1, last if at_end else min(d.day, last))


def _granularity(granularity: str, n: int, unit: str) -> str:
    """The granularity of a date of that granularity shifted by n units: the same, unless
    the shift cuts across its calendar unit (a year shifted by six months)."""
    if unit == "years" or granularity in ("day", "period"):
        return granularity
    if unit == "days":
        return granularity if granularity == "week" and n % 7 == 0 else "period"
    if granularity == "month" or (granularity == "quarter" and n % 3 == 0) or n % 12 == 0:
        return granularity
    return "period"


def shifted(d: DateExpr, base: DateExpr) -> DateExpr:
    """d (a shift) resolved against base, a resolved closed date; d as it was when the
    shift leaves the calendar."""
    if d.shift is None or base.first is None or base.last is None:
        return d
    n, unit = d.shift
    try:
        first = shift_date(base.first, n, unit)
        last = shift_date(base.last, n, unit, month_end=base.granularity not in ("day", "week"))
    except (ValueError, OverflowError):
        return d
    return d._replace(first=first, last=last, resolved=True,
                      granularity=_granularity(base.granularity, n, unit))


@rule("shift")
def _shift(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr | None:
    word = m["dir"].lower()
    if word in ("before", "after", "prior") and not _ENDS_RE.match(m.string, m.end()):
        return None
    unit_word = m["unit"].lower()
    gran = "year" if unit_word == "year" and (m["n"] or "").lower() == "the" else "period"
    found = unresolved_at(m, raw, gran)
    n = 1 if (m["n"] or "").lower() == "the" and not unit_word.endswith("s") else \
        count_word(m["n"]) if m["n"] else None
    if n is None or _THAN_RE.match(m.string, m.end()) or _base_of_change(m):
        return found  # "weeks later", "a year earlier than planned": not counted
    count, unit = unit_of(unit_word)
    return found._replace(shift=(_DIRECTION[word] * n * count, unit))


@rule("same_period")
def _same_period(m: re.Match[str], raw: str, anchor: Anchor | None,
                 future: bool) -> DateExpr:
    found = unresolved_at(m, raw, "period")
    if m["year"] or _base_of_change(m):
        # The sentence's period in another year, its length unknown here; or the base of a
        # change ("up 9% from the same period last year"), no time of the fact.
        return found
    return found._replace(shift=(-1, "years"))


@rule("prev_unit")
def _prev_unit(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    unit_word = m["unit"].lower()
    found = unresolved_at(m, raw, "year" if unit_word == "year" else "period")
    if _base_of_change(m):  # "rose 5% in the third quarter from the previous year"
        return found
    count, unit = unit_of(unit_word)
    return found._replace(shift=(_DIRECTION[ignorecase_key(m["dir"])] * count, unit))


@rule("ago")
def _ago(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    n = count_word(m["n"])
    word = m["unit"].lower().removesuffix("s")
    years = word in ("year", "decade")
    if n is None or anchor is None or _base_of_change(m) or (
            not years and anchor.granularity == "year") or (
            word in ("week", "day") and anchor.granularity != "day"):
        return unresolved_at(m, raw, "year" if years else "period")
    count, unit = unit_of(word)
    if years:
        a, b = year_days(anchor.year - n * count)
        return expr(m, raw, a, b, "year", relative=True)
    if word == "month":
        month = shift_date(anchor.first, -n, "months")
        a, b = month_days(month.year, month.month)
        return expr(m, raw, a, b, "month", relative=True)
    if word == "day":
        day = anchor.first - timedelta(days=n)
        return expr(m, raw, day, day, "day", relative=True)
    monday = anchor.first - timedelta(days=anchor.first.weekday(), weeks=n)
    return expr(m, raw, monday, monday + timedelta(days=6), "week", relative=True)


@rule("past_n")
@rule("past_decade")
def _past_n(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr | None:
    g = m.groupdict()
    word = g.get("unit") or g.get("unit1") or "decade"
    n = count_word(g["n"]) if g.get("n") else 1
    if n is None:
        return None  # "the past few years"
    if anchor is None:
        return unresolved_at(m, raw, "period")
    count, unit = unit_of(word)
    return expr(m, raw, shift_date(anchor.first, -n * count, unit), anchor.last, "period",
                relative=True)


# Words that date the telling, not the fact, right before a day: "said on Wednesday",
# "said in a statement late on Monday", "told the state broadcaster ZNBC on Monday",
# "according to a statement on Friday".
_SAY = (r"said|says|announced|reported|confirmed|stated|added|wrote|noted|revealed|disclosed|"
        r"warned")
# What a thing is said in ("said in a statement", "in an interview"); normalisation's
# telling dates read the same list (`telling._SAID_GAP`).
STATEMENT: Final = (r"statement|interview|briefing|conference|address|speech|post|note|release|"
                    r"filing")
_TOLD_RE: Final = rx.compile(
    rf"\b(?:(?:{_SAY})(?:\s+(?:in|during|at)\s+(?:a|an|the|its|his|her|their)"
    rf"(?:\s+[\w-]+){{0,2}}?\s+(?:{STATEMENT})(?:\s+(?:issued|released|published))?)?"
    r"|told\s+(?:the(?:\s+[\w'.-]+){1,3}?|[\w'.-]+)"
    r"|according\s+to(?:\s+[\w'.-]+){1,5}?)"
    r"(?:\s+(?:late|early))?(?:\s+on)?\s+\Z", re.IGNORECASE)
# A wire dateline: "LUSAKA, Jan. 17 (Reuters) - ".
_DATELINE_BEFORE_RE: Final = rx.compile(r"[A-Z][A-Z'. -]{1,40},\s+\Z")
_DATELINE_AFTER_RE: Final = rx.compile(r"\s*(?:\([^()\n]{2,40}\))?\s*[-\u2013\u2014]+\s")


# A dateline opening a story, its city in any case and its date a month and a day, then the
# agency in brackets or a dash: "Thiruvananthapuram, Aug 10 (PTI) The death toll ...",
# "PARIS, March 3 - ...", "New Delhi, 10 August (Reuters) - ...", and with the region or
# country after the city: "KOUROU, French Guiana, March 5 (AFP) - ", "WILMINGTON, Delaware,
# Sept 18 (Reuters) - " (a probe: their date stayed the claim's). It dates the report, not
# the event (a desk probe: "Aug 10" conflicted with the floods' "Aug 12"). Not a sentence's
# opening phrase ("In Paris, March 3 ...", "In Paris, France, March 3 ...").
_ABBREVIATED: Final = [m[:3].capitalize() for m in MONTHS]
_ABBREVIATED.insert(_ABBREVIATED.index("Sep") + 1, "Sept")
_MONTH: Final = (rf"(?:{'|'.join(_ABBREVIATED)})\.?|"
                 + "|".join(m.capitalize() for m in MONTHS if m.capitalize() not in _ABBREVIATED))
DATELINE_RE: Final = rx.compile(
    r"[\W_]{0,3}(?!(?:In|On|At|By|The|From|Since|Until|As|After|Before|For|Of)\b)"
    r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3},\s+"
    r"(?:[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3},\s+)?"  # the region or country
    rf"(?:(?:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))\b(?:,?\s+\d{{4}}\b)?"
    r"(?:\s*\([^()\n]{2,40}\)\s*(?:[-\u2013\u2014]+\s+)?(?=[A-Z\"'\u201c])|"
    r"\s*[-\u2013\u2014]+\s)")


def dateline_end(folded: str, start: int, end: int) -> int | None:
    """Where a dateline opening folded[start:end] ends (None: there is none)."""
    # Every match holds ",\s+" and after it a bracket or a dash: a window without them is
    # not matched (a match cost ~6,000 instructions; tests/extract/test_speed53_numbers.py).
    comma = folded.find(",", start, end)
    if comma < 0 or folded.find("(", comma, end) < 0 and folded.find("-", comma, end) < 0 \
            and folded.find("\u2013", comma, end) < 0 and folded.find("\u2014", comma, end) < 0:
        return None
    m = DATELINE_RE.match(folded, start, end)
    return m.end() if m else None


def told_date(folded: str, d: DateExpr, lo: int) -> bool:
    """Whether a day (or week) of folded[lo:] dates only the telling of the claim."""
    if d.granularity not in ("day", "week"):
        return False
    before = folded[max(lo, d.start - 80):d.start]
    if _TOLD_RE.search(before):
        return True
    line = dateline_end(folded, lo, d.end + 60)
    if line is not None and d.end <= line:
        return True
    return bool(_DATELINE_BEFORE_RE.search(before)
                and _DATELINE_AFTER_RE.match(folded, d.end))


_LAST_YEAR_RE: Final = rx.compile(r"last\s+year\Z", re.IGNORECASE)


def last_years(found: list[DateExpr], anchor: Anchor | None) -> list[DateExpr]:
    """A "same period last year" that no date of its sentence anchors is last year, as
    "last year" is: "SMIC's sales in the same quarter last year were $1.62 billion" is
    placed, though its quarter is another sentence's."""
    if anchor is None:
        return found
    out = []
    for d in found:
        if d.shift is not None and not d.resolved and _LAST_YEAR_RE.search(d.text):
            a, b = year_days(anchor.year - 1)
            d = d._replace(first=a, last=b, granularity="year", resolved=True, relative=True)
        out.append(d)
    return out


def anchor_shifts(found: list[DateExpr], folded: str, lo: int) -> list[DateExpr]:
    """The dates of a sentence (in order) with each shift resolved against the nearest
    date before it that can anchor one (module docstring)."""
    if not any(d.shift is not None for d in found):
        return found
    out: list[DateExpr] = []
    base: DateExpr | None = None
    for d in found:
        if d.shift is not None and not d.resolved and base is not None:
            d = shifted(d, base)
        if not d.resolved:
            base = None  # "weeks later": what follows counts from an unknown time
        elif d.open is None and d.first is not None and not told_date(folded, d, lo):
            base = d
        out.append(d)
    return out
