"""Dates and periods as intervals of days, relative ones resolved against the publication date.

Relative dates ("last year", "in January") are resolved only against the document's own
published date; without one they are kept, marked unresolved. Today's date is never used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import timedelta
from functools import lru_cache
from typing import Final

from checker import rx
from checker.extract import (
    date_day_rules,
    date_days,
    date_relative,
    date_rules,
    date_seasons,
    date_shift,
)
from checker.extract.date_patterns import (
    COMMA_WHEN_RE,
    DENIED_WORDS,
    MONTH_FIRST,
    MONTH_FIRST_NEEDS,
    MONTH_STEMS,
    NEEDS_MONTH,
    PATTERNS,
    YEAR_ANCHORED,
    month_follows,
    month_starts,
    year_starts,
)
from checker.extract.date_types import Anchor, DateExpr, build, month_days, open_end
from checker.extract.gates import Gates
from checker.extract.spans import SpanSet
from checker.textutil import START, fold, matches

__all__ = ["Anchor", "DateExpr", "find_dates"]
# Importing them registers their builders.
_REGISTERED = (date_rules, date_relative, date_day_rules, date_days, date_seasons, date_shift)

# "until June 30, 2035", "since March": the keyword opens the interval on one side.
# ... also across "the": "by the end of March", "since the start of March" (a review: read
# as the closed month, a date conflict with "in February").
# ... and "up to and including 14 November" is by it (a desk probe: the closed day).
_OPEN_KEYWORD_RE: Final = rx.compile(r"(?=[abstu])\b(?P<kw>since|until|till|by|before|after|"
                                     r"up\s+to\s+and\s+including)\s+(?:the\s+)?$", re.IGNORECASE)
# "since it started on Monday": from Monday on (a desk probe: the single day, so the fire's
# area "since it started" conflicted with its first day's).
_SINCE_IT_BEGAN_RE: Final = rx.compile(r"\b(?P<kw>since)\s+(?:[a-z]+\s+){1,3}?(?:started|began|"
                                       r"broke\s+out|erupted|opened|struck)\s+\Z", re.IGNORECASE)
_DAY_LISTS: Final = frozenset({"day_range", "md_range"})
_OPENABLE: Final = frozenset({"day", "month", "quarter", "period"})  # "before mid-2027" too
# month_rel's own lead word: "since January" is the period from January to publication, as
# "since January 1" is (a desk probe: it was the month of January), "by March" up to March.
_LEAD_KEYWORD_RE: Final = rx.compile(r"(?P<kw>since|by)\s+", re.IGNORECASE)
# A date qualifying a noun is no object of the keyword before it: "after third-quarter
# revenue rose" is a clause after "after" (a desk probe: dated from October to publication),
# and so is "after January's sales" or "since March figures showed".
_ATTRIBUTIVE_RE: Final = rx.compile(
    r"(?:'s|\u2019s)\b|\s+(?:revenues?|results|sales|earnings|profits?|loss|losses|figures|"
    r"turnover|income|growth|output|data|numbers|gdp|inflation|deliveries|shipments|"
    r"margins?|performance|report|update)\b", re.IGNORECASE)
_COMPOUND_RE: Final = rx.compile(r"[a-z0-9]-(?:quarter|month|day)\Z", re.IGNORECASE)
_DIGIT_RE: Final = rx.compile(r"\d")
# The patterns' gates (groups of cue substrings) read in one Aho-Corasick pass; the plans
# that pass for a (digits, gates) pair are listed once and remembered.
_GATE_CUES: Final[list[tuple[str, ...]]] = list(dict.fromkeys(cues for _, _, _, cues in PATTERNS))
# Each form of _CHANGE (below) holds one of these in lower case: the gate of both patterns
# of a change's base, read with the patterns' gates (its own bit, CHANGE_BIT).
CHANGE_CUES: Final = ("%", "cent", "pc", "pp")
GATES: Final = Gates([*_GATE_CUES, CHANGE_CUES])
CHANGE_BIT: Final = 1 << len(_GATE_CUES)
# The bit of GATES set by a month's name (its first three letters, in any case).
MONTH_BIT: Final = 1 << _GATE_CUES.index(MONTH_STEMS)
_PLAN: Final = [(name, pattern, needs_digit, _GATE_CUES.index(cues), name in NEEDS_MONTH,
                 name in MONTH_FIRST, name in YEAR_ANCHORED)
                for name, pattern, needs_digit, cues in PATTERNS]
_Plan = tuple[str, re.Pattern[str], bool, bool, bool]


@lru_cache(maxsize=4096)
def _plans(digits: bool, gates: int) -> tuple[_Plan, ...]:
    """The patterns to try, in order, when a sentence has (or not) a digit and these gates:
    a pattern needing a digit or a cue the sentence lacks cannot match there."""
    return tuple((name, pattern, needs_month, month_first, year_first)
                 for name, pattern, needs_digit, gate, needs_month, month_first, year_first
                 in _PLAN if (digits or not needs_digit) and gates >> gate & 1)


def find_dates(
    text: str, start: int = 0, end: int | None = None,
    anchor: Anchor | None = None, future: bool = False, folded: str | None = None,
    lower: str | None = None, digits: bool | None = None, gates: int | None = None,
) -> list[DateExpr]:
    """All date expressions in text[start:end], longest and earliest first, no overlaps.

    `future` says the sentence is about plans ("in January" is then the next January);
    `folded` is fold(text), `lower` folded[start:end].lower() and `digits` whether that
    holds a digit, when the caller already has them (find_quantities reads the same);
    `gates` is GATES.mask(lower), when the caller read it (extract.SENTENCE_GATES).
    """
    stop = len(text) if end is None else min(end, len(text))  # (an end past the text: its end)
    folded = fold(text) if folded is None else folded
    found: list[DateExpr] = []
    if digits is None:
        digits = _DIGIT_RE.search(folded, start, stop) is not None
    if lower is None:
        lower = folded[start:stop].lower()
    if gates is None:
        gates = GATES.mask(lower)
    plans = _plans(digits, gates)
    if not plans:
        return found  # no digit and no cue of any pattern (two clauses in five)
    taken = SpanSet()  # bisection, not a scan: a sentence can hold thousands of dates
    months: list[int] | None = None  # where month names start, found once
    follows: list[tuple[int, int]] | None = None  # what follows each (month_follows), once
    years: list[int] | None = None  # where a year may start (year_starts), found once
    for name, pattern, needs_month, month_first, year_first in plans:
        hits: Iterable[re.Match[str]]
        if needs_month:
            if months is None:
                months = month_starts(folded, lower, start, stop)
            if not months:
                continue
        if month_first:
            if follows is None:
                follows = month_follows(folded, months or [], stop)
            need = MONTH_FIRST_NEEDS[name]
            hits = _anchored(pattern, folded, [at for at, bits in follows if bits & need],
                             stop)
        elif year_first:
            if years is None:
                years = year_starts(folded, start, stop)
            hits = _anchored(pattern, folded, years, stop)
        else:
            hits = matches(pattern, folded, start, stop)
        for m in hits:
            s, e = m.start(), m.end()
            if taken.overlaps(s, e):
                continue
            expr = build(name, m, anchor, future, text[s:e], folded)
            if expr is not None:
                days = date_days.listed_days(expr, text) if name in _DAY_LISTS else None
                if days is not None and len(days) > 1:
                    found += days
                else:
                    found.append(_opened(expr, text, folded, start, anchor))
                taken.add(s, e)
    if not found:
        return found  # most clauses: nothing below changes an empty list
    if months and len(months) > 1:
        found = _listed_months(found, text, folded, stop, anchor, future, taken)
    found.sort(key=START)
    if len(found) > 1:
        found = date_days.spans_joined(found, text, start)
    # A base named after a change needs its "%" or "per cent" (most clauses have neither).
    change = gates & CHANGE_BIT != 0
    found = [_bound_denied(_week_of_day(d, text, folded, start), folded, start, anchor)
             for d in found if not _comparison_base(d, folded, start, change)]
    return date_shift.last_years(date_shift.anchor_shifts(found, folded, start), anchor)


# Months listed after "in <Month>": "in February, May and August", "in March and April"
# (a desk probe kept February only). Capitalised, as a listed month is written: after a
# comma "may" is a verb.
_MORE_MONTHS_RE: Final = rx.compile(
    r"(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+)(?P<mon>January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?![\w-])"
    # ... and no name: "in March, May announced", "August Wilson's play" (a review)
    r"(?!\s+(?:[A-Z]|said\b|says\b|told\b|announced\b|added\b|wrote\b|warned\b|"
    r"insisted\b|argued\b|claimed\b|replied\b|resigned\b|won\b|lost\b))")


def _listed_months(found: list[DateExpr], text: str, folded: str, stop: int,
                   anchor: Anchor | None, future: bool, taken: SpanSet) -> list[DateExpr]:
    """`found` with the months listed after each "in <Month>", each dated as that one is,
    or all in the year the list ends with ("in May, June and July 2024")."""
    out = list(found)
    for i, d in enumerate(found):
        if d.granularity != "month" or not d.relative or d.text[:3].lower() != "in ":
            continue
        chain = [d]
        pos = d.end
        while (m := _MORE_MONTHS_RE.match(folded, pos, stop)) is not None:
            s, e = m.start("mon"), m.end()
            if taken.overlaps(s, e):
                # The list ends in a month of a stated year: the whole list is in it. Not
                # ", and March 2024 was similar" after one month: a clause of its own.
                year = next((x.first.year for x in found if x.start == s and x.first
                             and x.granularity == "month" and not x.relative), None)
                a_list = len(chain) > 1 or "," not in m.group("sep")
                if year is not None and a_list and all(c.first for c in chain):
                    chain = [_in_year(c, year) for c in chain]
                break
            listed = build("month_rel", m, anchor, future, text[s:e], folded)
            if listed is None:
                break
            chain.append(listed._replace(start=s))
            taken.add(s, e)
            pos = e
        out[i] = chain[0]
        out += chain[1:]
    return out


def _in_year(d: DateExpr, year: int) -> DateExpr:
    """A resolved month of d's in another year, stated rather than relative."""
    first, last = month_days(year, d.first.month) if d.first else (None, None)
    return d._replace(first=first, last=last, relative=False)


