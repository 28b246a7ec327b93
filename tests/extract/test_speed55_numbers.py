"""Rewrites made for speed in the readers of numbers (round 55) find what the code they
replaced finds: each reference below is the pattern or the code as it was before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantities
from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_words as qw
from checker.extract.quantity_hits import Hit
from checker.extract.quantity_type import Quantity, quantity

# NUM_TAIL before its first four branches were gated by a lookahead.
_NUM_TAIL_PLAIN = (r"\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d?(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?|"
                   r"\d{0,2}(?: \d{3})+(?![\d.,])|"
                   rf"\d{{0,2}},\d{{1,2}}{qw._DECIMAL_COMMA}|\d*(?:\.\d+)?")
_AFTER = qp.NUMBER_RE.pattern[qp.NUMBER_RE.pattern.index("(?:\\s?-"):]
_NUMBER_PLAIN_RE = re.compile(rf"(?P<num>\d(?:{_NUM_TAIL_PLAIN})){_AFTER}", re.IGNORECASE)

# Each branch of NUM_TAIL, each grouping ("1,000", "1,00,000", "1 000", "3,4%"), numbers
# that run on past three digits before a mark, marks of no branch, other digits ("\u0663"),
# and letters IGNORECASE reads as ASCII ones.
NUMBER_CASES = [
    "1,000", "12,345.6", "123,456,789", "1234,567", "1,00,000", "12,34,56,789.5",
    "1,01,566 rupees", "1 000", "12 345 678", "1 000.5", "1 000,", "123 4567", "3,4%",
    "12,5 per cent", "1,2 percent", "1,23", "5 %", "2024", "2024, 2025", "12345 678",
    "\u0663,\u0663\u0663\u0663", "1\u00a0000", "1\t000", "$5m", "5-6 million", "4.5bn",
    "US$ 16.2 million", "20 \u017fquare miles", "40 \u212am", "3 p", "7-4", "0.5",
    ".5", "1,", "1 ", "12 ", "123 ", "1234 ", "1, 000", "10, 20 and 30", "",
]

# What a number, its marks and the words after it are written with.
_NUMBER_ALPHABET = "0123456789,. -%\u0663\u00a0\tmkbMnper cntsqu\u017f\u212a$"


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", NUMBER_CASES)
def test_number_re_as_plain_on_cases(text: str) -> None:
    for padded in (text, f"a {text} b", f"({text})", f"{text}.", f"x{text}"):
        assert _spans(qp.NUMBER_RE, padded) == _spans(_NUMBER_PLAIN_RE, padded)


@given(st.text(alphabet=_NUMBER_ALPHABET, max_size=30))
def test_number_re_as_plain(text: str) -> None:
    assert _spans(qp.NUMBER_RE, text) == _spans(_NUMBER_PLAIN_RE, text)


@given(st.lists(st.sampled_from(["1", "12", "123", "1234", ",", " ", ",00", ",000", " 000",
                                 ".5", "%", " per cent", "\u0663", "x"]), max_size=8)
       .map("".join))
def test_number_re_as_plain_on_groupings(text: str) -> None:
    assert _spans(qp.NUMBER_RE, text) == _spans(_NUMBER_PLAIN_RE, text)


def test_quantity_is_the_named_tuple() -> None:
    fields = ("5 km", 3, 7, "measure", 5000.0, 4950.0, None, "m", "road", True, "exact")
    built = quantity(*fields)
    assert type(built) is Quantity
    assert built == Quantity(*fields)
    assert built._asdict() == Quantity(*fields)._asdict()
    assert built._replace(noun=None) == Quantity(*fields)._replace(noun=None)


@pytest.mark.parametrize("text", ["about US$ 5.2 million in aid", "more than 40 km",
                                  "it rose 12,000-15,000 people", "exactly 7"])
def test_hit_reads_its_match(text: str) -> None:
    for m in qp.NUMBER_RE.finditer(text):
        hit = Hit(text, m)
        for name, value in m.groupdict().items():
            if name not in ("cur", "mod"):
                assert hit.group(name) == value
        assert hit.group("no such part") is None
        assert hit.end() == m.end()
        for name in ("num", "num2", "unit"):
            assert hit.end(name) == m.end(name)


# noun_after's words as FIRST_NOUN_WORDS_RE read them (its reference, for every window).
def _first_noun_words_plain(window: str) -> list[str]:
    first = qp.FIRST_NOUN_WORDS_RE.match(window)
    return [w for w in first.groups() if w is not None] if first is not None else []


NOUN_WINDOWS = [
    " people were hurt", " 18-year-olds and 21-year-oldsx", " 5-year-olds", "-year-olds",
    " of them, (about) 12 lorries; 4.5 tonnes: x", " Canadian Armed Forces personnel arrived",
    " VT-4 battle tanks", " O'Brien's men_1 a-b'c", " @#$ [x] {y} `z` ~w ^v",
    " 123-year-olds_", " 12-year-old", " 1-2-year-olds", "\tpeople\nlater", "",
    " caf\u00e9 owners", " \u017fhips", " 18-year-olds\u00e9",
]

# ASCII marks of every kind, letters at both ends of the alphabet, digits and the age group.
_NOUN_ALPHABET = "aZz@[`{1 9-year-olds\t\n,.;:()'_%!/"


@pytest.mark.parametrize("window", NOUN_WINDOWS)
def test_first_noun_words_on_cases(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


@given(st.text(alphabet=_NOUN_ALPHABET, max_size=70))
def test_first_noun_words_ascii(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


@given(st.text(alphabet=_NOUN_ALPHABET + "\u00e9\u017f\u0663", max_size=40))
def test_first_noun_words_any_text(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=70))
def test_first_noun_words_every_ascii_character(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


# SET_SCORES_RE with its lookbehind first, as it was.
_SET_SCORES_PLAIN = re.compile(
    r"(?<![\w.-])[0-7]-[0-7](?:\s*\(\d{1,2}-\d{1,2}\))?"
    r"(?:,?\s+[0-7]-[0-7](?:\s*\(\d{1,2}-\d{1,2}\))?)+(?![\w-])")

SET_CASES = ["won 6-4, 3-6, 7-6 (7-4)", "6-3 6-2", "a6-3 6-2", "6-3 6-2x", ".6-3 6-2",
             "-6-3 6-2", "_6-3 6-2", "\u00e96-3 6-2", "\u06636-3 6-2", "86-3 6-2", "6-3, 6-2-"]


@pytest.mark.parametrize("text", SET_CASES)
def test_set_scores_as_plain_on_cases(text: str) -> None:
    for pos in range(len(text)):
        assert [m.span() for m in qp.SET_SCORES_RE.finditer(text, pos)] == \
            [m.span() for m in _SET_SCORES_PLAIN.finditer(text, pos)]


@given(st.text(alphabet="0167 9-.,()\ta_\u00e9\u0663", max_size=30), st.integers(0, 4))
def test_set_scores_as_plain(text: str, pos: int) -> None:
    assert [m.span() for m in qp.SET_SCORES_RE.finditer(text, pos)] == \
        [m.span() for m in _SET_SCORES_PLAIN.finditer(text, pos)]


# Votes told every way TALLY_RE reads them, in any case, and sentences near them.
TALLY_CASES = ["The vote was 6-3.", "voted 5-4", "Votes 7\u20132 in favour", "VOTING 3 - 2",
               "split 6-3", "by a majority of 4-2", "the decision is 7-2", "the ruling was 5-4",
               "a 5-4 ruling", "a 6-3 Decision", "a 5-4 SPLIT", "a 2-1 majority", "won 2-1",
               "the score was 6-3", "votes: 6-3", "a 5-4 vote", "Ruling Was 5-4"]
_TALLY_WORDS = ["vote", "voted", "votes", "voting", "split", "majority", "of", "by", "a",
                "decision", "ruling", "was", "is", "6-3", "5\u20134", "12 - 7", "won", "VOTE",
                "Split", "MAJORITY", "DECISION", "Ruling"]


def _tally_gate_passes(text: str) -> bool:
    """Whether find_quantities searches TALLY_RE in text (ASCII) by its gate."""
    return quantities.GATES.mask(text.lower()) & quantities._TALLY != 0


@pytest.mark.parametrize("text", TALLY_CASES)
def test_tally_gate_on_cases(text: str) -> None:
    if qp.TALLY_RE.search(text):
        assert _tally_gate_passes(text)


@given(st.lists(st.sampled_from(_TALLY_WORDS), max_size=8).map(" ".join))
def test_tally_gate_holds_for_every_match(text: str) -> None:
    if qp.TALLY_RE.search(text):
        assert _tally_gate_passes(text)


def test_tally_gate_is_forced_on_in_other_text() -> None:
    # IGNORECASE reads "\u017f" as "s": "\u017fplit 6-3" is a tally no cue word names.
    assert qp.TALLY_RE.search("\u017fplit 6-3")
    assert quantities._ASCII_ONLY & quantities._TALLY
    assert [q.noun for q in quantities.find_quantities("They \u017fplit 6-3 on it.")] == \
        ["majority", "minority"]
