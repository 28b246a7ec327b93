"""Ranges: "between 10 and 12 people" read from its match (`from_between`), and figures
written with "to": "$12.5 billion to $13 billion" is one range, as "between $12.5 billion and
$13 billion" is, unless it tells a change ("rose from 5% to 7%")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from checker import rx
from checker.extract import quantity_context as qc
from checker.extract import quantity_words as qw
from checker.extract.quantity_context import noun_after
from checker.extract.quantity_type import Quantity, quantity
from checker.extract.quantity_values import number
from checker.extract.quantity_words import kind_unit, table_words

# Only "to" between the two figures ("$16.5 billion to $16.8 billion").
_TO_RE: Final = rx.compile(r"\s+to\s+", re.IGNORECASE)
# A change or a tally told before the first figure: "rose from 5% to 7%", "up from 40 to
# 45", "raised its forecast from $12 billion to $13 billion", "voted 48 to 52". Then the
# figures are an old and a new one (or two sides), and each is compared on its own.
_CHANGE_BEFORE_RE: Final = rx.compile(
    r"\b(?:from|up|down|rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|"
    r"increased?|increases|increasing|decreased?|decreases|decreasing|grew|grow|grows|"
    r"growing|grown|climbed|climbs?|climbing|jumped|jumps?|dropped|drops?|declined?|"
    r"declines|slipped|slid|gained|gains?|surged|soared|plunged|tumbled|cut|cuts|raised|"
    r"raises?|lifted|lowered|widened|narrowed|edged|moved|went|changed|revised|boosted|"
    r"trimmed|hiked|swelled|shrank|voted|votes?|won|wins?|lost|beat|defeated)\b"
    r"[^,;:.!?]*\Z", re.IGNORECASE)
# How far back a change is looked for: the few words before the first figure.
_LOOK_BACK: Final = 40
# A change told from a figure its noun names: "up from a previous forecast of 780 million
# to 820 million pounds", "fell from an earlier estimate of $2 billion to $3 billion".
# "from" starts the old value, and the figures after "of" are that value, one range (desk
# probe C: two figures). A change verb nearer the figures still wins ("cut its forecast of
# 5% to 4%": no "from" opens the noun).
_FROM_NOUN_OF_RE: Final = rx.compile(
    r"\bfrom\s+(?:a|an|the|its|their|his|her|our)\s+(?:[a-z-]+\s+){0,3}?of\s+\Z",
    re.IGNORECASE)
_RANGE_KINDS: Final = frozenset({"count", "money", "percent", "points", "measure"})


def to_ranges(folded: str, text: str, found: list[Quantity]) -> list[Quantity]:
    """Figures in text order, each "X to Y" of one kind and unit, X below Y, made one range
    (low X, high Y) like a "between" range (a desk probe: "$12.5 billion to $13 billion"
    was two figures, and two different forecasts corroborated)."""
    out: list[Quantity] = []
    for q in found:
        ends = _range_ends(folded, out[-1], q) if out else None
        if ends is None:
            out.append(q)
            continue
        first, (lo, hi) = out[-1], ends
        out[-1] = first._replace(text=text[first.start:q.end], end=q.end,
                                 value=(lo + hi) / 2, low=lo, high=hi, noun=q.noun,
                                 approximate=first.approximate or q.approximate,
                                 bound="range")
    return out


def _range_ends(folded: str, a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """(low, high) when figure a, "to", then figure b state one range; None for a change
    ("rose from 5% to 7%"), two kinds or units, or a first figure not below the second.
    A hedged end keeps its hedge's slack ("about 10 to 12": low 9)."""
    if not (a.kind == b.kind and a.kind in _RANGE_KINDS and a.unit == b.unit
            and a.bound == b.bound == "exact" and a.noun in (None, b.noun)):
        return None
    lo = a.low if a.approximate else a.value
    hi = b.high if b.approximate else b.value
    if lo is None or hi is None or a.value is None or b.value is None \
            or not a.value < b.value or not _TO_RE.fullmatch(folded, a.end, b.start):
        return None
    window = max(0, a.start - _LOOK_BACK)
    if _CHANGE_BEFORE_RE.search(folded, window, a.start) and \
            not _FROM_NOUN_OF_RE.search(folded, window, a.start):
        return None
    return lo, hi


