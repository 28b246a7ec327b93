"""Desk probe Q3's pages (a lunar sample return, an EU antitrust fine, a volcanic eruption,
hospital waiting lists) among the 133 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> str:
    """The label of a and b, each normalised as a claim of its page published on `day`."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "found"), [
    # a denial of one member against the programme's count of members: the denial is of
    # Pakistan, whom the count does not name (an error-level polarity conflict between the
    # two pages, and a self-contradiction on the one that says both)
    ("Pakistan is not a member of the International Lunar Research Station program.",
     "The ILRS programme now has 17 member countries.", "unrelated"),
    ("Pakistan is not a member of the International Lunar Research Station program.",
     "The ILRS program now counts 17 member nations.", "unrelated"),
    # the same subject denied and said still conflict
    ("Pakistan is not a member of the International Lunar Research Station program.",
     "Pakistan is a member of the International Lunar Research Station programme.", "conflict"),
    ("China is not a partner in the International Space Station.",
     "China is a partner in the International Space Station.", "conflict"),
    # a denial that names no one before its negation still denies
    ("No deaths were reported after the eruption of Mount Seruni.",
     "Deaths were reported after the eruption of Mount Seruni.", "conflict"),
])
def test_a_denial_is_of_its_subject(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-06-26") == found
    assert _judged(ruleset, b, a, "2026-06-26") == found
    assert _judged(ruleset, a, b, "2026-06-26", doc_b="a") == found
