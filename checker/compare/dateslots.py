"""Date slots compared: a claim's event dates (points in time, not periods), two claims'
dates agreeing or apart by interval, months of a year told without one, and the days the
claims were told on. Quantities at their dates are `slots`'."""

from __future__ import annotations

import re

from checker import rx
from checker.extract.date_patterns import COMMA_WHEN_RE
from checker.normclaim import NDate, NormClaim

# Event dates: a point in time. Periods ("2020-2024") and open ranges are context.
EVENT_GRANULARITIES = frozenset({"day", "week", "month", "quarter", "year", "fiscal-year"})
Pairs = list[tuple[str, str]]


def innermost(evs: list[NDate]) -> NDate | None:
    """The date every other date of `evs` holds ("on Thursday" in "this year"), or None."""
    for d in evs:
        if d.first is not None and d.last is not None and all(
                o is d or (o.first is not None and o.last is not None
                           and o.first <= d.first and d.last <= o.last) for o in evs):
            return d
    return None


def events(c: NormClaim, dates: tuple[NDate, ...] | None = None) -> list[NDate]:
    """A claim's point-in-time dates (of `dates`: by default those of the fact)."""
    dates = c.dates if dates is None else dates
    if not dates:  # most claims: no list comprehension to set up
        return []
    return [d for d in dates if d.granularity in EVENT_GRANULARITIES and d.first and d.last
            and not d.open]


# A change's base named, whose own figure follows: "up 11.3% on September 2025, when 14,570
# people were in emergency accommodation" dates that figure, not the change (desk probe V:
# a date conflict with "rose again in September", this year's). Extraction keeps the date
# for its figure (`extract.dates._comparison_base`); judging dates the figure by it.
_BASE_BEFORE_RE = rx.compile(
    r"(?:%|\bper\s*cent)\s+(?:on|from|against|versus|vs\.?|compared\s+(?:with|to))\s+\Z",
    re.IGNORECASE)


def base_then(c: NormClaim, d: NDate) -> bool:
    """Whether d is a change's base whose own figure the claim tells after it (above)."""
    at = c.text.find(d.text)
    return at > 0 and COMMA_WHEN_RE.match(c.text, at + len(d.text)) is not None \
        and _BASE_BEFORE_RE.search(c.text, max(0, at - 30), at) is not None


# Two tellings this close are one news cycle: "said on Wednesday" and "said on Thursday"
# report one figure; a month apart, they may report two events ("announced on Monday it
# would cut 300 jobs" in May, "... 450" in September).
TOLD_APART_DAYS = 3


def told_apart(ta: list[NDate], tb: list[NDate]) -> bool:
    """Both claims were told on a known day, and no two of those days are within
    `TOLD_APART_DAYS` of each other."""
    return bool(ta) and bool(tb) and not any(
        _gap_days(x, y) <= TOLD_APART_DAYS for x in ta for y in tb)


def _gap_days(x: NDate, y: NDate) -> int:
    """Days between two intervals (0 when they overlap)."""
    assert x.first and x.last and y.first and y.last
    return max((y.first - x.last).days, (x.first - y.last).days, 0)


def overlaps(x: NDate, y: NDate) -> bool:
    return bool(x.first and x.last and y.first and y.last and x.first <= y.last
                and y.first <= x.last)


def compare_dates(a: NormClaim, b: NormClaim) -> tuple[Pairs, Pairs]:
    """(agreeing, conflicting) event dates: conflicting when no pair overlaps."""
    return dates_compared(a, b, events(a), events(b))


def dates_compared(a: NormClaim, b: NormClaim, ea: list[NDate],
                   eb: list[NDate]) -> tuple[Pairs, Pairs]:
    """`compare_dates` given each claim's `events` (read once a claim by a judge)."""
    if not ea and not eb and not a.months and not b.months:
        return [], []  # most pairs: no dates at all
    agreeing = [(x.text, y.text) for x in ea for y in eb if overlaps(x, y)]
    if agreeing and len(ea) > 1 and len(eb) > 1:
        return agreeing, _the_others_apart(ea, eb)
    if agreeing and (len(ea) > 1 or len(eb) > 1):
        days = _days_apart(ea, eb)
        if days:
            return [], days
    if agreeing or not ea or not eb:
        if not agreeing and (a.months or b.months):
            return _compare_months(a, b, ea, eb)
        return agreeing, []
    return [], [(shown(ea[0]), shown(eb[0]))]


def _days_apart(ea: list[NDate], eb: list[NDate]) -> Pairs:
    """The one day each claim gives, apart, where only a coarser date agreed: "Season
    tickets for next season will go on sale on 1 June" / "Season tickets will go on sale
    on 15 May" (desk probe T: "next season" held 15 May, and the pair corroborated)."""
    days_a = [x for x in ea if x.granularity == "day"]
    days_b = [y for y in eb if y.granularity == "day"]
    if len(days_a) != 1 or len(days_b) != 1 or overlaps(days_a[0], days_b[0]):
        return []
    return [(shown(days_a[0]), shown(days_b[0]))]


