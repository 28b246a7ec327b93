"""Rewrites made for speed in the readers of numbers (round 55) find what the code they
replaced finds: each reference below is the pattern or the code as it was before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp
from checker.extract.quantity_hits import Hit
from checker.extract.quantity_type import Quantity, quantity


def test_quantity_is_the_named_tuple() -> None:
    fields = ("5 km", 3, 7, "measure", 5000.0, 4950.0, None, "m", "road", True, "exact")
    built = quantity(*fields)
    assert type(built) is Quantity
    assert built == Quantity(*fields)
    assert built._asdict() == Quantity(*fields)._asdict()
    assert built._replace(noun=None) == Quantity(*fields)._replace(noun=None)


@pytest.mark.parametrize("text", ["about US$ 5.2 million in aid", "more than 40 km",
                                  "it rose 12,000-15,000 people", "exactly 7"])
def test_hit_reads_its_match(text: str) -> None:
    for m in qp.NUMBER_RE.finditer(text):
        hit = Hit(text, m)
        for name, value in m.groupdict().items():
            if name not in ("cur", "mod"):
                assert hit.group(name) == value
        assert hit.group("no such part") is None
        assert hit.end() == m.end()
        for name in ("num", "num2", "unit"):
            assert hit.end(name) == m.end(name)


# noun_after's words as FIRST_NOUN_WORDS_RE read them (its reference, for every window).
def _first_noun_words_plain(window: str) -> list[str]:
    first = qp.FIRST_NOUN_WORDS_RE.match(window)
    return [w for w in first.groups() if w is not None] if first is not None else []


NOUN_WINDOWS = [
    " people were hurt", " 18-year-olds and 21-year-oldsx", " 5-year-olds", "-year-olds",
    " of them, (about) 12 lorries; 4.5 tonnes: x", " Canadian Armed Forces personnel arrived",
    " VT-4 battle tanks", " O'Brien's men_1 a-b'c", " @#$ [x] {y} `z` ~w ^v",
    " 123-year-olds_", " 12-year-old", " 1-2-year-olds", "\tpeople\nlater", "",
    " caf\u00e9 owners", " \u017fhips", " 18-year-olds\u00e9",
]

# ASCII marks of every kind, letters at both ends of the alphabet, digits and the age group.
_NOUN_ALPHABET = "aZz@[`{1 9-year-olds\t\n,.;:()'_%!/"


@pytest.mark.parametrize("window", NOUN_WINDOWS)
def test_first_noun_words_on_cases(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


@given(st.text(alphabet=_NOUN_ALPHABET, max_size=70))
def test_first_noun_words_ascii(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


@given(st.text(alphabet=_NOUN_ALPHABET + "\u00e9\u017f\u0663", max_size=40))
def test_first_noun_words_any_text(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=70))
def test_first_noun_words_every_ascii_character(window: str) -> None:
    assert qc.first_noun_words(window) == _first_noun_words_plain(window)
