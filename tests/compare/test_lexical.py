"""Opposite words and kinds of things."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import lexical
from checker.nlp import stem


def _scan_every_pair(a: frozenset[str], b: frozenset[str]) -> tuple[str, str] | None:
    """The definition: the first antonym pair, in file order, that a and b use apart."""
    only_a, only_b = a - b, b - a
    for left, right in lexical.antonyms():
        for x, y in ((left, right), (right, left)):
            hit_a, hit_b = only_a & x, only_b & y
            if hit_a and hit_b and not (a & y) and not (b & x):
                return min(hit_a), min(hit_b)
    return None


WORDS = sorted({w for left, right in lexical.antonyms() for w in left | right}) + [
    "china", "rise", "member"]
word_sets = st.frozensets(st.sampled_from(WORDS), max_size=6)


@settings(max_examples=500)
@given(word_sets, word_sets)
def test_indexed_lookup_is_the_scan(a: frozenset[str], b: frozenset[str]) -> None:
    assert lexical.opposite_words(a, b) == _scan_every_pair(a, b)


def test_opposites() -> None:
    best, worst = stem("best"), stem("worst")
    assert lexical.opposite_words(frozenset({best, "sell"}), frozenset({worst, "sell"})) == (
        best, worst)
    # A side that uses both words says nothing opposite.
    assert lexical.opposite_words(frozenset({best, worst}), frozenset({worst})) is None


def test_kinds_exclude_across_classes() -> None:
    assert lexical.different_kinds(stem("actress"), stem("dog"))
    assert lexical.different_kinds(stem("film"), stem("series"))
    assert not lexical.different_kinds(stem("film"), stem("movie"))
    assert not lexical.different_kinds(stem("actress"), stem("model"))
    assert not lexical.different_kinds(stem("actress"), "unknownword")
