"""Figures spelled out in words rather than digits: vague amounts ("hundreds of people",
"billions of dollars"), ratio verbs ("nearly doubled"), number words ("three", "a dozen",
"three times more", "five million"). The vocabulary is quantity_words'."""

from __future__ import annotations

from checker.extract import quantity_patterns as qp
from checker.extract import quantity_words as qw
from checker.extract.quantity_context import noun_after
from checker.extract.quantity_hits import Hit
from checker.extract.quantity_type import Quantity, quantity
from checker.extract.quantity_values import bounds, number
from checker.extract.quantity_words import kind_unit
from checker.textutil import ignorecase_key


def from_words(folded: str, text: str, m: Hit) -> Quantity | None:
    """The figure a vague amount, a ratio verb or a number word states, or None."""
    s, e = m.head, m.end()
    mod = m.group("mod") or ""
    if m.group("vague"):
        low, high = qw.VAGUE[" ".join(ignorecase_key(m.group("vague") or "").split())]
        noun = noun_after(folded, e)
        if noun in qw.CURRENCIES:  # "billions of dollars"
            return quantity(text[s:e], s, e, "money", None, float(low), float(high),
                            qw.CURRENCIES[noun], None, True, "range")
        if noun in qw.MEASURES:  # "hundreds of kilometres" (a count of kilometres before)
            base, factor = qw.MEASURES[noun]
            return quantity(text[s:e], s, e, "measure", None, low * factor, high * factor,
                            base, None, True, "range")
        return quantity(text[s:e], s, e, "count", None, float(low), float(high), None,
                        noun, True, "range")
    if m.group("ratio"):
        value = qw.RATIOS[ignorecase_key(m.group("ratio") or "")]
        slow, shigh, bound, approx = bounds(value, value * 0.05, mod)
        if approx:  # a ratio read loosely: "nearly doubled" from 69 to 135 is 1.96x
            slow = value * 0.85
            shigh = value if mod.strip().lower() in ("nearly", "almost") else value * 1.15
        return quantity(text[s:e], s, e, "ratio", value, slow, shigh, "x", None, approx, bound)
    if not mod and qp.ANAPHORIC_BEFORE.search(folded, max(0, s - 8), s):
        return None  # "the two countries" refers back; it is not a new figure
    if folded[e:e + 1] in ".,;" and not m.group("wscale") and \
            not qp.LEVEL_BEFORE_RE.search(folded, max(0, s - 25), s):
        return None  # "one of four.": a lone number word closing a clause, unless a level
    scale = qw.SCALES.get(ignorecase_key(m.group("wscale") or ""), 1.0)
    times = None if m.group("wscale") else qp.TIMES_AFTER_RE.match(folded, e)
    if times:
        # "three times more frequent" is the ratio "3 times" is (a desk probe: a count of
        # "times", so it never met "4 times more frequent"); a word is exact, as below.
        value = float(qw.word_value(m.group("word") or ""))
        tlow, thigh, bound, approx = bounds(value, 0.0, mod)
        e = times.end()
        return quantity(text[s:e], s, e, "ratio", value, tlow, thigh, "x", None, approx,
                        bound)
    kind, unit, factor = "count", None, 1.0
    half = None if m.group("wscale") else qp.AND_A_HALF_RE.match(folded, e)
    if half:
        e = half.end()
    unit_hit = qp.WORD_UNIT_AFTER_RE.match(folded, e)
    if unit_hit:
        kind, unit, factor = kind_unit(unit_hit.group("unit"), "", folded)
        e = unit_hit.end()
    # Decimal arithmetic as for digits: "three mph" is exactly 3 x 0.44704 m/s.
    value = number(str(qw.word_value(m.group("word") or "") + (0.5 if half else 0)),
                   scale * factor)
    # A word is exact (no digits to round): the interval is the modifier's alone.
    wlow, whigh, bound, approx = bounds(value, 0.0, mod, unit)
    return quantity(text[s:e], s, e, kind, value, wlow, whigh, unit, noun_after(folded, e),
                    approx, bound)
