"""Clock times and race times as figures: "2.15pm", "14:32 GMT", "at noon"; "in 2:04:37".

A clock time is a figure of kind "time": minutes after midnight, in UTC when the page names a
zone of fixed offset, else as written ("local"), or in a US zone whose offset changes in the
year ("ET": in UTC once the claim's day is known, `times_in_utc`). Its noun is what happened
then, the last content words before it ("the earthquake struck Veridia at 14:32":
"earthquake struck veridia"), so "polls open at 7am" and "polls close at 10pm", or "the
wheelchair race started at 8.20am" and "the elite races started at 8.30am", are two facts,
while "struck at 14:32" / "struck at 14:47" is one fact told twice (a desk probe: they
corroborated). A time that bounds or spans something ("by 10pm", "after 9pm", "from 9am to
5pm") has no noun, so it is compared with none (opening hours and deadlines agree by
overlap); the time someone spoke ("police said at 10am") is no time at all. A time is no
number for check-worthiness: it dates a fact as a date does.

A race time ("won in 2:04:37", "13:05.3") is a duration in seconds, counting a "duration".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final, NamedTuple

from checker import rx
from checker.nlp import STOPWORDS
from checker.textutil import ignorecase_key, matches

if TYPE_CHECKING:
    from checker.extract.quantity_type import Quantity

# Offsets of zones in minutes east of UTC. Not "IST" (India, Ireland or Israel) nor "CST"
# (US Central or China): a zone that names two places is no zone.
_ZONE_OFFSETS: Final = {
    "gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "hkt": 480, "sgt": 480, "awst": 480, "jst": 540, "kst": 540, "aest": 600,
    "aedt": 660, "nzst": 720, "nzdt": 780, "est": -300, "edt": -240, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}
# US zones written without standard or daylight: their offset depends on the day.
_SEASONAL_ZONES: Final = ("et", "ct", "mt", "pt")
_FIXED: Final = "|".join(sorted(_ZONE_OFFSETS, key=len, reverse=True))
_ZONES: Final = "|".join(sorted((*_ZONE_OFFSETS, *_SEASONAL_ZONES), key=len, reverse=True))

# "at 9.30 local" says its zone as "local time" does, where no noun follows ("9am local
# residents" are residents).
_LOCAL_ALONE: Final = (r"(?=[,.;:)]|\ \(|\ (?:on|in|and|at|when|after|before|as|with|from|to|that|"
                       r"the|but|while)\b|$)")
CLOCK_RE: Final = rx.compile(rf"""
    (?<![\w.,:/$£€+-])
    (?:
        (?P<h12>1[0-2]|0?[1-9])(?:[.:](?P<m12>[0-5]\d))?\ ?(?P<ampm>[ap])(?:m|\.m\.)(?![a-z])
      | (?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::(?P<s24>[0-5]\d))?(?![\d:]|[.,]\d)
      | (?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\ ?(?:{_FIXED})\b)
      | (?P<hdot>[01]?\d|2[0-3])\.(?P<mdot>[0-5]\d)
        (?=\ ?(?:{_FIXED})\b|\ local(?:\ time\b|{_LOCAL_ALONE}))
      | (?:12\ )?(?P<word>noon|midday|midnight)\b
    )
    (?:\ ?(?P<zone>{_ZONES})\b(?!-)|\ (?P<local>local(?:\ time\b|{_LOCAL_ALONE})))?
""", re.IGNORECASE | re.VERBOSE)

# The words before a time: a preposition of a moment, hedged or not ("shortly after 1pm"),
# or one of a bound or a span, which makes the time no figure ("by 4am", "from 9am").
_BEFORE_RE: Final = rx.compile(
    r"(?:\bat\s+(?=(?:around|about|approximately|roughly|circa)\s))?"
    r"(?:\b(?P<near>just|shortly|soon|right)\s+)?\b(?P<prep>at|around|about|approximately|"
    r"roughly|circa|by|before|after|until|till|to|from|between|and|since|past|or)\s+\Z",
    re.IGNORECASE)
_HEDGES: Final = frozenset({"around", "about", "approximately", "roughly", "circa"})
_MOMENT: Final = frozenset({"at"}) | _HEDGES
# A game's clock or a score, not the time of day: "scored at 14:20 of the second period",
# "level at 20:20", "16:16 at half-time".
_GAME_AFTER_RE: Final = rx.compile(r"\s+(?:of|into)\s+the\s+\w+\s+(?:period|half|quarter|set|"
                                   r"innings)\b|\s+at\s+(?:half-time|halftime|the\s+break)\b",
                                   re.IGNORECASE)
_SCORE_WORDS: Final = frozenset({"level", "tied", "square", "locked", "drawn", "score", "lead",
                                 "leading", "trailing", "led"})
# The time someone spoke is no time of what they told: "police said at 10am that ...".
_TELLING: Final = frozenset({"said", "says", "told", "announced", "confirmed", "reported",
                             "added", "stated", "wrote", "tweeted", "posted", "briefed", "updated"})
_PASSIVE: Final = frozenset({"was", "were", "is", "are", "been", "be", "being"})
# Letters of any script: "Bordeaux-M\u00e9rignac" is one word (desk probe N: "m rignac").
_CONTENT_RE: Final = rx.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-])*")
_HOUR_SLACK: Final = 15.0  # "8am" is 7:45 to 8:15: "8am" / "8.30am" are two times (a desk probe)


class ClockTime(NamedTuple):
    """A time's span, value and interval (minutes after midnight), unit, noun and hedge."""

    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str
    noun: str | None
    approximate: bool


