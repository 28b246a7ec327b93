"""Date readers rewritten for speed (round 56) find what they found before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import dates
from checker.extract.date_patterns import (
    COMMA_WHEN_RE,
    PATTERNS,
    YEAR_ANCHORED,
    month_follows,
    year_starts,
)
from checker.extract.date_types import DateExpr, date_expr
from tests.extract.test_speed53_numbers import _follows_as_every_start
from tests.extract.test_speed56_claims import _alternatives

_PATTERNS = {name: pattern for name, pattern, _, _ in PATTERNS}


def _comparison_base_before(d: DateExpr, folded: str, start: int, change: bool = True) -> bool:
    """dates._comparison_base as round 55 left it: each base pattern searched with no gate."""
    if change and d.relative and dates._PAST_PERIOD_RE.match(folded, d.start, d.end) \
            and dates._CHANGE_BASE_RE.search(folded, max(start, d.start - 30), d.start):
        return True
    if change and not d.relative and d.granularity in dates._BASE_GRAINS \
            and dates._NAMED_BASE_RE.search(folded, max(start, d.start - 30), d.start) \
            and not COMMA_WHEN_RE.match(folded, d.end):
        return True
    return d.start > start and folded[d.start - 1] == "(" \
        and dates._LABELLED_FIGURE_RE.match(folded, d.end) is not None


def _dates_in(folded: str, start: int) -> list[DateExpr]:
    """A date at each position of folded from start: relative ("last year") or not, of
    each granularity the patterns read."""
    out = []
    for at in range(start, len(folded) + 1):
        for relative in (False, True):
            for grain in ("year", "month", "day"):
                out.append(date_expr(folded[at:], at, len(folded), None, None, grain, relative))
    return out


@pytest.mark.parametrize("folded", [
    "Sales rose 5% on 2024", "up 6% from last year", "rose 3% over last year",
    "up 11.3% on September 2025, when 14,570 people", "up 2 per cent against  2023",
    "up 2pc versus 2023", "up 2 pp vs 2023", "up 2% vs. 2023", "up 2% compared with 2023",
    "up 2% compared to the same quarter", "up 2% in 2023", "up 2% by 2023", "up 2%\ton\n2023",
    "up 2% ON 2023", "up 2% o\u0274 2023", "up 2% ver\u017fu\u017f 2023",
    "up 2% aga\u0131nst 2023", "up 2% v\u017f 2023", "up 2%\u00a0on\u00a02023", "up 2% on2023",
    "Revenue (Q3 2025: \u00a34.51bn)",
    "on 2024", " on 2024", "%on 2024", "% on  ", "", " ", "up 2 percentage points on 2024",
])
def test_comparison_base_as_before_on_cases(folded: str) -> None:
    for start in range(0, min(len(folded), 4) + 1):
        for change in (True, False):
            for d in _dates_in(folded, start):
                assert dates._comparison_base(d, folded, start, change) \
                    == _comparison_base_before(d, folded, start, change), (folded, d)


def test_comparison_base_reads_the_cases_it_did() -> None:
    # The gate passes where a base pattern matches: these stay bases (they would be lost if
    # the gate refused a word's ending).
    for folded in ["up 6% on 2024", "up 6% from 2024", "up 6% against 2024",
                   "up 6% versus 2024", "up 6% vs 2024", "up 6% vs. 2024",
                   "up 6% compared with 2024", "up 6% compared to 2024",
                   "up 6% ver\u017fu\u017f 2024", "up 6% AGA\u0130NST 2024"]:
        at = folded.rindex("2024")
        d = date_expr(folded[at:], at, len(folded), None, None, "year", False)
        assert dates._comparison_base(d, folded, 0), folded
        rel = date_expr(folded[at:], at, len(folded), None, None, "year", True)
        assert dates._may_end_in_base_word(folded, 0, rel.start), folded
    # "over" makes a base of a relative date only ("up 3% over last year", not "over 2024").
    assert dates._may_end_in_base_word("up 6% over 2024", 0, 11)
    assert dates._CHANGE_BASE_RE.search("up 6% over ", 0, 11)
    assert not dates._may_end_in_base_word("up 6% in 2024", 0, 9)
    assert not dates._may_end_in_base_word("up 6% on2024", 0, 8)


def _base_words(pattern: str) -> set[str]:
    """The words a base pattern reads right before its "\\s+\\Z", off its source."""
    body = pattern[pattern.index(r"\s+(?:") + len(r"\s+(?:"):pattern.rindex(r")\s+\Z")]
    words = set()
    for alt in _alternatives(body):
        if alt.endswith(r"\.?"):  # "vs\.?": with and without its full stop
            words |= {alt[:-3], alt[:-3] + "."}
        elif "(?:" in alt:  # "compared\s+(?:with|to)": the group's words end it
            words |= set(_alternatives(alt[alt.index("(?:") + 3:alt.rindex(")")]))
        else:
            assert alt.isalpha(), alt  # a form this reading does not know
            words.add(alt)
    return words


def test_base_word_ends_are_the_patterns_words() -> None:
    # Read off both patterns: a word added to either with a new ending fails here.
    words = _base_words(dates._CHANGE_BASE_RE.pattern) | _base_words(dates._NAMED_BASE_RE.pattern)
    assert {"on", "from", "over", "versus", "vs.", "with", "to"} <= words
    assert {word[-2:] for word in words} == set(dates._BASE_WORD_ENDS)


_PIECES = st.lists(st.sampled_from([
    "%", " per cent", " pc", " pp", " percentage points", "on", "ON", "from", "over", "against",
    "aga\u0131nst", "AGA\u0130NST", "versus", "ver\u017fu\u017f", "vs", "v\u017f", "vs.",
    "compared", "with", "to", "in", "by", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2009",
    "2024", "last year",
    "the same quarter", "(", ":", "\u00a3", "5", ", when", "x", "\u212a", "."]),
    max_size=12).map("".join)


# A change, a blank, a word, blanks: the shape both base patterns read, with any word of
# theirs or near one, in any case, and odd letters IGNORECASE reads as ASCII ones.
_BASED = st.builds(
    "{}{}{}{}{}".format,
    st.sampled_from(["up 6%", "rose 2 per cent", "3pc", "1 pp", "5 percentage points", "x"]),
    st.sampled_from([" ", "  ", "\t", "\u00a0", ""]),
    st.sampled_from(["on", "ON", "from", "over", "against", "aga\u0131nst", "versus",
                     "ver\u017fu\u017f", "vs", "vs.", "v\u017f", "compared with", "compared to",
                     "in", "by", "of", "to", "with", "son", "moon", "tom"]),
    st.sampled_from([" ", "  ", "\n", "\u2009", "", " (", ". "]),
    st.sampled_from(["2024", "last year", "the same quarter", "March 2025", ""]))


@given(st.one_of(_PIECES, _BASED), st.integers(0, 6), st.booleans())
def test_comparison_base_as_before(folded: str, start: int, change: bool) -> None:
    start = min(start, len(folded))
    for d in _dates_in(folded, start):
        assert dates._comparison_base(d, folded, start, change) \
            == _comparison_base_before(d, folded, start, change), (folded, d)


# Year patterns tried only where a year's first digits stand (round 56), not scanned.
_YEARISH = st.lists(st.sampled_from([
    "1", "2", "8", "9", "0", "18", "19", "20", "21", "2100", "1999", "2024", "20245", "x", "a",
    " ", "-", "\u2013", ".", ",", "%", "_", "\u0661", "\u0968", "\uff12", "FY", "per cent",
    "million", "GMT", "m", "s", "\n"]), max_size=12).map("".join)


@given(_YEARISH, st.integers(0, 8), st.integers(0, 60))
def test_year_patterns_find_at_year_starts_what_they_scan(text: str, start: int,
                                                          stop: int) -> None:
    start, stop = min(start, len(text)), min(max(start, stop), len(text))
    starts = year_starts(text, start, stop)
    for name in YEAR_ANCHORED:
        pattern = _PATTERNS[name]
        assert [m.span() for m in dates._anchored(pattern, text, starts, stop)] \
            == [m.span() for m in pattern.finditer(text, start, stop)], (name, text)


@pytest.mark.parametrize(("text", "want"), [
    ("in 2024", [3]), ("1999-2000", [0, 5]), ("1812 and 2100", [0, 9]), ("x2024", [1]),
    ("202", []), ("2024", [0]), ("21st", [0]), ("1776", []), ("\u0661\u0669\u0669\u0669", []),
    ("in 19", []), ("19 20 21 18", [0, 3, 6]),
])
def test_year_starts_on_cases(text: str, want: list[int]) -> None:
    assert year_starts(text, 0, len(text)) == want


def test_every_year_first_pattern_opens_on_a_year() -> None:
    # What the anchoring assumes: each match of these patterns starts with a year's digits.
    for name in YEAR_ANCHORED:
        pattern = _PATTERNS[name]
        for text in ("in 1999 and 2024", "the 1990-2000 plan", "2100 or 1800-1900", "x2024"):
            for m in pattern.finditer(text):
                assert text[m.start():m.start() + 2] in ("18", "19", "20", "21"), (name, text)


# A month's day is one or two digits (round 56): a month followed by three ASCII digits is
# tried by no pattern of MONTH_FIRST_NEEDS' bit 1, which none of them can match there.
_MONTH_DIGITS = st.lists(st.sampled_from([
    "March", "Sept.", "jan", "May", " ", "\t", "\u00a0", "1", "2", "3", "0", "2024", "12",
    "\u0663", "\u00b2", "st", "th", ",", "-", " to ", " and ", " last year", "of ", "x"]),
    max_size=10).map("".join)


_MONTH_THEN_DIGITS = st.builds(
    "{}{}{}{}".format, st.sampled_from(["March", "Sept.", "jan", "MAY", "\u017fept"]),
    st.sampled_from([" ", "  ", "\t", "\u00a0", ""]),
    st.sampled_from(["1", "12", "123", "2024", "20245", "\u0663", "12\u0663", "1\u00b2"]),
    st.sampled_from(["", " ", "th", ", 2024", "-5", " to 6", " last year", "x"]))


@given(st.one_of(_MONTH_DIGITS, _MONTH_THEN_DIGITS))
def test_month_follows_keeps_every_day_any_digits(text: str) -> None:
    _follows_as_every_start(text, len(text))
    _follows_as_every_start(text, len(text) // 2)


@pytest.mark.parametrize(("text", "bits"), [
    ("March 3", 3), ("March 31", 3), ("March 2024", 2), ("March 203", 2), ("March 3,", 3),
    ("March 12th", 3), ("March \u0663\u0663\u0663", 3), ("March 12\u0663", 3), ("March 1", 3),
])
def test_month_follows_reads_a_day_s_digits(text: str, bits: int) -> None:
    assert month_follows(text, [0], len(text)) == [(0, bits)]
    assert month_follows(text + "5", [0], len(text)) == [(0, bits)]  # (past the stop)


def _year_starts_before(text: str, start: int, stop: int) -> list[int]:
    """year_starts as its first version read it: each position by its two characters."""
    return [i for i in range(start, stop - 3) if text[i:i + 2] in ("18", "19", "20", "21")]


@given(_YEARISH, st.integers(0, 8), st.integers(0, 60))
def test_year_starts_by_find_as_by_position(text: str, start: int, stop: int) -> None:
    start, stop = min(start, len(text)), min(max(start, stop), len(text))
    assert year_starts(text, start, stop) == _year_starts_before(text, start, stop)


@given(st.lists(st.sampled_from(["%", "cent", "pc", "pp", "per", " ", "  ", "p", "c", "x",
                                 "PC", "\u00a0", "e", "nt"]), max_size=10).map("".join))
def test_change_bit_is_the_substring_test(lower: str) -> None:
    # find_dates read any_in(lower, CHANGE_CUES) before; the gates' bit says the same.
    assert bool(dates.GATES.mask(lower) & dates.CHANGE_BIT) \
        == any(cue in lower for cue in dates.CHANGE_CUES)
