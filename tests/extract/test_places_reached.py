"""A place reached told in digits ("dropping to 53rd", "finished 3rd") is a place, as the
same told in words is (tests/extract/test_probe_r.py): desk probe T's two outlets' places
of one university ("53rd" / "57th") and of one club ("ninth" / "10th") were ranks of
nothing, never compared."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _ranks(ruleset: RuleSet, sentence: str) -> list[tuple[str, str | None]]:
    claims = extract_text(sentence, "page", ruleset.lexicon,
                          DocumentMeta(published="2026-10-08"), threshold=0.0).claims
    return [(q.text, q.noun) for c in claims for q in c.quantities if q.kind == "rank"]


@pytest.mark.parametrize(("sentence", "ranks"), [
    ("The University of Manchester fell out of the top 50 for the first time, dropping "
     "to 53rd.", [("53rd", "new place")]),
    ("Manchester, which fell to 57th, dropped out of the top 50.", [("57th", "new place")]),
    ("Tsinghua University in Beijing climbed to 11th.", [("11th", "new place")]),
    ("Verstappen finished 3rd in Bahrain.", [("3rd", "place")]),
    ("The firm is ranked 5th in Europe.", [("5th", "place")]),
    # a table's standing, as "No. 2" and words are
    ("The team slipped to 12th in the table.", [("12th", "standing")]),
    # no place reached: an anniversary, a street, an ordinal of a thing
    ("It was the 20th anniversary of the launch.", [("20th", None)]),
    ("He fell on 3rd Street in 2019.", [("3rd", None)]),
    ("The goal came in the 64th minute.", [("64th", "minute")]),
])
def test_places_reached_in_digits(ruleset: RuleSet, sentence: str,
                                  ranks: list[tuple[str, str | None]]) -> None:
    assert _ranks(ruleset, sentence) == ranks
