"""Dates and periods, table-driven: the examples of issue 3, resolved against a published
date and unresolved without one, and the known failure modes of generic date parsers
(dateparser #330, #582, #694, #942, #1193, #1266; datefinder #56, #99, #124; parsedatetime
#17)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract.date_patterns import COUNT_BEFORE_RE, count_before
from checker.extract.dates import Anchor, DateExpr, find_dates

ANCHORS = {
    "day": Anchor(date(2025, 3, 1), date(2025, 3, 1), "day"),  # a Saturday
    "year": Anchor(date(2025, 1, 1), date(2025, 12, 31), "year"),
    "new-year": Anchor(date(2025, 1, 1), date(2025, 1, 1), "day"),  # a Wednesday
    "none": None,
}
D = date


def one(text: str, surface: str, anchor: str = "day", future: bool = False) -> DateExpr:
    found = {d.text: d for d in find_dates(text, anchor=ANCHORS[anchor], future=future)}
    assert surface in found, f"{surface!r} not among {list(found)}"
    expr = found[surface]
    assert text[expr.start:expr.end] == surface
    return expr


# (sentence, surface, anchor, expected fields)
ROWS: list[tuple[str, str, str, dict[str, Any]]] = [
    # issue 3, with a published date
    ("Last year, China put a satellite in orbit.", "Last year", "day",
     {"first": D(2024, 1, 1), "last": D(2024, 12, 31), "granularity": "year", "relative": True,
      "resolved": True}),
    ("In April last year, China launched a submarine.", "April last year", "day",
     {"first": D(2024, 4, 1), "last": D(2024, 4, 30), "granularity": "month"}),
    ("In January, the two countries signed an MoU.", "In January", "day",
     {"first": D(2025, 1, 1), "last": D(2025, 1, 31), "granularity": "month"}),
    ("In May, the two countries signed an MoU.", "In May", "day",  # May 2025 is not yet
     {"first": D(2024, 5, 1), "last": D(2024, 5, 31)}),
    ("In May, the mission will launch.", "In May", "day-future",
     {"first": D(2025, 5, 1), "last": D(2025, 5, 31)}),
    ("In January, Nawaz met investors.", "In January", "year",
     {"first": D(2025, 1, 1), "last": D(2025, 1, 31)}),
    ("Weeks later, Beijing put another satellite into orbit.", "Weeks later", "day",
     {"first": None, "last": None, "resolved": False, "relative": True}),
    ("Two weeks later, it flew.", "Two weeks later", "day", {"resolved": False}),
    ("They will implement the 2021\u20132030 programme.", "2021\u20132030", "day",
     {"first": D(2021, 1, 1), "last": D(2030, 12, 31), "granularity": "period",
      "relative": False, "resolved": True}),
    ("Sales rose in the third quarter.", "the third quarter", "year",
     {"first": D(2025, 7, 1), "last": D(2025, 9, 30), "granularity": "quarter"}),
    ("Sales rose in the third quarter.", "the third quarter", "day",  # Q3 2025 not begun
     {"first": D(2024, 7, 1), "last": D(2024, 9, 30)}),
    # a quarter named by the month it ends, as Australian and Indian reports write it (a
    # desk probe: "up from 2.1% in the June quarter" had no date)
    ("Inflation was 2.1% in the December quarter.", "the December quarter", "day",
     {"first": D(2024, 10, 1), "last": D(2024, 12, 31), "granularity": "quarter"}),
    ("GDP grew 0.6% in the September quarter of 2024.", "the September quarter of 2024", "day",
     {"first": D(2024, 7, 1), "last": D(2024, 9, 30), "relative": False}),
    ("Output fell in the March quarter.", "the March quarter", "day",  # Q1 2025 begun
     {"first": D(2025, 1, 1), "last": D(2025, 3, 31)}),
    ("Sales rose in the third quarter of this year.", "the third quarter of this year", "day",
     {"first": D(2025, 7, 1), "last": D(2025, 9, 30), "relative": True}),
    ("Sales rose in the fourth quarter of 2023.", "the fourth quarter of 2023", "none",
     {"first": D(2023, 10, 1), "last": D(2023, 12, 31), "relative": False}),
    ("Q3 2024 results were strong.", "Q3 2024", "none",
     {"first": D(2024, 7, 1), "last": D(2024, 9, 30), "granularity": "quarter"}),
    # fiscal years and periods
    ("The 2012\u201313 budget passed.", "2012\u201313", "none",
     {"granularity": "fiscal-year", "first": D(2012, 1, 1), "last": D(2013, 12, 31)}),
    ("Spending in FY 2023-24 fell.", "FY 2023-24", "none", {"granularity": "fiscal-year"}),
    ("Spending in FY2024 fell.", "FY2024", "none",
     {"granularity": "fiscal-year", "first": D(2023, 1, 1), "last": D(2024, 12, 31)}),
    ("Spending in FY24 fell.", "FY24", "none", {"granularity": "fiscal-year"}),
    # a company's fiscal quarter is no calendar quarter: its calendar is unknown
    ("Apple's fiscal fourth quarter revenue rose.", "fourth quarter", "day",
     {"resolved": False, "first": None, "granularity": "quarter"}),
    ("Revenue rose in the fiscal-year third quarter.", "third quarter", "day",
     {"resolved": False}),
    ("Revenue rose in fiscal Q4 2024.", "Q4 2024", "day", {"resolved": False}),
    ("Revenue rose in the fourth quarter of fiscal 2024.", "the fourth quarter", "day",
     {"resolved": False}),
    ("Revenue rose in Q2 FY25.", "Q2", "day", {"resolved": False}),
    ("Revenue rose in the second quarter of its financial year.", "the second quarter", "day",
     {"resolved": False}),
    ("Fiscal policy tightened in the third quarter.", "the third quarter", "day",
     {"resolved": True, "first": D(2024, 7, 1)}),
    ("Revenue rose to $2 billion in Q4 2024 financial results.", "Q4 2024", "day",
     {"resolved": True, "first": D(2024, 10, 1)}),  # financial results, calendar quarter
    ("Third-quarter financial statements were late.", "Third-quarter", "day",
     {"resolved": True}),
    ("Arms flowed between 2020 and 2024.", "between 2020 and 2024", "none",
     {"first": D(2020, 1, 1), "last": D(2024, 12, 31), "granularity": "period"}),
    ("The Action Plan (2025\u20132029) was agreed.", "2025\u20132029", "none",
     {"first": D(2025, 1, 1), "last": D(2029, 12, 31)}),
    # five years back from the published date, not from 1 January (an editor's probe)
    ("It rose in the past five years.", "in the past five years", "day",
     {"first": D(2020, 3, 1), "last": D(2025, 3, 1), "relative": True}),
    ("It was up from the previous five-year period to 2019.",
     "the previous five-year period to 2019", "none",
     {"first": D(2015, 1, 1), "last": D(2019, 12, 31)}),
    ("It leads the country for the next five years.", "for the next five years", "year",
     {"first": D(2025, 1, 1), "last": D(2030, 12, 31), "relative": True}),
    ("Output grew in the first half of 2024.", "the first half of 2024", "none",
     {"first": D(2024, 1, 1), "last": D(2024, 6, 30)}),
    ("Output grew in H2 2024.", "H2 2024", "none",
     {"first": D(2024, 7, 1), "last": D(2024, 12, 31)}),
    ("It has been the main supplier since the 1990s.", "since the 1990s", "day",
     {"first": D(1990, 1, 1), "last": D(2025, 3, 1), "open": "end", "granularity": "decade"}),
    ("A programme that dates back to 1999.", "1999", "none",
     {"first": D(1999, 1, 1), "last": D(1999, 12, 31), "granularity": "year"}),
    ("It will land by 2030.", "by 2030", "none", {"first": None, "last": D(2030, 12, 31),
                                                   "open": "start"}),
    ("Incentives last until June 30, 2035, it said.", "until June 30, 2035", "none",
     {"first": None, "last": D(2035, 6, 30), "open": "start", "granularity": "day"}),
    ("Production paused in mid-2024.", "mid-2024", "none",
     {"first": D(2024, 4, 1), "last": D(2024, 9, 30), "granularity": "period"}),
    # days
    ("SMIC announced on Nov. 8 that sales rose.", "Nov. 8", "day",
     {"first": D(2024, 11, 8), "last": D(2024, 11, 8), "granularity": "day"}),
    ("The expo begins Jan. 17 in Lahore.", "Jan. 17", "day", {"first": D(2025, 1, 17)}),
    ("It was signed on 17 January.", "17 January", "day", {"first": D(2025, 1, 17)}),
    ("It was signed on April 25, 2025.", "April 25, 2025", "none", {"first": D(2025, 4, 25)}),
    ("It was signed on 3 March 2024.", "3 March 2024", "none", {"first": D(2024, 3, 3)}),
    ("It was signed on 2024-03-03.", "2024-03-03", "none", {"first": D(2024, 3, 3)}),
    ("Bubble -58.5 06 Mar 2009 in need.", "06 Mar 2009", "none",  # dateparser #856
     {"first": D(2009, 3, 6)}),
    ("He spoke on Tuesday.", "on Tuesday", "day", {"first": D(2025, 2, 25)}),
    ("We met on Sunday.", "on Sunday", "new-year",  # dateparser #1266: across the new year
     {"first": D(2024, 12, 29)}),
    ("It happened yesterday.", "yesterday", "day", {"first": D(2025, 2, 28)}),
    # a plan's weekday is ahead; the weekday it was told on is past (a desk review's case)
    ("Acme will cut jobs on Tuesday.", "on Tuesday", "day-future", {"first": D(2025, 3, 4)}),
    ("Acme will cut 1,500 jobs, the company said on Tuesday.", "on Tuesday", "day-future",
     {"first": D(2025, 2, 25)}),
    ("Acme said it will open the plant on Tuesday.", "on Tuesday", "day-future",
     {"first": D(2025, 3, 4)}),
    # results are expected after a quarter ends; a plan's quarter is ahead
    ("Analysts expect fourth-quarter revenue of $2 billion.", "fourth-quarter", "day-future",
     {"first": D(2024, 10, 1), "last": D(2024, 12, 31)}),
    ("Acme will launch the phone in the fourth quarter.", "the fourth quarter", "day-future",
     {"first": D(2025, 10, 1), "last": D(2025, 12, 31)}),
    ("It was signed last week.", "last week", "day",
     {"first": D(2025, 2, 17), "last": D(2025, 2, 23), "granularity": "week"}),
    ("It was signed last month.", "last month", "day",
     {"first": D(2025, 2, 1), "last": D(2025, 2, 28)}),
    ("It was signed last week.", "last week", "year",  # a year-only anchor has no weeks
     {"resolved": False}),
    ("The 2010 Year Treasury notes.", "2010", "none",  # dateparser #1193: not year 4033
     {"first": D(2010, 1, 1)}),
    ("Sales rose between January and March.", "between January and March", "day",
     {"first": D(2025, 1, 1), "last": D(2025, 3, 31), "granularity": "period"}),
    ("Sales rose between January and March 2023.", "between January and March 2023", "none",
     {"first": D(2023, 1, 1), "last": D(2023, 3, 31)}),
    # Over a year end (an editor's probe: 2025-11-01 to 2025-03-31, backwards).
    ("The union staged six strikes between November and March.", "between November and March",
     "day", {"first": D(2024, 11, 1), "last": D(2025, 3, 31), "granularity": "period"}),
    ("Strikes ran from November to March 2024.", "November to March 2024", "none",
     {"first": D(2023, 11, 1), "last": D(2024, 3, 31)}),
    ("Profits fell in the first half of the year.", "the first half of the year", "day",
     {"first": D(2025, 1, 1), "last": D(2025, 6, 30), "relative": True}),
    ("Third-quarter revenue was $2 billion.", "Third-quarter", "day",
     {"first": D(2024, 7, 1), "last": D(2024, 9, 30), "granularity": "quarter"}),
    ("Output grew in the third quarter of the year.", "the third quarter of the year", "day",
     {"first": D(2024, 7, 1), "last": D(2024, 9, 30)}),
    # a year after a hedge or a comparison that counts nothing is the year (desk probe L:
    # counts of 2028 and 2024)
    ("China plans to launch Chang'e-8 around 2028.", "2028", "day",
     {"first": D(2028, 1, 1), "last": D(2028, 12, 31), "granularity": "year"}),
    ("At least one year would be warmer than 2024, the WMO said.", "2024", "day",
     {"first": D(2024, 1, 1), "last": D(2024, 12, 31)}),
    # a rank told against a year is behind that year, not after it (desk probe L: from
    # 2025 to publication)
    ("It averaged 20.85C, the second highest for June after 2024.", "after 2024", "day",
     {"first": D(2024, 1, 1), "last": D(2024, 12, 31), "open": None}),
    ("It was the third warmest year after 2016, the agency said.", "after 2016", "day",
     {"first": D(2016, 1, 1), "last": D(2016, 12, 31)}),
    ("Prices rose steadily after 2016.", "after 2016", "day",
     {"first": D(2017, 1, 1), "last": D(2025, 3, 1), "open": "end"}),
    # two months of one span are one period (desk probe L: two months)
    ("We followed 12,047 nurses between January 2012 and December 2023.",
     "January 2012 and December 2023", "day",
     {"first": D(2012, 1, 1), "last": D(2023, 12, 31), "granularity": "period"}),
    ("Prices rose from March 2020 to June 2021.", "March 2020 to June 2021", "day",
     {"first": D(2020, 3, 1), "last": D(2021, 6, 30), "granularity": "period"}),
    ("Sales fell in March 2020 and June 2021.", "June 2021", "day",
     {"first": D(2021, 6, 1), "granularity": "month"}),
    # the night before publication (desk probe L: no date, so two nights' tallies conflicted)
    ("Overnight, Russia launched 212 drones.", "Overnight", "day",
     {"first": D(2025, 2, 28), "last": D(2025, 3, 1), "granularity": "period"}),
    ("Russia fired 40 missiles at Kyiv overnight, officials said.", "overnight", "day",
     {"first": D(2025, 2, 28), "last": D(2025, 3, 1)}),
    ("It shot down 1,240 drones in the past 24 hours.", "in the past 24 hours", "day",
     {"first": D(2025, 2, 28), "last": D(2025, 3, 1)}),
    ("Overnight, 40 drones were launched.", "Overnight", "none",
     {"first": None, "resolved": False}),
    # a review: a level reached is a count, a rank against a year in time is a time, months
    # of two things or a date moved are two dates, a night dated by its day is that day
    ("It became the second largest lender after 2019 when it bought its rival.",
     "after 2019", "day", {"first": D(2020, 1, 1), "open": "end"}),
    ("The second highest-paid executive left after 2022.", "after 2022", "day",
     {"first": D(2023, 1, 1), "open": "end"}),
    ("The deadline was extended from March 2026 to June 2026.", "June 2026", "day",
     {"first": D(2026, 6, 1), "granularity": "month"}),
    ("Turnout fell between the January 2024 and December 2024 elections.", "January 2024",
     "day", {"first": D(2024, 1, 1), "granularity": "month"}),
]


def _anchor_key(key: str) -> tuple[str, bool]:
    return (key[:-7], True) if key.endswith("-future") else (key, False)


@pytest.mark.parametrize(("text", "surface", "anchor", "expected"), ROWS,
                         ids=[f"{r[1]}@{r[2]}" for r in ROWS])
def test_date(text: str, surface: str, anchor: str, expected: dict[str, Any]) -> None:
    key, future = _anchor_key(anchor)
    expr = one(text, surface, key, future)
    for name, value in expected.items():
        assert getattr(expr, name) == value, name


RELATIVE = [
    ("Last year, China put a satellite in orbit.", "Last year", "year"),
    ("In April last year, China launched a submarine.", "April last year", "month"),
    ("In January, the two countries signed an MoU.", "In January", "month"),
    ("Sales rose in the third quarter.", "the third quarter", "quarter"),
    ("Sales rose in the third quarter of this year.", "the third quarter of this year",
     "quarter"),
    ("SMIC announced on Nov. 8 that sales rose.", "Nov. 8", "day"),
    ("It rose in the past five years.", "in the past five years", "period"),
    ("He spoke on Tuesday.", "on Tuesday", "day"),
    ("It happened yesterday.", "yesterday", "day"),
    ("Weeks later, Beijing put another satellite into orbit.", "Weeks later", "period"),
    ("It leads the country for the next five years.", "for the next five years", "period"),
]


@pytest.mark.parametrize(("text", "surface", "granularity"), RELATIVE,
                         ids=[r[1] for r in RELATIVE])
def test_relative_dates_without_a_published_date_stay_unresolved(
    text: str, surface: str, granularity: str
) -> None:
    expr = one(text, surface, "none")
    assert (expr.resolved, expr.relative, expr.first, expr.last) == (False, True, None, None)
    assert expr.granularity == granularity


# Text that holds no date at all (or only the listed ones).
NOT_DATES: list[tuple[str, list[str]]] = [
    ("This may be true.", []),  # datefinder #56: the modal "may" is not May
    ("Software products may be more fully described.", []),
    ("They will march on the capital.", []),
    ("The date 2025-02-30 does not exist.", []),
    ("It happened on February 30.", []),
    ("Julian Lee (the saxophonist) played.", []),  # parsedatetime #17
    ("An injunction was issued.", []),
    ("Do you have a car?", []),  # dateparser #942, #330
    ("The information fripple is odd.", []),  # datefinder #99: "on fri" is not Friday
    ("See page 1 of 1.", []),
    ("Hello 4000, 6005 and 3533.", []),  # dateparser #582, #713: not years
    ("Values 2.3, 4.1, 4.3 were read.", []),  # dateutil #440
    ("It sits at 13190 SW 68th Parkway, Suite 200, Portland.", []),  # datefinder #124
    ("The 32\u00b0 34'S line and 100M2 plots.", []),
    ("It launched at 2.15pm.", []),
    ("About 2000 troops were sent.", []),
    ("The crowd numbered about 2000.", []),  # a round number after a hedge may count
    ("The band became an overnight success.", []),
    ("Overnight interest rates rose to 5.3%.", []),
    ("Russia launched 50 drones overnight on June 3.", ["June 3"]),
    ("The death toll rose to about 2013, officials said.", []),
    ("Membership fell to roughly 1963 in the spring.", ["in the spring"]),
    ("Patients stayed overnight in the clinic.", []),
    ("Prices changed overnight.", []),
    ("They hired more than 2024 people.", []),
    ("Exports rose 2024 per cent.", []),
    ("The 2012\u201313 budget passed.", ["2012\u201313"]),  # one fiscal year, not two years
    ("Mobile users tripled between 2019 and 2024.", ["between 2019 and 2024"]),
    # not this year's half; "the year before" is a shift with nothing to count from
    # (tests/extract/test_date_shifts.py)
    ("Output fell in the first half of the year before.", ["the year before"]),
    ("Output fell in the first half of the year 2023.", ["the first half of the year 2023"]),
]


@pytest.mark.parametrize(("text", "allowed"), NOT_DATES, ids=[r[0] for r in NOT_DATES])
def test_not_a_date(text: str, allowed: list[str]) -> None:
    assert [d.text for d in find_dates(text, anchor=ANCHORS["day"])] == allowed


def test_today_is_never_used() -> None:
    for text in ("It happened yesterday.", "It opened on Monday.", "Sales rose last month."):
        assert all(d.first is None and not d.resolved for d in find_dates(text))


def test_a_year_only_anchor_does_not_invent_days() -> None:
    assert not find_dates("It opened yesterday.", anchor=ANCHORS["year"])[0].resolved
    assert not find_dates("It opened on Monday.", anchor=ANCHORS["year"])[0].resolved


def test_spans_point_into_the_original_text() -> None:
    text = "Intro. The 2021\u20132030 plan began in\u00a0January."
    found = find_dates(text, anchor=ANCHORS["day"])
    assert [text[d.start:d.end] for d in found] == [d.text for d in found]
    assert [d.text for d in found] == ["2021\u20132030", "in\u00a0January"]


MONTH_TEXTS = [
    "In April last year, China launched a submarine.",
    "Jan. 17, 2024 and Feb 3 were busy; from March to May 2024 sales rose, then June.",
    "On 4th of July 2023, the Mayor of Marchville met Sept Dec-Jan officials in Aug.",
    "mayjune, janfeb, 2jan, Jan2024, MARCH 2024, march of 2024, sept. 12th 2024 and may",
    "Decline in March-April; November last year; Oct. 1st; Nov 31; early-May 2025.",
]


@pytest.mark.parametrize("text", MONTH_TEXTS)
def test_month_first_patterns_anchored_like_finditer(text: str) -> None:
    # The month-first patterns run only where a month name starts: same matches as a scan.
    from checker.extract.date_patterns import MONTH_AT_RE, MONTH_FIRST, PATTERNS
    from checker.extract.dates import _anchored

    for start in range(0, len(text), 7):
        starts = [m.start() for m in MONTH_AT_RE.finditer(text, start)]
        for name, pattern, _, _ in PATTERNS:
            if name in MONTH_FIRST:
                scanned = [m.span() for m in pattern.finditer(text, start)]
                anchored = [m.span() for m in _anchored(pattern, text, starts, len(text))]
                assert anchored == scanned, (name, start)


def test_relative_dates_past_the_calendar_are_no_dates() -> None:
    late = Anchor(date(9999, 12, 31), date(9999, 12, 31), "day")
    early = Anchor(date(1, 1, 1), date(1, 1, 1), "day")
    assert find_dates("It launches tomorrow.", anchor=late) == []
    assert find_dates("It launched yesterday.", anchor=early) == []
    assert [d.text for d in find_dates("It launched yesterday.", anchor=late)] == ["yesterday"]


COUNT_PARTS = ["about", "more", " than", "up", " to", "$", "#", " ", "\t", "x", "Only", "SOME",
               "just", "a", "\u00a0", "\n", "at least"]


@given(st.lists(st.sampled_from(COUNT_PARTS), max_size=8))
def test_count_before_is_the_regex(parts: list[str]) -> None:
    text = "".join(parts)
    assert count_before(text, 0, len(text)) == (COUNT_BEFORE_RE.search(text) is not None), text


def test_months_listed_after_one_are_dates_of_their_own() -> None:
    # A desk probe: "in February, May and August" kept February only.
    text = "The board met in February, May and August to set rates."
    dates = find_dates(text, anchor=ANCHORS["day"])  # 1 March 2025: May and August past
    assert [(d.text, d.first, d.last) for d in dates] == [
        ("in February", D(2025, 2, 1), D(2025, 2, 28)),
        ("May", D(2024, 5, 1), D(2024, 5, 31)),
        ("August", D(2024, 8, 1), D(2024, 8, 31))]
    assert [text[d.start:d.end] for d in dates] == ["in February", "May", "August"]


def test_a_listed_month_ending_in_a_year_dates_the_whole_list() -> None:
    dates = find_dates("Sales rose in May, June, and July 2024.", anchor=ANCHORS["day"])
    assert [(d.text, d.first, d.relative) for d in dates] == [
        ("in May", D(2024, 5, 1), False), ("June", D(2024, 6, 1), False),
        ("July 2024", D(2024, 7, 1), False)]


@pytest.mark.parametrize("text", [
    "Prices rose in February, may rise again.",  # after a comma "may" is a verb
    "Prices rose in February, Mayor Lin said.",
    "Prices rose in February, and March-based traders sold.",
])
def test_no_month_where_none_is_listed(text: str) -> None:
    assert [d.text for d in find_dates(text, anchor=ANCHORS["day"])] == ["in February"]


def test_every_date_pattern_has_its_builder() -> None:
    # A builder's module left unimported (a split of date_relative did so) reads no date
    # of its patterns, silently: "on Friday, January 9" had no date.
    from checker.extract import dates  # noqa: F401  (registers the builders)
    from checker.extract.date_patterns import PATTERNS
    from checker.extract.date_types import BUILDERS

    assert sorted({name for name, *_ in PATTERNS} - BUILDERS.keys()) == []


@pytest.mark.parametrize("text", ["It was in March", "Sales rose 5% in May", "Due in Dec"])
def test_an_end_past_the_text_reads_to_its_end(text: str) -> None:
    # month_follows read folded[end] up to the end asked for: an end past the text raised
    # IndexError where the patterns' own endpos stops at the text's end (review of round 53).
    assert find_dates(text, 0, len(text) + 5) == find_dates(text)
    assert find_dates(text, 0, len(text) + 5) != []
