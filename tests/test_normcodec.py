"""Normalised claims through the cache's codec: every slot back as it was, and bytes it did
not write raise one of the errors the cache takes as a damaged entry."""

from __future__ import annotations

import marshal
import math
import random
from dataclasses import replace
from sys import intern

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import Description, NDate, NQuantity, mention
from checker.normcodec import DAMAGED, dump_claims, load_claims
from checker.rules import RuleSet

TEXT = ("Pakistan has a population of about 241 million people, the bureau said in May. "
        "Harold Macmillan is a British politician. China is NOT a member of the ISS. "
        "Danielle Cormack was born in May. Exports rose 12 per cent in 2023, Lin said.\n")


def _claims(ruleset: RuleSet) -> list:  # type: ignore[type-arg]
    model = extract_text(TEXT, "d1", ruleset.lexicon, meta=DocumentMeta(published="2024-03-01"),
                         threshold=0.0)
    return normalise_document("d1", model.claims, ruleset.lexicon)


def test_every_slot_comes_back(ruleset: RuleSet) -> None:
    claims = _claims(ruleset)
    # The rarer slots, filled by hand where the text leaves them empty.
    odd = replace(claims[0],
                  quantities=(NQuantity("count", None, math.inf, None, -0.0, "peopl", True,
                                        "more than"),),
                  dates=(NDate(None, None, "year", "some year", "after"),),
                  told=(NDate(claims[0].dates[0].first if claims[0].dates else None, None,
                              "day", "on Monday"),),
                  negated=frozenset({"member", "listed"}), months=((5, "in May"),),
                  description=Description("macmillan", "politician",
                                          frozenset({"british", "scottish"}), "a politician"),
                  mentions=(*claims[0].mentions, mention("kelora", "context", 0, 0)),
                  earlier=True, correction=True)
    for made in ([*claims, odd], [], [odd]):
        back = load_claims(dump_claims(made))
        assert back == made
        assert [b.__getstate__() for b in back] == [n.__getstate__() for n in made]
    assert any(c.description for c in claims) and any(c.quantities for c in claims)
    assert any(c.polarity == "negative" for c in claims)


def test_names_and_labels_come_back_interned(ruleset: RuleSet) -> None:
    """200,000 claims repeat a few thousand names and words: one string each, across
    entries too (each document's claims are one entry, decoded apart)."""
    claims = _claims(ruleset)
    first, second = load_claims(dump_claims(claims)), load_claims(dump_claims(claims))
    for a, b in zip(first, second, strict=True):
        assert a is not b and a == b
        for x, y in zip(sorted(a.entities), sorted(b.entities), strict=True):
            assert x is y and x is intern("".join(x))  # the interpreter's one copy
        assert a.doc is b.doc and a.polarity is b.polarity and a.modality is b.modality
        for m, n in zip(a.mentions, b.mentions, strict=True):
            assert m.id is n.id and m.role is n.role
        for x, y in zip(sorted(a.tokens), sorted(b.tokens), strict=True):
            assert x is y


@pytest.mark.parametrize("data", [
    b"", b"\x00", b"not marshal at all", marshal.dumps(5), marshal.dumps([("d1",)]),
    marshal.dumps(((1, 2, 3),)), marshal.dumps((("d",) * 19,)),
])
def test_bytes_it_did_not_write_are_damaged(data: bytes) -> None:
    with pytest.raises(DAMAGED):
        load_claims(data)


def test_torn_entries_are_damaged(ruleset: RuleSet) -> None:
    """What a crash can leave, a prefix of the entry, raises. (A flipped byte is the seal's
    to refuse, before decoding: tests/test_cache.py; marshal itself may crash on one.)"""
    data = dump_claims(_claims(ruleset))
    rng = random.Random(3)
    for _ in range(200):
        cut = rng.randrange(len(data))
        with pytest.raises(DAMAGED):
            load_claims(data[:cut])
