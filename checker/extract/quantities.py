"""Quantities in news text: value, unit, currency, scale, precision, bounds.

A precise rule set rather than a generic parser: years, times, fiscal years, ISO dates, model
names ("J-10CE", "Chang'e 6") and compound adjectives ("five-year") are not quantities.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker import rx
from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_shares as qs
from checker.extract import quantity_words as qw
from checker.extract.clock_times import find_times, race_times
from checker.extract.cues import tokens
from checker.extract.date_patterns import COUNT_AFTER_RE, count_before
from checker.extract.quantity_hits import Hit
from checker.extract.quantity_ranges import to_ranges
from checker.extract.quantity_values import bounds, number, precision, significant
from checker.extract.spans import SpanSet
from checker.extract.zero_counts import may_hold, zero_counts
from checker.propernames import MONTHS_AND_DAYS, counted_after_group
from checker.textutil import fold


class Quantity(NamedTuple):
    """A parsed quantity (see QuantitySlot for the meaning of the fields).

    A named tuple, as Token is: a frozen dataclass of eleven fields costs 3x as much to
    build, and one is built for every figure read."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    noun: str | None
    approximate: bool
    bound: str


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    skip: list[tuple[int, int]] | None = None,
                    folded: str | None = None, lower: str | None = None,
                    digits: bool | None = None, gates: int | None = None) -> list[Quantity]:
    """All quantities in text[start:end]; spans in `skip` (dates) are left alone.

    `folded` is fold(text) (saves folding per sentence), `lower` folded[start:end].lower(),
    `digits` whether that holds a digit and `gates` qp.GATES.mask(lower), when the caller
    already has them.
    """
    stop = len(text) if end is None else end
    folded = fold(text) if folded is None else folded
    # Bisection, not a scan of every span: one sentence can hold thousands of matches.
    taken = SpanSet(skip or ())
    out: list[Quantity] = []
    if digits is None:
        digits = qp.DIGIT_RE.search(folded, start, stop) is not None
    sentence = folded[start:stop]
    low_text = sentence.lower() if lower is None else lower
    if gates is None:
        gates = qp.GATES.mask(low_text)
    if not sentence.isascii():
        gates |= qp.ASCII_ONLY_GATES

    def keep(q: Quantity | None) -> None:
        if q is not None and not taken.overlaps(q.start, q.end):
            out.append(q)
            taken.add(q.start, q.end)

    for q in _clock_times(text, folded, start, stop, digits, sentence, low_text):
        keep(q)
    if may_hold(low_text):  # "no casualties", "no one was injured"
        for s, e, counted in zero_counts(folded, start, stop):
            keep(Quantity(text[s:e], s, e, "count", 0.0, 0.0, 0.0, None, counted, False,
                          "exact"))
    if digits and gates & 2:
        for m in qp.NOT_QUANTITY_RE.finditer(folded, start, stop):
            taken.add(*m.span())
    if digits and ("\u00b1" in sentence or "+/-" in sentence or "minus" in sentence
                   or "margin" in sentence):
        for m in qp.MARGIN_RE.finditer(folded, start, stop):
            taken.add(*m.span())

    if digits and "old" in sentence and "year" in sentence:
        for s, e, value in qc.people_ages(folded, start, stop):
            keep(Quantity(text[s:e], s, e, "measure", value, value - 0.5, value + 0.5, "year",
                          "age", False, "exact"))

    for m in qp.ORDINAL_RE.finditer(folded, start, stop) if digits and gates & 1 else ():
        value = float(m.group("no") or m.group("ord"))
        ranked = qp.RANK_NOUN_RE.match(folded, m.end(), stop) if m.group("ord") else None
        keep(Quantity(text[m.start():m.end()], m.start(), m.end(), "rank", value, value,
                      value, None, ranked.group(1).lower() if ranked else None, False, "exact"))
    if "-" in sentence:
        for m in qp.DURATION_ADJ_RE.finditer(folded, start, stop):
            keep(_duration(text, m))
    if digits and ("-" in sentence or "\u2013" in sentence):
        for m in qp.TALLY_RE.finditer(folded, start, stop):
            for side in _tally(text, m):
                keep(side)
    if gates & 32:  # before numbers and number words: "one in 10", "two thirds"
        for t, s, e, value, share_low, share_high, noun in qs.find_shares(
                text, folded, start, stop, _noun_after):
            keep(Quantity(t, s, e, "percent", value, share_low, share_high, "%", noun, True,
                          "exact"))
    for m in qp.BETWEEN_RE.finditer(folded, start, stop) if digits and gates & 4 else ():
        keep(_from_between(folded, text, m))
    for m in qp.NUMBER_RE.finditer(folded, start, stop) if digits else ():
        # A number inside a date or a quantity already found could only be refused by keep():
        # its quantity always covers the number. Skip it before reading around it.
        if not taken.overlaps(m.start(), m.end("num")):
            keep(_from_match(folded, text, Hit(folded, m, floor=start)))
    if gates & 8:
        for m in qp.VAGUE_RE.finditer(folded, start, stop):
            keep(_from_words(folded, text, Hit(folded, m, currency=False, floor=start)))
    if gates & 16:
        for m in qp.RATIO_RE.finditer(folded, start, stop):
            keep(_from_words(folded, text, Hit(folded, m, currency=False, floor=start)))
    # tokens() lower-cases: the sentence as text_features reads it shares its cache entry.
    if not qp.NUMBER_WORDS.isdisjoint(tokens(sentence)):
        for m in qp.WORD_NUMBER_RE.finditer(folded, start, stop):
            keep(_from_words(folded, text, Hit(folded, m, currency=False, floor=start)))
    out.sort(key=lambda q: q.start)
    if len(out) < 2:
        return out
    out = to_ranges(folded, text, out)
    if "month" in sentence and " and " in sentence:  # "five years and eight months"
        out = qc.terms_joined(folded, text, out)
    if "minute" in sentence and ("hour" in sentence or "second" in sentence):
        out = qc.durations_joined(folded, text, out)  # "two hours, four minutes and 37 s"
    return qc.parts_of_totals(folded, out)


