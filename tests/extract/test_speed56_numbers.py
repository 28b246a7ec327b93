"""Rewrites made for speed in the readers of numbers (round 56) find what the code they
replaced finds: each reference below is the code or the pattern as it was before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantities, quantity_scales, zero_counts
from checker.extract import quantity_context as qc
from checker.extract import quantity_digits as qd
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_stats as qst
from checker.extract import quantity_values as qv
from checker.extract import quantity_words as qw
from checker.extract.quantity_hits import Hit, NumberHit
from checker.textutil import ignorecase_key, matches

# Numbers with currencies and modifiers before them (one of "over" a duration, which is
# none), ranges, scales and units after them, windows cut by a floor, and the letters
# IGNORECASE reads as ASCII ones.
HIT_TEXTS = [
    "about US$ 5.2 million in aid", "more than 40 km", "it rose 12,000-15,000 people",
    "exactly 7", "over 3 years", "lasted over 3 years", "over 3 people", "Rs. 40 lakh",
    "up to \u00a35-\u00a37bn", "at least 5 %", "EUR 12 per cent", "HK$ 3", "U.S. $ 40",
    "less than 1 000 tonnes", "as many as 5\u212am", "ab\u017fut 5", "5 \u017fquare miles",
    "\u20ac5m and $6", "no more than 7 days", "in excess of 9", "some 12,5 percent",
    "3-4 hours", "(5)", "x5", "\n5\n", "tk 5, Tk 6, Taka 7", "value Re 1", "of Re 0.50",
]
_HIT_ALPHABET = "0123456789,. -$\u00a3\u20acUSkmbnoverthaupcis%\u017f\u212a\t\n"


def _hit_parts_before(text: str, m: re.Match[str], floor: int) -> dict[str, object]:
    """What from_match read from a Hit of NUMBER_RE (the reference)."""
    hit = Hit(text, m, floor=floor)
    return {"num": hit.group("num") or "", "cur": hit.group("cur"), "cur2": hit.group("cur2"),
            "num2": hit.group("num2"), "scale": hit.group("scale"), "unit": hit.group("unit"),
            "mod": hit.group("mod"), "head": hit.head, "at": hit.m.start("num"),
            "num_end": hit.end("num"), "stop": hit.end()}


def _number_hit_parts(text: str, m: re.Match[str], floor: int) -> dict[str, object]:
    hit = NumberHit(text, m.regs, floor)
    return {"num": hit.num, "cur": hit.cur, "cur2": hit.cur2, "num2": hit.num2,
            "scale": hit.scale, "unit": hit.unit, "mod": hit.mod, "head": hit.head,
            "at": hit.at, "num_end": hit.num_end, "stop": hit.stop}


def _same_hits(text: str) -> None:
    for floor in (0, 3):
        for m in qp.NUMBER_RE.finditer(text, floor):
            assert _number_hit_parts(text, m, floor) == _hit_parts_before(text, m, floor), \
                (text, m)


def test_number_hit_reads_the_groups_by_number() -> None:
    assert qp.NUMBER_RE.groupindex == {"num": 1, "cur2": 2, "num2": 3, "scale": 4, "unit": 5}


@pytest.mark.parametrize("text", HIT_TEXTS)
def test_number_hit_as_hit(text: str) -> None:
    _same_hits(text)
    _same_hits(f"The figure was {text}.")


@given(st.text(alphabet=_HIT_ALPHABET, max_size=40))
def test_number_hit_as_hit_any_text(text: str) -> None:
    _same_hits(text)


def test_number_hits_read_their_parts() -> None:
    parts = [_number_hit_parts(t, m, 0) for t in HIT_TEXTS for m in qp.NUMBER_RE.finditer(t)]
    assert {p["mod"] for p in parts} >= {"about ", "more than ", "up to ", None}
    assert {p["cur"] for p in parts} >= {"US$ ", "\u00a3", "HK$ ", "Rs. "}
    assert any(p["num2"] for p in parts) and any(p["unit"] for p in parts)


# The patterns tried after a number, each only where its first character may open it.
_AFTER_TEXTS = st.text(alphabet="0123456789 -foldFOLDtimeshigh pCF.'\u2019x\t\n", max_size=16)


@given(_AFTER_TEXTS)
def test_times_gate_lets_every_match_in(text: str) -> None:
    for pos in range(len(text) + 1):
        if qp.TIMES_AFTER_RE.match(text, pos):
            assert qd._may_open_times(text[pos:pos + 1]), (text, pos)


@pytest.mark.parametrize("text", ["5-fold", "5fold", "5FOLD", "5\ttimes higher", "5 times as"])
def test_times_gate_on_cases(text: str) -> None:
    assert qp.TIMES_AFTER_RE.match(text, 1)
    assert qd._may_open_times(text[1:2])


def test_single_openers_are_the_patterns() -> None:
    # _unit_against tries each only after its first character, as written (no IGNORECASE
    # for the last two: "p" and "[CF]" match only themselves).
    assert qp.MAGNITUDE_AFTER_RE.pattern.startswith("-magnitude")
    assert qp.PENCE_AFTER_RE.pattern.startswith("p(") \
        and not qp.PENCE_AFTER_RE.flags & re.IGNORECASE
    assert qp.TEMPERATURE_AFTER_RE.pattern.startswith("[CF](") \
        and not qp.TEMPERATURE_AFTER_RE.flags & re.IGNORECASE


_MEASURED_WINDOWS = st.text(alphabet="measurdgistMEASURDGISTa n\t\u017f\u0131\u0130x", max_size=20)


@given(_MEASURED_WINDOWS)
def test_measured_gate_as_search(text: str) -> None:
    for lo in range(len(text) + 1):
        assert qd._measured_before(text, lo, len(text)) == \
            (qp.MEASURED_BEFORE_RE.search(text, lo, len(text)) is not None), text


@pytest.mark.parametrize("text", ["it measured 5", "MEASURING a 5", "registered  a 5",
                                  "mea\u017fured 5", "reg\u0131stered 5", "measured5"])
def test_measured_gate_on_cases(text: str) -> None:
    at = text.index("5")
    assert qd._measured_before(text, 0, at) == \
        (qp.MEASURED_BEFORE_RE.search(text, 0, at) is not None)


_PER_TEXTS = st.text(alphabet="perachnPERACHN \t\n\xa0barlweksonxy-", max_size=24)


@given(_PER_TEXTS)
def test_per_gate_lets_every_match_in(text: str) -> None:
    for end in range(len(text) + 1):
        if qc.PER_THING_RE.match(text, end):
            assert qd._may_be_per(text, end), (text, end)


@pytest.mark.parametrize("text", [" a barrel", " PER pupil", "\n\teach day", " EACH day",
                                  " An hour", " an hour", " " * 30 + "a week"])
def test_per_gate_on_cases(text: str) -> None:
    assert qc.PER_THING_RE.match(text, 0)
    assert qd._may_be_per(text, 0)


def _plain_digits_before(text: str) -> str:
    """quantity_values.plain_digits as it was."""
    if "," in text and re.fullmatch(r"\d+,\d{1,2}", text):
        return text.replace(",", ".")
    return text.replace(",", "").replace(" ", "")


@pytest.mark.parametrize("text", ["3,4", "12,5", "1,250", "1,00,000", "3,45", "3,", "12", "",
                                  "1 000", "\u0663,\u0663", "1,2,3", ",12"])
def test_plain_digits_as_before(text: str) -> None:
    assert qv.plain_digits(text) == _plain_digits_before(text)


@given(st.text(alphabet="0123456789, .\u0663", max_size=12))
def test_plain_digits_as_before_any_text(text: str) -> None:
    assert qv.plain_digits(text) == _plain_digits_before(text)


# NUMBER_ASCII_RE is NUMBER_RE with \d written [0-9]: the same matches in ASCII text.
_ASCII_NUMBER_TEXTS = [
    "5 million people, 2.5bn, 10k runners, 3m tall, 1,00,000 rupees, 1 000 tonnes, 3,4%",
    "between 5 and 10 per cent, 5-7 per cent, $5 - $7 million, 1.0 billion to 1.05 billion",
    "12 345 678, 1234,567, 12,5 per cent, 7-4, .5, 1, 000, 2024-2025, 12.5p, 40 km/h",
]
_ASCII_ALPHABET = "0123456789,. -$%kmbnpercntsqu\t\nxKMB"


def _all_matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_ascii_number_pattern_is_number_re_with_ascii_digits() -> None:
    assert "\\d" not in qp.NUMBER_ASCII_RE.pattern
    assert qp.NUMBER_ASCII_RE.pattern.replace("[0-9]", "\\d").replace("[0-9", "[\\d") \
        == qp.NUMBER_RE.pattern
    assert qp.NUMBER_ASCII_RE.flags == qp.NUMBER_RE.flags


@pytest.mark.parametrize("text", _ASCII_NUMBER_TEXTS)
def test_ascii_number_pattern_as_number_re(text: str) -> None:
    assert _all_matches(qp.NUMBER_ASCII_RE, text) == _all_matches(qp.NUMBER_RE, text)
    for start in range(len(text)):
        assert [m.regs for m in qp.NUMBER_ASCII_RE.finditer(text, start, len(text) - 3)] == \
            [m.regs for m in qp.NUMBER_RE.finditer(text, start, len(text) - 3)]


@given(st.text(alphabet=_ASCII_ALPHABET, max_size=40))
def test_ascii_number_pattern_as_number_re_any_ascii_text(text: str) -> None:
    assert _all_matches(qp.NUMBER_ASCII_RE, text) == _all_matches(qp.NUMBER_RE, text)


def test_ascii_number_pattern_differs_on_other_digits() -> None:
    # (why find_quantities keeps NUMBER_RE for other text)
    assert qp.NUMBER_RE.search("\u0663 people") and not qp.NUMBER_ASCII_RE.search("\u0663 people")


# zero_counts.may_hold and quantity_scales.may_hold are asked only where GATES' bits say one
# of their cues is: each passes no sentence without one.
_CUE_TEXT = st.text(alphabet="no -efbdyscalevtgruo\t\n\u00a0", max_size=30)


@given(_CUE_TEXT)
def test_zero_and_scale_bits_hold_may_hold(text: str) -> None:
    lower = text.lower()
    mask = quantities.GATES.mask(lower)
    if zero_counts.may_hold(lower):
        assert mask & quantities._ZERO
    if quantity_scales.may_hold(lower):
        assert mask & quantities._SCALES


@pytest.mark.parametrize("text", ["no one", "no  victims", "nobody", "no-one", "none of them",
                                  "on a scale of 1 to 10", "level 3 of 5", "category 4 of 5",
                                  "grade 2 of 3", "stage 1 of 4", "3 out of 5"])
def test_zero_and_scale_bits_on_cases(text: str) -> None:
    lower = text.lower()
    mask = quantities.GATES.mask(lower)
    assert not zero_counts.may_hold(lower) or mask & quantities._ZERO
    assert not quantity_scales.may_hold(lower) or mask & quantities._SCALES
    assert zero_counts.may_hold(lower) or quantity_scales.may_hold(lower)


def _opens_with_of_or_in_before(words: list[str]) -> bool:
    """noun_after's first test as it was."""
    return words[:1] in (["of"], ["in"]) and len(words) > 1


