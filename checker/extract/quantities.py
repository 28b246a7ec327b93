"""Quantities in news text: value, unit, currency, scale, precision, bounds.

A precise rule set rather than a generic parser: years, times, fiscal years, ISO dates, model
names ("J-10CE", "Chang'e 6") and compound adjectives ("five-year") are not quantities.

`find_quantities` reads each kind of match of a sentence in turn, a span taken by the first
reader that claims it: clock and race times, counts of none, ages, ranks, durations ("a
five-year contract") and tallies ("6-3") are made here; shares in words (quantity_shares),
"between" ranges (quantity_ranges), numbers in digits (quantity_digits) and figures in words
(quantity_spelled) by the readers of their modules. `Quantity`, the record they all build,
is defined in quantity_type and imported from here.
"""

from __future__ import annotations

import re
from typing import Final

from checker.extract import quantity_context as qc
from checker.extract import quantity_cricket as qcr
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_scales as qsc
from checker.extract import quantity_shares as qs
from checker.extract import quantity_stats as qst
from checker.extract import quantity_words as qw
from checker.extract import zero_counts as qz
from checker.extract.clock_times import find_times, race_times
from checker.extract.cues import tokens
from checker.extract.date_patterns import PHONE_RE, may_hold_phone
from checker.extract.gates import Gates
from checker.extract.named_counts import NAMED_COUNT_WORDS, named_count
from checker.extract.quantity_context import noun_after
from checker.extract.quantity_digits import from_match
from checker.extract.quantity_hits import Hit, NumberHit
from checker.extract.quantity_ranges import (
    from_between,
    may_hold_temperatures,
    temperature_ranges,
    to_ranges,
)
from checker.extract.quantity_spelled import from_words
from checker.extract.quantity_type import Quantity as Quantity
from checker.extract.quantity_type import quantity
from checker.extract.quantity_values import precision
from checker.extract.spans import SpanSet
from checker.extract.streaks import STREAK_CUES, sequence_places, streaks
from checker.extract.zero_counts import zero_counts
from checker.textutil import START, fold, ignorecase_key, matches

# qp.GATES' groups (bits 0-5), then the cue words find_quantities and its readers tested one
# substring at a time: bit 6 a provision's, 7 a named count's, 8 a sequence's, 9 a streak's,
# 10 an ordinal word, 11 a superlative's (quantity_context.SUPERLATIVE_CUES), 12 a duration's
# and 13 a measure's written before what they qualify ("-year", "-metre": each match of
# DURATION_ADJ_RE and MEASURE_ADJ_RE holds one), 14 any word _clock_times tests ("local"
# for " local"), 15 any of quantity_stats.LOWER_CUES and 16 a word of a vote's tally (each
# match of TALLY_RE holds one), 17 one of zero_counts.may_hold's and 18 one of
# quantity_scales.may_hold's (each passes only a sentence holding one), and 19-22 the
# lower case of words find_quantities tests the sentence for as written ("FL", "FY", "old",
# a tolerance's signs): a sentence without the bit holds none of them. A bit is exactly
# any(n in lower for n in group): the scan of the lower-case sentence the gates read anyway
# (extract.SENTENCE_GATES) answers them all.
_CLOCK_CUES: Final = (":", "am", "pm", "m.", "gmt", "noon", "midday", "midnight", "utc", "bst",
                      "cet", "local")
# What MARGIN_RE is tried after: its signs and words as written.
_MARGIN_CUES: Final = ("\u00b1", "+/-", "minus", "margin")
GATES: Final = Gates((*qp.GATES.groups, qp.PROVISION_WORDS, NAMED_COUNT_WORDS, qp.SEQUENCE_CUES,
                      STREAK_CUES, qc.ORDINAL_WORDS, qc.SUPERLATIVE_CUES,
                      tuple("-" + unit for unit in qp.DURATION_UNITS),
                      tuple("-" + unit for unit in qp.MEASURE_ADJ_UNITS), _CLOCK_CUES,
                      qst.LOWER_CUES, qp.TALLY_CUES, qz.CUES, qsc.CUES, ("fl",), ("fy",),
                      ("old",), _MARGIN_CUES))