def _clock_times(text: str, folded: str, start: int, stop: int, digits: bool, sentence: str,
                 lower: str) -> list[Quantity]:
    """The clock times ("2.15pm", "14:32 GMT", "at noon") and race times ("in 2:04:37") of
    a sentence, when a cheap test of its text allows one."""
    colon = digits and ":" in sentence
    if not (colon or digits and "m" in lower and (
            "am" in lower or "pm" in lower or "m." in lower or "gmt" in lower)
            or "noon" in lower or "midday" in lower or "midnight" in lower
            or digits and ("utc" in lower or "bst" in lower or "cet" in lower)):
        return []
    found = [Quantity(text[t.start:t.end], t.start, t.end, "time", t.value, t.low, t.high,
                      t.unit, t.noun, t.approximate, "exact")
             for t in find_times(folded, start, stop)]
    if colon:
        found.extend(Quantity(text[s:e], s, e, "measure", value, value - half, value + half,
                              "s", "duration", False, "exact")
                     for s, e, value, half in race_times(folded, start, stop))
    return found


def _tally(text: str, m: re.Match[str]) -> list[Quantity]:
    """The two sides of a vote's tally ("6-3"): the majority's votes and the minority's,
    each a count that names its side, so "6-3" and "5-4" of one vote disagree on both."""
    a, b = ("a", "b") if m.group("a") else ("a2", "b2")
    if int(m.group(a)) < int(m.group(b)):
        return []  # "voted 4-5": a range or a misprint, not a tally read majority first
    return [Quantity(text[m.start(g):m.end(g)], m.start(g), m.end(g), "count",
                     float(m.group(g)), float(m.group(g)), float(m.group(g)), None, noun,
                     False, "exact")
            for g, noun in ((a, "majority"), (b, "minority"))]


def _duration(text: str, m: re.Match[str]) -> Quantity:
    """How long a thing runs, written before it ("a five-year contract"): exact, counting
    the thing it qualifies."""
    num = m.group("num")
    value = float(num) if num.isdigit() else qw.word_value(num)
    unit = m.group("unit").lower()
    s, e = m.start(), m.end("unit")
    return Quantity(text[s:e], s, e, "measure", value, value, value, unit,
                    m.group("noun").lower(), False, "exact")


