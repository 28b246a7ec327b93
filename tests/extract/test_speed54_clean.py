"""Speed rewrites of page clean-up and segmentation (round 54), each against the code it
replaced (kept here as the reference): the same answers on the cases that matter and on
hypothesis text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import clean
from checker.extract.clean_lists import Block

# --- clean._first: a line's first character read once, not by _opens at each test -------


def _opens_before(text: str, firsts: str) -> bool:
    first = text[:1]
    return not first.isascii() or first.lower() in firsts


_FIRSTS = [clean._URL_FIRSTS, clean._UI_FIRSTS, clean._NUMBERISH_FIRSTS, clean._DATELINE_FIRSTS,
           clean._STAMP_FIRSTS, clean._BYLINE_FIRSTS, clean._CITATION_FIRSTS,
           clean._CHECKED_FIRSTS, clean._SOURCES_FIRSTS]
_OPENINGS = ["", " ", "a", "A", "s", "S", "\u017f", "\u212a", "\u0663", "1", "(", "*", "Z", "z",
             "\u00e9", "\x1c", "\t", ".", "-", "W", "www.x", "http://a"]


@pytest.mark.parametrize("text", _OPENINGS)
def test_first_as_opens(text: str) -> None:
    for firsts in _FIRSTS:
        assert (clean._first(text) in firsts) == _opens_before(text, firsts)


@given(st.text(max_size=3))
def test_first_as_opens_any_text(text: str) -> None:
    for firsts in _FIRSTS:
        assert (clean._first(text) in firsts) == _opens_before(text, firsts)


# --- clean._LINE_KINDS: the memo of short lines' kinds, a dict in place of lru_cache ------

def test_memo_reads_as_the_line() -> None:
    lines = ["Share", "Follow us on Twitter", "The rover will land in 2028.", "", "  \u2022 Home",
             "Reporting by Ruma Paul; Editing by Alison Williams", "x" * 200]
    for line in lines * 2:
        [block] = clean.classify_lines(line)
        fresh = clean._classify(line, 0, len(line))
        assert (block.kind, block.reason) == (fresh.kind, fresh.reason)
        assert clean._LINE_KINDS[line] == clean._line_kind(line)


def test_memo_stays_bounded() -> None:
    for i in range(clean._MEMO_LINES + 10):
        clean.classify_lines(f"Line {i}")
    assert 0 < len(clean._LINE_KINDS) <= clean._MEMO_LINES


# --- clean_lists.Block: a plain class for the named tuple ---------------------------------

def test_block_reads_as_the_named_tuple() -> None:
    block = Block(6, 58, "content", "paragraph")
    assert (block.start, block.end, block.kind, block.reason) == (6, 58, "content", "paragraph")
    assert block == Block(6, 58, "content", "paragraph")
    assert block != Block(6, 58, "content") and Block(1, 2, "blank").reason == ""
    assert block != (6, 58, "content", "paragraph")
    assert hash(block) == hash(Block(6, 58, "content", "paragraph"))
    assert repr(block) == "Block(start=6, end=58, kind='content', reason='paragraph')"
