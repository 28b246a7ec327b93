"""Slot comparison: quantities by unit, noun and precision interval; dates by interval."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from checker.nlp import STOPWORDS, word_stem
from checker.normclaim import NDate, NormClaim, NQuantity

# Event dates: a point in time. Periods ("2020-2024") and open ranges are context.
EVENT_GRANULARITIES = frozenset({"day", "week", "month", "quarter", "year"})
Pairs = list[tuple[str, str]]


# Counted nouns (as stems) that count the same people: "enrolled 4,812 adults" / "enrolled
# 8,412 people" count one group (a desk probe: never compared). Parts of a group ("women",
# "children", "residents") are other counts.
_SAME_PEOPLE = dict.fromkeys(("peopl", "person", "adult", "particip", "volunt", "individu"),
                             "peopl")


def _counted(noun: str) -> str:
    return _SAME_PEOPLE.get(noun, noun)


def aligned(qa: NQuantity, qb: NQuantity) -> bool:
    """Two quantities measure the same thing: kind, unit and (when written) noun agree."""
    if qa.kind != qb.kind or qa.unit != qb.unit:
        return False
    if qa.noun and qb.noun:
        return qa.noun == qb.noun or _counted(qa.noun) == _counted(qb.noun)
    # Counts and ranks with no noun are too vague to align ("two", "10th").
    return qa.kind not in ("count", "rank")


def counted_alike(a: NormClaim, b: NormClaim) -> bool:
    """Both claims count one thing and do one thing to it: a counted noun in common and the
    same word right before each count ("cut 1,200 jobs" / "plans to cut 1,500 jobs"). With
    an entity in common, one fact however the rest of a long sentence dilutes their
    similarity (a desk probe: "The company said it would cut 1,200 jobs, about 4% of its
    workforce, mainly in its hardware division in Eindhoven" / "The Dutch group plans to
    cut 1,500 jobs"). "A trial of 8,412 people" and "124 people were diagnosed" count two
    groups."""
    done_a = _counts_done(a)
    return bool(done_a) and not done_a.isdisjoint(_counts_done(b))


def _counts_done(c: NormClaim) -> set[tuple[str, str]]:
    """(word before the count, counted noun) of each of the claim's named counts."""
    out = set()
    for q in c.quantities:
        if q.kind != "count" or not q.noun:
            continue
        at = c.text.find(q.text)
        before = _WORD_BEFORE_RE.search(c.text, 0, at) if at > 0 else None
        if before and before.group(1).lower() not in STOPWORDS:
            out.add((word_stem(before.group(1).lower()), _counted(q.noun)))
    return out


# The word right before a count, with nothing but spaces between ("cut 1,200").
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+\Z")


def confirms(qa: NQuantity, qb: NQuantity) -> bool:
    """Of two figures that `agree`, whether one confirms the other rather than only fits
    it: two round figures each within the other's rounding ("about 300" / "about 310"), not
    "about 45,000" / "about 52,000" two days apart; a bound near the figure ("at least 40"
    / "40", "more than 600" / "610"), not "as many as 2,000 jobs" / "1,200 jobs" or "more
    than 80" / "between 300 and 350" (a desk probe: both corroborated)."""
    open_a, open_b = qa.low is None or qa.high is None, qb.low is None or qb.high is None
    if open_a or open_b:
        bound, other = (qa, qb) if open_a else (qb, qa)
        return _near(bound.value, other.value)
    if qa.approximate and qb.approximate:
        return _holds(qa, qb.value) or _holds(qb, qa.value)
    return True


# How near a bound and a figure must be for the figure to confirm the bound.
_NEAR_BOUND = 0.1


def _near(bound: float | None, value: float | None) -> bool:
    if bound is None or value is None:
        return True
    return abs(value - bound) <= _NEAR_BOUND * max(abs(bound), abs(value))


def _holds(q: NQuantity, value: float | None) -> bool:
    low, high = _interval(q)
    return value is None or low <= value <= high


# How near two ranges' ends must be to be one end (a share of the larger high end).
_RANGE_ENDS = 0.002
# A range's two figures, with "to" or (after "between") "and" between them.
_RANGE_TEXT_RE = re.compile(r"\d.*\s(?:to|and)\s.*\d")


def _stated_range(q: NQuantity) -> bool:
    """A range the text states ("$16.5 billion to $16.8 billion"), not one figure's
    precision."""
    return q.low is not None and q.high is not None and q.low < q.high \
        and _RANGE_TEXT_RE.search(q.text) is not None


def _interval(q: NQuantity) -> tuple[float, float]:
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    return low, high


def agree(qa: NQuantity, qb: NQuantity) -> bool:
    """Intervals overlap: "about 241 million" and "240 million" agree; "12 people"
    (11.5-12.5) and "13 people" (12.5-13.5) only touch, and do not. Two ranges written as
    ranges agree when their ends do: "$12.5 billion to $13 billion" is another forecast than
    "$12.5 billion to $13.5 billion" (a desk probe: they corroborated)."""
    la, ha = _interval(qa)
    lb, hb = _interval(qb)
    if _stated_range(qa) and _stated_range(qb):
        scale = max(abs(ha), abs(hb)) * _RANGE_ENDS
        return abs(la - lb) <= scale and abs(ha - hb) <= scale
    if la < hb and lb < ha:
        return True
    # A point (an exact figure in a claim file) agrees with any interval that holds it.
    return (la == ha and lb <= la <= hb) or (lb == hb and la <= lb <= ha)


def compare_quantities(a: NormClaim, b: NormClaim) -> tuple[Pairs, Pairs]:
    """(agreeing, conflicting) aligned quantities of one time, as their texts."""
    if not a.quantities or not b.quantities:
        return [], []  # most pairs: nothing to date or compare
    return quantities_compared(a, b, figure_dates(a), figure_dates(b))


def quantities_compared(a: NormClaim, b: NormClaim, when_a: Mapping[int, NDate],
                        when_b: Mapping[int, NDate]) -> tuple[Pairs, Pairs]:
    """`compare_quantities` given each claim's `figure_dates` (a judge reads them once a
    claim, not twice a pair)."""
    agreeing: Pairs = []
    conflicting: Pairs = []
    if not a.quantities or not b.quantities:
        return agreeing, conflicting
    for i, qa in enumerate(a.quantities):
        candidates = [qb for j, qb in enumerate(b.quantities) if aligned(qa, qb)
                      and _same_time(when_a.get(i), when_b.get(j))]
        if not candidates:
            continue
        matches = [qb for qb in candidates if agree(qa, qb)]
        if matches:
            # Consistent figures that do not confirm each other ("as many as 2,000" /
            # "1,200") are neither an agreement nor a conflict.
            confirming = [qb for qb in matches if confirms(qa, qb)]
            if confirming:
                agreeing.append((qa.text, confirming[0].text))
        elif len(candidates) == 1 and not any(
            aligned(other, candidates[0]) and agree(other, candidates[0]) for other in a.quantities
        ):
            conflicting.append((qa.text, candidates[0].text))
    return agreeing, conflicting


def figure_dates(c: NormClaim, evs: list[NDate] | None = None) -> dict[int, NDate]:
    """Each figure's own date, in a claim that gives several figures and several dates:
    the date that follows it before the next figure ("sold 1.8 million cars in 2023, up
    from 1.5 million in 2022"); with one date, every figure's. A claim without dates, or
    with one figure, gives none: its dates are compared as a whole (`compare_dates`).
    `evs` are the claim's `events` when already known."""
    if evs is None:
        evs = events(c)
    if len(evs) == 1:
        return dict.fromkeys(range(len(c.quantities)), evs[0])
    if len(c.quantities) < 2 or not evs:
        return {}
    text, at = c.text, 0
    starts = []
    for q in c.quantities:  # in text order; a repeated figure is found after the last
        found = text.find(q.text, at)
        starts.append(found if found >= 0 else text.find(q.text))
        at = max(at, starts[-1] + 1)
    dated = []
    at = 0
    for d in evs:
        found = text.find(d.text, at)
        if found >= 0:
            dated.append((found, d))
            at = found + 1
    out: dict[int, NDate] = {}
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) and starts[i + 1] > start else len(text)
        own = [d for pos, d in dated if start < pos < end]
        if own:
            out[i] = own[0]
    return out


