"""Shares written in words: "a third of voters", "two thirds of", "rose by a quarter", "one
in five adults". Each is the percentage it names, loosely: news copy rounds a share to the
nearest word, so "a third" is 31-35%, not exactly 33.3% (a desk probe: no figure at all, so
"rose by a quarter" was corroborated by "rose by 40%")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from checker import rx
from checker.extract.quantity_words import WORD_NUMBERS
from checker.textutil import ignorecase_key

_PARTS: Final = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
# A fraction counts something ("a third of voters") or sizes a change ("rose by a
# quarter"); "in a quarter", "the third quarter" and "a quarter-century" are no shares.
# Hyphenated, a fraction is an adjective too: "a one-third discount", "a one-quarter stake"
# (desk probe J: no figure, so the sentence fell under the threshold).
_FRACTION_RE: Final = rx.compile(
    r"\b(?P<n>a|one|two|three|four)(?P<sep>\s+|-(?=[a-z]))(?P<part>half|thirds?|quarters?|"
    r"fifths?|tenths?)\b(?!-)", re.IGNORECASE)
_BY_BEFORE_RE: Final = rx.compile(r"\bby\s+(?:(?:nearly|almost|about|around|roughly|some|over|"
                                  r"more\s+than|less\s+than|just\s+(?:over|under))\s+)?\Z",
                                  re.IGNORECASE)
# What may follow a change's size ("rose by a third in May", "cut by a quarter, to 40"),
# where a noun makes the word an ordinal: "guaranteed by a third party" (desk probe S:
# 33.3% of a party).
_CHANGE_ENDS_RE: Final = rx.compile(
    r"(?:\s*(?:[,.;:!?)\u2013\u2014-]|\Z)|\s+(?:of|in|to|from|since|on|over|last|this|that|"
    r"after|before|compared|and|or|but|while|as|between|during|against|at|for|than|with|"
    r"when|amid|following|year|years|a|an|the|its|their|his|her|within|by|under|"
    r"versus|vs|overall|again|now|[a-z]+ly)\b)", re.IGNORECASE)
_ARTICLE_BEFORE_RE: Final = rx.compile(r"\b(?:a|an|the)\s+\Z", re.IGNORECASE)
# ... of a thing that is a share: not "a three-quarter length coat", "the three-quarter
# mark", "a three-quarter for Wales", nor "needs a two-thirds majority" (a rule, which
# conflicted with the 55% a bill passed by: a review).
_SHARE_NOUN_RE = rx.compile(r"\s+(?:discount|stake|share|holding|interest|cut|reduction|"
                            r"rise|increase|fall|drop|decline|slump|jump|chance|premium)s?\b",
                            re.IGNORECASE)
# A fraction of a unit is that much of the unit, no share: "by a quarter point", "a quarter
# of a percentage point", "a quarter of a million", "a tenth of a second", "three quarters
# of a century" (a review: each read as a percentage).
_OF_A_UNIT_RE: Final = rx.compile(
    r"\s+(?:of\s+(?:an?\s+|one\s+)?)?(?:percentage|points?|basis|million|billion|thousand|"
    r"trillion|hundred|century|centuries|hours?|minutes?|seconds?|miles?|days?|weeks?|"
    r"months?|years?|decades?|inch|inches|kilometres?|kilometers?|metres?|meters?|"
    r"pounds?|dollars?|euros?|cents?|pence|kilos?|tonnes?|litres?|liters?|gallons?|"
    r"acres?|hectares?|cups?|teaspoons?|tablespoons?|laps?)\b", re.IGNORECASE)
_OF_AFTER_RE: Final = rx.compile(r"\s+of\b", re.IGNORECASE)
# "one in 3,000 ballots" (not "one in 3"); not "number one in 30 countries", "the first one
# in 10 years", "a one in 100 year flood" (a review: each read as a share).
_ONE_IN_RE: Final = rx.compile(
    r"\bone\s+in\s+(?P<den>two|three|four|five|six|seven|eight|nine|ten|"
    r"[1-9]\d{0,2}(?:,\d{3})*)\b(?![-.,]\d|-|\s+(?:years?|decades?|centur(?:y|ies)|"
    r"generations?|lifetimes?)\b)", re.IGNORECASE)
# "nine in 10 people", "two in three adults": a share as "one in five" is (desk probe X:
# "Nine in 10 unvaccinated people" was two counts, and no restatement of "About 90
# percent of unvaccinated people"). A denominator of ten at most; not of a time or of games
# ("two in three days", "three in four games" are no shares of anything).
_N_IN_RE: Final = rx.compile(
    r"\b(?P<num>two|three|four|five|six|seven|eight|nine|[2-9])\s+in\s+(?P<den>three|four|five|"
    r"six|seven|eight|nine|ten|10)\b(?![-.,]\d|-|\s+(?:years?|decades?|centur(?:y|ies)|"
    r"generations?|lifetimes?|seconds?|minutes?|hours?|days?|weeks?|months?|games?|matches|"
    r"races?|attempts?|starts?|innings|sets?|rounds?)\b)", re.IGNORECASE)
_NOT_ONE_IN_BEFORE_RE: Final = rx.compile(r"\b(?:number|no\.|first|last|only\s+the)\s+\Z",
                                          re.IGNORECASE)
# The words a share can be written with: a sentence holding none is not scanned.
CUES = ("half", "third", "quarter", "fifth", "tenth", "one in ", " in 10", " in ten", " in three",
        " in four", " in five", " in six", " in seven", " in eight", " in nine")
# How far a share in words may be from the exact fraction, in percentage points.
SLACK: Final = 2.0

Share = tuple[str, int, int, float, float, float, str | None]


def find_shares(text: str, folded: str, start: int, stop: int,
                noun_after: Callable[[str, int], str | None]) -> list[Share]:
    """(text, start, end, value, low, high, noun) of each share in folded[start:stop], the
    value a percentage."""
    out: list[Share] = []
    for m in _FRACTION_RE.finditer(folded, start, stop):
        hyphened = m.group("sep") == "-"
        if hyphened and m.group("n").lower() == "a":
            continue  # "a-third" is no spelling of a share
        if not (_OF_AFTER_RE.match(folded, m.end())
                or _BY_BEFORE_RE.search(folded, max(start, m.start() - 20), m.start())
                and _CHANGE_ENDS_RE.match(folded, m.end())
                or hyphened and _adjective(folded, start, m)) \
                or _OF_A_UNIT_RE.match(folded, m.end()):
            continue
        part = _PARTS[ignorecase_key(m.group("part")).rstrip("s")]
        n = _count(m.group("n"))
        if n >= part or (part == 4 and n == 2):
            continue  # "two halves", "four quarters"; "two quarters of" is half a year
        out.append(_share(text, m, 100.0 * n / part, noun_after(folded, m.end())))
    for m in _ONE_IN_RE.finditer(folded, start, stop):
        if _NOT_ONE_IN_BEFORE_RE.search(folded, max(start, m.start() - 12), m.start()):
            continue
        count = _count(m.group("den"))
        if count >= 2:
            out.append(_share(text, m, 100.0 / count, noun_after(folded, m.end())))
    for m in _N_IN_RE.finditer(folded, start, stop):
        n, count = _count(m.group("num")), _count(m.group("den"))
        if n < count and not _NOT_ONE_IN_BEFORE_RE.search(folded, max(start, m.start() - 12),
                                                          m.start()):
            out.append(_share(text, m, 100.0 * n / count, noun_after(folded, m.end())))
    return out


def _adjective(folded: str, start: int, m: re.Match[str]) -> bool:
    """A hyphened fraction between an article and what it is a share of: "a one-third
    discount", "a one-quarter stake"."""
    return _ARTICLE_BEFORE_RE.search(folded, max(start, m.start() - 5), m.start()) is not None \
        and _SHARE_NOUN_RE.match(folded, m.end()) is not None


def _count(word: str) -> int:
    """The number a numerator or denominator is written as: "a", a number word, digits."""
    word = ignorecase_key(word)  # "\u017fix" as IGNORECASE read it
    return 1 if word == "a" else int(WORD_NUMBERS.get(word) or word.replace(",", ""))


def _share(text: str, m: re.Match[str], value: float, noun: str | None) -> Share:
    s, e = m.start(), m.end()
    slack = min(SLACK, value * 0.2)  # "one in 3,000" is about 0.033%, not up to 2%
    return (text[s:e], s, e, value, max(0.0, value - slack), min(100.0, value + slack), noun)