# A bound denied is the other bound: "would not fly before 2030" flies in 2030 or later,
# "did not open until May" opened in May (a desk probe: "before 2030", a date conflict with
# "would fly in 2031"). The denial itself is no negation of the fact (stance).
_DENIED_BEFORE_RE: Final = rx.compile(rf"\bnot\s+{DENIED_WORDS}\Z", re.IGNORECASE)
_UNIT_START = {"year": lambda d: d.replace(month=1, day=1), "month": lambda d: d.replace(day=1),
               "day": lambda d: d,
               "quarter": lambda d: d.replace(month=(d.month - 1) // 3 * 3 + 1, day=1)}


def _bound_denied(d: DateExpr, folded: str, start: int, anchor: Anchor | None) -> DateExpr:
    """d, or for "not ... before/until <date>" the time from that date on."""
    if d.open != "start" or d.last is None:
        return d
    word = d.text.split(None, 1)[0].lower()
    if word not in ("before", "until", "till") or \
            word != "before" and d.granularity not in _UNIT_START or \
            _DENIED_BEFORE_RE.search(folded, max(start, d.start - 90), d.start) is None:
        return d
    first = d.last + timedelta(days=1) if word == "before" else _UNIT_START[d.granularity](d.last)
    return d._replace(first=first, last=open_end(first, anchor), open="end")


# A week named by its last day: "in the week ending 12 October" (a desk probe: the single
# day, which other weeks' figures then missed or met by chance), or by its first.
_WEEK_OF_DAY_RE: Final = rx.compile(r"\bweek\s+(?:(?P<ending>ending|ended|to)\s+(?:on\s+)?|"
                                    r"(?:of|beginning|starting|commencing)\s+)\Z", re.IGNORECASE)


def _week_of_day(d: DateExpr, text: str, folded: str, start: int) -> DateExpr:
    """d, or for the day a week ends the seven days up to it; for the day a week is "of"
    or begins on, the seven days from it ("the week of 16 March": desk probe K, a day)."""
    if d.granularity != "day" or d.open or d.last is None:
        return d
    lead = _WEEK_OF_DAY_RE.search(folded, max(start, d.start - 20), d.start)
    if lead is None:
        return d
    if lead.group("ending"):
        return d._replace(text=text[lead.start():d.end], start=lead.start(),
                          first=d.last - timedelta(days=6), granularity="week")
    if d.first != d.last:
        return d  # "the week of 11-12 April" says its days
    return d._replace(text=text[lead.start():d.end], start=lead.start(),
                      last=d.last + timedelta(days=6), granularity="week")


# The period a figure is compared with, not the time of the fact: a change's base after
# its figure ("up 9.6% on last year", "rose 5% from last year"), and a results table's
# comparative in brackets ("Revenue £4.82bn (Q3 2025: £4.51bn)"). As dates of the claim
# they made a quarter of 2025 and "last year" one time, and "up 6.9%" corroborated "up
# 9.6%" (a desk probe). "from a year earlier" is date_shift's (`_base_of_change`).
_CHANGE: Final = r"(?:%|\bper\s*cent|\bpc|\bpercentage\s+points?|\bpp)"  # "percent": US copy's
_CHANGE_BASE_RE: Final = rx.compile(
    rf"{_CHANGE}\s+(?:on|from|over|against|versus|vs\.?|compared\s+(?:with|to))\s+\Z",
    re.IGNORECASE)
# Only a past year or quarter as such a base ("on last year", "from the previous year"):
# "rose 5% on Monday", "closed at $50 on March 3" date their figures.
_PAST_PERIOD_RE: Final = rx.compile(r"(?:the\s+)?(?:last|previous|prior|same)\b", re.IGNORECASE)
_BASE_GRAINS: Final = frozenset({"month", "quarter", "year", "fiscal-year"})
_NAMED_BASE_RE: Final = rx.compile(
    rf"{_CHANGE}\s+(?:on|from|against|versus|vs\.?|compared\s+(?:with|to))\s+\Z",
    re.IGNORECASE)
_LABELLED_FIGURE_RE: Final = rx.compile(r"\s*:\s*[$\u00a3\u20ac\u00a5\u20b9]?\d")
# The last two characters, in lower case, of each word both base patterns read right before
# their "\s+\Z" ("on", "from", "over", "against", "versus", "vs", "vs.", "with", "to").
_BASE_WORD_ENDS: Final = frozenset({"on", "om", "er", "st", "us", "vs", "s.", "th", "to"})


def _may_end_in_base_word(folded: str, lo: int, at: int) -> bool:
    """Whether folded[lo:at] ends in blanks after what may be a base's word: a true
    precondition of both base patterns' search there, which end "word\\s+\\Z"."""
    # Most dates follow "in", "of" or "by": two characters, not a search over 30 (~20,000
    # instructions a date of a clause with a "%").
    i = at - 1
    while i >= lo and folded[i].isspace():  # str.isspace() is re's \s for each character
        i -= 1
    if i == at - 1 or i <= lo:
        return False  # no blank before the date, or no two characters before the blanks
    pair = folded[i - 1:i + 1]
    # An ASCII pair reads as its lower case; others may be "\u017f" or "\u0131" for s or i.
    return not pair.isascii() or pair.lower() in _BASE_WORD_ENDS


def _comparison_base(d: DateExpr, folded: str, start: int, change: bool = True) -> bool:
    """Whether d names the base a figure is compared with (above), not a time of the fact;
    `change` is False when the clause from `start` holds none of CHANGE_CUES in any case
    (so neither base pattern, each opening on one of them, can match)."""
    lo = max(start, d.start - 30)  # the window the base patterns read before the date
    if change and d.relative and _PAST_PERIOD_RE.match(folded, d.start, d.end) \
            and _may_end_in_base_word(folded, lo, d.start) \
            and _CHANGE_BASE_RE.search(folded, lo, d.start):
        return True
    if change and not d.relative and d.granularity in _BASE_GRAINS \
            and _may_end_in_base_word(folded, lo, d.start) \
            and _NAMED_BASE_RE.search(folded, lo, d.start) \
            and not COMMA_WHEN_RE.match(folded, d.end):
        # ... or a month, quarter or year named as the base: "up 6% on 2024", "up 11.3% on
        # September 2025" (desk probe V: a date conflict with this September's figure);
        # not a period ("rise 3% over 2026"), nor a base whose own figure follows ("on
        # September 2025, when 14,570 people were ...": that figure is of then)
        return True
    return d.start > start and folded[d.start - 1] == "(" \
        and _LABELLED_FIGURE_RE.match(folded, d.end) is not None


def _anchored(pattern: re.Pattern[str], folded: str, starts: list[int],
              stop: int) -> Iterator[re.Match[str]]:
    """What pattern.finditer gives when every match must begin at one of `starts`."""
    after = -1
    for pos in starts:
        if pos < after:
            continue  # inside the previous match: finditer resumes after it
        m = pattern.match(folded, pos, stop)
        if m is not None:
            after = m.end()
            yield m


def _opened(expr: DateExpr, text: str, folded: str, start: int,
            anchor: Anchor | None) -> DateExpr:
    """Apply a preceding since/until/before/after to a day, month or quarter."""
    if expr.open or not expr.resolved or expr.granularity not in _OPENABLE:
        return expr
    if expr.first is None or expr.last is None:
        return expr
    kw = _OPEN_KEYWORD_RE.search(folded, max(start, expr.start - 12), expr.start)
    if kw is None and folded.find("including", max(start, expr.start - 26), expr.start) >= 0:
        kw = _OPEN_KEYWORD_RE.search(folded, max(start, expr.start - 26), expr.start)
    if kw is None and "since" in folded[max(start, expr.start - 45):expr.start]:
        kw = _SINCE_IT_BEGAN_RE.search(folded, max(start, expr.start - 45), expr.start)
    if kw is None:
        kw = _LEAD_KEYWORD_RE.match(folded, expr.start, expr.end)
        if kw is None:
            return expr
    elif _COMPOUND_RE.search(folded, expr.start, expr.end) or \
            _ATTRIBUTIVE_RE.match(folded, expr.end):
        return expr  # "after third-quarter revenue rose": the date qualifies a noun
    word = kw.group("kw").lower()
    if word.startswith("up"):
        word = "by"
    if expr.granularity == "period" and word in ("until", "till"):
        return expr  # "(not) until mid-2027" is when it happens: mid-2027
    s = kw.start()
    raw = text[s:expr.end]
    if word in ("since", "after"):
        first = expr.first if word == "since" else expr.last + timedelta(days=1)
        return expr._replace(text=raw, start=s, first=first, last=open_end(first, anchor),
                             open="end")
    last = expr.last if word != "before" else expr.first - timedelta(days=1)
    return expr._replace(text=raw, start=s, first=None, last=last, open="start")