def _the_others_apart(ea: list[NDate], eb: list[NDate]) -> Pairs:
    """Two dates of two facts told in one sentence each, one agreeing: the one date left on
    each side, of one granularity, that meets nothing on the other ("launch Chang'e-7 in
    August 2026 and Chang'e-8 around 2028" / "Chang'e-7 ... in October 2026, followed by
    Chang'e 8 around 2028": desk probe L, a corroboration by the 2028 alone)."""
    rest_a = [x for x in ea if not any(overlaps(x, y) for y in eb)]
    rest_b = [y for y in eb if not any(overlaps(x, y) for x in ea)]
    if len(rest_a) == 1 and len(rest_b) == 1 \
            and rest_a[0].granularity == rest_b[0].granularity:
        return [(shown(rest_a[0]), shown(rest_b[0]))]
    return []


_YEAR_RE = rx.compile(r"\d{4}")


def shown(d: NDate) -> str:
    """A date as written, with the days it stands for when the words give no year: "on
    Monday (2026-11-23)", "last year (2025)" (a desk probe: "a says on Monday, b says on
    Monday" of two pages a week apart)."""
    if d.first is None or d.last is None or _YEAR_RE.search(d.text):
        return d.text
    if d.granularity == "year":
        span = str(d.first.year)
    elif d.granularity == "month":
        span = f"{d.first.year}-{d.first.month:02d}"
    elif d.first == d.last:
        span = d.first.isoformat()
    else:
        span = f"{d.first.isoformat()} to {d.last.isoformat()}"
    return f"{d.text} ({span})"


def same_day(a: NormClaim, b: NormClaim) -> bool:
    """Both claims date their fact to one and the same day."""
    return same_day_of(events(a), events(b))


def same_day_of(ea: list[NDate], eb: list[NDate]) -> bool:
    """`same_day` given both claims' `events`."""
    if not ea or not eb:  # most pairs: a claim without dates has no day
        return False
    days = {x.first for x in ea if x.granularity == "day"}
    return any(y.granularity == "day" and y.first in days for y in eb)


def _months(c: NormClaim, evs: list[NDate]) -> list[tuple[int, str]]:
    """Months of the year a claim gives: unresolved ones, and those of its dates that fall
    in one month."""
    placed = [(d.first.month, d.text) for d in evs if d.first and d.last
              and d.granularity in ("day", "month")
              and (d.first.year, d.first.month) == (d.last.year, d.last.month)]
    return [*c.months, *placed]


def _compare_months(a: NormClaim, b: NormClaim, ea: list[NDate],
                    eb: list[NDate]) -> tuple[Pairs, Pairs]:
    """"born in May" (no year known) against "born 26 December 1970": the month of the year
    still agrees or differs."""
    ma, mb = _months(a, ea), _months(b, eb)
    if not ma or not mb:
        return [], []
    agreeing = [(x, y) for m, x in ma for n, y in mb if m == n]
    return (agreeing, []) if agreeing else ([], [(ma[0][1], mb[0][1])])


def measured_against_event(a: NormClaim, b: NormClaim) -> bool:
    """One claim gives figures over a period (no day among its dates) and the other no figure
    at all: the period is the figures', not the date of the other's event ("Arctic sea ice
    extent averaged 10.2 million square kilometres in June" / "Arctic sea ice reached a record
    low in September": desk probe Q4, an error-level date conflict among the 141 pages;
    "Sales fell 5% in June" says nothing of "Sales fell in July")."""
    for x, y in ((a, b), (b, a)):
        if x.quantities and not y.quantities \
                and any(q.kind != "time" for q in x.quantities) \
                and not any(d.granularity == "day" for d in x.dates):
            return True
    return False


def bounds_apart(a: NormClaim, b: NormClaim) -> Pairs:
    """A deadline against a date after it: "expected to resume by Monday" / "not expected to
    resume until Nov. 23" (from 23 November) or "... on Nov. 23", and "not until" a date
    against a day before it. Open ranges are no events (`events`), so two claims giving
    only these met no date of the other, and corroborated (desk probe Q6: a planted
    conflict). Only the words of a bound: "since 1989" is a period's start, not a bound."""
    if not a.dates or not b.dates:
        return []
    for x, y in ((a, b), (b, a)):
        for d in x.dates:
            if d.open == "start" and d.last is not None and d.text.startswith("by "):
                after = [e for e in y.dates if _not_before(e) and e.first is not None
                         and e.first > d.last]
                if after:
                    return _ordered(x is a, d, after[0])
            elif _not_before(d) and d.open == "end" and d.first is not None:
                before = [e for e in events(y) if e.last is not None and e.last < d.first]
                if before:
                    return _ordered(x is a, d, before[0])
    return []


def _not_before(d: NDate) -> bool:
    """A day told as a bound no earlier ("not until Nov. 23") or a point in time."""
    if d.open is None:
        return d.granularity in EVENT_GRANULARITIES and d.first is not None \
            and d.last is not None
    return d.open == "end" and d.text.startswith(("until ", "till ", "before "))


def _ordered(first_is_a: bool, x: NDate, y: NDate) -> Pairs:
    return [(shown(x), shown(y))] if first_is_a else [(shown(y), shown(x))]