def _is_part_of_name(folded: str, m: Hit) -> bool:
    """Numbers glued to names ("J-10CE", "Chang'e 6", "iPhone 15") or adjectives ("five-year")."""
    s, e = m.start("num"), m.end()
    before = folded[max(0, s - 25):s]
    after = folded[e:e + 12]
    if m.group("cur") or m.group("scale") or m.group("unit"):
        return False
    if qp.LETTER_END_RE.search(before) and not qp.MAGNITUDE_BEFORE_RE.search(before):
        return True  # "HQ-9"; not "a magnitude-7.4 quake" (a figure it measures)
    if qp.LETTER_START_RE.match(after):
        return True  # "10CE", "4.5-generation", "10-year"
    if before[-9:].lower().endswith(qc.STAGE_ENDS):
        return True  # "the phase 3 trial", "stage 4 cancer": a label, no count
    cap = qp.CAPITAL_BEFORE.search(before)
    return cap is not None and cap.group().strip().lower() not in qp.NOT_NAMES \
        and not counted_after_group(cap.group().strip(), folded, e)  # "Chang'e 8"


def _is_age(folded: str, m: Hit) -> bool:
    """A person's age in commas after the name ("Babiš, 72, said"): no counted quantity
    (a desk probe read it as a count of nothing)."""
    num = m.group("num") or ""
    if not num.isdigit() or int(num) > 120 or folded[m.end():m.end() + 1] != "," or any(
            m.group(g) for g in ("cur", "scale", "unit", "num2", "mod")):
        return False
    s = m.start("num")
    name = qp.AGE_BEFORE_RE.search(folded, max(0, s - 40), s)
    return name is not None and name.group("name").lower() not in MONTHS_AND_DAYS


def _age(folded: str, text: str, m: Hit) -> Quantity | None:
    """An age in commas ("Gareth Pryce, 52, of Ystrad Mynach"): years of age, a measure
    with its noun, so one man's two ages on two pages disagree (a desk probe: "Pryce, 52"
    and "Pryce, 53" were no figures) and no count of anything is made of it."""
    q = _make(folded, text, m, "measure", "year", 1.0, 1.0, noun=False)
    return None if q is None else q._replace(noun="age")


def _is_year_like(folded: str, m: Hit) -> bool:
    """A bare 1800-2100 is a year, unless it clearly counts ("about 2000 troops")."""
    num = m.group("num") or ""
    if m.group("cur") or m.group("scale") or m.group("unit") or "," in num or "." in num:
        return False
    if len(num) != 4 or not 1800 <= int(num) <= 2100:
        return False
    s = m.start("num")
    return not (m.group("mod") or count_before(folded, max(0, s - 20), s)
                or COUNT_AFTER_RE.match(folded, m.end()))


def _kind_unit(unit_word: str, cur: str) -> tuple[str, str | None, float]:
    """(kind, unit, factor to base unit) from the written unit and currency."""
    unit_word = " ".join(unit_word.lower().split())
    kind, unit, factor = "count", None, 1.0
    if unit_word in ("%", "per cent", "percent", "pct", "pc", "percentcent"):
        kind, unit = "percent", "%"
    elif unit_word.startswith("percentage point") or unit_word == "pp":
        kind, unit = "points", "pp"
    elif unit_word in ("basis points", "bps"):
        kind, unit, factor = "points", "pp", 0.01
    elif unit_word in qw.WORD_CURRENCIES:
        kind, unit = "money", qw.WORD_CURRENCIES[unit_word]
    elif unit_word in qw.HUNDREDTHS:
        kind, unit, factor = "money", qw.HUNDREDTHS[unit_word], 0.01
    elif unit_word in qw.MEASURES:
        kind, (unit, factor) = "measure", qw.MEASURES[unit_word]
    cur = cur.strip().lower().replace(" ", "")
    if cur:
        kind, unit = "money", qw.CURRENCIES.get(cur.rstrip("."), qw.CURRENCIES.get(cur, "USD"))
    return kind, unit, factor


