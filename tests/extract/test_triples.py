"""The verb reading of triples: verb_at is _VERB_RE's first match that is no participle
describing a count (its lower-case twin in ASCII text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.extract.triples import _VERB_RE, _describes_a_count, names_word, verb_at

PARTS = ["has", "Has", " been", " BEEN", "been", " be", "will", " ", "  ", ",", "-", "_", "x",
         "signed", "ed", "ED", "abc", "1", "is", "Is", "wills", "beens", "\u00e9", "\u017f",
         "said", "rose", "has been", "will be", "bed", "'", ".", "United", "(", "Signed"]


def _first_verb(text: str) -> tuple[int, int] | None:
    """What verb_at finds, through the regex itself: the first match that is not a
    participle between a figure and its noun ("4,000 planned surgeries") nor a capitalised
    word inside the sentence ("Dundee United")."""
    return next((m.span() for m in _VERB_RE.finditer(text)
                 if not _describes_a_count(text, m.start(), m.end())
                 and not names_word(text, m.start())), None)


@given(st.lists(st.sampled_from(PARTS), max_size=12))
def test_verb_at_is_the_verb_regex(parts: list[str]) -> None:
    text = "".join(parts)
    assert verb_at(text) == _first_verb(text), text


def test_a_participle_describing_a_count_is_passed_over() -> None:
    # Found by the test above when it compared with the bare regex (hypothesis, at random).
    assert _VERB_RE.search("1 beensigned been") is not None
    assert verb_at("1 beensigned been") is None
    assert verb_at("4,000 planned surgeries were cancelled") == (24, 28)
    assert verb_at("Some 300 gathered outside the court") == (9, 17)


def test_a_name_word_is_no_verb_but_a_first_word_is() -> None:
    assert verb_at("Hibs travel to Dundee United on Wednesday") is None
    assert verb_at("The United States launched 12 satellites") == (18, 26)
    assert verb_at('"Signed in 2020, the deal stands') == (1, 7)
