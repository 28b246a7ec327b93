"""Normalised claims survive pickling by position (what --jobs sends between processes)."""

from __future__ import annotations

import pickle

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import Mention, NormClaim, mention
from checker.rules import RuleSet

TEXT = ("Pakistan has a population of about 241 million people, the bureau said in May. "
        "Harold Macmillan is a British politician. China is NOT a member of the ISS.\n")


def test_normalised_claims_roundtrip_through_pickle(ruleset: RuleSet) -> None:
    for published in (None, "2024-03-01"):
        model = extract_text(TEXT, "d1", ruleset.lexicon, meta=DocumentMeta(published=published),
                             threshold=0.0)
        claims = normalise_document("d1", model.claims, ruleset.lexicon)
        assert claims and any(c.quantities for c in claims) and any(c.mentions for c in claims)
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            back: list[NormClaim] = pickle.loads(pickle.dumps(claims, protocol=protocol))
            assert back == claims
            # Every slot, including those equality ignores (the derived keys).
            for a, b in zip(claims, back, strict=True):
                assert a.__getstate__() == b.__getstate__()
                assert a.keys == b.keys


def test_mention_through_its_slots_is_a_mention() -> None:
    made, plain = mention("e:china", "name", 3, 8), Mention("e:china", "name", 3, 8)
    assert type(made) is Mention
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert pickle.loads(pickle.dumps(made)) == plain
