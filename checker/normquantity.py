"""A claim's quantity slot as normalisation compares it (`normalize.normalise`)."""

from __future__ import annotations

import re

from checker.fastpickle import slot_builder
from checker.models.claims import QuantitySlot
from checker.nlp import word_stem
from checker.normclaim import NQuantity
from checker.rates import policy_rate, policy_rate_figure
from checker.subjectcounts import subject_counted


def normal_quantity(q: QuantitySlot, text: str, offset: int, celsius: bool = False) -> NQuantity:
    """A quantity slot ready to compare: its noun stemmed (or the subject a bare count
    counts), a policy rate set exactly, degrees Fahrenheit in Celsius when asked."""
    noun = word_stem(_same_noun(q.noun.lower())) if q.noun and q.kind != "time" else \
        _event(q.noun) if q.noun else None
    if noun is None and q.kind == "count" and q.unit is None:
        noun = subject_counted(text, q.span[0] - offset)
    low, high = q.low, q.high
    if q.kind == "percent" and not q.approximate and q.bound == "exact" \
            and q.value is not None and policy_rate(text) \
            and policy_rate_figure(text, q.span[0] - offset, q.span[1] - offset):
        low = high = q.value  # a rate is set exactly (`checker.rates`)
    if q.unit == "degF" and celsius:
        # Degrees Fahrenheit are compared as Celsius, as feet are as metres: "12C at the
        # start" / "54F at the start" are one reading (desk probe X: two units, never
        # compared). Not a factor, so not a unit of the extraction's tables. A difference of
        # temperatures has no zero to move: "2.74 degrees Fahrenheit above pre-industrial
        # levels" is 1.52C of warming, not -16.3C (desk probe Q4).
        conv = _celsius_change if _difference(text, q.span[0] - offset, q.span[1] - offset) \
            else _celsius
        return _quantity(q.kind, "degC", conv(q.value), conv(low), conv(high),
                         noun, q.approximate, q.text)
    return _quantity(q.kind, q.unit, q.value, low, high, noun, q.approximate, q.text)


# `NQuantity(...)` through its slots, in field order (`fastpickle.slot_builder`: the frozen
# dataclass's __init__ sets each field through object.__setattr__). Same object.
_quantity = slot_builder(NQuantity)


def _celsius(fahrenheit: float | None) -> float | None:
    """Degrees Fahrenheit in Celsius."""
    return None if fahrenheit is None else (fahrenheit - 32.0) * 5.0 / 9.0


def _celsius_change(fahrenheit: float | None) -> float | None:
    """A change of degrees Fahrenheit in degrees Celsius."""
    return None if fahrenheit is None else fahrenheit * 5.0 / 9.0


# A temperature told as a difference: compared with another ("2.7F above pre-industrial
# levels", "3F warmer than average") or as a change ("warmed by 2F", "a rise of 2.7F", "put
# the rise at 2.65F"). "rose to 104F", "temperatures above 100F" are readings.
_DIFFERENCE_AFTER_RE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:above|below|warmer|cooler|hotter|colder|higher|lower)\b", re.I)
_DIFFERENCE_BEFORE_RE = re.compile(
    r"(?:\bby|\b(?:rise|increase|warming|anomaly|drop|fall|change)\s+(?:of|at|was|is))"
    r"(?:\s+(?:about|around|roughly|nearly|almost|some|more than|less than))?\s*$", re.I)


def _difference(text: str, start: int, end: int) -> bool:
    """Whether the temperature at text[start:end] is a difference of two, not a reading."""
    return bool(_DIFFERENCE_AFTER_RE.match(text, end)
                or _DIFFERENCE_BEFORE_RE.search(text[max(0, start - 40):start]))


# Words news copy uses for one event at a time, read as one: "touched down at 18:47" /
# "landed at 19:47" (desk probe Q: two events, never compared; "down" is a stopword).
_ONE_EVENT = {"touched": "landed", "touchdown": "landed", "land": "landed",
              "lands": "landed", "departs": "departed", "depart": "departed",
              "struck": "hit", "hits": "hit", "strikes": "hit", "jolted": "hit"}


def _event(noun: str) -> str:
    """A time's noun (what happened then) as a stem, one event's words read as one."""
    return word_stem(" ".join(_ONE_EVENT.get(w, w) for w in noun.lower().split()))


# Nouns a figure counts that news copy uses for one thing: "an 8 percent raise" (American
# for a pay rise) and "a 3% hike" are rises (desk probe Q6: "a 9 per cent rise" / "an 8
# percent raise" counted two things, never compared). After a figure the word is a noun:
# "raised $5m" is never read here.
_SAME_NOUN = {"raise": "rise", "raises": "rises", "hike": "rise", "hikes": "rises"}


def _same_noun(noun: str) -> str:
    """The noun as its group's word (`_SAME_NOUN`): the last word of a phrase is its head."""
    head = noun.rsplit(" ", 1)
    return noun if head[-1] not in _SAME_NOUN else " ".join([*head[:-1], _SAME_NOUN[head[-1]]])
