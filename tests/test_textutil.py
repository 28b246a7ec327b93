"""Text helpers: the line index."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.textutil import LineIndex, fold, line_spans, slug


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
