"""Shorter forms of longer unknown names, and the verdicts they make possible."""

from __future__ import annotations

import pytest

from checker.evaluate import Pair, predict
from checker.names import longer_names
from checker.normclaim import NormClaim
from checker.rules import RuleSet


def _claim(*entities: str) -> NormClaim:
    return NormClaim(doc="d", claim_id="c", text="", span=(0, 0), entities=frozenset(entities),
                     mentions=(), tokens=frozenset(), frame=(), predicates=(), quantities=(),
                     dates=(), polarity="positive", modality="asserted", correction=False)


@pytest.mark.parametrize(("names", "expected"), [
    (["name:harold-macmillan", "name:maurice-harold-macmillan"],
     {"name:harold-macmillan": "name:maurice-harold-macmillan"}),
    (["name:neil-diamond", "name:neil-leslie-diamond"],
     {"name:neil-diamond": "name:neil-leslie-diamond"}),
    # Two longer owners: ambiguous, left alone.
    (["name:john-smith", "name:john-a-smith", "name:john-b-smith"], {}),
    # A different surname, a one-word name, a known entity: not this rule's business.
    (["name:neil-diamond", "name:neil-young"], {}),
    (["name:diamond", "name:neil-diamond"], {}),
    (["china", "name:china-daily"], {}),
])
def test_longer_names(names: list[str], expected: dict[str, str]) -> None:
    assert longer_names([_claim(*names)]) == expected


@pytest.mark.parametrize(("claim", "evidence", "label"), [
    ("Neil Diamond is not a musician.",
     "Neil Leslie Diamond (born January 24, 1941) is an American singer-songwriter, "
     "musician and actor.", "conflict"),
    ("Yara Shahidi is a dog.",
     "Yara Sayeh Shahidi (born February 10, 2000) is an American actress and model.",
     "conflict"),
    ("Yara Shahidi is an actress.",
     "Yara Sayeh Shahidi (born February 10, 2000) is an American actress and model.",
     "corroboration"),
])
def test_pairs_about_one_person_under_two_name_forms(ruleset: RuleSet, claim: str,
                                                     evidence: str, label: str) -> None:
    verdict = predict([Pair(claim, evidence, "REFUTES", "1")], ruleset.lexicon)[0]
    assert verdict is not None and verdict.label == label
