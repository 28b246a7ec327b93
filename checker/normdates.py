"""The dates of a normalised claim: slots as intervals, months of no year, lifespans, and
times before the page's own that no publication date placed."""

from __future__ import annotations

import re
from datetime import date

from checker import rx
from checker.extract.date_patterns import MONTHS
from checker.extract.date_types import month_number
from checker.fastpickle import slot_builder
from checker.models.claims import DateSlot
from checker.normclaim import NDate

_MONTH_ONLY_RE = rx.compile(r"^(?:in|on|during|of|late|early|mid-?)?"
                            r"\W*(?P<month>[A-Z][a-z]+\.?)\W*$", re.IGNORECASE)


def month_of_year(text: str, granularity: str) -> tuple[int, str] | None:
    """(month, text) of an unresolved month-only date ("in May"); None for anything else."""
    m = _MONTH_ONLY_RE.match(text.strip()) if granularity == "month" else None
    if not m:
        return None
    try:
        return month_number(m.group("month")), text
    except KeyError:
        return None


# A lifespan in parentheses: two dates joined by a dash, at least one with its month (so that
# "the plan (2021-2030)" is not one); an alias or pronunciation may come first ("...; ").
_DATE_WORDS = r"[^();]{0,30}?\b(?:1[0-9]|20)[0-9]{2}"
_LIFESPAN_RE = rx.compile(rf"\((?:[^()]*;\s*)?(?:born\s+)?{_DATE_WORDS}\s*(?:-{{1,2}}|to)\s*"
                          rf"{_DATE_WORDS}\s*\)")
_MONTH_NAME_RE = rx.compile(rf"\b(?:{'|'.join(m.capitalize() for m in MONTHS)})\b")


def has_lifespan(folded: str) -> bool:
    """Whether the text gives someone's birth and death dates in parentheses."""
    # Most sentences have no parenthesis: `in` answers for them without the regex.
    return "(" in folded and any(_MONTH_NAME_RE.search(m.group())
                                 for m in _LIFESPAN_RE.finditer(folded))


def ndate(d: DateSlot) -> NDate:
    """A date slot as an interval."""
    return _date(date.fromisoformat(d.start) if d.start else None,
                 date.fromisoformat(d.end) if d.end else None, d.granularity, d.text, d.open)


# `NDate(...)` through its slots, in field order (`fastpickle.slot_builder`). Same object.
_date = slot_builder(NDate)


# A time before the page's, by the page's own clock: "last year", "the previous quarter",
# "a year ago" (not "the past five years", which runs to the page's day).
_EARLIER_RE = rx.compile(r"\b(?:last|previous|prior)\s+(?:year|quarter|month|week)\b|"
                         r"\ba\s+(?:year|month|quarter|week)\s+(?:earlier|ago|before)\b",
                         re.IGNORECASE)


# What a figure is compared with, before its date: "rose to $610 million from $495 million a
# year earlier", "a 34% increase compared to the same period last year": the base's time,
# not the claim's.
_BASE_BEFORE_RE = rx.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)"
                             r"\b[^,;.]{0,40}\Z", re.IGNORECASE)


def earlier(d: DateSlot, text: str, offset: int) -> bool:
    """Whether d is a time before the page that no publication date placed, and not the
    base a figure is compared with."""
    at = d.span[0] - offset
    return not d.resolved and _EARLIER_RE.search(d.text) is not None \
        and _BASE_BEFORE_RE.search(text, max(0, at - 40), at) is None