def _from_match(folded: str, text: str, m: Hit) -> Quantity | None:
    num = m.group("num") or ""
    s, num_end = m.start(), m.end("num")
    if _is_year_like(folded, m):
        return None
    if _is_age(folded, m) or qc.AGED_BEFORE_RE.search(folded, max(0, s - 20), s):
        return _age(folded, text, m)  # "aged 65 and over", "aged 18 to 24": years of age
    named = qc.NAMED_RATIO_RE.search(folded, max(0, s - 30), s) \
        if folded.find("ratio", max(0, s - 30), s) >= 0 else None
    if named is not None and not (m.group("unit") or m.group("cur") or m.group("scale")):
        # "a hazard ratio of 0.73" (a desk probe: a count of nothing, never compared)
        q = _make(folded, text, m, "ratio", "x", 1.0, 1.0, noun=False)
        return None if q is None else q._replace(noun=named.group(1).lower() + " ratio")
    if not (m.group("unit") or m.group("scale") or m.group("cur") or m.group("num2")):
        written = _unit_against(folded, text, m)
        if written is not None:
            return written
    if _is_part_of_name(folded, m):
        return None
    if not m.group("unit") and qp.TIME_AFTER.match(folded, num_end):
        return None  # "2.15pm", "9 a.m."
    if (folded[num_end:num_end + 1] in ("/", ":") or (s and folded[s - 1] in "/:")) \
            and not _price_per_unit(folded, m, num_end):
        return None  # "24/7", ratios and times
    if m.group("num2") and qp.FOUR_DIGITS_RE.fullmatch(num):
        return None  # "2020-2024" is a period, "2012-13" a fiscal year (dates)
    scale_word = _words(m.group("scale") or "")
    if scale_word == "m" and qw.METRE_CONTEXT_RE.match(folded, m.end()):
        return _make(folded, text, m, "measure", "m", 1.0, 1.0)
    unit_word, cur = m.group("unit") or "", m.group("cur") or m.group("cur2") or ""
    if not (unit_word or cur or m.group("num2")):
        unit_word = _unit_ahead(folded, m.end(), scale_word)
    kind, unit, factor = _kind_unit(unit_word, cur)
    if scale_word in ("m", "k", "b") and kind != "money" and (
            scale_word == "b" or folded[num_end:num_end + 1].isspace()):
        # A letter is a scale written against a number ("1.2m people", "10k runners"); one
        # after a space is a unit ("3 400 K"), and a bare "b" names things ("GJ 486b",
        # "Article 6b") unless money is counted ("$5b", "5b dollars"): the number without it.
        if qp.NAME_SUFFIX_RE.match(folded, num_end):
            return None  # "486b", "6b": part of a name, no quantity at all
        return _make(folded, text, m, "count", None, 1.0, 1.0, end=num_end)
    return _make(folded, text, m, kind, unit, qw.SCALES.get(scale_word, 1.0), factor)


def _unit_ahead(folded: str, end: int, scale_word: str) -> str:
    """The unit written once, after the second of two figures: "1.0 billion to 1.05 billion
    pounds" is two sums in pounds (a desk probe: the first was a count), "from 5 to 7 per
    cent" two percentages. Not when only the second has a scale ("500 to 1.2 million
    pounds": 500 what?) or the second is a range of its own; "" when there is none."""
    ahead = qp.TO_FIGURE_RE.match(folded, end)
    if ahead is None or ahead.group("num2") or (ahead.group("scale") and not scale_word):
        return ""
    return ahead.group("unit") or ""


def _unit_against(folded: str, text: str, m: Hit) -> Quantity | None:
    """A figure whose unit the number pattern does not read: a multiple ("2.3 times
    higher", "2.5-fold") or pence against the number ("310p")."""
    num_end = m.end("num")
    times = qp.TIMES_AFTER_RE.match(folded, num_end)
    if times:
        return _make(folded, text, m, "ratio", "x", 1.0, 1.0, end=times.end(), noun=False)
    scale = qp.MAGNITUDE_AFTER_RE.match(folded, num_end)
    if scale:  # "a 6.8-magnitude quake"
        q = _make(folded, text, m, "count", None, 1.0, 1.0, end=scale.end(), noun=False)
        return None if q is None else q._replace(noun="magnitude")
    degrees = _temperature_against(folded, m)
    if degrees is not None:
        base, to_base = qw.MEASURES[degrees]
        return _make(folded, text, m, "measure", base, 1.0, to_base, end=num_end + 1)
    pence = qp.PENCE_AFTER_RE.match(folded, num_end)
    if pence and (m.group("num") or "") not in qw.NOT_PENCE:
        kind, unit, factor = _kind_unit("p", "")
        return _make(folded, text, m, kind, unit, 1.0, factor, end=pence.end())
    return None


def _temperature_against(folded: str, m: Hit) -> str | None:
    """The unit word ("\u00b0c", "\u00b0f") of a temperature written against its number
    ("44.6C", "112F"), or None: a plain number within the scale's limits, not after a
    name ("Gate 5C") or a word that labels things ("class 6C")."""
    num, num_end = m.group("num") or "", m.end("num")
    scale = qp.TEMPERATURE_AFTER_RE.match(folded, num_end)
    if scale is None or "," in num or not num.replace(".", "", 1).isdigit():
        return None
    letter = scale.group()
    if float(num) > qp.TEMPERATURE_LIMITS[letter]:
        return None
    s = m.start("num")
    before = folded[max(0, s - 25):s]
    if qp.LABEL_BEFORE_RE.search(before) or qp.LETTER_END_RE.search(before):
        return None
    cap = qp.CAPITAL_BEFORE.search(before)
    if cap is not None and cap.group().strip().lower() not in qp.NOT_NAMES:
        return None
    return "\u00b0" + letter.lower()


