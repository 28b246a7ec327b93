"""Clock times are figures of kind "time": minutes after midnight, with a zone and the word
that tells what happened then."""

from __future__ import annotations

import pytest

from checker.extract.clock_times import find_times
from checker.extract.quantities import find_quantities

# (text, the time as written, value, low, high, unit, noun, bound)
TIMES: list[tuple[str, str, float, float | None, float | None, str, str | None, str]] = [
    # the failure mode of generic parsers: "2.15pm" is a time, not 2.15
    ("It launched at 2.15pm on Monday.", "2.15pm", 855, 854.5, 855.5, "local", "launched",
     "exact"),
    ("The quake struck at 14:32 local time.", "14:32 local time", 872, 871.5, 872.5, "local",
     "struck", "exact"),
    ("Polls close at 9 a.m. on Sunday.", "9 a.m.", 540, 510, 570, "local", "close", "exact"),
    ("Trading halted at 12:05pm.", "12:05pm", 725, 724.5, 725.5, "local", "halted", "exact"),
    ("The raid began at 12am.", "12am", 0, -30, 30, "local", "began", "exact"),
    # a zone of fixed offset is read in UTC; a US zone of the season's offset stays as written
    ("The market opened at 08:00 GMT.", "08:00 GMT", 480, 479.5, 480.5, "UTC", "opened",
     "exact"),
    ("The market opened at 9am BST.", "9am BST", 480, 450, 510, "UTC", "opened", "exact"),
    ("It landed at 10.45pm EDT.", "10.45pm EDT", 165, 164.5, 165.5, "UTC", "landed", "exact"),
    ("Shares fell at 9:30 a.m. ET.", "9:30 a.m. ET", 570, 569.5, 570.5, "ET", "fell",
     "exact"),
    ("The index stood at 1015 GMT.", "1015 GMT", 615, 614.5, 615.5, "UTC", "stood", "exact"),
    ("The strike will begin at 00:01 on Saturday.", "00:01", 1, 0.5, 1.5, "local", "begin",
     "exact"),
    ("The rally ended at 18:45:30 in the square.", "18:45:30", 1125.5, 1125, 1126, "local",
     "ended", "exact"),
    # words before the time bound or widen it
    ("Gusts were recorded just after 1pm.", "1pm", 780, 780, 800, "local", "recorded",
     "exact"),
    ("Power returned shortly before 6pm.", "6pm", 1080, 1060, 1080, "local", "returned",
     "exact"),
    ("The tanker sank at about 4.30am.", "4.30am", 270, 260, 280, "local", "sank", "exact"),
    ("Voters queued from around 5am.", "5am", 300, 240, 360, "local", "queued", "exact"),
    ("Results are due by 4am.", "4am", 240, None, 240, "local", "due", "upper"),
    ("Roads were shut after midnight.", "midnight", 0, 0, None, "local", "shut", "lower"),
    ("The deadline passed at noon.", "noon", 720, 690, 750, "local", "passed", "exact"),
    # two times of one span are one range
    ("The shop is open from 9am to 5pm.", "9am to 5pm", 780, 510, 1050, "local", "open",
     "range"),
    ("Strikes hit between 14:00 and 16:30.", "14:00 and 16:30", 915, 839.5, 990.5, "local",
     "hit", "range"),
    # the word telling what happened is read over a name, not through a preposition
    ("The earthquake struck Veridia at 14:32 on Tuesday.", "14:32", 872, 871.5, 872.5,
     "local", "struck", "exact"),
    ("Seven died when a bus hit a lorry in Kent at 8am.", "8am", 480, 450, 510, "local", None,
     "exact"),
    ("Down from 52,000 at 8am.", "8am", 480, 450, 510, "local", None, "exact"),
]


@pytest.mark.parametrize(("text", "written", "value", "low", "high", "unit", "noun", "bound"),
                         TIMES, ids=[row[0] for row in TIMES])
def test_clock_time(text: str, written: str, value: float, low: float | None,
                    high: float | None, unit: str, noun: str | None, bound: str) -> None:
    times = [q for q in find_quantities(text) if q.kind == "time"]
    assert [q.text for q in times] == [written]
    q = times[0]
    assert text[q.start:q.end] == written
    assert (q.value, q.low, q.high) == pytest.approx((value, low, high))
    assert (q.unit, q.noun, q.bound) == (unit, noun, bound)


def test_a_time_in_another_zone_in_brackets_is_the_same_moment() -> None:
    text = "The quake hit at 2.15pm local time (1115 GMT), the survey said."
    times = [(q.text, q.value, q.unit, q.noun) for q in find_quantities(text)
             if q.kind == "time"]
    assert times == [("2.15pm local time", 855, "local", "hit"), ("1115 GMT", 675, "UTC", "hit")]


# Not clock times: a verse, ratios, race times, hours of an ambiguous clock, a scoreline.
NOT_TIMES = [
    "John 3:16 says so.",
    "She ran the marathon in 2:03:23.",
    "He won the 5,000m in 13:05.3 in Rome.",
    "He finished in 14:32 in the heat.",  # a race time: no preposition of a moment
    "It opens at 10:30 on weekdays.",  # 10:30 in the morning or the evening?
    "A 16:9 screen and a 1:50,000 map.",
    "The midnight deadline passed.",  # no time an event happened at
    "The team won 3-1 at home.",
    "Turnout was 3.5 million in 2024.",
    "Shipments of equipment and the programme rose 5%.",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_a_time(text: str) -> None:
    assert find_times(text, 0, len(text)) == []