def _same_time(x: NDate | None, y: NDate | None) -> bool:
    """Two figures' own dates overlap, or one of them has none; but a figure of a year and
    one of a quarter (or a half, or a month) in it are figures of two periods: "2026
    revenue was $12.5 billion" / "second-quarter revenue was $3.2 billion" (a desk probe:
    an error-level conflict)."""
    if x is None or y is None:
        return True
    if x.granularity != y.granularity and x.granularity in _PERIOD_GRAINS \
            and y.granularity in _PERIOD_GRAINS:
        return False
    return _overlaps(x, y)


# Granularities of periods over which a figure adds up (a year's revenue, a quarter's).
_PERIOD_GRAINS = frozenset({"year", "half", "quarter", "month", "fiscal-year"})


def figures_differ(a: NormClaim, b: NormClaim) -> bool:
    """Some figure of one claim measures what a figure of the other does, written
    otherwise: with two dates, two periods of one series ("grew 15.5 % in 2022" / "15.6 %
    in 2023"), not one event dated twice ("with three rovers in 2028" / "... in 2029")."""
    return any(qa.text != qb.text and aligned(qa, qb)
               for qa in a.quantities for qb in b.quantities)


def figures_apart(a: NormClaim, b: NormClaim) -> bool:
    """Both claims give figures, and no figure of one is a figure of the other, whatever it
    counts ("employs 3,200 people" / "plans to cut 300 jobs"; "3,200 staff" and "3,200
    workers" are one figure)."""
    return bool(a.quantities) and bool(b.quantities) and not any(
        qa.kind == qb.kind and _currency(qa.unit) == _currency(qb.unit) and agree(qa, qb)
        and confirms(qa, qb)
        for qa in a.quantities for qb in b.quantities)