def _make(folded: str, text: str, m: Hit, kind: str, unit: str | None,
          scale: float, factor: float, end: int | None = None,
          noun: bool = True) -> Quantity | None:
    num = m.group("num") or ""
    value = number(num, scale * factor)
    mod = m.group("mod") or ""
    low: float | None
    high: float | None
    num2 = m.group("num2")
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
    s, end = m.start(), m.end() if end is None else end
    noun_at = end
    if not mod and not num2 and folded.startswith(" or ", end):
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
        counted = "magnitude" if qp.MAGNITUDE_BEFORE_RE.search(
            folded, max(0, m.start("num") - 16), m.start("num")) else _noun_after(folded, noun_at)
        if counted is None and kind == "count" and folded.find(
                "population", max(0, s - 40), s) >= 0 and qc.POPULATION_BEFORE_RE.search(
                folded, max(0, s - 40), s):
            counted = "people"  # "the population was 28,104,300" (a desk probe: no noun,
            # so a population of 27,904,300 on another page was "too vague to align")
        elif counted is None and kind == "money":
            # Money per a thing or a time: "$82.40 a barrel", "€45,000 a week" (a desk
            # probe: a weekly wage conflicted with "€2.3m a year").
            per = qc.PER_THING_RE.match(folded, end)
            counted = (per.group(1) or per.group(2)).lower() if per else None
    return Quantity(raw, s, s + len(raw), kind, center, low, high, unit, counted, approx,
                    bound)


def _price_per_unit(folded: str, m: Hit, num_end: int) -> bool:
    """Money per a unit written after a slash: "\u00a372/MWh", "$90/barrel" (a desk probe: no
    figure at all, so a strike price of \u00a372 corroborated one of \u00a392)."""
    return bool(m.group("cur")) and folded[num_end:num_end + 1] == "/" \
        and folded[num_end + 1:num_end + 2].isalpha()


def _minus_before(folded: str, s: int) -> int:
    """The length of a minus sign written before a figure at s ("minus ", or "-" not after
    a letter or digit: "-8C", not "5-8C"), or 0."""
    if s and folded[s - 1] == "-" and not (s > 1 and folded[s - 2].isalnum()):
        return 1
    return 6 if folded[max(0, s - 6):s].lower() == "minus " and \
        not (s > 6 and folded[s - 7].isalnum()) else 0


def _words(written: str) -> str:
    """A scale or unit as the tables spell it: "lakh  Crore" -> "lakh crore"."""
    return " ".join(written.lower().split())


_YEARISH_RE = rx.compile(r"1[89]\d\d|20\d\d|2100")


def _from_between(folded: str, text: str, m: re.Match[str]) -> Quantity | None:
    g = m.groupdict()
    unit_word = g["unit2"] or g["unit"] or ""
    scale_word = _words(g["scale2"] or g["scale"] or "")
    if not (unit_word or scale_word or g["cur"] or g["cur2"]) and (
            _YEARISH_RE.fullmatch(g["num"]) or _YEARISH_RE.fullmatch(g["num2"])
            or _noun_after(folded, m.end()) is None):
        return None  # "between 2019 and 2024" is a period; "between 10 and 12 people" a count
    kind, unit, factor = _kind_unit(unit_word, g["cur"] or g["cur2"] or "")
    scale = qw.SCALES.get(scale_word, 1.0)
    low = number(g["num"], qw.SCALES.get(_words(g["scale"] or scale_word), 1.0) * factor)
    high = number(g["num2"], scale * factor)
    if high < low:
        return None
    s = m.start("cur") if g["cur"] else m.start("num")
    e = m.end()
    if not unit_word and qc.AGED_BEFORE_RE.search(folded, max(0, m.start() - 20), s):
        return Quantity(text[s:e], s, e, "measure", (low + high) / 2, low, high, "year", "age",
                        False, "range")  # "aged between 18 and 24"
    return Quantity(text[s:e], s, e, kind, (low + high) / 2, low, high, unit,
                    _noun_after(folded, e), False, "range")


