"""One specific name and one specific word in common anchor a conflict of figures only when
the two claims say enough else alike (`compare.anchors.named_and_worded`)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from checker.compare.anchors import THIN_ANCHOR, named_and_worded
from checker.compare.clash import Evidence
from checker.rules import RuleSet
from tests.compare.pairs import verdict


@pytest.mark.parametrize(("a", "b", "pa", "pb"), [
    # a house price index's monthly fall and the UK's inflation rate, "average" in common
    ("UK house prices fell 0.4% month-on-month in March to an average of £285,310, the "
     "first monthly fall since September, according to the Mercia Building Society's house "
     "price index.", "On that comparison, the UK's 3.2% is above the euro-area average but "
     "below at least six EU member states.", "2026-04-02", "2026-04-20"),
    # one sector's emissions and the world's
    ("Power sector emissions fell to 41 million tonnes of CO2, down 14% year on year.",
     "Global greenhouse gas emissions rose 0.8% in 2025 to a record 53.2 billion tonnes of "
     "CO2 equivalent, according to the UN Environment Programme.", "2026-02-10",
     "2026-07-05"),
    # a pit stop's time and a lead
    ("Leclerc's second stop took 2.3 seconds, the quickest of the race; there were 31 pit "
     "stops in total.", "Leclerc's lead had grown to 11.8 seconds by lap 38, before a "
     "virtual safety car for Esteban Ocon's stopped Haas bunched the field.", "2026-04-12",
     "2026-04-12"),
])
def test_too_little_alike_is_no_conflict(ruleset: RuleSet, a: str, b: str, pa: str,
                                         pb: str) -> None:
    # each an error-level number conflict in the probes' pages
    assert verdict(ruleset, a, b, pa, pb)[0] != "conflict"


def test_a_closer_pair_still_conflicts(ruleset: RuleSet) -> None:
    # desk probe R's planted C1.3
    assert verdict(ruleset, "Corvane agreed to pay a break fee of £42m if the deal "
                   "collapsed.", "Corvane agreed to a £52m break fee.", "2026-05-11",
                   "2026-05-12") == ("conflict", "number")


@pytest.mark.parametrize(("ents", "words", "similarity", "anchored"), [
    (["x"], ["w"], THIN_ANCHOR - 0.01, False),
    (["x"], ["w"], THIN_ANCHOR, True),
    (["x", "y"], ["w"], 0.1, True),   # more anchors
    (["x"], ["v", "w"], 0.1, True),
    ([], ["v", "w"], 0.9, False),     # no name in common: other anchors' matter
    (["x"], [], 0.9, False),
])
def test_named_and_worded(ents: list[str], words: list[str], similarity: float,
                          anchored: bool) -> None:
    facts = SimpleNamespace(claim=SimpleNamespace(quantities=[]))  # no figure measures a name
    ev = SimpleNamespace(spec_ents=ents, spec_words=words, fa=facts, fb=facts,
                         sim=SimpleNamespace(combined=similarity), q_conflict=[])
    assert named_and_worded(cast(Evidence, ev)) is anchored
