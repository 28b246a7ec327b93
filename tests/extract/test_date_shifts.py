"""Shifts from another date of the sentence ("a year earlier", "five years before", "the
previous year"), from the publication date ("a year ago", "the past 12 months"), periods
ending with a month ("in the year to March") and parts of a relative year ("late last
year"): an editor's probe of unseen news pages, published 2025-03-12."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.extract.date_patterns import NEEDS_MONTH, PATTERNS, month_starts
from checker.extract.date_shift import shift_date
from checker.extract.dates import GATES as DATE_GATES
from checker.extract.dates import Anchor, DateExpr, _plans, find_dates
from checker.extract.gates import gate_text
from checker.models.document import DocumentMeta
from checker.normclaim import NormClaim
from checker.rules import RuleSet

D = date
ANCHORS = {
    "day": Anchor(D(2025, 3, 12), D(2025, 3, 12), "day"),  # a Wednesday
    "month": Anchor(D(2025, 3, 1), D(2025, 3, 31), "month"),
    "year": Anchor(D(2025, 1, 1), D(2025, 12, 31), "year"),
    "none": None,
}


def one(text: str, surface: str, anchor: str) -> DateExpr:
    found = {d.text: d for d in find_dates(text, anchor=ANCHORS[anchor])}
    assert surface in found, f"{surface!r} not among {list(found)}"
    expr = found[surface]
    assert text[expr.start:expr.end] == surface
    return expr


def _span(first: date, last: date, granularity: str) -> dict[str, Any]:
    return {"first": first, "last": last, "granularity": granularity, "resolved": True,
            "relative": True}


def _norm(ruleset: RuleSet, text: str, doc: str = "d",
          published: str = "2025-03-12") -> list[NormClaim]:
    model = extract_text(text, doc, ruleset.lexicon, DocumentMeta(published=published))
    return normalise_document(doc, model.claims, ruleset.lexicon)


UNRESOLVED = {"first": None, "last": None, "resolved": False, "relative": True}

# (sentence, surface, anchor, expected fields)
ROWS: list[tuple[str, str, str, dict[str, Any]]] = [
    # counted from the nearest date before them in the sentence, at its granularity
    ("Unemployment fell to 4.1% in January, down from 4.5% a year earlier.", "a year earlier",
     "day", _span(D(2024, 1, 1), D(2024, 1, 31), "month")),
    ("Sales rose 3% in January, after 2% a month earlier.", "a month earlier", "day",
     _span(D(2024, 12, 1), D(2024, 12, 31), "month")),
    ("Output peaked at 5 million in 2019, up from 4 million two years earlier.",
     "two years earlier", "none",
     _span(D(2017, 1, 1), D(2017, 12, 31), "year")),
    ("Turnout was 61% at the 2019 election, compared with 67% five years before.",
     "five years before", "day", _span(D(2014, 1, 1), D(2014, 12, 31), "year")),
    ("Exports hit $5 billion in 2023, up from $4 billion a year before.", "a year before",
     "day", _span(D(2022, 1, 1), D(2022, 12, 31), "year")),
    ("Inflation was 3% in 2023, against 8% the year before.", "the year before", "day",
     _span(D(2022, 1, 1), D(2022, 12, 31), "year")),
    ("Revenue was $5 billion in the third quarter, against $4 billion the previous year.",
     "the previous year", "day", _span(D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("The population was 5 million in 2020, up from 4 million a decade earlier.",
     "a decade earlier", "day", _span(D(2010, 1, 1), D(2010, 12, 31), "year")),
    ("Sales were $5 million in February 2024, against $4 million a year earlier.",
     "a year earlier", "none",
     _span(D(2023, 2, 1), D(2023, 2, 28), "month")),  # the month's end, not 29 February
    ("Shares closed at $50 on March 3, down from $52 a week earlier.", "a week earlier", "day",
     _span(D(2025, 2, 24), D(2025, 2, 24), "day")),
    ("Output fell in 2019 after rising six months earlier.", "six months earlier", "day",
     _span(D(2018, 7, 1), D(2019, 6, 30), "period")),  # across the year: a period
    ("Prices rose 3% over the past 12 months, down from 4% a year earlier.", "a year earlier",
     "day", _span(D(2023, 3, 12), D(2024, 3, 12), "period")),
    ("Wages rose 4% in the year to March, up from 3% a year earlier.", "a year earlier", "day",
     _span(D(2023, 4, 1), D(2024, 3, 31), "year")),
    # forward, from a date before them
    ("The plant opened in 2019 and closed two years later.", "two years later", "day",
     _span(D(2021, 1, 1), D(2021, 12, 31), "year")),
    ("It was founded in 2001 and listed the following year.", "the following year", "day",
     _span(D(2002, 1, 1), D(2002, 12, 31), "year")),
    # nothing before them to count from: relative to an unknown time
    ("A year earlier, unemployment was 4.5%.", "A year earlier", "day", UNRESOLVED),
    ("Unemployment was 4.5% the previous year.", "the previous year", "day",
     {**UNRESOLVED, "granularity": "year"}),
    ("Unemployment was 4.5% the year before.", "the year before", "day", UNRESOLVED),
    ("The mission launched two years later, in 2026.", "two years later", "day", UNRESOLVED),
    ("In January, unemployment fell, down from a year earlier.", "a year earlier", "none",
     UNRESOLVED),  # January of an undated page is no anchor
    ("The line opened in 2019, a year earlier than planned.", "a year earlier", "day",
     UNRESOLVED),  # ahead of a plan, not a date of its own
    ("Revenue rose in fiscal Q4 2024, up from a year earlier.", "a year earlier", "day",
     UNRESOLVED),  # a fiscal quarter is no calendar interval to shift
    ("Output rose in 2019; years later, a year earlier than that.", "years later", "day",
     UNRESOLVED),
    # the base of a change with no figure of its own is no time of the fact
    ("China's exports rose 6.4% in October 2023 from a year earlier.", "a year earlier", "day",
     UNRESOLVED),
    ("Revenue rose 5% in the third quarter from the previous year.", "the previous year",
     "day", {**UNRESOLVED, "granularity": "year"}),
    ("Output was up 3% in 2024 on a year earlier.", "a year earlier", "day", UNRESOLVED),
    ("Sales rose 12% in 2024 compared with the year before.", "the year before", "day",
     UNRESOLVED),
    ("Sales are up 12% from a year ago.", "a year ago", "day",
     {**UNRESOLVED, "granularity": "year"}),
    # a telling date is no anchor; the fact's date before it still is
    ("The ministry said on Wednesday that exports rose 5% from a week earlier.",
     "a week earlier", "day", UNRESOLVED),
    ("Lin told the state broadcaster ZNBC on Monday that exports rose from a week earlier.",
     "a week earlier", "day", UNRESOLVED),
    ("According to a statement on Friday, exports rose 5% from a week earlier.",
     "a week earlier", "day", UNRESOLVED),
    ("LUSAKA, Jan. 17 (Reuters) - Copper output rose 5% from a week earlier.",
     "a week earlier", "day", UNRESOLVED),
    ("Exports were $5 billion in January, the ministry said on Wednesday, up from $4 billion "
     "a year earlier.", "a year earlier", "day", _span(D(2024, 1, 1), D(2024, 1, 31), "month")),
    ("Shares closed at $50 on Monday, down from $52 a week earlier, the exchange said.",
     "a week earlier", "day", _span(D(2025, 3, 3), D(2025, 3, 3), "day")),  # the fact's own day
    # counted from the publication date
    ("Sales rose 12% a year ago.", "a year ago", "day",
     _span(D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("Sales were higher two years ago.", "two years ago", "day",
     _span(D(2023, 1, 1), D(2023, 12, 31), "year")),
    ("Sales rose in 2019, and fell a decade ago.", "a decade ago", "day",
     _span(D(2015, 1, 1), D(2015, 12, 31), "year")),  # not from 2019
    ("The plant closed three months ago.", "three months ago", "day",
     _span(D(2024, 12, 1), D(2024, 12, 31), "month")),
    ("The plant closed two weeks ago.", "two weeks ago", "day",
     _span(D(2025, 2, 24), D(2025, 3, 2), "week")),
    ("The plant closed five days ago.", "five days ago", "day",
     _span(D(2025, 3, 7), D(2025, 3, 7), "day")),
    ("The plant closed two weeks ago.", "two weeks ago", "year", {"resolved": False}),
    ("The plant closed three months ago.", "three months ago", "month",
     _span(D(2024, 12, 1), D(2024, 12, 31), "month")),
    ("Sales rose 12% a year ago.", "a year ago", "none", {**UNRESOLVED, "granularity": "year"}),
    ("It closed a few years ago.", "few years ago", "day", {"resolved": False}),
    # the past N units: back from the publication date, not from 1 January
    ("Prices have risen 20% over the past 12 months.", "over the past 12 months", "day",
     _span(D(2024, 3, 12), D(2025, 3, 12), "period")),
    ("Exports rose 5% in the past year.", "in the past year", "day",
     _span(D(2024, 3, 12), D(2025, 3, 12), "period")),
    ("Exports rose 8% over the last two years.", "over the last two years", "day",
     _span(D(2023, 3, 12), D(2025, 3, 12), "period")),
    ("Exports rose 8% in the past three weeks.", "in the past three weeks", "day",
     _span(D(2025, 2, 19), D(2025, 3, 12), "period")),
    ("Exports rose 8% in the past 30 days.", "in the past 30 days", "day",
     _span(D(2025, 2, 10), D(2025, 3, 12), "period")),
    ("Exports rose 8% over the past decade.", "over the past decade", "day",
     _span(D(2015, 3, 12), D(2025, 3, 12), "period")),
    ("Exports doubled last decade.", "last decade", "day",
     _span(D(2015, 3, 12), D(2025, 3, 12), "period")),
    ("Prices have risen 20% over the past 12 months.", "over the past 12 months", "year",
     _span(D(2024, 1, 1), D(2025, 12, 31), "period")),  # any 12 months of a 2025 page
    # the months ending with a month
    # (twelve months are dated as a year, three as a quarter: a time compare can place)
    ("Wages rose 4% in the year to March, the ONS said.", "in the year to March", "day",
     _span(D(2024, 4, 1), D(2025, 3, 31), "year")),
    ("GDP grew 0.3% in the three months to June.", "in the three months to June", "day",
     _span(D(2024, 4, 1), D(2024, 6, 30), "quarter")),  # June 2025 has not begun
    ("Prices rose 2% in the 12 months to September.", "in the 12 months to September", "day",
     _span(D(2023, 10, 1), D(2024, 9, 30), "year")),
    ("GDP grew 0.3% in the quarter to June.", "in the quarter to June", "day",
     _span(D(2024, 4, 1), D(2024, 6, 30), "quarter")),  # one calendar quarter, dated as one
    ("GDP grew 0.3% in the three months to May.", "in the three months to May", "day",
     _span(D(2024, 3, 1), D(2024, 5, 31), "quarter")),
    ("Sales rose in the six months to June 2024.", "in the six months to June 2024", "none",
     {"first": D(2024, 1, 1), "last": D(2024, 6, 30), "granularity": "period"}),
    ("Sales rose in the 12 months to December 2023.", "in the 12 months to December 2023",
     "none", {"first": D(2023, 1, 1), "last": D(2023, 12, 31), "granularity": "year"}),
    ("Wages rose 4% in the year to end-March.", "in the year to end-March", "day",
     _span(D(2024, 4, 1), D(2025, 3, 31), "year")),
    ("Wages rose 4% in the year to March 2024.", "in the year to March 2024", "none",
     {"first": D(2023, 4, 1), "last": D(2024, 3, 31), "relative": False, "resolved": True}),
    ("Revenue rose in the year ending March 31, 2024.", "in the year ending March 31, 2024",
     "day", {"first": D(2023, 4, 1), "last": D(2024, 3, 31), "granularity": "year"}),
    ("Revenue rose in the year ended 31 March 2024.", "in the year ended 31 March 2024",
     "day", {"first": D(2023, 4, 1), "last": D(2024, 3, 31), "granularity": "year"}),
    ("Prices rose 3% in the 12 months through December 2024.",
     "in the 12 months through December 2024", "none",
     {"first": D(2024, 1, 1), "last": D(2024, 12, 31), "granularity": "year"}),
    ("Wages rose 4% in the year to March.", "in the year to March", "none",
     {**UNRESOLVED, "granularity": "period"}),
    # parts of a relative year, as "mid-2023" and "late 2023"
    ("Output fell 3% late last year.", "late last year", "day",
     _span(D(2024, 8, 1), D(2024, 12, 31), "period")),
    ("Output fell 3% early this year.", "early this year", "day",
     _span(D(2025, 1, 1), D(2025, 5, 31), "period")),
    ("Output fell 3% in mid-last year.", "mid-last year", "day",
     _span(D(2024, 4, 1), D(2024, 9, 30), "period")),
    ("Output fell 3% late last year.", "late last year", "none",
     {**UNRESOLVED, "granularity": "period"}),
]


@pytest.mark.parametrize(("text", "surface", "anchor", "expected"), ROWS,
                         ids=[f"{r[0][:40]}|{r[1]}@{r[2]}" for r in ROWS])
def test_shift(text: str, surface: str, anchor: str, expected: dict[str, Any]) -> None:
    expr = one(text, surface, anchor)
    for name, value in expected.items():
        assert getattr(expr, name) == value, name


# Sentences whose dates are exactly these (texts): nothing more, nothing less.
FOUND: list[tuple[str, list[str]]] = [
    ("Two years before the election, turnout fell.", []),  # counts from the election
    ("The deal closed a day after the vote.", []),
    ("It launched at 2.15pm.", []),
    ("Output fell in late 2023.", ["late 2023"]),
    ("Output will rise later this year.", ["this year"]),  # not "late this year"
    ("Sales rose 5% earlier this month.", ["this month"]),
    ("He spoke on Tuesday, a day after the vote.", ["on Tuesday"]),
    ("They will march to the year to come.", []),
    ("Sales rose in the year to date.", []),
    ("It was the warmest year to March on record.", []),  # no "the": a superlative
    ("In the last year of the war, output fell.", ["last year"]),  # not the past 12 months
    ("Output fell in the first half of the year before.", ["the year before"]),
]


@pytest.mark.parametrize(("text", "texts"), FOUND, ids=[r[0] for r in FOUND])
def test_found(text: str, texts: list[str]) -> None:
    assert [d.text for d in find_dates(text, anchor=ANCHORS["day"])] == texts


def test_kept_as_they_were() -> None:
    found = {d.text: d for t in ("Output recovered in mid-2023.", "The 2012-13 budget passed.",
                                 "He spoke on Tuesday.",
                                 "Six strikes came between November and March.")
             for d in find_dates(t, anchor=ANCHORS["day"])}
    assert (found["mid-2023"].first, found["mid-2023"].last) == (D(2023, 4, 1), D(2023, 9, 30))
    assert found["2012-13"].granularity == "fiscal-year"
    assert found["on Tuesday"].first == D(2025, 3, 11)
    assert (found["between November and March"].first,
            found["between November and March"].last) == (D(2024, 11, 1), D(2025, 3, 31))


@pytest.mark.parametrize(("d", "n", "unit", "month_end", "expected"), [
    (D(2024, 2, 29), -1, "years", False, D(2023, 2, 28)),
    (D(2025, 2, 28), -1, "months", True, D(2025, 1, 31)),
    (D(2025, 2, 28), -1, "months", False, D(2025, 1, 28)),
    (D(2025, 1, 31), 1, "months", False, D(2025, 2, 28)),
    (D(2025, 1, 5), -12, "months", False, D(2024, 1, 5)),
    (D(2025, 3, 12), -7, "days", False, D(2025, 3, 5)),
])
def test_shift_date(d: date, n: int, unit: str, month_end: bool, expected: date) -> None:
    assert shift_date(d, n, unit, month_end) == expected


def test_the_telling_date_stays_the_telling_and_anchors_nothing(ruleset: RuleSet) -> None:
    """NormClaim.told keeps the day it was said; the fact's dates are January and January a
    year earlier, never the week before the telling."""
    claims = _norm(ruleset, "Exports rose 5% in January, the ministry said on Wednesday, up "
                            "from 4% a year earlier.", published="2025-03-12")
    assert [(d.text, d.first) for n in claims for d in n.told] == \
        [("on Wednesday", D(2025, 3, 12))]
    assert [(d.text, d.first, d.last) for n in claims for d in n.dates] == [
        ("in January", D(2025, 1, 1), D(2025, 1, 31)),
        ("a year earlier", D(2024, 1, 1), D(2024, 1, 31))]
    told_only = _norm(ruleset, "The ministry said on Wednesday that exports rose 5% from a "
                               "week earlier.", published="2025-03-12")
    # (normalize reads "on Wednesday" of a leading "said" as the fact's; either way it
    # anchors no shift: the week before is unresolved, in neither list)
    assert [d.text for n in told_only for d in (*n.dates, *n.told)] == ["on Wednesday"]


@pytest.mark.parametrize(("a", "b"), [
    # a year-on-year base dates nothing: two months' growth rates are two times
    ("China's exports rose 6.4 percent in October 2023 from a year earlier.",
     "China's exports rose 3.1 percent in October 2022 from a year earlier."),
    ("China's exports rose 6.4 percent in October 2023 from a year earlier.",
     "China's exports rose 3.1 percent in October 2022."),
    # two quarters, two years: not two undated periods
    ("Microsoft's net income was $21.9 billion in the quarter to March 2024.",
     "Microsoft's net income was $22.0 billion in the quarter to June 2024."),
    ("Tesco's turnover rose 4.5% to £68.2 billion in the year to February 2024.",
     "Tesco's turnover rose 3.5% to £66.2 billion in the year to February 2023."),
])
def test_two_times_are_no_conflict(ruleset: RuleSet, a: str, b: str) -> None:
    x = _norm(ruleset, a, "a", published="2025-03-12")[0]
    y = _norm(ruleset, b, "b", published="2025-03-12")[0]
    assert judge(x, y, BlockIndex([x, y]), ruleset.lexicon).label != "conflict"


@pytest.mark.parametrize(("b", "label"), [
    ("Britain's unemployment rate was 4.9% in January 2024.", "conflict"),
    ("Britain's unemployment rate was 4.5% in January 2024.", "corroboration"),
])
def test_the_figure_a_year_earlier_is_dated(ruleset: RuleSet, b: str, label: str) -> None:
    """January 2024's figure is compared with January 2024's (both unrelated before)."""
    x = _norm(ruleset, "Britain's unemployment rate fell to 4.1% in January, down from 4.5% "
                       "a year earlier.", "a", published="2025-03-12")[0]
    y = _norm(ruleset, b, "b", published="2025-03-12")[0]
    assert judge(x, y, BlockIndex([x, y]), ruleset.lexicon).label == label


# The gates (a digit, a cue substring, a month name) are necessary conditions: any text a
# pattern matches passes its gate, so skipping a pattern a sentence fails changes nothing.
_WORDS = ["a", "the", "two", "12", "year", "years", "month", "months", "week", "days",
          "decade", "earlier", "before", "after", "later", "prior", "ago", "previous",
          "following", "next", "past", "last", "late", "early", "mid", "this", "to", "end",
          "in", "over", "quarter", "March", "June", "2024", "of", "-", ",", ".", "than", "on",
          "no"]


@given(st.lists(st.sampled_from(_WORDS), max_size=12),
       st.sampled_from([" ", "-", "  ", "\u00a0", "\n", " \t"]))
@example(["12", "March", "next", "year"], "\n")  # a hard-wrapped line: "next" / "year"
@example(["12", "March", "next", "year"], "  ")
@example(["no", "later", "than", "2024"], "\n")
def test_gates_never_skip_a_match(words: list[str], sep: str) -> None:
    text = sep.join(words)
    lower = gate_text(text.lower())  # as Gates.mask reads it: whitespace runs one space
    # ... and the patterns find_dates tries, given the gates of the text's lower case
    tried = {name for name, *_ in _plans(any(c.isdigit() for c in text),
                                         DATE_GATES.mask(text.lower()))}
    for name, pattern, needs_digit, cues in PATTERNS:
        if pattern.search(text) is None:
            continue
        assert name in tried, name  # "12 March next\nyear": dm_rel's cue "next year"
        assert not needs_digit or any(c.isdigit() for c in text), name
        assert not cues or any(c in lower for c in cues), name
        if name in NEEDS_MONTH:
            assert month_starts(text, lower, 0, len(text)), name
