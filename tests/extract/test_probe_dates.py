"""A desk probe's cases on dates: a weekday in a planned clause is the next one, "since
January" runs to publication, "after" before a date qualifying a noun ("after third-quarter
revenue rose") opens nothing, and a dateline dates the report, not the event."""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract import extract_text
from checker.extract.dates import Anchor, find_dates
from checker.extract.stance import is_future
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from tests.compare.pairs import verdict


def claims(ruleset: RuleSet, text: str, published: str) -> list[Claim]:
    meta = DocumentMeta(published=published)
    return extract_text(text, "d", ruleset.lexicon, meta=meta, threshold=0.0).claims


def day(iso: str) -> Anchor:
    d = date.fromisoformat(iso)
    return Anchor(d, d, "day")


# 3. A weekday in a planned clause is the next one; the day of the telling stays past.
WEEKDAYS = [
    ("Babi\u0161 said on Saturday evening that talks with the Motorists would begin on "
     "Monday.", "2026-10-04", {"on Saturday": "2026-10-03", "on Monday": "2026-10-05"}),
    ("The vote is due on Friday, officials said on Saturday.", "2026-10-04",
     {"on Friday": "2026-10-09", "on Saturday": "2026-10-03"}),
    ("He said the minister will meet the unions on Tuesday.", "2026-10-04",
     {"on Tuesday": "2026-10-06"}),
    ("He said the talks would have begun on Monday.", "2026-10-04",  # a past conditional
     {"on Monday": "2026-09-28"}),
    ("Talks would begin last Monday, he said.", "2026-10-04", {"last Monday": "2026-09-28"}),
    # what is expected in a month is ahead (desk probe L: the October before publication)
    ("The next signing round is expected in October, a diplomat said.", "2026-06-03",
     {"in October": "2026-10-01"}),
    ("A ruling is now expected on Friday.", "2026-10-04", {"on Friday": "2026-10-09"}),
    ("Results were expected in October.", "2026-06-03", {"in October": "2025-10-01"}),
    # a forecast's chance and a warning's window are ahead, a window's end after its start
    # (desk probe M: last week's days)
    ("There is a 60% chance of rain on Thursday.", "2026-07-13", {"on Thursday": "2026-07-16"}),
    ("An amber alert is in force from 9am Tuesday until 6pm Thursday.", "2026-07-13",
     {"Tuesday": "2026-07-14", "Thursday": "2026-07-16"}),
    ("A yellow warning covers the county from 6pm Friday until 9am Saturday.", "2026-07-13",
     {"Friday": "2026-07-17", "Saturday": "2026-07-18"}),
    ("There was a 60% chance of rain on Thursday.", "2026-07-13", {"on Thursday": "2026-07-09"}),
    ("The road was closed from Friday to Monday.", "2026-07-13",
     {"Friday to Monday": "2026-07-10"}),
    # only the month expected (a review: the trial's January moved to next year)
    ("The verdict in the trial that began in January is expected in October.", "2026-06-03",
     {"in January": "2026-01-01", "in October": "2026-10-01"}),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAYS,
                         ids=[r[0][:40] for r in WEEKDAYS])
def test_a_planned_weekday_is_ahead(text: str, published: str,
                                    expected: dict[str, str]) -> None:
    found = find_dates(text, anchor=day(published), future=is_future(text))
    assert {d.text: d.first.isoformat() for d in found if d.first} == expected


# 4 and 5. "since <month>" runs to publication; "after" a date qualifying a noun opens nothing.
OPENINGS = [
    ("More than 212,000 people have been hospitalised with the disease since January.",
     "2026-09-08", ("since January", date(2026, 1, 1), date(2026, 9, 8), "end")),
    ("Prices have risen 4% since March.", "2026-09-08",
     ("since March", date(2026, 3, 1), date(2026, 9, 8), "end")),
    ("More than 212,000 people have been hospitalised since January 1.", "2026-09-08",
     ("since January 1", date(2026, 1, 1), date(2026, 9, 8), "end")),
    ("Shares jumped after third-quarter revenue rose 5%.", "2026-10-22",
     ("third-quarter", date(2026, 7, 1), date(2026, 9, 30), None)),
    ("Shares fell after third quarter results disappointed.", "2026-10-22",
     ("third quarter", date(2026, 7, 1), date(2026, 9, 30), None)),
    ("Shares have risen since the third quarter.", "2026-10-22",
     ("since the third quarter", date(2026, 7, 1), date(2026, 10, 22), "end")),
    ("Up after March 1999.", "2026-10-22",
     ("after March 1999", date(1999, 4, 1), date(2026, 10, 22), "end")),
]


