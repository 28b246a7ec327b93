"""Builders for months, quarters and periods relative to publication ("last year", "in
January", "the third quarter", "late last year", "in the year to March", "April-December"),
resolved against the anchor. Days and weekdays are in date_day_rules; shifts from another
date ("a year earlier") and "ago" in date_shift."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Final

from checker import rx
from checker.extract.date_patterns import ORDINALS, PARTS, QUARTER_ENDING, from_before
from checker.extract.date_types import (
    Anchor,
    DateExpr,
    count_word,
    expr,
    month_days,
    month_number,
    quarter_expr,
    rel_offset,
    rule,
    unresolved_at,
    year_days,
    year_for_month,
)


@rule("between_months")
@rule("month_range")
def _month_range(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    m1, m2 = month_number(m["mon"]), month_number(m["mon2"])
    if m["year"]:
        # "between November and March 2025" runs over a year end: the year written is the
        # later month's, and the period starts the year before, never after it ends.
        year = int(m["year"])
        first_year = year - 1 if m1 > m2 else year
    elif anchor is None:
        return unresolved_at(m, raw, "period")
    elif future and from_before(m.string, m.start()):
        # A span planned from a month: "will run from March to June", the next begun.
        first_year = year_for_month(anchor, m1, True)
        year = first_year + 1 if m1 > m2 else first_year
    else:
        # Without a year, the latest such period ended by publication, as a period of figures
        # is: "Net profit for the April-December period" on 5 February 2026 is 2025's (desk
        # probe N: 2026's); so is "the January-March quarter's figures will be published"
        # (a review: next year's).
        year = year_for_month(anchor, m2, False)
        first_year = year - 1 if m1 > m2 else year
    return expr(m, raw, month_days(first_year, m1)[0], month_days(year, m2)[1], "period",
                 relative=not m["year"])


@rule("m_rel")
def _month_rel_year(m: re.Match[str], raw: str, anchor: Anchor | None,
                    future: bool) -> DateExpr:
    month = month_number(m["mon"])
    if anchor is None:
        return unresolved_at(m, raw, "month")
    a, b = month_days(anchor.year + rel_offset(m["rel"]), month)
    return expr(m, raw, a, b, "month", relative=True)


# A company's fiscal quarter: its calendar is unknown ("fiscal fourth quarter" may end in
# January, June or September), so it is no calendar quarter to compare with another.
# ("financial" alone is not enough: "Q4 2024 financial results" are a calendar quarter's.)
_FISCAL_BEFORE_RE = rx.compile(r"\b(?:fiscal(?:[\s-]+year)?|financial[\s-]+year)[\s-]+$", re.I)
_FISCAL_AFTER_RE = rx.compile(r"\s+(?:of\s+(?:the\s+|its\s+|their\s+)?)?(?:fiscal|financial\s+year|"
                              r"FY)(?![a-z])", re.I)


def _fiscal_quarter(m: re.Match[str]) -> bool:
    """Whether a quarter is a fiscal one: the words around it in the (folded) sentence."""
    before = m.string[max(0, m.start() - 24):m.start()]
    return bool(_FISCAL_BEFORE_RE.search(before) or _FISCAL_AFTER_RE.match(m.string, m.end()))


@rule("q_year")
@rule("qy")
@rule("q")
def _quarter(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    g = m.groupdict()
    q = int(g["qn"]) if g.get("qn") else QUARTER_ENDING[g["qm"].lower()] if g.get("qm") \
        else ORDINALS[g["q"].lower()]
    if _fiscal_quarter(m):
        return unresolved_at(m, raw, "quarter")
    if g.get("year"):
        return quarter_expr(raw, m.start(), m.end(), int(g["year"]), q, relative=False)
    if anchor is None:
        return unresolved_at(m, raw, "quarter")
    if g.get("rel"):
        year = anchor.year + rel_offset(g["rel"])
    elif future and _results_due(m, anchor, q):  # "expect third-quarter revenue" in October
        year = anchor.year if 3 * q < anchor.first.month else anchor.year - 1
    elif future:  # the next quarter of that number not yet over at publication
        year = anchor.year if 3 * q >= anchor.first.month else anchor.year + 1
    else:  # the latest quarter of that number begun by publication
        year = anchor.year if 3 * q - 2 <= anchor.month else anchor.year - 1
    return quarter_expr(raw, m.start(), m.end(), year, q, relative=True)


# What a company reports for a quarter once it is over.
_RESULTS_RE = rx.compile(r"\b(?:results|revenue|revenues|earnings|profits?|sales|loss|losses|"
                         r"figures|turnover|income)\b", re.IGNORECASE)


def _results_due(m: re.Match[str], anchor: Anchor, q: int) -> bool:
    """A quarter's results expected within three months of its end: that quarter, not the
    next one of its number ("analysts expect third-quarter revenue of $2.4 billion" in
    October is this year's third quarter; "will launch in the third quarter" is next
    year's)."""
    since_end = (anchor.first.month - 3 * q) % 12
    return 1 <= since_end <= 3 and \
        _RESULTS_RE.search(m.string, m.end(), min(len(m.string), m.end() + 40)) is not None


@rule("next_n")
def _next_n(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr | None:
    unit = m["unit"].lower()
    n = count_word(m["n"]) if m["n"] else 1
    if n is None:
        return None
    if anchor is None:
        return unresolved_at(m, raw, "period")
    years = n * 10 if unit.startswith("decade") else n
    return expr(m, raw, anchor.first, year_days(anchor.year + years)[1], "period",
                 relative=True)


# The figure a change is measured from, set off before a month: "to rise to 4.4% next
# year, from 4.3% in September", "up from 2.1% in June" (a desk probe: September of next
# year, the plan's tense lent to the figure it starts from). Not "will fall from $5
# billion in March", where March may be the fall's.
_FROM_FIGURE_BEFORE_RE = rx.compile(
    r"(?:,\s*|\b(?:up|down)\s+)from\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?[^\s\d]{0,3}\d[\d.,]*"
    r"(?:\s*(?:%|per\s*cent|percent|[a-z]+))?\s+\Z", re.IGNORECASE)


# "The next round is expected in October" (desk probe L: the October before publication);
# only the month it names ("the verdict in the trial that began in January is expected in
# October" began in January past: a review).
_EXPECTED_BEFORE_RE: Final = rx.compile(r"\b(?:is|are)\s+(?:now\s+)?expected\s+(?:in|by)\s+\Z",
                                        re.IGNORECASE)

# A month told right after a verb in the past is past, whatever a plan elsewhere in the
# sentence says: "since the reforms took effect in March, and we expect to clear another
# 100GW" (desk probe O: March of next year). Not a plan's participle ("is expected in",
# "was postponed to"), nor a passive or an infinitive to come ("will be completed in").
_PAST_VERB_BEFORE_RE: Final = rx.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bto )\b(?:(?!expect|schedul|plann|slat|forecast|predict|"
    r"project|delay|postpon|reschedul|target|earmark|need|exceed|proceed|succeed|speed|seed|"
    r"feed|shed)[a-z]{2,}ed|took\s+effect|began|came|went|rose|fell|grew|won|lost|held|met|saw|"
    r"made|was|were)\s+\Z", re.IGNORECASE)


# A future auxiliary a few words before the verb: "will be contacted and compensated in June"
# (a review: read as past).
_FUTURE_AUX_RE: Final = rx.compile(r"\b(?:will|would|shall|'ll|to|be)\s+(?:[\w'-]+\s+){0,3}\Z",
                                   re.IGNORECASE)


def _past_verb_before(text: str, at: int) -> bool:
    """A verb in the past right before the month at `at`, no future auxiliary before it."""
    verb = _PAST_VERB_BEFORE_RE.search(text, max(0, at - 30), at)
    return verb is not None and not _FUTURE_AUX_RE.search(text, max(0, verb.start() - 40),
                                                           verb.start())


@rule("month_rel")
def _month_rel(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    month = month_number(m["mon"])
    if anchor is None:
        return unresolved_at(m, raw, "month")
    lead = raw.lower().split()[0].split("-")[0]
    if lead == "last":
        year = anchor.year - 1 if month >= anchor.month else anchor.year
    elif lead == "next":
        year = anchor.year + 1 if month <= anchor.month else anchor.year
    else:
        if future and (lead == "since" or _FROM_FIGURE_BEFORE_RE.search(
                m.string, max(0, m.start() - 40), m.start())
                or _past_verb_before(m.string, m.start())):
            # the figure a change starts from is the latest one, not a plan; so is what
            # happened in a month, or since it
            future = False
        elif not future and _EXPECTED_BEFORE_RE.search(m.string, max(0, m.start() - 30),
                                                       m.start() + 3):
            future = True  # what is expected in a month is ahead: that month, not the clause
        year = year_for_month(anchor, month, future)
    a, b = month_days(year, month)
    return expr(m, raw, a, b, "month", relative=True)


@rule("part_rel")
def _part_rel(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    # "late last year" as "late 2024" (date_rules._part): months PARTS says.
    if anchor is None:
        return unresolved_at(m, raw, "period")
    year = anchor.year + rel_offset(m["rel"])
    m1, m2 = PARTS[m["part"].lower()]
    return expr(m, raw, month_days(year, m1)[0], month_days(year, m2)[1], "period",
                relative=True)


@rule("year_to")
def _year_to(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr | None:
    # "in the year to March": the 12 months ending with March, the latest March begun by
    # publication when no year is written.
    month = month_number(m["mon"])
    n = 12 if (m["unit"] or "").lower() == "year" else 3 if m["unit"] else count_word(m["n"])
    if n is None or not 1 <= n <= 120:
        return None
    if m["year"]:
        year = int(m["year"])
    elif anchor is None:
        return unresolved_at(m, raw, "period")
    else:
        year = year_for_month(anchor, month, False)
    index = year * 12 + month - n  # the first month's, counted from 0
    first = month_days(index // 12, index % 12 + 1)[0]
    # One, three or twelve months are dated as a month, a quarter or a year (not always a
    # calendar one), a time compare places as an event: "the year to February 2024" and
    # "the year to February 2023" are two times (as "a period" their figures conflicted).
    gran = {1: "month", 3: "quarter", 12: "year"}.get(n, "period")
    return expr(m, raw, first, month_days(year, month)[1], gran, relative=not m["year"])


@rule("rel_year")
def _rel_year(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    if anchor is None:
        return unresolved_at(m, raw, "year")
    a, b = year_days(anchor.year + rel_offset(m["rel"]))
    return expr(m, raw, a, b, "year", relative=True)


@rule("rel_unit")
def _rel_unit(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    shift = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    if m["unit"].lower() == "month":
        if anchor is None or anchor.granularity == "year":
            return unresolved_at(m, raw, "month")
        index = anchor.year * 12 + anchor.first.month - 1 + shift
        a, b = month_days(index // 12, index % 12 + 1)
        return expr(m, raw, a, b, "month", relative=True)
    if anchor is None or anchor.granularity != "day":
        return unresolved_at(m, raw, "week")
    monday = anchor.first - timedelta(days=anchor.first.weekday()) + timedelta(weeks=shift)
    return expr(m, raw, monday, monday + timedelta(days=6), "week", relative=True)