def _from_words(folded: str, text: str, m: Hit) -> Quantity | None:
    s, e = m.start(), m.end()
    mod = m.group("mod") or ""
    if m.group("vague"):
        low, high = qw.VAGUE[(m.group("vague") or "").lower()]
        noun = _noun_after(folded, e)
        if noun in qw.CURRENCIES:  # "billions of dollars"
            return Quantity(text[s:e], s, e, "money", None, float(low), float(high),
                            qw.CURRENCIES[noun], None, True, "range")
        if noun in qw.MEASURES:  # "hundreds of kilometres" (a count of kilometres before)
            base, factor = qw.MEASURES[noun]
            return Quantity(text[s:e], s, e, "measure", None, low * factor, high * factor,
                            base, None, True, "range")
        return Quantity(text[s:e], s, e, "count", None, float(low), float(high), None,
                        noun, True, "range")
    if m.group("ratio"):
        value = qw.RATIOS[(m.group("ratio") or "").lower()]
        slow, shigh, bound, approx = bounds(value, value * 0.05, mod)
        if approx:  # a ratio read loosely: "nearly doubled" from 69 to 135 is 1.96x
            slow = value * 0.85
            shigh = value if mod.strip().lower() in ("nearly", "almost") else value * 1.15
        return Quantity(text[s:e], s, e, "ratio", value, slow, shigh, "x", None, approx, bound)
    if not mod and qp.ANAPHORIC_BEFORE.search(folded, max(0, s - 8), s):
        return None  # "the two countries" refers back; it is not a new figure
    if folded[e:e + 1] in ".,;" and not m.group("wscale") and \
            not qp.LEVEL_BEFORE_RE.search(folded, max(0, s - 25), s):
        return None  # "one of four.": a lone number word closing a clause, unless a level
    scale = qw.SCALES.get((m.group("wscale") or "").lower(), 1.0)
    times = None if m.group("wscale") else qp.TIMES_AFTER_RE.match(folded, e)
    if times:
        # "three times more frequent" is the ratio "3 times" is (a desk probe: a count of
        # "times", so it never met "4 times more frequent"); a word is exact, as below.
        value = float(qw.word_value(m.group("word") or ""))
        tlow, thigh, bound, approx = bounds(value, 0.0, mod)
        e = times.end()
        return Quantity(text[s:e], s, e, "ratio", value, tlow, thigh, "x", None, approx,
                        bound)
    kind, unit, factor = "count", None, 1.0
    unit_hit = qp.WORD_UNIT_AFTER_RE.match(folded, e)
    if unit_hit:
        kind, unit, factor = _kind_unit(unit_hit.group("unit"), "")
        e = unit_hit.end()
    # Decimal arithmetic as for digits: "three mph" is exactly 3 x 0.44704 m/s.
    value = number(str(qw.word_value(m.group("word") or "")), scale * factor)
    # A word is exact (no digits to round): the interval is the modifier's alone.
    wlow, whigh, bound, approx = bounds(value, 0.0, mod, unit)
    return Quantity(text[s:e], s, e, kind, value, wlow, whigh, unit, _noun_after(folded, e),
                    approx, bound)


def _noun_after(folded: str, end: int) -> str | None:
    """What is counted: the noun phrase right after the number ("600 VT-4 battle tanks")."""
    words = qp.NOUN_WORDS_RE.findall(folded[end:end + 60])
    if words[:1] in (["of"], ["in"]) and len(words) > 1:
        if words[0] == "in" and (words[1][:1].isupper()
                                 or words[1].lower().startswith(("mid-", "early", "late"))):
            # "$462.3 million in September", "in China", "710 in mid-March", "4.2% in early
            # trading": when or where, not what
            return None
        words = words[1:]  # "81 per cent of imports", "$2.1 billion in sales"
    phrase: list[str] = []
    for w in words[:3]:
        if not qp.LETTER_RE.match(w) or w.lower() in qp.NOUN_STOP:
            break
        phrase.append(w)
    if not phrase:
        return None
    # The head noun is the last plural in the phrase ("Pakistani students study" -> students).
    plurals = [w for w in phrase if w.lower() in qp.IRREGULAR_PLURALS
               or (w.endswith("s") and not w.endswith(("ss", "'s")) and len(w) > 3)]
    return (plurals[-1] if plurals else phrase[-1]).lower().strip("'")