@given(st.lists(st.sampled_from(["of", "in", "Of", "at", "", "ofs"]), max_size=4))
def test_of_or_in_test_as_before(words: list[str]) -> None:
    assert (len(words) > 1 and words[0] in ("of", "in")) == _opens_with_of_or_in_before(words)


def _no_figures_before(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """quantity_stats.no_figures as it was (a generator, listed here)."""
    return [m.span() for m in matches(qst._NO_FIGURE_RE, folded, start, end)]


NO_FIGURE_TEXTS = [
    "as found [14], who", "see [1-4].", "an editor's [3,000] and [12] of our cattle",
    "grant 301244 and award no. R01-HL12345", "under the contract 1500 nurses",
    "the Contract #12345, GRANT number 99999x", "[5][6], [7]", "a grant [5] grant 12345",
    "awarded 123456 contracts", "[1, 2 - 3]", "contract no.12345 [2]", "[ſ] grant 12345 [3].",
    "AWARD AB-12/345", "grantaward 12345", "[5]\n", "",
]
_NO_FIGURE_ALPHABET = st.sampled_from(["[", "]", "1", "12", "12345", ",", "-", " ", ".", "\n",
                                       "grant", "award", "contract", "GRANT", "no.", "#", "AB",
                                       "x", "\u017f", "\u0131"])


@pytest.mark.parametrize("text", NO_FIGURE_TEXTS)
def test_no_figures_as_before(text: str) -> None:
    for start in range(len(text) + 1):
        for end in {len(text), max(start, len(text) - 2)}:
            assert qst.no_figures(text, start, end) == _no_figures_before(text, start, end)
            assert qst.no_figures(text, start, end, text[start:end].lower()) == \
                _no_figures_before(text, start, end)


@given(st.lists(_NO_FIGURE_ALPHABET, max_size=14).map("".join), st.integers(0, 5))
def test_no_figures_as_before_any_text(text: str, start: int) -> None:
    start = min(start, len(text))
    assert qst.no_figures(text, start, len(text)) == _no_figures_before(text, start, len(text))


def test_no_figure_cases_find_spans() -> None:
    assert sum(len(_no_figures_before(t, 0, len(t))) for t in NO_FIGURE_TEXTS) >= 10


# find_quantities tests "FL", "FY", "old" and a tolerance's signs in the sentence as written
# only where GATES' bits say their lower case is in the lower-case sentence.
_CASED_WORDS = st.sampled_from(["FL", "fl", "FY", "Fy", "old", "OLD", "olds", "\u00b1", "+/-",
                                "minus", "MINUS", "margin", " ", "\t", "\n", "\u0130", "x",
                                "+", "/", "-"])


@given(st.lists(_CASED_WORDS, max_size=8).map("".join))
def test_cased_tests_hold_their_bits(sentence: str) -> None:
    mask = quantities.GATES.mask(sentence.lower())
    assert "FL" not in sentence or mask & quantities._FL
    assert "FY" not in sentence or mask & quantities._FY
    assert "old" not in sentence or mask & quantities._OLD
    assert not any(w in sentence for w in ("\u00b1", "+/-", "minus", "margin")) \
        or mask & quantities._MARGIN


def test_bits_are_their_groups() -> None:
    groups = quantities.GATES.groups
    for bit, group in ((quantities._FL, ("fl",)), (quantities._FY, ("fy",)),
                       (quantities._OLD, ("old",)),
                       (quantities._MARGIN, ("\u00b1", "+/-", "minus", "margin")),
                       (quantities._ZERO, zero_counts.CUES),
                       (quantities._SCALES, quantity_scales.CUES),
                       (quantities._TALLY, qp.TALLY_CUES)):
        assert groups[bit.bit_length() - 1] == group


def _kind_unit_before(unit_word: str, cur: str, folded: str = "") -> tuple[str, str | None,
                                                                           float]:
    """quantity_words.kind_unit as it was."""
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
        factor = qw.ounce_factor(unit_word, folded, factor)
    cur = cur.strip().lower().replace(" ", "")
    if cur:
        kind, unit = "money", qw.CURRENCIES.get(cur.rstrip("."), qw.CURRENCIES.get(cur, "USD"))
    return kind, unit, factor


@pytest.mark.parametrize("unit_word", ["", " ", "%", "per  cent", "km", "oz", "pence", "rand",
                                       "bps", "percentage points", "x"])
@pytest.mark.parametrize("cur", ["", " ", "$", "US$ ", "rs.", "EUR "])
def test_kind_unit_as_before(unit_word: str, cur: str) -> None:
    for folded in ("", "gold mine"):
        assert qw.kind_unit(unit_word, cur, folded) == _kind_unit_before(unit_word, cur, folded)


@pytest.mark.parametrize("written", ["", " ", "lakh  Crore", "M", "thou\u017fand", "bn"])
def test_table_words_as_before(written: str) -> None:
    assert qw.table_words(written) == " ".join(ignorecase_key(written).split())
