"""Speed rewrites of the claim-unit splitter, the claim id and the date slots, each against
the code it replaced (kept here as the reference): the same answers on the cases that
matter."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import document, slots
from checker.extract.date_types import Anchor
from checker.extract.ids import claim_id
from checker.extract.units import _PUNCT_SPLIT_RE, _SPLIT_RE, _splits, claim_units
from checker.models.common import partial_date_bounds
from checker.models.document import DocumentMeta
from checker.textutil import fold


def _splits_before(folded: str) -> list[tuple[int, int]]:
    """The splits claim_units scanned before: the whole pattern wherever a ";", a "," or a
    "wh" is."""
    if ";" in folded or "," in folded or "wh" in folded:
        return [m.span() for m in _SPLIT_RE.finditer(folded)]
    return []


def _splits_now(folded: str) -> list[tuple[int, int]]:
    """The splits claim_units scans now."""
    return [m.span() for m in _splits(folded)]


_CASES = [
    "Exports rose 4%; imports fell 2%.",
    "Exports rose 4%, and imports fell 2% in the year.",
    "Exports rose 4%,\tbut imports fell 2%, while prices held.",
    "Exports rose 4% while imports fell 2%.",
    "Exports rose 4%  whereas imports fell.",
    "Exports rose, whereas,  imports fell.",
    "Exports rose;imports fell, andthen more.",
    "Exports rose,\u00a0and imports fell\u2009while prices held.",
    "WHILE Exports rose, WHEREAS imports fell; done.",
    "No punctuation at all here whilst it rains",
    "",
    ";",
    ", and ",
]

# The splitter's own alphabet: its literals, separators and a few letters.
_ALPHABET = st.sampled_from(
    [";", ",", " ", "\t", "\n", "\u00a0", "\u2009", "and", "but", "while", "whereas", "wh",
     "ile", "W", "x", "4%", "."])


@pytest.mark.parametrize("text", _CASES)
def test_split_pattern_choice_finds_the_same_splits(text: str) -> None:
    assert _splits_now(text) == _splits_before(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_split_pattern_choice_same_on_any_text(text: str) -> None:
    assert _splits_now(text) == _splits_before(text)


def test_the_punctuation_pattern_is_the_split_pattern_less_its_while_branch() -> None:
    # A "while" with no comma before it is only the whole pattern's: the choice must see it.
    text = "The country exports rose 4% last year while imports fell 2% in the year to March."
    assert [m.span() for m in _PUNCT_SPLIT_RE.finditer(text)] == []
    assert [m.span() for m in _SPLIT_RE.finditer(text)] == [(37, 44)]
    assert claim_units(text, 0, len(text)) == [(0, 37), (44, len(text))]


def _claim_id_before(doc_id: str, text: str) -> str:
    """claim_id before its single-space fast path: every text's words split and joined."""
    key = " ".join(fold(text).lower().split()).strip(" .\"'")
    return "c" + hashlib.sha1(f"{doc_id}\n{key}".encode()).hexdigest()[:10]


@pytest.mark.parametrize("text", [
    "Exports rose 4% in 2023.", " Exports  rose.", "\"Exports rose.\" ", ". x", " . x",
    "x \"", "a\tb", "a\nb", "a\u00a0b", "a\u2028b", "a\x1fb", "a \u3000 b", "", " ", "\u00a0",
    "'Quoted' words, and more.", "a\x85b", "tab\t", "A\u200bB",
])
def test_claim_id_same_as_before(text: str) -> None:
    assert claim_id("doc", text) == _claim_id_before("doc", text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(
    ["a", "B", " ", "  ", ".", "\"", "'", "\t", "\n", "\u00a0", "\u2028", "\x1f", "\u3000",
     "\u200b", "\u2019", "\u201c"]), max_size=20).map("".join) | st.text(max_size=20))
def test_claim_id_same_as_before_on_any_text(text: str) -> None:
    assert claim_id("doc", text) == _claim_id_before("doc", text)


def test_iso_days_are_isoformat_and_the_memo_stays_bounded() -> None:
    first = date(1990, 1, 1)
    days = [first + timedelta(days=n) for n in range(slots._ISO_DAYS_KEPT + 10)]
    assert [slots._iso(d) for d in days] == [d.isoformat() for d in days]
    assert len(slots._ISO_DAYS) <= slots._ISO_DAYS_KEPT
    assert [slots._iso(d) for d in days[:3]] == ["1990-01-01", "1990-01-02", "1990-01-03"]


@pytest.mark.parametrize("published", ["2024-03-01", "2024-03-01", "2024-02", "2024", None, ""])
def test_anchor_of_as_made_before(published: str | None) -> None:
    meta = DocumentMeta.model_construct(published=published)
    made = document.anchor_of(meta)
    if not published:
        assert made is None
        return
    assert made == Anchor(*partial_date_bounds(published))


def test_anchor_memo_stays_bounded() -> None:
    days = [date(1990, 1, 1) + timedelta(days=n) for n in range(document._ANCHORS_KEPT + 5)]
    for day in days:
        meta = DocumentMeta(published=day.isoformat())
        assert document.anchor_of(meta) == Anchor(day, day, "day")
    assert len(document._ANCHORS) <= document._ANCHORS_KEPT
