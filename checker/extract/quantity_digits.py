"""A number written in digits read as a Quantity (`from_match`): its currency, scale and unit
(written with it, once after a second figure as in "1.0 billion to 1.05 billion pounds", or
against it: "310p", "44.6C", "2.5-fold"), its bounds, a minus sign before it and what it
counts. A year, a name ("J-10CE", "Chang'e 6"), a period ("2020-2024") or a time ("24/7",
"9 a.m.") is no quantity; an age in commas ("Babiš, 72, said") is years of age."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_words as qw
from checker.extract.date_patterns import COUNT_AFTER_RE, count_before
from checker.extract.quantity_context import noun_after
from checker.extract.quantity_hits import NumberHit
from checker.extract.quantity_type import Quantity, quantity
from checker.extract.quantity_values import bounds, number, precision, significant
from checker.extract.quantity_words import kind_unit, table_words
from checker.namechunks import counted_after_group
from checker.propernames import MONTHS_AND_DAYS


def _is_part_of_name(folded: str, m: NumberHit) -> bool:
    """Numbers glued to names ("J-10CE", "Chang'e 6", "iPhone 15") or adjectives ("five-year")."""
    if m.cur or m.scale or m.unit:
        return False
    s, e = m.at, m.stop
    before = folded[max(0, s - 25):s]
    after = folded[e:e + 12]
    if _letter_end(before) and not _magnitude_before(before, 0, len(before)):
        return True  # "HQ-9"; not "a magnitude-7.4 quake" (a figure it measures)
    if _is_letter(after[:1]) or after[:1] == "-" and _is_letter(after[1:2]):
        return True  # "10CE", "4.5-generation", "10-year"
    if before[-9:].lower().endswith(qc.STAGE_ENDS):
        return True  # "the phase 3 trial", "stage 4 cancer": a label, no count
    cap = _capital_before(before)
    # An owner's figure is no model number: "Joe Root's 71" (desk probe O: no figure); an
    # owner's model is, its name after it ("Boeing's 737 Max", "Ferrari's 296 GTB").
    return cap is not None and cap.group().strip().lower() not in qp.NOT_NAMES \
        and not (cap.group().rstrip().endswith(("'s", "\u2019s"))
                 and not qp.CAPITAL_AFTER_RE.match(folded, e)) \
        and not counted_after_group(cap.group().strip(), folded, e)  # "Chang'e 8"


# The windows before and after a number are read by str tests rather than searched: a
# search cost ~3,000 instructions a window (tests/extract/test_speed53_numbers.py compares
# them with the patterns they replace).
def _is_letter(char: str) -> bool:
    """Whether char is one ASCII letter (what [A-Za-z] matches)."""
    return char.isascii() and char.isalpha()


def _letter_end(before: str) -> bool:
    """Whether before ends in an ASCII letter, maybe then "-" or "'" ("HQ-", "Chang'e 6"
    has its "e"), as re.search(r"[A-Za-z][-']?$", before) finds: $ is also before a final
    newline, where no letter can end a match."""
    tail = before[:-1] if before.endswith("\n") else before
    last = tail[-1:]
    return _is_letter(last) or (last == "-" or last == "'") and _is_letter(tail[-2:-1])


def _capital_before(before: str) -> re.Match[str] | None:
    """qp.CAPITAL_BEFORE.search(before): a word with a capital, then whitespace, ending the
    window. Its capital is in the last run of the window that holds no whitespace (from
    the capital on only [\\w'] until the whitespace at the end): a run that lower() leaves
    as it is has none, and is not searched."""
    last = before.rsplit(None, 1)
    if not last or last[-1] == last[-1].lower():
        return None
    return qp.CAPITAL_BEFORE.search(before)


def _is_age(folded: str, m: NumberHit) -> bool:
    """A person's age in commas after the name ("Babiš, 72, said"), or closing the sentence
    ("... went to Kenya's Joyce Chebet, 38.": desk probe X, a count of nothing, so 38 / 36
    was never compared): no counted quantity (a desk probe read it as a count of nothing)."""
    num = m.num
    if not num.isdigit() or int(num) > 120 or not _AGE_END_RE.match(folded, m.stop) \
            or m.cur or m.scale or m.unit or m.num2 or m.mod:
        return False
    s = m.at
    name = qp.AGE_BEFORE_RE.search(folded, max(0, s - 40), s)
    return name is not None and name.group("name").lower() not in MONTHS_AND_DAYS


# What follows an age in commas: the second comma, or the sentence's full stop.
_AGE_END_RE: Final = rx.compile(r",|\.(?:\s|\Z)")


def _age(folded: str, text: str, m: NumberHit) -> Quantity | None:
    """An age in commas ("Gareth Pryce, 52, of Ystrad Mynach"): years of age, a measure
    with its noun, so one man's two ages on two pages disagree (a desk probe: "Pryce, 52"
    and "Pryce, 53" were no figures) and no count of anything is made of it."""
    q = _make(folded, text, m, "measure", "year", 1.0, 1.0, noun=False)
    return None if q is None else q._replace(noun="age")


def _is_year_like(folded: str, m: NumberHit) -> bool:
    """A bare 1800-2100 is a year, unless it clearly counts ("about 2000 troops")."""
    num = m.num
    if m.cur or m.scale or m.unit or "," in num or "." in num:
        return False
    if len(num) != 4 or not 1800 <= int(num) <= 2100:
        return False
    s = m.at
    return not (m.mod or count_before(folded, max(0, s - 20), s)
                or COUNT_AFTER_RE.match(folded, m.stop))


def from_match(folded: str, text: str, m: NumberHit) -> Quantity | None:
    """The quantity a number written in digits states (a NumberHit), or None."""
    num = m.num
    s, num_end = m.head, m.num_end
    if _is_year_like(folded, m):
        return None
    if _is_age(folded, m) or _aged_before(folded, max(0, s - 20), s):
        return _age(folded, text, m)  # "aged 65 and over", "aged 18 to 24": years of age
    named = qc.NAMED_RATIO_RE.search(folded, max(0, s - 30), s) \
        if folded.find("ratio", max(0, s - 30), s) >= 0 else None
    if named is not None and not (m.unit or m.cur or m.scale):
        # "a hazard ratio of 0.73" (a desk probe: a count of nothing, never compared)
        q = _make(folded, text, m, "ratio", "x", 1.0, 1.0, noun=False)
        return None if q is None else q._replace(noun=named.group(1).lower() + " ratio")
    if not (m.unit or m.scale or m.cur or m.num2):
        written = _unit_against(folded, text, m)
        if written is not None:
            return written
    if _is_part_of_name(folded, m):
        return None
    if not m.unit and _time_after(folded, num_end):
        return None  # "2.15pm", "9 a.m."
    if (folded[num_end:num_end + 1] in ("/", ":") or (s and folded[s - 1] in "/:")) \
            and not _price_per_unit(folded, m, num_end):
        return None  # "24/7", ratios and times
    if m.num2 and qp.FOUR_DIGITS_RE.fullmatch(num):
        return None  # "2020-2024" is a period, "2012-13" a fiscal year (dates)
    scale_word = table_words(m.scale or "")
    if scale_word == "m" and not (m.cur or m.cur2) and _metres(folded, m):
        return _make(folded, text, m, "measure", "m", 1.0, 1.0)
    unit_word, cur = m.unit or "", m.cur or m.cur2 or ""
    if not (unit_word or cur or m.num2):
        unit_word = _unit_ahead(folded, m.stop, scale_word)
    kind, unit, factor = kind_unit(unit_word, cur, folded)
    if scale_word in ("m", "k", "b") and kind != "money" and (
            scale_word == "b" or folded[num_end:num_end + 1].isspace()):
        # A letter is a scale written against a number ("1.2m people", "10k runners"); one
        # after a space is a unit ("3 400 K"), and a bare "b" names things ("GJ 486b",
        # "Article 6b") unless money is counted ("$5b", "5b dollars"): the number without it.
        if qp.NAME_SUFFIX_RE.match(folded, num_end):
            return None  # "486b", "6b": part of a name, no quantity at all
        return _make(folded, text, m, "count", None, 1.0, 1.0, end=num_end)
    return _make(folded, text, m, kind, unit, qw.SCALES.get(scale_word, 1.0), factor)


def _metres(folded: str, m: NumberHit) -> bool:
    """Whether the "m" after a number is metres: "1.2m tall", "jumped 8.41m", "the 60m
    hurdles", "the 4x400m relay", "the men's 1500m" (else a million: "1.2m people")."""
    s = m.at
    return qw.METRE_CONTEXT_RE.match(folded, m.stop) is not None \
        or qw.METRE_BEFORE_RE.search(folded, max(0, s - 30), s) is not None \
        or (qw.RACE_DISTANCE_RE.match(folded, s) is not None
            and qw.RACE_BEFORE_RE.search(folded, max(0, s - 12), s) is not None)


def _unit_ahead(folded: str, end: int, scale_word: str) -> str:
    """The unit written once, after the second of two figures: "1.0 billion to 1.05 billion
    pounds" is two sums in pounds (a desk probe: the first was a count), "from 5 to 7 per
    cent" two percentages. Not when only the second has a scale ("500 to 1.2 million
    pounds": 500 what?) or the second is a range of its own; "" when there is none."""
    ahead = qp.TO_FIGURE_RE.match(folded, end)
    if ahead is None or ahead.group("num2") or (ahead.group("scale") and not scale_word):
        return ""
    return ahead.group("unit") or ""


def _unit_against(folded: str, text: str, m: NumberHit) -> Quantity | None:
    """A figure whose unit the number pattern does not read: a multiple ("2.3 times
    higher", "2.5-fold") or pence against the number ("310p")."""
    num_end = m.num_end
    # Each pattern below opens with its own characters: one that cannot open it is not tried.
    first = folded[num_end:num_end + 1]
    times = qp.TIMES_AFTER_RE.match(folded, num_end) if _may_open_times(first) else None
    if times:
        return _make(folded, text, m, "ratio", "x", 1.0, 1.0, end=times.end(), noun=False)
    scale = qp.MAGNITUDE_AFTER_RE.match(folded, num_end) if first == "-" else None
    if scale:  # "a 6.8-magnitude quake"
        q = _make(folded, text, m, "count", None, 1.0, 1.0, end=scale.end(), noun=False)
        return None if q is None else q._replace(noun="magnitude")
    degrees = _temperature_against(folded, m)
    if degrees is not None:
        base, to_base = qw.MEASURES[degrees]
        return _make(folded, text, m, "measure", base, 1.0, to_base, end=num_end + 1)
    num = m.num
    if "." in num and folded[num_end:num_end + 1] == "s" and \
            not folded[num_end + 1:num_end + 2].isalnum():
        # "won in 7.02s", "0.41s behind": a result's seconds (desk probe M: no figure; a
        # decimal is no decade, "1990s")
        return _make(folded, text, m, "measure", "second", 1.0, 1.0, end=num_end + 1)
    pence = qp.PENCE_AFTER_RE.match(folded, num_end) if first == "p" else None
    if pence and num not in qw.NOT_PENCE:
        kind, unit, factor = kind_unit("p", "")
        return _make(folded, text, m, kind, unit, 1.0, factor, end=pence.end())
    return None


def _may_open_times(first: str) -> bool:
    """Whether TIMES_AFTER_RE can match where `first` is the next character: "-fold",
    "fold" (f in either case: IGNORECASE reads no other letter as f) or whitespace."""
    return first in ("-", "f", "F") or first.isspace()


def _temperature_against(folded: str, m: NumberHit) -> str | None:
    """The unit word ("\u00b0c", "\u00b0f") of a temperature written against its number
    ("44.6C", "112F"), or None: a plain number within the scale's limits, not after a
    name ("Gate 5C") or a word that labels things ("class 6C")."""
    num, num_end = m.num, m.num_end
    if folded[num_end:num_end + 1] not in ("C", "F"):
        return None  # (the letter TEMPERATURE_AFTER_RE opens with, in its case)
    scale = qp.TEMPERATURE_AFTER_RE.match(folded, num_end)
    if scale is None or "," in num or not num.replace(".", "", 1).isdigit():
        return None
    letter = scale.group()
    if float(num) > qp.TEMPERATURE_LIMITS[letter]:
        return None
    s = m.at
    before = folded[max(0, s - 25):s]
    if qp.LABEL_BEFORE_RE.search(before) or _letter_end(before):
        return None
    cap = _capital_before(before)
    if cap is not None and cap.group().strip().lower() not in qp.NOT_NAMES:
        return None
    return "\u00b0" + letter.lower()


def _make(folded: str, text: str, m: NumberHit, kind: str, unit: str | None,
          scale: float, factor: float, end: int | None = None,
          noun: bool = True) -> Quantity | None:
    num = m.num
    value = number(num, scale * factor)
    mod = m.mod or ""
    low: float | None
    high: float | None
    num2 = m.num2
    if num2:
        high_num = number(num2, scale * factor)
        if high_num < value:
            return None
        low, high, bound, approx = value, high_num, "range", bool(mod)
        center = (value + high_num) / 2
    else:
        low, high, bound, approx = bounds(value, precision(num, scale, factor), mod, unit,
                                          significant(num) if mod else 1)
        center = value
    s, end = m.head, m.stop if end is None else end
    noun_at = end
    if not mod and not num2 and folded.find(" or ", end, end + 4) == end:
        # "40% or less" is at most 40% (a desk probe: exactly 40%, a conflict with 30%)
        more = qc.OR_MORE_RE.match(folded, end)
        if more is not None:
            low, high, bound = (value, None, "lower") if more.group("more") \
                else (None, value, "upper")
            if qc.PLURAL_NEXT_RE.match(folded, more.end()):
                noun_at = more.end()  # "2,000 or more patients" (not "or more face")
    sign = _minus_before(folded, s) if unit in ("degC", "degF") and not num2 else 0
    if sign:
        # "minus 8 degrees Celsius", "-8C": below zero (a desk probe: 8, which corroborated
        # "8 degrees Celsius"). The bounds turn over with the sign.
        s -= sign
        value, center = -value, -center
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        bound = {"lower": "upper", "upper": "lower"}.get(bound, bound)
    raw = text[s:end].rstrip()
    counted = None
    if noun:
        # "a magnitude 6.8 earthquake" measures the quake's magnitude, not the earthquake
        at = m.at
        counted = "magnitude" if _magnitude_before(folded, max(0, at - 16), at) or (
            kind == "count" and _measured_before(folded, max(0, at - 16), at)
            and qp.QUAKE_RE.search(folded)) else noun_after(folded, noun_at)
        if counted is None and kind == "count" and folded.find(
                "population", max(0, s - 40), s) >= 0 and qc.POPULATION_BEFORE_RE.search(
                folded, max(0, s - 40), s):
            counted = "people"  # "the population was 28,104,300" (a desk probe: no noun,
            # so a population of 27,904,300 on another page was "too vague to align")
        elif counted is None and kind == "money":
            # Money per a thing or a time: "$82.40 a barrel", "€45,000 a week" (a desk
            # probe: a weekly wage conflicted with "€2.3m a year").
            per = qc.PER_THING_RE.match(folded, end) if _may_be_per(folded, end) else None
            counted = (per.group(1) or per.group(2)).lower() if per else None
    return quantity(raw, s, s + len(raw), kind, center, low, high, unit, counted, approx,
                    bound)


# Every match of AGED_BEFORE_RE holds "age" and every match of MAGNITUDE_BEFORE_RE "agn",
# in any case (no other letter IGNORECASE reads as a, e, g or n): a window without them is
# not searched (both searched each number, and found one in none of 1,180 numbers: from_match
# 73.0 -> 65.3 M instructions, 300 docs).
def _aged_before(folded: str, lo: int, hi: int) -> bool:
    """Whether AGED_BEFORE_RE.search(folded, lo, hi) finds "aged ", "at the age of "."""
    return "age" in folded[lo:hi].lower() and qc.AGED_BEFORE_RE.search(folded, lo, hi) is not None


def _magnitude_before(folded: str, lo: int, hi: int) -> bool:
    """Whether MAGNITUDE_BEFORE_RE.search(folded, lo, hi) finds "magnitude "."""
    return "agn" in folded[lo:hi].lower() \
        and qp.MAGNITUDE_BEFORE_RE.search(folded, lo, hi) is not None


# Every match of MEASURED_BEFORE_RE holds "mea" ("measured") or "reg" ("registered"), in
# any case: IGNORECASE reads no other letter as m, e, a, r or g.
def _measured_before(folded: str, lo: int, hi: int) -> bool:
    """Whether MEASURED_BEFORE_RE.search(folded, lo, hi) finds "measured ", "registered a "."""
    low = folded[lo:hi].lower()
    return ("mea" in low or "reg" in low) \
        and qp.MEASURED_BEFORE_RE.search(folded, lo, hi) is not None


def _may_be_per(folded: str, end: int) -> bool:
    """Whether PER_THING_RE can match at end: whitespace, then "per", "each", "a" or "an"
    (p, e or a in any case: IGNORECASE reads no other letter as one of them)."""
    first = folded[end:end + 1]
    return first.isspace() and folded[end:end + 24].lstrip()[:1] in ("", "p", "P", "e", "E",
                                                                     "a", "A")


# The letters a match of TIME_AFTER starts with (after one whitespace at most), in either
# case: IGNORECASE reads no other character as one of them.
_TIME_LETTERS: Final = "aApPgGuUhH"


def _time_after(folded: str, end: int) -> bool:
    """Whether qp.TIME_AFTER.match(folded, end) finds "pm", " a.m.", " GMT" after a number:
    searched only where its first letter follows (it was searched after 749 numbers)."""
    first = folded[end:end + 1]
    if first.isspace():
        first = folded[end + 1:end + 2]
    return first != "" and first in _TIME_LETTERS and qp.TIME_AFTER.match(folded, end) is not None


def _price_per_unit(folded: str, m: NumberHit, num_end: int) -> bool:
    """Money per a unit written after a slash: "\u00a372/MWh", "$90/barrel" (a desk probe: no
    figure at all, so a strike price of \u00a372 corroborated one of \u00a392)."""
    return bool(m.cur) and folded[num_end:num_end + 1] == "/" \
        and folded[num_end + 1:num_end + 2].isalpha()


def _minus_before(folded: str, s: int) -> int:
    """The length of a minus sign written before a figure at s ("minus ", or "-" not after
    a letter or digit: "-8C", not "5-8C"), or 0."""
    if s and folded[s - 1] == "-" and not (s > 1 and folded[s - 2].isalnum()):
        return 1
    return 6 if folded[max(0, s - 6):s].lower() == "minus " and \
        not (s > 6 and folded[s - 7].isalnum()) else 0
