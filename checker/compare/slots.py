"""Slot comparison by time: quantities (aligned and agreeing as `compare.figures` says) at
their own dates. Dates by interval are `dateslots`' (its names are re-exported here, where
the comparison has always read them)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker import rx
from checker.compare.apart import bare_counts_apart as bare_counts_apart
from checker.compare.apart import currencies as currencies
from checker.compare.apart import currencies_apart as currencies_apart
from checker.compare.apart import currency_slip as currency_slip
from checker.compare.apart import figures_apart as figures_apart
from checker.compare.apart import figures_differ as figures_differ
from checker.compare.apart import measures_apart as measures_apart
from checker.compare.apart import other_currencies as other_currencies
from checker.compare.apart import times_apart as times_apart
from checker.compare.dateslots import EVENT_GRANULARITIES as EVENT_GRANULARITIES
from checker.compare.dateslots import TOLD_APART_DAYS as TOLD_APART_DAYS
from checker.compare.dateslots import Pairs as Pairs
from checker.compare.dateslots import compare_dates as compare_dates
from checker.compare.dateslots import dates_compared as dates_compared
from checker.compare.dateslots import events as events
from checker.compare.dateslots import innermost, overlaps
from checker.compare.dateslots import same_day as same_day
from checker.compare.dateslots import same_day_of as same_day_of
from checker.compare.dateslots import shown as shown
from checker.compare.dateslots import told_apart as told_apart
from checker.compare.figures import SHARE_KINDS, ages_apart, agree, aligned, confirms, counted
from checker.compare.measures import figure_measures, measure_tokens
from checker.compare.since import starts
from checker.normclaim import NDate, NormClaim, NQuantity


def compare_quantities(a: NormClaim, b: NormClaim) -> tuple[Pairs, Pairs]:
    """(agreeing, conflicting) aligned quantities of one time and one measure, as their
    texts."""
    if not a.quantities or not b.quantities:
        return [], []  # most pairs: nothing to date or compare
    return quantities_compared(a, b, figure_dates(a), figure_dates(b),
                               figure_measures(a.text, measure_tokens(a), a.quantities),
                               figure_measures(b.text, measure_tokens(b), b.quantities))


def quantities_compared(a: NormClaim, b: NormClaim, when_a: Mapping[int, NDate],
                        when_b: Mapping[int, NDate], of_a: Sequence[frozenset[str] | None] = (),
                        of_b: Sequence[frozenset[str] | None] = ()) -> tuple[Pairs, Pairs]:
    """`compare_quantities` given each claim's `figure_dates` and `figure_measures` (a judge
    reads them once a claim, not twice a pair)."""
    if not a.quantities or not b.quantities or a.earlier != b.earlier:
        # A figure of "the same quarter last year" on a page no date places is not this
        # quarter's (a mixed corpus: six false conflicts between undated pages).
        return [], []
    rows = comparable_figures(a, b, when_a, when_b, of_a, of_b)
    if not any(rows):
        # Most pairs with figures on both sides: no two of one kind, unit, time and measure,
        # so none agrees or conflicts (`figures_settled` would find none, making its sets).
        return [], []
    return figures_settled(a, b, rows)


def comparable_figures(a: NormClaim, b: NormClaim, when_a: Mapping[int, NDate],
                       when_b: Mapping[int, NDate], of_a: Sequence[frozenset[str] | None],
                       of_b: Sequence[frozenset[str] | None]) -> list[list[int]]:
    """For each figure of a, the figures of b it may be compared with: one measure at one
    time (`quantities_compared`)."""
    # Which figures of b each figure of a may be compared with: one measure at one time.
    # (Kind and unit first, as `aligned` tests them: most figures of two claims differ in
    # one, and the test costs no call.)
    rows = [[j for j, qb in enumerate(b.quantities) if qa.kind == qb.kind
             and qa.unit == qb.unit and aligned(qa, qb)
             and _same_time(when_a.get(i), when_b.get(j)) and _one_measure(of_a, i, of_b, j)
             and not (qa.kind in SHARE_KINDS and _day_and_year(a, b, when_a.get(i),
                                                               when_b.get(j)))
             and not (qa.noun == "age" and ages_apart(a, qa, b, qb))]
            for i, qa in enumerate(a.quantities)]
    return rows


def figures_settled(a: NormClaim, b: NormClaim, rows: list[list[int]]) -> tuple[Pairs, Pairs]:
    """(agreeing, conflicting) figures of a and b, given the figures each figure of a may
    be compared with (`comparable_figures`)."""
    agreeing: Pairs = []
    conflicting: Pairs = []
    rows = _same_nouns_first(a, b, rows)
    matched = [[j for j in at if agree(qa, b.quantities[j])]
               for qa, at in zip(a.quantities, rows, strict=True)]
    # A figure of b another figure of a agrees with is that figure's: "uptake is 81%, below
    # the 95% needed" / "is 78%, short of the 95% target" compares 81% with 78% alone (desk
    # probe K: two candidates, so no conflict, and the pair corroborated).
    settled_b = {j for found in matched for j in found}
    settled_a = {i for i, found in enumerate(matched) if found}
    for i, (qa, at) in enumerate(zip(a.quantities, rows, strict=True)):
        if not at:
            continue
        if matched[i]:
            # Consistent figures that do not confirm each other ("as many as 2,000" /
            # "1,200") are neither an agreement nor a conflict.
            confirming = [b.quantities[j] for j in matched[i] if confirms(qa, b.quantities[j])]
            if confirming:
                agreeing.append((qa.text, confirming[0].text))
            continue
        open_at = [j for j in at if j not in settled_b] if settled_b else at
        if len(open_at) != 1:
            continue
        qb = b.quantities[open_at[0]]
        if _only_match(a, qb, i, [k for k, row in enumerate(rows)
                                  if open_at[0] in row and k not in settled_a]) \
                and part_of_whole(a, qa) == part_of_whole(b, qb):
            conflicting.append((qa.text, qb.text))
    return agreeing, conflicting


def _same_nouns_first(a: NormClaim, b: NormClaim, rows: list[list[int]]) -> list[list[int]]:
    """The comparable pairs, with a figure that counts the same noun as a figure of the other
    claim compared with that one only, on either side: "about 15% of patients" against
    "about one in 10 patients ..., compared with 7% on placebo" is 15 against one in 10,
    not an ambiguous pair (a desk probe: no conflict, or one against the placebo's 7%)."""
    if sum(map(len, rows)) < 2:
        return rows  # most pairs: one comparable pair of figures at most, nothing to choose
    # (Nouns that count the same things are one: "17 nations" / "17 countries".)
    same = {(i, j) for i, row in enumerate(rows) for j in row
            if _same_noun(a.quantities[i].noun, b.quantities[j].noun)}
    if not same or len(same) == sum(map(len, rows)):
        return rows
    left, right = {i for i, _ in same}, {j for _, j in same}
    return [[j for j in row if (i, j) in same or (i not in left and j not in right)]
            for i, row in enumerate(rows)]


def _same_noun(x: str | None, y: str | None) -> bool:
    return bool(x) and bool(y) and (x == y or counted(x or "") == counted(y or ""))


def _one_measure(of_a: Sequence[frozenset[str] | None], i: int,
                 of_b: Sequence[frozenset[str] | None], j: int) -> bool:
    """Whether figures i of a and j of b may be of one measure: unless each is a figure of a
    measure it names, and the two differ ("operating profit £212m" / "revenue rose 6.9% to
    4.82 billion pounds": desk probe C's pages, in a corpus where the company was rare)."""
    x = of_a[i] if i < len(of_a) else None
    y = of_b[j] if j < len(of_b) else None
    return x is None or y is None or not x.isdisjoint(y)


def _only_match(a: NormClaim, qb: NQuantity, i: int, comparable: list[int]) -> bool:
    """Whether a's figure i is the one figure of a that `qb` may be compared with (the
    `comparable` ones), and no figure of a agrees with it: the same pairs conflict
    whichever claim comes first (desk probe C: "offered 3.5%" against "offered 2.5% ...,
    while the union wants 7%" was a conflict one way round and unrelated the other)."""
    if any(aligned(other, qb) and agree(other, qb) for other in a.quantities):
        return False
    return comparable == [i]


# A figure (and its counted noun) followed by the whole it is a share of, named by a word:
# "has paid 300 million rand of the compensation", "$2 billion of its loan". Not a figure
# ("78 of the 200 seats" frames the 78: `extract`), nor the figure's own noun ("78 of the
# seats").
_PART_RE = rx.compile(r"(?:\s+[a-z]+)?\s+of\s+(?:the|its|their|this|that)\s+"
                      r"([a-z][a-z-]*)")
_SHARES = frozenset({"percent", "ratio", "points"})
_AMONG_RE = rx.compile(r"\b(?:were|was|are|is|be|been)\s+(?:also\s+|reportedly\s+)?among\s+"
                       r"(?:the|those|its|their)\b")
# A clause's end: "40 people died, and children were among the dead" tells the whole.
_CLAUSE_BREAK_RE = rx.compile(r"[,;:]|\band\b|\d")


def part_of_whole(c: NormClaim, q: NQuantity) -> bool:
    """Whether `q` is a part of a whole the claim names but does not count: such a part
    and the whole's own figure ("ordered to pay 1.2 billion rand in compensation") are two
    quantities, so their figures never conflict (a desk probe: a first payment against
    the award it is a payment of was a number conflict). Parts of one whole still do."""
    if q.kind in _SHARES:
        return False  # a share is always "of" something: "80% of the trains"
    at = c.text.find(q.text)
    if at < 0:
        return False
    m = _PART_RE.match(c.text, at + len(q.text))
    if m is not None and not (q.noun and m.group(1).startswith(q.noun[:4])):
        return True
    # ... or said to be among a whole in its own clause: "Bank account details of about
    # 240,000 customers were among the stolen data" is no count of the "6.1 million
    # customers" whose data was stolen (desk probe R: an error-level conflict).
    # Only a figure that counts whose the part is ("details of about 240,000 customers"):
    # "Two Britons were among the dead" counts the Britons who died, against "Three
    # Britons were killed" (a review: a true conflict lost).
    if not _OF_BEFORE_RE.search(c.text, max(0, at - 24), at):
        return False
    among = _AMONG_RE.search(c.text, at + len(q.text))
    return among is not None and not _CLAUSE_BREAK_RE.search(c.text, at + len(q.text),
                                                              among.start())


_OF_BEFORE_RE = rx.compile(r"\bof\s+(?:(?:about|around|some|nearly|almost|roughly|over|"
                           r"more\s+than|at\s+least|up\s+to)\s+)?\Z")


def figure_dates(c: NormClaim, evs: list[NDate] | None = None) -> dict[int, NDate]:
    """Each figure's own date, in a claim that gives several figures and several dates:
    the date that follows it before the next figure ("sold 1.8 million cars in 2023, up
    from 1.5 million in 2022"); with one date, every figure's. A claim without dates, or
    with one figure, gives none: its dates are compared as a whole (`compare_dates`).
    `evs` are the claim's `events` when already known."""
    evs = (events(c) if evs is None else evs) or month_spans(c)
    out = _figure_dates(c, evs)
    then = _since_when(c) if c.quantities and c.dates else None
    if then is not None:
        # "its first cut since May, when rates were lowered to 3.75%": the figures after
        # the "when" are of May, not of the months since (desk probe U: 3.75% in May was
        # an error-level conflict with the 3.50% set yesterday).
        out = {**out, **dict.fromkeys(then[0], then[1])}
    return out


def _figure_dates(c: NormClaim, evs: list[NDate]) -> dict[int, NDate]:
    """`figure_dates` given the claim's dates."""
    if len(evs) == 1 or len(evs) > 1 and len({(d.first, d.last) for d in evs}) == 1:
        # one date, or one written twice: "In FY25 (2024-25), Kaveri reported revenue of Rs
        # 15,420 crore and net profit of Rs 1,390 crore" (desk probe N: no figure dated)
        return dict.fromkeys(range(len(c.quantities)), evs[0])
    # Dates inside one another: a figure no date follows is of the innermost. "cut Bank
    # Rate ... to 3.75 per cent on Thursday, its third cut this year" and "lowered its rate
    # to 3.75 percent from 4 percent on Thursday, its second cut this year" give Thursday's
    # rate, not one of any day this year (desk probe Q5: error-level conflicts with "... cut
    # Bank Rate by 25 basis points to 3.5% in February").
    inner = innermost(evs) if c.quantities and len(evs) > 1 else None
    if len(c.quantities) < 2 or not evs:
        return {} if inner is None else {0: inner}
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
        elif inner is not None:
            out[i] = inner
    return out


# A "since" date a "when" clause tells the time of: "since May, when rates were cut".
_SINCE_WHEN_RE = rx.compile(r"[ \t]*,[ \t]+when\b", re.IGNORECASE)


def _since_when(c: NormClaim) -> tuple[list[int], NDate] | None:
    """The figures after a "since" date and its ", when" ("since 2015, when it stood at
    4.1%"), and the time they are of: the interval the "since" starts in."""
    for d, (first, last) in starts(c):
        at = c.text.find(d.text)
        if at < 0 or not _SINCE_WHEN_RE.match(c.text, at + len(d.text)):
            continue
        after = at + len(d.text)
        figures = [i for i, q in enumerate(c.quantities) if c.text.find(q.text, after) >= 0]
        if figures:
            # Granularity "when": a time the figure was so, no period it adds up over
            # (`_PERIOD_GRAINS`): "lowered to 3.75%" in May is the 3.75% of a cut "this year".
            return figures, NDate(first, last, "when", d.text, None)
    return None


# The moment of a day a market figure is of: "at 1015 GMT", "in early trading", "by late
# afternoon", "at the close", "closed (30%) higher", "after the decision".
_MOMENT_RE = rx.compile(
    r"\b(?:at\s+(\d{3,4})\s*(?:GMT|BST|ET|EST|CET)|in\s+(early|late|afternoon|morning)\s+"
    r"(?:trade|trading|deals)|by\s+((?:late\s+|early\s+|mid-?)?(?:afternoon|morning|midday))|"
    r"at\s+the\s+(close|open)|(closed|opened)\s+(?:[\d.,]+\s*(?:%|per\s*cent|percent)\s+)?"
    r"(?:up|down|at|higher|lower)|after\s+the\s+(decision|announcement|results|statement|"
    r"vote))\b", re.IGNORECASE)


def moments_of(text: str) -> frozenset[str]:
    """The moments of a day the claim's figures are of, as words ("1015", "late
    afternoon", "close", "decision"); none for most claims."""
    return frozenset(next(g for g in m.groups() if g).lower().replace("closed", "close")
                     .replace("opened", "open") for m in _MOMENT_RE.finditer(text))


def moments_apart(ma: frozenset[str], mb: frozenset[str]) -> bool:
    """Both claims say when in the day their figures stood, and at no moment in common:
    sterling "fell 0.4% ... after the decision" and "fell 0.6% ... by late afternoon" are
    two readings of one day's move (desk probe D, trap T7: a number conflict)."""
    return bool(ma) and bool(mb) and ma.isdisjoint(mb)


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
    if x.granularity == y.granularity == "fiscal-year":
        # "2024-25" and "2023-24" overlap as calendar years (each spans two, its calendar
        # unknown), yet are two years: "31 goals in 2024-25" / "19 in 2023-24" (a desk probe).
        # One year read with India's calendar and without ("FY26" on a Mumbai page and on
        # another) ends in the same year (a review: a lost conflict).
        return x.last is not None and y.last is not None and x.last.year == y.last.year
    if ("period" in (x.granularity, y.granularity) or _rolling(x) or _rolling(y)) \
            and _months_long(x) and _months_long(y) and (x.first, x.last) != (y.first, y.last):
        # Two spans of months are two periods, one inside the other or not: "net profit for
        # the April-December period" / "for the October-December quarter" (desk probe N: an
        # error-level conflict of nine months' profit with a quarter's)
        return False
    return overlaps(x, y)


_MONTH_DAYS = 27


def month_spans(c: NormClaim) -> list[NDate]:
    """A claim's closed spans of months ("the April-December period"): no event dates
    (`events`), yet the period its figures add up over, when it gives no other date."""
    return [d for d in c.dates if d.granularity == "period" and _months_long(d)] \
        if c.dates else []


def _rolling(d: NDate) -> bool:
    """A year that is no calendar year: "in the 12 months to February", "in the year to
    September" (a rise over it and a rise over another such year are two figures: desk
    probe Y, rents to February against house prices to September, an error)."""
    return d.granularity == "year" and d.first is not None \
        and (d.first.month, d.first.day) != (1, 1)


def _months_long(d: NDate) -> bool:
    """A closed span of a month or more."""
    return d.first is not None and d.last is not None and d.open is None \
        and (d.last - d.first).days >= _MONTH_DAYS


def _day_and_period(x: NDate | None, y: NDate | None) -> bool:
    """One share is of a day (or a week), the other of a month or longer: "shares rose 6% on
    Tuesday" / "are still down 18% this year" are two changes (a review: an error-level
    conflict), whatever the day's place in the year."""
    if x is None or y is None or x.granularity == y.granularity:
        return False
    grains = {x.granularity, y.granularity}
    return bool(grains & _SHORT) and bool(grains & _PERIOD_GRAINS)


_SHORT = frozenset({"day", "week"})


def _day_and_year(a: NormClaim, b: NormClaim, x: NDate | None, y: NDate | None) -> bool:
    """`_day_and_period`, an undated share told as a change on a year before ("prices down
    1.1 percent from a year earlier") being one of a year: against "Shares in Northwind
    Group fell 3.1% in London on Tuesday" it is another change (desk probe Y: four
    error-level conflicts, London named in both)."""
    if _day_and_period(x, y):
        return True
    if x is None and y is not None and y.granularity in _SHORT:
        return _YEAR_ON_YEAR_RE.search(a.text) is not None
    if y is None and x is not None and x.granularity in _SHORT:
        return _YEAR_ON_YEAR_RE.search(b.text) is not None
    return False


# A change over a year, named by its base ("on a year earlier", "from a year ago") or so.
_YEAR_ON_YEAR_RE = rx.compile(
    r"\b(?:(?:on|from|than|over|compared\s+(?:with|to))\s+(?:a|one|the)\s+year\s+"
    r"(?:earlier|before|ago)|(?:year|12\s+months)\s+earlier|year-on-year|year-over-year|"
    r"on\s+the\s+year)\b", re.IGNORECASE)


# Granularities of periods over which a figure adds up (a year's revenue, a quarter's).
_PERIOD_GRAINS = frozenset({"year", "half", "quarter", "month", "fiscal-year"})
