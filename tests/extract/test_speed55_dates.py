"""Date readers rewritten for speed (round 55) find what they found before."""

from __future__ import annotations

import bisect
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract.date_patterns import MONTH_AT_RE, month_starts
from checker.extract.spans import SpanSet, _left, _right

_PLAIN_MONTH_AT = re.compile(MONTH_AT_RE.pattern, re.IGNORECASE)


def _month_starts_plain(folded: str, start: int, stop: int) -> list[int]:
    """month_starts by its definition: where MONTH_AT_RE's scan finds a name."""
    return [m.start() for m in _PLAIN_MONTH_AT.finditer(folded, start, stop)]


# Stems, whole names, "long " before one, word joins and letters IGNORECASE reads as ASCII.
_MONTHISH = st.lists(st.sampled_from([
    "jan", "Jan.", "january", "feb", "mar", "March", "marchers", "apr", "may", "MAY", "jun",
    "june", "jul", "aug", "sept", "sep.", "september", "oct", "nov", "dec", "decade", "long ",
    "LONG ", " ", ".", "-", "_", "x", "1", "\n", "\u00e9", "\u017f", "\u0131", "ja", "n",
    "mayor", "mmay", "jjan", "sepsep"]), max_size=14).map("".join)


@given(_MONTHISH, st.integers(0, 40), st.integers(0, 40))
def test_month_starts_are_the_scan_s(text: str, start: int, stop: int) -> None:
    start, stop = min(start, len(text)), min(max(start, stop), len(text))
    lower = text[start:stop].lower()
    assert month_starts(text, lower, start, stop) == _month_starts_plain(text, start, stop)


@pytest.mark.parametrize(("text", "start", "want"), [
    ("may jan", 0, [0, 4]), ("jan may", 0, [0, 4]),
    # What stands before the slice: a word it continues, or "long " (round 54 read these
    # three as months: the slice hid them from the look-behinds).
    ("xmay", 1, []), ("long jan", 1, []), ("long may", 5, []), ("long march", 5, []),
    ("Long\u00a0May", 5, []), ("long. may", 6, [6]),
])
def test_month_starts_as_the_scan_from_any_start(text: str, start: int, want: list[int]) -> None:
    stop = len(text)
    assert month_starts(text, text[start:].lower(), start, stop) == want
    assert _month_starts_plain(text, start, stop) == want


def test_month_starts_in_order_of_the_text() -> None:
    text = "In December, not May or Jan. 5 (nor the Long March), but sept. and mayday in March"
    lower = text.lower()
    assert month_starts(text, lower, 0, len(text)) == [3, 17, 24, 57, 77]
    assert month_starts(text, lower, 0, len(text)) == _month_starts_plain(text, 0, len(text))


# SpanSet with compiled bisection and its rare lists made when needed (round 55): the same
# answers as the scan it stands for, and the same intervals as the code before kept.
_SPANS = st.lists(st.tuples(st.integers(-3, 40), st.sampled_from([0, 1, 2, 3, 5, 8, 12, -2])),
                  max_size=30)


class _SpanSetBefore:
    """spans.SpanSet's intervals as round 54 kept them (bisect, slice assignment)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, s: int, e: int) -> None:
        if s >= e:
            return
        j = bisect.bisect_right(self.ends, s)
        k = bisect.bisect_left(self.starts, e, j)
        if j < k:
            s = min(s, self.starts[j])
            e = max(e, self.ends[k - 1])
        self.starts[j:k] = [s]
        self.ends[j:k] = [e]


@given(_SPANS, st.booleans())
def test_span_set_answers_as_the_scan(adds: list[tuple[int, int]], given_first: bool) -> None:
    taken = [(s, s + d) for s, d in adds]
    spans = SpanSet(taken) if given_first else SpanSet()
    before = _SpanSetBefore()
    for s, e in taken:
        if not given_first:
            spans.add(s, e)
        before.add(s, e)
    assert (spans._starts, spans._ends) == (before.starts, before.ends)
    for a in range(-4, 45):
        for b in range(a, a + 6):
            assert spans.overlaps(a, b) == any(a < e and s < b for s, e in taken), (a, b)


@given(st.lists(st.integers(-5, 5), max_size=12), st.integers(-6, 6), st.integers(0, 13))
def test_compiled_bisection_is_bisect_s(a: list[int], x: int, lo: int) -> None:
    a.sort()
    lo = min(lo, len(a))
    assert _right(a, x, lo) == bisect.bisect_right(a, x, lo)
    assert _left(a, x, lo) == bisect.bisect_left(a, x, lo)