def find_times(folded: str, start: int, end: int) -> list[ClockTime]:
    """The clock times of folded[start:end] that place a moment."""
    return list(_times(folded, start, end))


def _times(folded: str, start: int, end: int) -> Iterator[ClockTime]:
    previous: ClockTime | None = None
    # What happened at a time is told after the time before it: "opened at 10:05 a.m. and
    # closed at 12:10 p.m." closed at the second (a desk probe: its noun was "opened m closed").
    told_from = start
    for m in matches(CLOCK_RE, folded, start, end):
        before = _BEFORE_RE.search(folded, max(start, m.start() - 30), m.start())
        # "by 4am", "from 9am to 5pm": a bound or a span, told as its time but compared
        # with none (no noun: opening hours and deadlines agree by overlap), though two
        # that differ deny a corroboration ("close by 10pm" / "close by 11pm": a review)
        bounded = _bound_word(before)
        if bounded is not None:
            before = None
        if _GAME_AFTER_RE.match(folded, m.end()):
            continue
        minutes = _minutes(m, before, bounded)
        if minutes is None:
            continue
        value, half = minutes
        words = _words_before(folded, told_from, before.start() if before else m.start())
        told_from = m.end()
        if words and (_spoke(words) or words[-1] in _SCORE_WORDS):
            continue
        content = [w for w in words if w not in STOPWORDS]
        unit = _unit(m)
        if unit == "UTC":
            value = (value - _ZONE_OFFSETS[ignorecase_key(m.group("zone"))]) % 1440
        low, high, approx = _interval(value, half, before)
        if previous is not None and folded[previous.end:m.start()] in (" (", "("):
            noun = previous.noun  # "2.15pm local time (1115 GMT)": one moment, two zones
        elif bounded is not None:
            noun = None
        else:
            noun = _noun(content)
        previous = ClockTime(m.start(), m.end(), value, low, high, unit, noun, approx)
        yield previous


def _spoke(words: list[str]) -> bool:
    """Whether the time is when someone spoke ("police said at 10am"): not when a thing was
    told, which is its moment ("The deal was announced at 7am on Monday" / "... at 8 a.m.
    London time": desk probe Q2, no times, so a corroboration)."""
    return words[-1] in _TELLING and not (len(words) > 1 and words[-2] in _PASSIVE)


def _bound_word(before: re.Match[str] | None) -> str | None:
    """The word of a bound or a span before a time ("by", "from"), or None for a moment's
    ("at", "about", "shortly after")."""
    if before is None:
        return None
    prep = before.group("prep").lower()
    if prep in _MOMENT or before.group("near") and prep in ("after", "before"):
        return None
    return prep


def _noun(content: list[str]) -> str | None:
    """What happened at a time: its last three content words, after the word of a sequence
    before them when there is one ("the first train left", "the last train left": a
    review)."""
    noun = content[-3:]
    order = [w for w in content[:-3] if w in _SEQUENCE]
    return " ".join(order[-1:] + noun) or None


_SEQUENCE: Final = frozenset({"first", "second", "third", "last", "final", "next", "previous",
                              "earlier", "later", "another", "latest", "initial", "new"})


# Standard offsets of the US zones whose offset changes in the year (daylight saving adds an
# hour from the second Sunday of March to the first Sunday of November).
_US_STANDARD: Final = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}
SEASONAL_UNITS: Final = frozenset(_US_STANDARD)


def utc_offset(unit: str, day: date) -> int:
    """Minutes east of UTC of a US zone written as "ET", "PT", ... on a day."""
    march = date(day.year, 3, 8)
    november = date(day.year, 11, 1)
    starts = march + timedelta(days=(6 - march.weekday()) % 7)  # the second Sunday
    ends = november + timedelta(days=(6 - november.weekday()) % 7)  # the first Sunday
    return _US_STANDARD[unit] + (60 if starts <= day < ends else 0)


def times_in_utc(quantities: list[Quantity], day: date) -> list[Quantity]:
    """The quantities, their times of a US zone ("10:32 a.m. ET") in UTC on `day`:
    "lifted off at 10:32 a.m. ET (1432 UTC)" is one moment, and meets "lifted off at 14:32
    UTC" (desk probe K: ET was a unit of its own)."""
    out = []
    for q in quantities:
        if q.kind == "time" and q.unit in SEASONAL_UNITS and q.value is not None:
            # The interval moves with the value (which wraps past midnight as UTC's does).
            moved = (q.value - utc_offset(q.unit, day)) % 1440 - q.value
            q = q._replace(value=q.value + moved, unit="UTC",
                           low=None if q.low is None else q.low + moved,
                           high=None if q.high is None else q.high + moved)
        out.append(q)
    return out


