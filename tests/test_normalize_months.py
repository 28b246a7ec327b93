"""normalize: months of unresolved month-only dates, lifespans in parentheses, copulas."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.describe import _COPULA_WORDS, COPULA_RE
from checker.normdates import has_lifespan, month_of_year
from checker.subjects import PRONOUN_RE


@pytest.mark.parametrize(("text", "granularity", "expected"), [
    ("in May", "month", 5), ("May", "month", 5), ("in Sept.", "month", 9),
    ("early December", "month", 12), ("since March", "month", None),
    ("May 2024", "month", None), ("in May", "year", None), ("in may", "month", None),
    ("in the spring", "month", None), ("last month", "month", None),
])
def test_month_of_year(text: str, granularity: str, expected: int | None) -> None:
    found = month_of_year(text, granularity)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Harold Macmillan (10 February 1894 -- 29 December 1986) was a British politician.", True),
    ("Christopher Scott Kyle (April 8, 1974 - February 2, 2013) was a Navy SEAL.", True),
    ("Aleister Crowley (born Edward Alexander Crowley; 12 October 1875 -- 1 December 1947) "
     "was an occultist.", True),
    ("The five-year plan (2021-2030) will expand the station.", False),
    ("Revenue rose 5 per cent (2023) and 7 per cent (2024).", False),
    ("The mission (launched in May 2024) returned samples.", False),
])
def test_lifespan_in_parentheses(text: str, expected: bool) -> None:
    assert has_lifespan(text) is expected


COPULA_PARTS = ["X", " ", "  ", "\t", "is", "IS", "\u0131s", "was", "are", "were", "has",
                "been", "had", "remains", "remained", "became", "becomes", "a", "an", "the",
                "one of the", "i", "b", "r", "w", "h", ","]


@given(st.lists(st.sampled_from(COPULA_PARTS), max_size=12))
def test_copula_hint_changes_no_match(parts: list[str]) -> None:
    # COPULA_RE's first-letter hint: the same matches as the pattern without it.
    plain = re.compile(COPULA_RE.pattern.replace("(?=[iwarhb])", ""), re.IGNORECASE)
    text = "".join(parts)
    assert [m.span() for m in COPULA_RE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


PRONOUN_PARTS = ["He", "he", "SHE", "\u017fhe", "It", "\u0130t", "\u0131ts", "they", "his",
                 "her", "their", "the company", "The  mission", "them", " ", "\"", "(", "x",
                 "Hsit", "s", "t", "was"]


@given(st.lists(st.sampled_from(PRONOUN_PARTS), max_size=6))
def test_pronoun_hint_changes_no_match(parts: list[str]) -> None:
    # PRONOUN_RE's first-letter hint: the same matches as the pattern without it.
    plain = re.compile(PRONOUN_RE.pattern.replace("(?=[hsit])", ""), re.IGNORECASE)
    text = "".join(parts)
    found, expected = PRONOUN_RE.match(text), plain.match(text)
    assert (found and found.span()) == (expected and expected.span())


@given(st.lists(st.sampled_from(COPULA_PARTS + ["\x1c", "\n", "Has", "WAS"]), max_size=12))
def test_copula_words_test_misses_no_copula(parts: list[str]) -> None:
    # describe() skips ASCII text none of whose words is a copula verb: COPULA_RE finds none.
    text = "".join(parts)
    if text.isascii() and _COPULA_WORDS.isdisjoint(text.lower().split()):
        assert COPULA_RE.search(text) is None
