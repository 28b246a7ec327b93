"""Cheap tests of a clause's text made before a pattern is searched never turn away a text
the pattern matches (each gate is a necessary condition of a match)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.extract.quantities import GATES as QUANTITY_GATES
from checker.extract.quantities import RANK_CUES
from checker.extract.quantity_context import ORDINAL_WORDS, RANKED_RE
from checker.textutil import fold

_NOISE = [" ", "  ", "-", "x", ",", "`", "\u2013", "\u017f", "\u212a", "\u0130", "A", "7"]


def _shaped(*slots: list[str]) -> st.SearchStrategy[str]:
    """Texts made of one piece of each slot in turn, noise between them."""
    noise = st.lists(st.sampled_from(_NOISE), max_size=3).map("".join)
    return st.tuples(*(st.tuples(noise, st.sampled_from(slot)) for slot in slots), noise) \
        .map(lambda parts: "".join(a + b for a, b in parts[:-1]) + parts[-1])


_SUPERLATIVES = ["largest", "BIGGEST", "Lowest", "oldest", "deadliest", "most populous",
                 "MOST  valuable", "most\tvaluable", "large\u017ft", "mo\u017ft populous"]
_ORDINALS = [*ORDINAL_WORDS, "THIRD", "Tenth", "3rd", "21ST", "2nd", "11th", "1", "sec"]


def _may_be_ranked(text: str) -> bool:
    """The test extract's claim() makes before RANKED_RE.search(text)."""
    gates = QUANTITY_GATES.mask(fold(text).lower())
    return not text.isascii() or all(gates & need for need in RANK_CUES)


def _rank_holds(text: str) -> None:
    if RANKED_RE.search(text):
        assert _may_be_ranked(text), text


@given(_shaped(_ORDINALS, ["-", " ", "  ", "\u2013"], _SUPERLATIVES))
def test_ranked_gate_keeps_every_match(text: str) -> None:
    _rank_holds(text)


def test_ranked_gate_keeps_each_superlative() -> None:
    for ordinal in _ORDINALS:
        for superlative in _SUPERLATIVES:
            _rank_holds(f"It is the world's {ordinal}-{superlative} city.")
            _rank_holds(f"{ordinal} {superlative}")


def test_ranked_gate_turns_away_plain_text() -> None:
    assert not _may_be_ranked("Prices rose 5% on the year, the third rise.")
    assert not _may_be_ranked("It is the largest city.")
    assert _may_be_ranked("It is the third-largest city.")
    assert _may_be_ranked("the third-large\u017ft")