def _minutes(m: re.Match[str], before: re.Match[str] | None,
             bounded: str | None = None) -> tuple[float, float] | None:
    """(minutes after midnight, half its precision), or None for no time; `bounded`: the
    word of a bound or a span before it ("by", "from"), when `before` is None for it."""
    zoned = bool(m.group("zone") or m.group("local"))
    if m.group("ampm"):
        hour = int(m.group("h12")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
        if m.group("m12"):
            return hour * 60 + int(m.group("m12")), 0.5
        return hour * 60.0, _HOUR_SLACK  # "2pm" is rounded to the hour
    if m.group("hhmm"):
        digits = m.group("hhmm")
        return int(digits[:2]) * 60 + int(digits[2:]), 0.5
    if m.group("hdot"):  # "21.30 local time", "9.30 CET": its zone makes it a time
        return int(m.group("hdot")) * 60 + int(m.group("mdot")), 0.5
    if m.group("word"):
        if before is None and not zoned and bounded is None:
            return None  # "the midnight deadline", "Midnight Mass": no moment of an event
        if m.group("word").lower() != "midnight":
            return 720.0, _HOUR_SLACK
        # Midnight ends the day it is written with ("expires at midnight on Friday" is
        # Friday's 23:59), unless the time runs from it ("shortly after midnight").
        after = before is not None and before.group("prep").lower() == "after" \
            or bounded in ("after", "since", "past", "from")
        return (0.0 if after else 1440.0), _HOUR_SLACK
    hour_text = m.group("h24")
    hour = int(hour_text)
    # "3:16" (a verse), "2:03" (a race) or "10:30" (am or pm?): a 24-hour clock needs a
    # zone, or a zero hour, a leading zero or an hour after noon and a preposition before
    # ("finished in 14:32" is a race time).
    if not zoned and (before is None and bounded is None
                      or 1 <= hour <= 12 and not hour_text.startswith("0")):
        return None
    seconds = int(m.group("s24")) / 60 if m.group("s24") else 0.0
    return hour * 60 + int(m.group("m24")) + seconds, 0.5


def _unit(m: re.Match[str]) -> str:
    zone = (m.group("zone") or "").lower()
    if zone in _ZONE_OFFSETS:
        return "UTC"
    return zone.upper() if zone else "local"


def _interval(value: float, half: float,
              before: re.Match[str] | None) -> tuple[float, float, bool]:
    """(low, high, approximate) as the words before the time read it."""
    if before is None:
        return value - half, value + half, False
    prep, near = before.group("prep").lower(), before.group("near")
    if near:  # "shortly after 1pm": within twenty minutes of it
        return (value, value + 20, True) if prep == "after" else (value - 20, value, True)
    if prep in _HEDGES:
        slack = 45.0 if half >= _HOUR_SLACK else 10.0
        return value - slack, value + slack, True
    return value - half, value + half, False


def _words_before(folded: str, start: int, at: int) -> list[str]:
    """The words of the clause before a time, lower-cased (up to eight back)."""
    return [w.lower() for w in _CONTENT_RE.findall(folded, max(start, at - 80), at)[-8:]]


# "won in 2:04:37", "a course record of 1:58:12", "13:05.3": hours, minutes and seconds, or
# minutes, seconds and tenths (a desk probe: no figure, so "won in 2:19:44" corroborated
# "won in 2:21:44").
_RACE_RE = rx.compile(r"(?<![\w.,:/])(?:(?P<h>\d{1,2}):(?P<hm>[0-5]\d):(?P<hs>[0-5]\d)"
                      r"(?:\.(?P<hf>\d{1,3}))?|(?P<m>\d{1,2}):(?P<s>[0-5]\d)\.(?P<f>\d{1,3}))"
                      r"(?![\d:]|[.,]\d)")
_CLOCK_BEFORE_RE: Final = rx.compile(r"\b(?:at|around|about|by|before|after|until|from|since)\s+\Z",
                                     re.IGNORECASE)


def race_times(folded: str, start: int, end: int) -> Iterator[tuple[int, int, float, float]]:
    """(start, end, seconds, half its precision) of each race time in folded[start:end]."""
    for m in matches(_RACE_RE, folded, start, end):
        if m.group("h") and _CLOCK_BEFORE_RE.search(folded, max(start, m.start() - 12),
                                                    m.start()):
            continue  # "at 18:45:30" is a time of day
        if m.group("h"):
            whole = int(m.group("h")) * 3600 + int(m.group("hm")) * 60 + int(m.group("hs"))
            fraction = m.group("hf")
        else:
            whole = int(m.group("m")) * 60 + int(m.group("s"))
            fraction = m.group("f")
        if fraction:
            yield m.start(), m.end(), whole + int(fraction) / 10 ** len(fraction), \
                0.5 / 10 ** len(fraction)
        else:
            yield m.start(), m.end(), float(whole), 0.5
