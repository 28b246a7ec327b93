"""Clock times as figures: "2.15pm", "14:32 GMT", "9 a.m. local time", "at noon".

A time is a figure of kind "time": minutes after midnight, in UTC when the page names a zone
of fixed offset, else as written ("local"), or in a US zone whose offset changes in the year
("ET", kept as its own unit). Its noun is the word that tells what happened then ("struck at
14:32": "struck"), so "polls open at 7am" and "polls close at 10pm" are two facts, and
"struck at 14:32" / "struck at 14:47" one fact told twice (a desk probe: they corroborated).
A time is no number for check-worthiness: it dates a fact as a date does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from checker import rx
from checker.nlp import STOPWORDS

# Offsets of zones in minutes east of UTC. Not "IST" (India, Ireland or Israel) nor "CST"
# (US Central or China): a zone that names two places is no zone.
_ZONE_OFFSETS = {
    "gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "hkt": 480, "sgt": 480, "awst": 480, "jst": 540, "kst": 540, "aest": 600,
    "aedt": 660, "nzst": 720, "nzdt": 780, "est": -300, "edt": -240, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}
# US zones written without standard or daylight: their offset depends on the day.
_SEASONAL_ZONES = ("et", "ct", "mt", "pt")
_ZONES = "|".join(sorted((*_ZONE_OFFSETS, *_SEASONAL_ZONES), key=len, reverse=True))

CLOCK_RE = rx.compile(rf"""
    (?<![\w.,:/$£€+-])
    (?:
        (?P<h12>1[0-2]|0?[1-9])(?:[.:](?P<m12>[0-5]\d))?\ ?(?P<ampm>[ap])(?:m|\.m\.)(?![a-z])
      | (?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::(?P<s24>[0-5]\d))?(?![\d:]|[.,]\d)
      | (?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\ ?(?:gmt|utc)\b)
      | (?P<word>noon|midday|midnight)\b
    )
    (?:\ ?(?P<zone>{_ZONES})\b(?!-)|\ (?P<local>local\ time))?
""", re.IGNORECASE | re.VERBOSE)

# What comes before a time: a preposition, hedged or not ("shortly after 1pm").
# ("at about 4.30am", "from around 5am": a hedge read after the preposition.)
_BEFORE_RE = rx.compile(
    r"(?:\b(?:at|from|until|till|to|since|by)\s+(?=(?:around|about|approximately|roughly|"
    r"circa)\s))?"
    r"(?:\b(?P<near>just|shortly|soon|right|some\s+time)\s+)?\b(?P<prep>at|around|about|"
    r"approximately|roughly|circa|by|before|after|until|till|to|from|between|and|since|"
    r"past)\s+\Z", re.IGNORECASE)
_HEDGES = frozenset({"around", "about", "approximately", "roughly", "circa"})
# The word before a time's preposition, over a name in between: "struck Veridia at 14:32".
_WORD_BEFORE_RE = rx.compile(
    r"\b([a-z]+)[\s,]+(?:[A-Z][\w'\u2019.-]*\s+){0,3}\Z|\b([a-z]+)[\s,]*\Z")
# Between two times of one span: "from 9am to 5pm", "between 2pm and 4pm", "9am-5pm".
_RANGE_GAP_RE = rx.compile(r"\s*(?:-|\u2013|to|and|until|till)\s*", re.IGNORECASE)


class ClockTime(NamedTuple):
    """A time's span, value and interval (minutes after midnight), unit, noun and bound."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    unit: str
    noun: str | None
    approximate: bool
    bound: str


def find_times(folded: str, start: int, end: int) -> list[ClockTime]:
    """The clock times of folded[start:end], ranges of two times joined into one."""
    found = list(_times(folded, start, end))
    return _ranges(folded, found) if len(found) > 1 else found


