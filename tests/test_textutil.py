"""Text helpers: the line index."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.textutil import LineIndex, blanks_end, fold, has_digit, line_spans, matches, slug


@given(st.text(alphabet="ab\n\r ", max_size=30))
def test_line_index_as_the_line_break_regex(text: str) -> None:
    breaks = list(re.finditer(r"\r\n?|\n", text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    index = LineIndex(text)
    assert index.lines == len(starts)
    assert [index.line_span(k) for k in range(1, index.lines + 1)] == \
        list(zip(starts, ends, strict=True))
    assert [index.line_of(i) for i in range(len(text) + 1)] == \
        [sum(1 for s in starts if s <= i) for i in range(len(text) + 1)]


@given(st.text(alphabet="ab\n\r ", max_size=30))
def test_line_spans_are_the_line_index_lines(text: str) -> None:
    # Page clean-up classifies these lines: they must be the lines reported (CR, LF, CRLF).
    index = LineIndex(text)
    assert list(line_spans(text)) == [index.line_span(k) for k in range(1, index.lines + 1)]


@given(st.text(alphabet=st.sampled_from(["a", " ", "`", "'", "\u2019", "\u201c", "\u2014", "\u00a0",
                                         "\u200b", "\u00e9", "-", "."]), max_size=30))
def test_folding_twice_is_folding_once(text: str) -> None:
    # Extraction segments the folded document, folded again per block (candidate_spans).
    assert fold(fold(text)) == fold(text)
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("name", "expected"), [
    ("Chang'e 6", "change-6"),
    ("Andrej Babiš", "andrej-babis"),  # was "andrej-babi", another name than "Babis"
    ("Łódź", "lodz"),  # was "d"
    ("São Paulo", "sao-paulo"),
    ("北京", "北京"),  # every name in another script was "x": one name
    ("Science & Technology", "science-and-technology"),
])
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert slug("東京") != slug("北京")


_REGEX_DIGIT = re.compile(r"\d")


@pytest.mark.parametrize("text", [
    "", "no figures here", "Turnout: 71%", "9", "0 at the start", "at the end 5",
    "Arabic-Indic \u0663", "Devanagari \u096b and no ASCII digit", "superscript \u00b2 is no \\d",
    "fullwidth \uff11", "caf\u00e9 at 3", "caf\u00e9 sans", "roman \u2167",
])
def test_has_digit_is_the_regex_digit(text: str) -> None:
    assert has_digit(text) == (_REGEX_DIGIT.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 09/5.\u0663\u00b2\uff11\u00e9x"), max_size=20)
       | st.text(max_size=20))
def test_has_digit_same_as_the_regex_on_any_text(text: str) -> None:
    assert has_digit(text) == (_REGEX_DIGIT.search(text) is not None)


# Patterns whose matches depend on what lies before pos or on empty matches: anchors, word
# boundaries, lookbehinds, empty matches, alternatives of different lengths.
_MATCH_PATTERNS = [re.compile(p, f) for p, f in [
    (r"^a", 0), (r"^a", re.MULTILINE), (r"\ba\w*", 0), (r"(?<=b)a", 0), (r"(?<!a)b", 0),
    (r"a*", 0), (r"", 0), (r"\B", 0), (r"ab|a|b", 0), (r"a(?=b)|b$", 0), (r"\Aa|a\Z", 0),
    (r"[ab]{2,3}?", 0), (r"(?:a|ab)(?:c|bcd)", 0), (r"\d+(?:,\d{3})*", 0), (r"A", re.I),
]]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_MATCH_PATTERNS), st.text(alphabet="abcdA1,\n ", max_size=14),
       st.integers(0, 16), st.integers(0, 18) | st.just(sys.maxsize))
def test_matches_finds_what_finditer_finds(pattern: re.Pattern[str], text: str, pos: int,
                                           endpos: int) -> None:
    expected = [(m.span(), m.group()) for m in pattern.finditer(text, pos, endpos)]
    assert [(m.span(), m.group()) for m in matches(pattern, text, pos, endpos)] == expected


def test_matches_without_a_match_builds_no_scanner() -> None:
    assert matches(re.compile("x"), "abc") == ()
    assert [m.start() for m in matches(re.compile("b"), "abcb", 2)] == [3]


@pytest.mark.parametrize(("text", "at", "end"), [
    ("a  b", 1, 3), ("a b", 0, 0), ("a\t\n b", 1, 4), ("a ", 1, 2), ("", 0, 0),
    ("a\u00a0\u2009b", 1, 3), ("ab", 2, 2),
])
def test_blanks_end_skips_a_run_of_whitespace(text: str, at: int, end: int) -> None:
    assert blanks_end(text, at) == end


def test_ignorecase_key_reads_letters_as_ignorecase_does() -> None:
    # Every character a case-insensitive pattern reads as an ASCII letter is that letter.
    from checker.textutil import ignorecase_key

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    read = re.findall("[a-z]", every, re.IGNORECASE)
    odd = [c for c in read if not c.isascii()]
    assert sorted(odd) == ["\u0130", "\u0131", "\u017f", "\u212a"]
    for c in read:
        (letter,) = [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, c, re.I)]
        assert ignorecase_key(c) == letter, hex(ord(c))
    assert ignorecase_key("Tens of THOU\u017fANDS") == "tens of thousands"
    assert ignorecase_key("F\u0131ve \u00c9lan") == "five \u00e9lan"
