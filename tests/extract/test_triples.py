"""The verb reading of triples: verb_at is _VERB_RE.search (its lower-case twin in ASCII text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.extract.triples import _VERB_RE, verb_at

PARTS = ["has", "Has", " been", " BEEN", "been", " be", "will", " ", "  ", ",", "-", "_", "x",
         "signed", "ed", "ED", "abc", "1", "is", "Is", "wills", "beens", "\u00e9", "\u017f",
         "said", "rose", "has been", "will be", "bed", "'", "."]


@given(st.lists(st.sampled_from(PARTS), max_size=12))
def test_verb_at_is_the_verb_regex(parts: list[str]) -> None:
    text = "".join(parts)
    m = _VERB_RE.search(text)
    assert verb_at(text) == (m.span() if m else None), text