def bare_counts_apart(a: NormClaim, b: NormClaim) -> bool:
    """Each claim gives a count of nothing named that no figure of the other agrees with:
    "scored 74 off 48 balls" / "scored 47 off 48 balls" agree on the balls only. Such
    counts are too vague to conflict (`aligned`), but not to deny a corroboration."""
    return _unmatched_bare(a, b) and _unmatched_bare(b, a)


def _unmatched_bare(a: NormClaim, b: NormClaim) -> bool:
    return any(qa.kind == "count" and not qa.noun and not qa.unit
               and not any(qb.kind == "count" and agree(qa, qb) for qb in b.quantities)
               for qa in a.quantities)


def other_currencies(a: NormClaim, b: NormClaim) -> bool:
    """Both claims give sums of money, but in currencies that never meet: "C$2 billion"
    and "US$2 billion" compare no figure, and confirm nothing."""
    return currencies_apart(currencies(a), currencies(b))


def currencies(c: NormClaim) -> frozenset[str | None]:
    """The currencies of a claim's sums of money, as `other_currencies` matches them."""
    return frozenset(_currency(q.unit) for q in c.quantities if q.kind == "money")


def currencies_apart(ua: frozenset[str | None], ub: frozenset[str | None]) -> bool:
    """`other_currencies` given both claims' `currencies` (a judge reads them once a
    claim)."""
    return bool(ua) and bool(ub) and not ua & ub


# "Rs" is read as the rupee of the country a page names most (`currencies.document_rupee`),
# and as Pakistani rupees on a page that names none: "Rs 2,000 crore" there and "₹2,000
# crore" may be one sum, so rupees are one currency for this test.
_RUPEES = {"PKR": "rupee", "INR": "rupee", "LKR": "rupee", "NPR": "rupee"}


def _currency(unit: str | None) -> str | None:
    """A unit as sums are matched: rupees of either kind are one."""
    return _RUPEES.get(unit or "", unit)


def events(c: NormClaim, dates: tuple[NDate, ...] | None = None) -> list[NDate]:
    """A claim's point-in-time dates (of `dates`: by default those of the fact)."""
    dates = c.dates if dates is None else dates
    if not dates:  # most claims: no list comprehension to set up
        return []
    return [d for d in dates if d.granularity in EVENT_GRANULARITIES and d.first and d.last
            and not d.open]


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


def _overlaps(x: NDate, y: NDate) -> bool:
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
    agreeing = [(x.text, y.text) for x in ea for y in eb if _overlaps(x, y)]
    if agreeing or not ea or not eb:
        if not agreeing and (a.months or b.months):
            return _compare_months(a, b, ea, eb)
        return agreeing, []
    return [], [(shown(ea[0]), shown(eb[0]))]


_YEAR_RE = re.compile(r"\d{4}")


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
