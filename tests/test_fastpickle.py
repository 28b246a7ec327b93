"""Normalised claims survive pickling by position (what --jobs sends between processes),
and are made through their slots as their __init__ makes them."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import date

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.fastpickle import slot_builder
from checker.models.document import DocumentMeta
from checker.normclaim import CONTEXT, Mention, NDate, NormClaim, mention, norm_claim
from checker.normcodec import dump_claims, load_claims
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


def test_a_claim_through_its_slots_is_the_claim_its_init_makes(ruleset: RuleSet) -> None:
    """`norm_claim` (the cache's way back) sets every slot `NormClaim(...)` sets, the derived
    keys too, in the same set order; with a context mention, whose entity is no key."""
    model = extract_text(TEXT, "d1", ruleset.lexicon, meta=DocumentMeta(published="2024-03-01"),
                         threshold=0.0)
    claims = normalise_document("d1", model.claims, ruleset.lexicon)
    context = replace(claims[0], mentions=(*claims[0].mentions,
                                           mention("kelora", CONTEXT, 0, 0)),
                      entities=claims[0].entities | {"kelora"})
    assert "e:kelora" not in context.keys
    for claim in [*claims, context]:
        fields = claim.__getstate__()[:-2]  # all but the derived keys and key
        made, plain = norm_claim(*fields), NormClaim(*fields)
        assert type(made) is NormClaim
        assert made.__getstate__() == plain.__getstate__() == claim.__getstate__()
        assert list(made.keys) == list(plain.keys)
        [back] = load_claims(dump_claims([claim]))
        assert back.__getstate__() == NormClaim(*back.__getstate__()[:-2]).__getstate__()
        assert back == claim


def test_slot_builder_sets_each_slot_in_order() -> None:
    build = slot_builder(NDate)
    made = build(date(2024, 1, 1), None, "day", "on 1 January", "after")
    assert type(made) is NDate
    assert made == NDate(date(2024, 1, 1), None, "day", "on 1 January", "after")
    with pytest.raises(TypeError):
        build(date(2024, 1, 1), None, "day", "on 1 January")  # every slot, none defaulted


def test_normalise_makes_through_slots_what_the_inits_make(ruleset: RuleSet) -> None:
    """`normalize.normalise` makes its claims, figures and dates through their slots
    (`norm_claim`, `slot_builder`): each is the object its dataclass's __init__ makes from
    the same fields, every slot alike (the derived keys too)."""
    from checker.normclaim import NQuantity

    model = extract_text(TEXT + "Temperatures hit 112.3F on 3 May 2024, up 4% from April.\n",
                         "d1", ruleset.lexicon, meta=DocumentMeta(published="2024-06-01"),
                         threshold=0.0)
    claims = normalise_document("d1", model.claims, ruleset.lexicon)
    quantities = [q for c in claims for q in c.quantities]
    dates = [d for c in claims for d in (*c.dates, *c.told)]
    assert quantities and dates and any(q.unit == "degC" for q in quantities)
    for c in claims:
        plain = NormClaim(*c.__getstate__()[:-2])
        assert type(c) is NormClaim and c == plain
        assert c.__getstate__() == plain.__getstate__()
    for q in quantities:
        assert type(q) is NQuantity
        assert q.__getstate__() == NQuantity(*q.__getstate__()).__getstate__()
    for d in dates:
        assert type(d) is NDate
        assert d.__getstate__() == NDate(*d.__getstate__()).__getstate__()
