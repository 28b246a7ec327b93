"""Regex rewrites made for speed find what the plain patterns find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract.date_patterns import (
    _DAY_FIRST,
    _RAW_PATTERNS,
    DAY_PLAIN,
    MONTH_AT_RE,
    YEAR_PLAIN,
    month_starts,
)
from checker.extract.quantity_patterns import NUMBER_PLAIN, NUMBER_RE
from checker.extract.quantity_words import by_first_char
from checker.extract.segment import _CANDIDATE, CANDIDATE_PLAIN
from checker.extract.triples import _CLAUSE_END_RE, CLAUSE_END_PLAIN
from checker.propernames import _MID_NAME_RE, MID_NAME_PLAIN


def test_by_first_char_keeps_matches_and_order() -> None:
    words = "per cent|percent|pct|bps|basis points|pp|%"
    plain, grouped = re.compile(words, re.I), re.compile(by_first_char(words), re.I)
    for text in ("12 Per Cent", "5 BPS", "3 pp", "4%", "two percent", "BASIS POINTS"):
        assert [m.span() for m in plain.finditer(text)] == \
            [m.span() for m in grouped.finditer(text)]


def test_by_first_char_refuses_a_class_first() -> None:
    with pytest.raises(ValueError):
        by_first_char(r"million|[mkb](?![\w'])")


@pytest.mark.parametrize(("text", "start"), [
    ("In May and June", 0), ("In May and June", 3), ("xMay 5, Jan. 3", 1),
    ("prices in sept.", 9), ("_may", 1), ("\u00e9 march", 0),
])
def test_month_starts(text: str, start: int) -> None:
    stop = len(text)
    assert month_starts(text, text[start:stop].lower(), start, stop) == \
        [m.start() for m in MONTH_AT_RE.finditer(text, start, stop)]


# Patterns rewritten to start with a literal or a class (so the engine skips to it) find
# what the plain patterns find, at the same spans, in any text.
_PUNCTUATED = st.text(alphabet=".!?\u2026\"')] aZ\n", max_size=40)
_NAMED = st.text(alphabet="aZ0,; .'\u2019-_\u00e9\u00c9B", max_size=40)


@given(_PUNCTUATED)
def test_sentence_candidates_as_plain(text: str) -> None:
    plain = re.compile(CANDIDATE_PLAIN)
    assert [m.span() for m in _CANDIDATE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


@given(_NAMED)
def test_mid_sentence_names_as_plain(text: str) -> None:
    plain = re.compile(MID_NAME_PLAIN)
    assert [m.span() for m in _MID_NAME_RE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="0123456789,. -$%mkbMn\u00e9\u0663", max_size=30))
def test_numbers_as_plain(text: str) -> None:
    plain = re.compile(NUMBER_PLAIN, re.IGNORECASE)
    assert [(m.span(), m.groupdict()) for m in NUMBER_RE.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@given(st.text(alphabet="1289050 a_-.,%m\n\u00e9\u0663", max_size=24), st.integers(0, 5))
def test_years_as_plain(text: str, start: int) -> None:
    year = dict(_RAW_PATTERNS)["year"]
    plain = re.compile(YEAR_PLAIN)
    assert [m.span("year") for m in year.finditer(text, start)] == \
        [m.span("year") for m in plain.finditer(text, start)]
    assert [m.span() for m in year.finditer(text, start)] == \
        [m.span() for m in plain.finditer(text, start)]


@given(st.lists(st.sampled_from([";", ",", " ", "\n", "-", ":", "and", "but", "while",
                                 "whereas", "x", "\u00a0"]), max_size=20).map("".join))
def test_clause_splits_as_plain(text: str) -> None:
    assert [m.span() for m in _CLAUSE_END_RE.finditer(text)] == \
        [m.span() for m in re.compile(CLAUSE_END_PLAIN).finditer(text)]


@given(st.text(alphabet="1230 a_-.,thofMarchmay\u00e9\u0663", max_size=24), st.integers(0, 5))
def test_days_as_plain(text: str, start: int) -> None:
    plain = re.compile(DAY_PLAIN + r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:march|may)", re.I)
    first = re.compile(_DAY_FIRST + r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:march|may)", re.I)
    assert [(m.span(), m.span("day")) for m in first.finditer(text, start)] == \
        [(m.span(), m.span("day")) for m in plain.finditer(text, start)]


@given(st.text(alphabet="aZ0' -\u00e9\u0130\u2019.", max_size=40))
def test_tokens_as_plain(text: str) -> None:
    # cues.tokens reads the runs of letters and digits where no apostrophe can join them.
    from checker.extract.cues import _TOKEN_RE, tokens

    assert tokens(text) == frozenset(_TOKEN_RE.findall(text.lower()))


def _hinted() -> list[re.Pattern[str]]:
    """Patterns given a lookahead on the first characters of their words, `(?=[...])\\b(...)`,
    so the engine passes over most positions with one test."""
    from checker.extract.date_patterns import _RAW_PATTERNS as dates
    from checker.extract.dates import _OPEN_KEYWORD_RE
    from checker.extract.quantity_context import AGED_BEFORE_RE
    from checker.extract.quantity_patterns import MOD_BEFORE_RE, PROVISION_RE
    from checker.extract.stance import _SUBORDINATE_PLAN_RE

    named = dict(dates)
    return [named["since"], named["month_rel"], _OPEN_KEYWORD_RE, AGED_BEFORE_RE,
            MOD_BEFORE_RE, PROVISION_RE, _SUBORDINATE_PLAN_RE]


_HINT_RE = re.compile(r"\(\?=\[[^\]]*\]\)")
_HINT_WORDS = ["since", "Until", "BY", "before", "after", "no later than", "in", "Last", "mid",
               "end of", "March", "sept", "2024", "the", "aged", "Ages", "at the age of", "18",
               "about", "Some", "~", "more than", "up to", "Section", "part", "4(2)", "as",
               "because", "said", "would", "\u017fince", "\u0130n", "x", "-", ",", " "]


@given(st.lists(st.sampled_from(_HINT_WORDS), max_size=12))
def test_hinted_patterns_as_plain(words: list[str]) -> None:
    text = " ".join(words)
    for pattern in _hinted():
        assert _HINT_RE.match(pattern.pattern), pattern.pattern[:40]
        plain = re.compile(_HINT_RE.sub("", pattern.pattern, count=1), pattern.flags)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)], (pattern.pattern[:40], text)
        assert [m and m.span() for m in (pattern.search(text, 2), pattern.match(text))] == \
            [m and m.span() for m in (plain.search(text, 2), plain.match(text))]
