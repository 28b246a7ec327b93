"""Builders for days relative to publication: a day and month without a year ("on 12 March",
"From 1 July the bill falls"), a day "last year", "yesterday", "overnight" and weekdays ("on
Tuesday", "last Thursday", "the final is on Sunday"), resolved against the anchor."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from checker import rx
from checker.extract.date_patterns import WEEKDAYS, from_before
from checker.extract.date_types import (
    Anchor,
    DateExpr,
    expr,
    month_number,
    rel_offset,
    rule,
    unresolved_at,
    year_for_month,
)


@rule("md_rel")
@rule("dm_rel")
def _day_rel_year(m: re.Match[str], raw: str, anchor: Anchor | None,
                  future: bool) -> DateExpr:
    month, day = month_number(m["mon"]), int(m["day"])
    if anchor is None:
        date(2000, month, day)  # still reject "February 30" (2000 is a leap year)
        return unresolved_at(m, raw, "day")
    d = date(anchor.year + rel_offset(m["rel"]), month, day)
    return expr(m, raw, d, d, "day", relative=True)


# A day from which a change applies, told in the present: "From 1 July the typical bill
# falls to £1,642" (desk probe O: the July before publication). Not "From 1 July, sales
# rose".
_PRESENT_CHANGE = (r"(?:falls|rises|goes|comes|takes|becomes|costs|drops|increases|decreases|"
                   r"changes|applies|starts|begins|opens|closes|moves|will)")
_PRESENT_CHANGE_AFTER_RE: Final = rx.compile(rf",?\s+(?:[\w'-]+\s+){{0,4}}?{_PRESENT_CHANGE}\b",
                                             re.IGNORECASE)
# ... told before the day too: "The typical bill falls by £129 to £1,720 a year from 1
# July" (a review: the July before, while "From 1 July the bill falls" was ahead).
_PRESENT_CHANGE_BEFORE_RE: Final = rx.compile(rf"\b{_PRESENT_CHANGE}\b[^.;:]{{0,80}}\Z",
                                              re.IGNORECASE)


# A payment's day: "payable on June 11 to shareholders of record on May 28" (desk probe P:
# both the year before, on a page of 29 April). A dividend is paid within weeks of its
# announcement: the day nearest publication, before or after it.
_DUE_BEFORE_RE: Final = rx.compile(r"\b(?:payable|of\s+record)\s+(?:on\s+)?\Z", re.IGNORECASE)


@rule("md")
@rule("dm")
def _month_day(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    month, day = month_number(m["mon"]), int(m["day"])
    if anchor is None:
        date(2000, month, day)  # still reject "February 30" (2000 is a leap year)
        return unresolved_at(m, raw, "day")
    if _DUE_BEFORE_RE.search(m.string, max(0, m.start() - 16), m.start()):
        d = min((date(anchor.year + k, month, day) for k in (-1, 0, 1)),
                key=lambda x: abs((x - anchor.first).days))
        return expr(m, raw, d, d, "day", relative=True)
    if not future and from_before(m.string, m.start()) \
            and (_PRESENT_CHANGE_AFTER_RE.match(m.string, m.end()) or
                 _PRESENT_CHANGE_BEFORE_RE.search(m.string, max(0, m.start() - 90), m.start())):
        future = True
    d = date(year_for_month(anchor, month, future), month, day)
    return expr(m, raw, d, d, "day", relative=True)


@rule("day_rel")
def _day_rel(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    if anchor is None or anchor.granularity != "day":
        return unresolved_at(m, raw, "day")
    d = anchor.first + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[
        m["word"].lower()])
    return expr(m, raw, d, d, "day", relative=True)


# A night's events, told the morning after: "Overnight, Russia launched 212 drones", "Russia
# fired 40 missiles at Kyiv overnight", "in the past 24 hours" (desk probe L: no date, so
# the tallies of two nights conflicted). The night before publication and its day. Not "an
# overnight success", "stayed overnight", "changed overnight": "overnight" opens the
# sentence, or closes a clause of an attack or a count.
_NIGHT_ACT_RE: Final = rx.compile(
    r"\b(?:launched|fired|attacked|struck|hit|shot\s+down|downed|intercepted|killed|"
    r"destroyed|carried\s+out|shelled|bombed|targeted|reported|recorded)\b[^.;:!?]{0,80}\Z",
    re.IGNORECASE)
# (Not before "on June 3", "into Sunday", "in 2022": that date is the night's; a review.)
_CLAUSE_END_RE: Final = rx.compile(r"\s*(?:[,.;:)]|$|\s(?:and|as|while|when)\b)")


@rule("night")
def _night(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr | None:
    if m["word"] is not None:
        before = m.string[max(0, m.start() - 100):m.start()]
        opens = not before.rstrip(" \t\"'\u201c(")[-1:].isalnum()
        # "Overnight," opens the sentence as an adverb: "Overnight interest rates", "Overnight
        # stays at hotels" name things (a review)
        if not (opens and m["word"] == "Overnight" and m.string.startswith(",", m.end())
                or _NIGHT_ACT_RE.search(before) and _CLAUSE_END_RE.match(m.string, m.end())):
            return None
    if anchor is None or anchor.granularity != "day":
        return unresolved_at(m, raw, "period")
    return expr(m, raw, anchor.first - timedelta(days=1), anchor.first, "period",
                relative=True)


# A weekday that dates the telling, not the plan: "Acme will cut 1,500 jobs, the company
# said on Thursday" is Thursday past, however future the rest of the sentence is.
_TOLD_BEFORE_RE: Final = rx.compile(
    r"\b(?:said|says|announced|told|reported|confirmed|stated|added|wrote|revealed|"
    r"disclosed|warned)\b(?:\s+[\w'-]+){0,4}\s*\Z", re.IGNORECASE)


# A weekday in a planned clause is the next one, whatever the rest of the sentence tells:
# "Babis said on Saturday that talks would begin on Monday" (a desk probe: the Monday before
# publication), "the vote is due on Friday", "will meet on Tuesday" ("would have met on
# Monday" is past), "would remain closed until at least Friday" (a desk probe: the Friday
# before, a date conflict with "until at least 12 December"). Up to six words, none past a
# comma; not a past told as its sequel ("would go on to win on Sunday": a review).
_PLANNED_BEFORE_RE: Final = rx.compile(
    r"\b(?:will|would(?!\s+(?:go\s+on|later|eventually|then|never)\b)|shall|'ll|"
    r"(?:is|are)\s+(?:now\s+)?(?:due|set|scheduled|expected|planned)|"
    # a forecast's chance and a warning's window (desk probe M: "There is a 60% chance of
    # rain on Thursday", "... is in force from 9am Tuesday", "a warning covers the county
    # from 6pm Friday" were last week's days)
    r"(?:is|are)\s+(?:an?\s+)?(?:\d+%\s+)?chance|(?:is|are)\s+in\s+force|"
    r"(?:warning|alert|watch)\s+(?:covers|runs|applies)|"
    r"(?:is|are)\s+to)\b(?:\s+(?!have\b)[\w'-]+){0,6}?\s*\Z", re.IGNORECASE)
# An event the page tells of in the present, no verb in the past between: "The final match
# is in Ahmedabad on Sunday" (desk probe O: the Sunday before, a date conflict with "on 15
# February"), "The Italian Open begins in Rome on Wednesday" (desk probe P); not "The match
# is being replayed after it was abandoned on Saturday" (a review: a false date conflict).
_EVENT_AHEAD_RE: Final = rx.compile(
    r"\b(?:(?:match|game|final|fixture|race|vote|meeting|hearing|summit|concert|ceremony)\s+"
    r"(?:is|are)|begins|starts|opens|resumes|kicks\s+off|takes\s+place|gets\s+under\s*way|"
    # ... and its end: "The race ends in Paris on Sunday" (desk probe V: the Sunday before,
    # a date conflict with "finishes in Paris on 26 July")
    r"ends|finishes|concludes|closes)"
    r"\b(?:\s+(?!have\b|was\b|were\b|had\b|been\b|being\b|after\b|since\b|when\b|"
    r"[\w'-]+ed\b|froze\b|struck\b|fell\b|won\b|lost\b|played\b|held\b|met\b)[\w'-]+){0,6}?"
    r"\s*\Z", re.IGNORECASE)


# "Last <weekday>" up to this many days back may also mean the week before.
_AMBIGUOUS_LAST: Final = 2


@rule("weekday")
def _weekday(m: re.Match[str], raw: str, anchor: Anchor | None, future: bool) -> DateExpr:
    if anchor is None or anchor.granularity != "day":
        return unresolved_at(m, raw, "day")
    lead = raw.lower().split()[0]
    wd = WEEKDAYS[m["wd"].lower()]
    pair = _PAIRED_BEFORE_RE.search(m.string, max(0, m.start() - 24), m.start())
    if pair is not None and lead not in ("last", "next"):
        # The second of two days told together is the one after the first: "for Saturday
        # and Sunday" written on a Saturday is this weekend's (desk probe S: the Sunday
        # before publication).
        first = _day_of_week(m.string, pair.start(), WEEKDAYS[pair["prev"].lower()], "",
                             anchor, future)
        if isinstance(first, date):
            d = first + timedelta(days=(wd - first.weekday()) % 7)
            return expr(m, raw, d, d, "day", relative=True)
    found = _day_of_week(m.string, m.start(), wd, lead, anchor, future)
    if isinstance(found, date):
        return expr(m, raw, found, found, "day", relative=True)
    # "Last Tuesday" written on a Wednesday or a Thursday is that day to some writers and
    # the Tuesday of the week before to others (for the day before yesterday "on Tuesday"
    # would do): either day, not one stated as certain (a desk probe: an error-level date
    # conflict with "on Tuesday" of the week before).
    return expr(m, raw, found[0], found[1], "week", relative=True)


def _day_of_week(text: str, start: int, wd: int, lead: str, anchor: Anchor,
                 future: bool) -> date | tuple[date, date]:
    """The day a weekday told at text[start] names (or, for an ambiguous "last Tuesday",
    the two days it may be)."""
    delta = (anchor.first.weekday() - wd) % 7
    before = max(0, start - 60)
    told_at = _TOLD_BEFORE_RE.search(text, before, start)
    plan = (_PLANNED_BEFORE_RE.search(text, before, start)
            or _EVENT_AHEAD_RE.search(text, before, start)) if lead != "last" else None
    # A plan told after the telling is the plan's day: "said he would decide on Tuesday"
    # (desk probe P: the Tuesday before), not "said on Saturday that ...".
    told = told_at is not None and not (plan is not None and plan.start() > told_at.start())
    if not told and plan is not None:
        future = True
    # "last Thursday" is past even in a sentence that plans (desk probe O: "We spoke to her
    # last Thursday, ... the price cap would fall" was the Thursday after publication).
    if (future and not told and lead != "last") or lead == "next":
        return anchor.first + timedelta(days=(7 - delta) % 7 or (7 if lead == "next" else 0))
    if lead == "last" and 0 < delta <= _AMBIGUOUS_LAST:
        d = anchor.first - timedelta(days=delta)
        return d - timedelta(days=7), d
    return anchor.first - timedelta(days=delta or (7 if lead == "last" else 0))


# A weekday told right after another: "Saturday and Sunday", "Friday or Saturday",
# "Monday to Wednesday".
_PAIRED_BEFORE_RE: Final = rx.compile(
    r"\b(?:on\s+)?(?P<prev>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*"
    r"(?:,|and|or|to|through|until|-|\u2013)\s*(?:on\s+)?\Z", re.IGNORECASE)