@pytest.mark.parametrize(("text", "published", "expected"), OPENINGS,
                         ids=[r[0][:40] for r in OPENINGS])
def test_open_keywords(text: str, published: str,
                       expected: tuple[str, date, date, str | None]) -> None:
    (found,) = find_dates(text, anchor=day(published))
    assert (found.text, found.first, found.last, found.open) == expected


# 6. A dateline dates the report: no date slot of the claim.
DATELINES = [
    ("Thiruvananthapuram, Aug 10 (PTI) The death toll in the Kerala floods rose to 27 on "
     "Monday.", "2026-08-12", ["on Monday"]),
    ("LUSAKA, Jan. 17 (Reuters) - Zambia's inflation rose to 12% in December.", "2026-01-17",
     ["in December"]),
    ("New Delhi, 10 August (Reuters) - India's exports rose 5% in July.", "2026-08-10",
     ["in July"]),
    ("PARIS, March 3 - French output fell 2% in February.", "2026-03-03", ["in February"]),
    # the city, then its region or country (a probe: the dateline's date stayed the claim's)
    ("KOUROU, French Guiana, March 5 (AFP) - Kestrel-1 was launched on Tuesday.",
     "2026-03-05", ["on Tuesday"]),
    ("WILMINGTON, Delaware, Sept 18 (Reuters) - US retail sales rose 3% in August.",
     "2026-09-18", ["in August"]),
    ("WASHINGTON, D.C., 17 Jan - US inflation rose to 3% in December.", "2026-01-17",
     ["in December"]),
    # not datelines
    ("In Paris, March 3 was the warmest day on record.", "2026-03-05", ["March 3"]),
    ("In Paris, France, March 3 was the warmest day on record.", "2026-03-05", ["March 3"]),
    ("Exports rose 5% on March 3, the ministry said.", "2026-03-05", ["March 3"]),
]


@pytest.mark.parametrize(("text", "published", "expected"), DATELINES,
                         ids=[r[0][:40] for r in DATELINES])
def test_a_dateline_is_no_date_of_the_claim(ruleset: RuleSet, text: str, published: str,
                                            expected: list[str]) -> None:
    (claim,) = claims(ruleset, text, published)
    assert [d.text for d in claim.dates] == expected
    # its day is no figure either
    assert all(q.text not in ("10", "17", "3") for q in claim.quantities)


def test_a_dateline_date_is_no_event_date_in_a_conflict(ruleset: RuleSet) -> None:
    label, reason = verdict(
        ruleset, "Thiruvananthapuram, Aug 10 (PTI) The death toll in the Kerala floods rose "
        "to 27.", "The death toll in the Kerala floods rose to 27 on Aug 12.",
        "2026-08-12", "2026-08-12")
    assert label != "conflict", reason




def test_last_weekday_a_day_or_two_back_may_be_the_week_before(ruleset: RuleSet) -> None:
    """A desk probe: "last Tuesday" on a Wednesday is that Tuesday or the one before: a
    week's span holding both, not a day stated as certain."""
    def dated(text: str, published: str) -> tuple[str | None, str | None, str]:
        cf = extract_text(text, "d", ruleset.lexicon, meta=DocumentMeta(published=published),
                          threshold=0.0)
        d = cf.claims[0].dates[0]
        return d.start, d.end, d.granularity

    text = "Kestrel Motors shares fell 6.3% last Tuesday."
    assert dated(text, "2026-08-05") == ("2026-07-28", "2026-08-04", "week")  # a Wednesday
    assert dated(text, "2026-08-06") == ("2026-07-28", "2026-08-04", "week")  # a Thursday
    assert dated(text, "2026-08-08") == ("2026-08-04", "2026-08-04", "day")  # a Saturday
    assert dated(text, "2026-08-04") == ("2026-07-28", "2026-07-28", "day")  # a Tuesday