def _times(folded: str, start: int, end: int) -> Iterator[ClockTime]:
    previous: ClockTime | None = None
    for m in CLOCK_RE.finditer(folded, start, end):
        before = _BEFORE_RE.search(folded, max(start, m.start() - 30), m.start())
        minutes = _minutes(m, before is not None)
        if minutes is None:
            continue
        value, half = minutes
        unit = _unit(m)
        if unit != "local" and m.group("zone") and m.group("zone").lower() in _ZONE_OFFSETS:
            value = (value - _ZONE_OFFSETS[m.group("zone").lower()]) % 1440
        low, high, bound, approx = _interval(value, half, before)
        if previous is not None and folded[previous.end:m.start()] in (" (", "("):
            noun = previous.noun  # "2.15pm local time (1115 GMT)": one moment, two zones
        else:
            noun = _noun_before(folded, start, before.start() if before else m.start())
        previous = ClockTime(m.start(), m.end(), value, low, high, unit, noun, approx, bound)
        yield previous


def _minutes(m: re.Match[str], prepped: bool) -> tuple[float, float] | None:
    """(minutes after midnight, half its precision), or None for no time."""
    if m.group("ampm"):
        hour = int(m.group("h12")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
        if m.group("m12"):
            return hour * 60 + int(m.group("m12")), 0.5
        return hour * 60.0, 30.0  # "2pm" is rounded to the hour, as "2,000" to thousands
    if m.group("hhmm"):
        digits = m.group("hhmm")
        return int(digits[:2]) * 60 + int(digits[2:]), 0.5
    zoned = bool(m.group("zone") or m.group("local"))
    if m.group("word"):
        if not (prepped or zoned):
            return None  # "the midnight deadline" names no time of an event
        return (0.0 if m.group("word").lower() == "midnight" else 720.0), 30.0
    hour_text = m.group("h24")
    hour = int(hour_text)
    # "3:16" (a verse), "2:03" (a race) or "10:30" (am or pm?): a 24-hour clock needs a
    # zero hour, a leading zero or an hour after noon, and a preposition or zone before or
    # after ("finished in 14:32" is a race time).
    if 1 <= hour <= 12 and not hour_text.startswith("0") or not (prepped or zoned):
        return None
    seconds = int(m.group("s24")) / 60 if m.group("s24") else 0.0
    return hour * 60 + int(m.group("m24")) + seconds, 0.5


def _unit(m: re.Match[str]) -> str:
    zone = (m.group("zone") or "").lower()
    if zone in _ZONE_OFFSETS:
        return "UTC"
    return zone.upper() if zone else "local"


def _interval(value: float, half: float, before: re.Match[str] | None,
              ) -> tuple[float | None, float | None, str, bool]:
    """(low, high, bound, approximate) as the words before the time read it."""
    if before is None:
        return value - half, value + half, "exact", False
    prep, near = before.group("prep").lower(), before.group("near")
    if near and near.lower() != "some time" and prep in ("after", "before"):
        # "shortly after 1pm": within twenty minutes of it
        return (value, value + 20, "exact", True) if prep == "after" \
            else (value - 20, value, "exact", True)
    if prep in ("before", "by"):
        return None, value, "upper", False
    if prep in ("after", "since", "past"):
        return value, None, "lower", False
    if prep in _HEDGES:
        slack = max(half, 60.0 if half >= 30 else 10.0)
        return value - slack, value + slack, "exact", True
    return value - half, value + half, "exact", False


def _noun_before(folded: str, start: int, at: int) -> str | None:
    """The word telling what happened at the time ("struck at 14:32"), if one comes
    right before it (punctuation aside) and is no function word."""
    m = _WORD_BEFORE_RE.search(folded, max(start, at - 30), at)
    if m is None:
        return None
    # Lower case only: "recorded at Capel Curig in Snowdonia just after 1pm" has "in"
    # before the name, and tells no event by it.
    word = m.group(1) or m.group(2)
    return None if word in STOPWORDS else word


def _ranges(folded: str, found: list[ClockTime]) -> list[ClockTime]:
    """Two times joined by "to", "and" or a dash, the second later, are one range."""
    out: list[ClockTime] = []
    for t in found:
        first = out[-1] if out else None
        if first is not None and first.bound == "exact" == t.bound \
                and first.unit == t.unit and first.value < t.value \
                and first.low is not None and t.high is not None \
                and _RANGE_GAP_RE.fullmatch(folded, first.end, t.start):
            out[-1] = ClockTime(first.start, t.end, (first.low + t.high) / 2, first.low,
                                t.high, t.unit, first.noun, first.approximate, "range")
        else:
            out.append(t)
    return out