# (Each bit a Final constant: compiled, a C constant where a module global was a dict
# look-up each test.)
_PROVISION: Final = 1 << 6
_NAMED_COUNT: Final = 1 << 7
_SEQUENCE: Final = 1 << 8
_STREAK: Final = 1 << 9
_ORDINAL: Final = 1 << 10
_SUPERLATIVE: Final = 1 << 11
_DURATION: Final = 1 << 12
_MEASURE: Final = 1 << 13
_CLOCK: Final = 1 << 14
_STATS: Final = 1 << 15
_TALLY: Final = 1 << 16
_ZERO: Final = 1 << 17
_SCALES: Final = 1 << 18
_FL: Final = 1 << 19
_FY: Final = 1 << 20
_OLD: Final = 1 << 21
_MARGIN: Final = 1 << 22
# The bits that say nothing of a text that is not ASCII (IGNORECASE reads "\u0131" as "i",
# which lower() keeps): set for it, as the patterns are tried there whatever its words.
_ASCII_ONLY: Final = qp.ASCII_ONLY_GATES | _DURATION | _MEASURE | _TALLY
# What quantity_context.RANKED_RE needs in the lower case of an ASCII text: an ordinal in
# digits ("3rd": bit 0) or in words, and a superlative. (IGNORECASE matches a few non-ASCII
# letters to ASCII ones, "\u017f" to "s": other text is searched whatever its gates.)
RANK_CUES: Final = (1 | _ORDINAL, _SUPERLATIVE)
_ORDINAL_CUES: Final = RANK_CUES[0]


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    skip: list[tuple[int, int]] | None = None,
                    folded: str | None = None, lower: str | None = None,
                    digits: bool | None = None, gates: int | None = None,
                    cricket: bool = False) -> list[Quantity]:
    """All quantities in text[start:end]; spans in `skip` (dates) are left alone.

    `folded` is fold(text) (saves folding per sentence), `lower` folded[start:end].lower(),
    `digits` whether that holds a digit and `gates` GATES.mask(lower), when the caller
    already has them; `cricket` that the page tells of cricket (a bowler's "finished with
    2-35" says so in no word of its own: `quantity_cricket.page_of_cricket`).
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
        gates = GATES.mask(low_text)
    ascii_only = sentence.isascii()
    if not ascii_only:
        gates |= _ASCII_ONLY

    # (One hyphen test for the four readers that ask.)
    dash = "-" in sentence
    for q in _clock_times(text, folded, start, stop, digits, sentence, low_text) \
            if gates & _CLOCK else ():
        _keep(q, taken, out)
    if gates & _ZERO and qz.may_hold(low_text):  # "no casualties", "no one was injured"
        for s, e, counted in zero_counts(folded, start, stop):
            _keep(quantity(text[s:e], s, e, "count", 0.0, 0.0, 0.0, None, counted, False,
                           "exact"), taken, out)
    if digits and qst.may_hold(sentence, low_text, gates & _STATS != 0):  # "HR 1.71"
        for s, e in qst.no_figures(folded, start, stop, low_text):
            taken.add(s, e)
        for q in qst.find_stats(text, folded, start, stop, low_text):
            _keep(q, taken, out)
    if digits and may_hold_phone(sentence):  # "call 0800 046 7712"
        for m in matches(PHONE_RE, folded, start, stop):
            taken.add(*m.span())
    if digits and gates & _PROVISION:  # "Section 4(2)"
        for m in matches(qp.PROVISION_RE, folded, start, stop):
            taken.add(*m.span())
    if digits and gates & _FL and "FL" in sentence:  # "cruising at FL350"
        for m in matches(qp.FLIGHT_LEVEL_RE, folded, start, stop):
            _keep(_flight_level(text, m), taken, out)
    for s, e, n, rated in qsc.ratings(folded, start, stop) \
            if gates & _SCALES and qsc.may_hold(low_text) else ():
        _keep(quantity(text[s:e], s, e, "count", n, n, n, None, rated, False, "exact"), taken,
               out)
    if digits and dash:  # "6-4, 3-6, 7-6 (7-4)"
        for m in matches(qp.SET_SCORES_RE, folded, start, stop):
            taken.add(*m.span())
    if digits and gates & _FY and "FY" in sentence:  # "9M FY26"
        for m in matches(qp.PERIOD_MONTHS_RE, folded, start, stop):
            taken.add(*m.span())
    if digits and gates & 2:
        for m in matches(qp.NOT_QUANTITY_RE, folded, start, stop):
            taken.add(*m.span())
    if digits and gates & _MARGIN and ("\u00b1" in sentence or "+/-" in sentence
                                       or "minus" in sentence or "margin" in sentence):
        for m in matches(qp.MARGIN_RE, folded, start, stop):
            taken.add(*m.span())

    old = digits and gates & _OLD != 0 and "old" in sentence and "year" in sentence
    if old and "olds" in sentence:  # "15 to 24-year-olds"
        for s, e, lo, hi in qc.age_bands(folded, start, stop):
            _keep(quantity(text[s:e], s, e, "measure", (lo + hi) / 2, lo, hi, "year", "age",
                           False, "range"), taken, out)
    if old:
        for s, e, value in qc.people_ages(folded, start, stop):
            _keep(quantity(text[s:e], s, e, "measure", value, value - 0.5, value + 0.5, "year",
                           "age", False, "exact"), taken, out)
        # ... and a thing's age, read as "4,000 years old" is: "a 7,000-year-old village"
        # was no figure at all (desk probe W: so "seven millennia old" met nothing, and "by
        # about 2,500 years", all the other claim's figures, corroborated it).
        for m in matches(qc.THING_AGE_RE, folded, start, stop):
            if qp.MOD_BEFORE_RE.search(folded, max(0, m.start() - 20), m.start()):
                continue  # "under 5-year-old": a bound, as `people_ages` leaves it
            num = m.group("num") or m.group("snum")
            scale = qw.SCALES[ignorecase_key(m.group("scale"))] if m.group("scale") else 1.0
            value = float(num.replace(",", "")) * scale
            half = precision(num, scale)
            _keep(quantity(text[m.start():m.end("age")], m.start(), m.end("age"), "measure",
                           value, value - half, value + half, "year", "old", False, "exact"),
                  taken, out)

    # The generators below are opened only where their own first test would pass (streaks
    # need a cue of _STREAK, sequences " to "): most clauses build none.
    for s, e, length, runs in streaks(folded, low_text, start, stop, True) \
            if gates & _STREAK else ():
        _keep(quantity(text[s:e], s, e, "count", length, length, length, None, runs, False,
                       "exact"), taken, out)  # "for the fifth year in a row": five years long
    # A place in a sequence is an ordinal after "the" ("the fourth minister to leave"): in
    # ASCII text one of RANK_CUES' (IGNORECASE reads "thırd" as "third" in other text).
    for s, e, place, of in sequence_places(folded, low_text, start, stop) \
            if " to " in low_text and (gates & _ORDINAL_CUES or not ascii_only) else ():
        _keep(quantity(text[s:e], s, e, "rank", place, place, place, None, of, False,
                       "exact"), taken, out)  # "the fourth minister to leave"
    for m in matches(qp.ORDINAL_RE, folded, start, stop) if digits and gates & 1 else ():
        if m.group("ord") and qp.CENTURY_AFTER_RE.match(folded, m.end(), stop):
            taken.add(m.start(), m.end())  # "20th-century art" is an era, no rank
            continue
        value = float(m.group("no") or m.group("ord"))
        ranked = qp.RANK_NOUN_RE.match(folded, m.end(), stop) if m.group("ord") else None
        noun = ranked.group(1).lower() if ranked else qc.place_noun(folded, m.start(), m.end()) \
            if (m.group("no") and qc.PLACE_BEFORE_RE.search(folded, max(start, m.start() - 4),
                                                            m.start())) or (
                m.group("ord") and qc.REACHED_BEFORE_RE.search(
                    folded, max(start, m.start() - 48), m.start())) else None
        _keep(quantity(text[m.start():m.end()], m.start(), m.end(), "rank", value, value,
                       value, None, noun, False, "exact"), taken, out)
    for s, e, place in qc.word_places(folded, low_text, start, stop, gates & _ORDINAL != 0) \
            if gates & _ORDINAL or " out the top " in low_text else ():
        _keep(quantity(text[s:e], s, e, "rank", place, place, place, None,
                       qc.place_noun(folded, s, e), False, "exact"), taken, out)
    if dash:
        for m in matches(qp.DURATION_ADJ_RE, folded, start, stop) if gates & _DURATION else ():
            _keep(_duration(text, m), taken, out)
        if "-second" in low_text or "-minute" in low_text:
            for m in matches(qp.SHORT_DURATION_ADJ_RE, folded, start, stop):
                _keep(_duration(text, m), taken, out)
        if digits and gates & _MEASURE:
            for m in matches(qp.MEASURE_ADJ_RE, folded, start, stop):
                _keep(_measured(text, m), taken, out)
    if cricket and digits:
        for q in qcr.cricket_figures(text, folded, start, stop):  # "took 4-38"
            _keep(q, taken, out)
    # (TALLY_RE opens on a \b at every position: 45,000 instructions a sentence searched.)
    if digits and gates & _TALLY and (dash or "\u2013" in sentence):
        for m in matches(qp.TALLY_RE, folded, start, stop):
            for side in _tally(text, m):
                _keep(side, taken, out)
    if gates & 32:  # before numbers and number words: "one in 10", "two thirds"
        for t, s, e, value, share_low, share_high, noun in qs.find_shares(
                text, folded, start, stop, noun_after):
            _keep(quantity(t, s, e, "percent", value, share_low, share_high, "%", noun, True,
                           "exact"), taken, out)
    if digits and (dash or "\u2013" in sentence or " to " in sentence) \
            and may_hold_temperatures(sentence):
        for q in temperature_ranges(text, folded, start, stop):  # "highs of 24-27C"
            _keep(q, taken, out)
    for m in matches(qp.BETWEEN_RE, folded, start, stop) if digits and gates & 4 else ():
        _keep(from_between(folded, text, m), taken, out)
    # (In ASCII text \d is [0-9], a range the engine tests in a few instructions, where a
    # digit of any script is looked up in Unicode's tables for each character it passes.)
    number_re = qp.NUMBER_ASCII_RE if ascii_only else qp.NUMBER_RE
    for m in number_re.finditer(folded, start, stop) if digits else ():
        # A number inside a date or a quantity already found could only be refused by _keep():
        # its quantity always covers the number. Skip it before reading around it. (The
        # match's regs: its spans in one read, where m.start(), m.end("num") and the hit's
        # reads were a Python call each.)
        regs = m.regs
        at, num_end = regs[1]
        if not taken.overlaps(at, num_end):
            _keep(from_match(folded, text, NumberHit(folded, regs, start)), taken, out)
    if gates & 8:
        for m in matches(qp.VAGUE_RE, folded, start, stop):
            _keep(from_words(folded, text, Hit(folded, m, currency=False, floor=start)), taken,
                  out)
    if gates & 16:
        for m in matches(qp.RATIO_RE, folded, start, stop):
            _keep(from_words(folded, text, Hit(folded, m, currency=False, floor=start)), taken,
                  out)
    # tokens() lower-cases: the sentence as text_features reads it shares its cache entry.
    # A written number opens on a word of WRITTEN_WORDS ("5 million" has none); IGNORECASE
    # reads "\u017fix" as "six", so other text keeps the test of every number word.
    toks = tokens(sentence)
    if not qp.WRITTEN_WORDS.isdisjoint(toks) \
            or not ascii_only and not qp.NUMBER_WORDS.isdisjoint(toks):
        for m in matches(qp.WORD_NUMBER_RE, folded, start, stop):
            _keep(from_words(folded, text, Hit(folded, m, currency=False, floor=start)), taken,
                  out)
    out.sort(key=START)
    if gates & _NAMED_COUNT:  # "a majority of 4,132"
        out = [named_count(folded, q, start) for q in out]
    if gates & _SEQUENCE:
        out = [_in_sequence(folded, q) for q in out]
    if len(out) < 2:
        return out
    out = to_ranges(folded, text, out)
    if "month" in sentence and " and " in sentence:  # "five years and eight months"
        out = qc.terms_joined(folded, text, out)
    if "min" in sentence and ("hour" in sentence or "hr" in sentence or "sec" in sentence):
        # "two hours, four minutes and 37 s", "5hr 12min 36sec"
        out = qc.durations_joined(folded, text, out)
    if " to " in sentence:
        out = qc.tallies_joined(folded, out)  # "by 312 votes to 204"
    return qc.parts_of_totals(folded, out)


def _keep(q: Quantity | None, taken: SpanSet, out: list[Quantity]) -> None:
    """Add q to out and its span to taken, unless it is None or overlaps a span taken (a
    function, not a closure: compiled, a closure is called as a Python object)."""
    if q is not None and not taken.overlaps(q.start, q.end):
        out.append(q)
        taken.add(q.start, q.end)


def _clock_times(text: str, folded: str, start: int, stop: int, digits: bool, sentence: str,
                 lower: str) -> list[Quantity]:
    """The clock times ("2.15pm", "14:32 GMT", "at noon") and race times ("in 2:04:37") of
    a sentence, when a cheap test of its text allows one (find_quantities calls it only
    when the lower-case sentence holds one of _CLOCK_CUES: else no test below passes)."""
    colon = digits and ":" in sentence
    if not (colon or digits and "m" in lower and (
            "am" in lower or "pm" in lower or "m." in lower or "gmt" in lower)
            or "noon" in lower or "midday" in lower or "midnight" in lower
            or digits and ("utc" in lower or "bst" in lower or "cet" in lower
                           or " local" in lower)):  # "at 9.30 local"
        return []
    found = [quantity(text[t.start:t.end], t.start, t.end, "time", t.value, t.low, t.high,
                      t.unit, t.noun, t.approximate, "exact")
             for t in find_times(folded, start, stop)]
    if colon:
        found.extend(quantity(text[s:e], s, e, "measure", value, value - half, value + half,
                              "s", "duration", False, "exact")
                     for s, e, value, half in race_times(folded, start, stop))
    return found


def _in_sequence(folded: str, q: Quantity) -> Quantity:
    """A count of the first or last of its things counts those ("in his first five overs",
    "the last 10 days"): their noun says so, and so is no count of all of them (desk probe
    O: "first five overs" conflicted with an innings' "46.3 overs")."""
    if q.noun is None or q.kind not in ("count", "measure"):
        return q
    m = qp.SEQUENCE_BEFORE_RE.search(folded, max(0, q.start - 12), q.start)
    return q if m is None else q._replace(noun=f"{m.group(1).lower()} {q.noun}")


def _flight_level(text: str, m: re.Match[str]) -> Quantity:
    """A flight level as the altitude it is (FL350: 35,000 feet, to the nearest 50)."""
    feet = float(m.group("level")) * qp.FLIGHT_LEVEL_FEET
    metres, half = feet * qw.FOOT, qp.FLIGHT_LEVEL_FEET / 2 * qw.FOOT
    return quantity(text[m.start():m.end()], m.start(), m.end(), "measure", metres,
                    metres - half, metres + half, "m", "altitude", False, "exact")


def _tally(text: str, m: re.Match[str]) -> list[Quantity]:
    """The two sides of a vote's tally ("6-3"): the majority's votes and the minority's,
    each a count that names its side, so "6-3" and "5-4" of one vote disagree on both."""
    a, b = ("a", "b") if m.group("a") else ("a2", "b2")
    if int(m.group(a)) < int(m.group(b)):
        return []  # "voted 4-5": a range or a misprint, not a tally read majority first
    return [quantity(text[m.start(g):m.end(g)], m.start(g), m.end(g), "count",
                     float(m.group(g)), float(m.group(g)), float(m.group(g)), None, noun,
                     False, "exact")
            for g, noun in ((a, "majority"), (b, "minority"))]


def _measured(text: str, m: re.Match[str]) -> Quantity:
    """A length, mass or area written before what it measures ("the 2,794-metre runway"),
    exact, in the base unit."""
    num = m.group("num")
    value = float(num.replace(",", "")) if num[:1].isdigit() else qw.word_value(num)
    word = ignorecase_key(m.group("unit"))
    unit, factor = qw.MEASURES.get(word) or qw.MEASURES[word + "s"]
    s, e = m.start(), m.end("unit")
    # Told to its last digit, as "21.5km" is: "the 13.4-mile climb" is 13.35 to 13.45 miles
    # (desk probe V: a point, 21,565 m, conflicted with "21.5km", 21,450 to 21,550 m).
    half = precision(num, 1.0, factor) if num[:1].isdigit() else 0.0
    return quantity(text[s:e], s, e, "measure", value * factor, value * factor - half,
                    value * factor + half, unit, m.group("noun").lower(), False, "exact")


def _duration(text: str, m: re.Match[str]) -> Quantity:
    """How long a thing runs, written before it ("a five-year contract"): exact, counting
    the thing it qualifies."""
    num = m.group("num")
    value = float(num) if num[:1].isdigit() else qw.word_value(num)
    unit = m.group("unit").lower()
    s, e = m.start(), m.end("unit")
    return quantity(text[s:e], s, e, "measure", value, value, value, unit,
                    m.group("noun").lower(), False, "exact")