_YEARISH_RE: Final = rx.compile(r"1[89]\d\d|20\d\d|2100")


def from_between(folded: str, text: str, m: re.Match[str]) -> Quantity | None:
    """The range a "between X and Y" match states ("between 10 and 12 people"), or None."""
    g = m.groupdict()
    degrees = g["deg2"] or g["deg"]
    unit_word = g["unit2"] or g["unit"] or ("\u00b0" + degrees.lower() if degrees else "")
    scale_word = table_words(g["scale2"] or g["scale"] or "")
    s = m.start("cur") if g["cur"] else m.start("num")
    # An age needs no noun after it: "Participants were aged between 50 and 79." (desk
    # probe Q2: two ages, 50 and 79, of which 79 corroborated "aged 55 to 79").
    aged = not unit_word and bool(qc.AGED_BEFORE_RE.search(folded, max(0, m.start() - 20), s))
    if not (unit_word or scale_word or g["cur"] or g["cur2"]) and (
            _YEARISH_RE.fullmatch(g["num"]) or _YEARISH_RE.fullmatch(g["num2"])
            or (noun_after(folded, m.end()) is None and not aged)):
        return None  # "between 2019 and 2024" is a period; "between 10 and 12 people" a count
    kind, unit, factor = kind_unit(unit_word, g["cur"] or g["cur2"] or "", folded)
    scale = qw.SCALES.get(scale_word, 1.0)
    low = number(g["num"], qw.SCALES.get(table_words(g["scale"] or scale_word), 1.0) * factor)
    high = number(g["num2"], scale * factor)
    if high < low:
        return None
    e = m.end()
    if aged:
        return quantity(text[s:e], s, e, "measure", (low + high) / 2, low, high, "year", "age",
                        False, "range")  # "aged between 18 and 24"
    return quantity(text[s:e], s, e, kind, (low + high) / 2, low, high, unit,
                    noun_after(folded, e), False, "range")


# A range of temperatures written against its numbers: "highs of 24-27C", "24C-27C", "24 to
# 27C" (desk probe M: no figure, or a count of 24 and 27C). The letter in capitals, as
# quantity_digits reads a lone "44.6C".
# Its first digit opens the pattern and the lookbehind follows it (the same test of the
# character before): the engine skips from digit to digit in C, where a leading lookbehind
# was tried at every position (temperature_ranges 11.2 -> 7.0 M instructions, 300 docs;
# tests/extract/test_speed52_quantities.py keeps the plain pattern).
_TEMPERATURE_RANGE_RE: Final = rx.compile(
    r"(?P<lo>\d(?<![\w.,-]\d)\d?(?:\.\d)?)(?:\u00b0?(?P<u1>[CF]))?\s?(?:-|\u2013|to)\s?"
    r"(?P<hi>\d{1,3}(?:\.\d)?)\u00b0?(?P<u>[CF])(?![\w'])")


def may_hold_temperatures(sentence: str) -> bool:
    """Whether a capital C or F follows a digit, or a digit and a degree sign, in sentence:
    every match of _TEMPERATURE_RANGE_RE ends so."""
    # A cheap first test ("C" or "F" alone let in every "China" and "February"): no pattern
    # scans the many digits of a clause of money and dates (temperature_ranges and this
    # test 7.0 -> 0.7 M instructions, 300 docs).
    for letter in ("C", "F"):
        at = sentence.find(letter, 1)
        while at > 0:
            before = sentence[at - 1]
            if before.isdecimal() or (before == "\u00b0" and at > 1
                                      and sentence[at - 2].isdecimal()):
                return True
            at = sentence.find(letter, at + 1)
    return False


def temperature_ranges(text: str, folded: str, start: int, stop: int) -> Iterator[Quantity]:
    """The ranges of temperatures in folded[start:stop] ("highs of 24-27C")."""
    for m in _TEMPERATURE_RANGE_RE.finditer(folded, start, stop):
        lo, hi = float(m["lo"]), float(m["hi"])
        if (m["u1"] and m["u1"] != m["u"]) or not lo < hi:
            continue
        unit = "degC" if m["u"] == "C" else "degF"
        yield quantity(text[m.start():m.end()], m.start(), m.end(), "measure", (lo + hi) / 2,
                       lo, hi, unit, noun_after(folded, m.end()), False, "range")
