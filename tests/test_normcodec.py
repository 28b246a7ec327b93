"""Normalised claims through the cache's codec: every slot back as it was, and bytes it did
not write raise one of the errors the cache takes as a damaged entry."""

from __future__ import annotations

import marshal
import math
import pickle
import random
from dataclasses import replace
from sys import intern

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import (
    LAZY_SLOTS,
    Description,
    NDate,
    NormClaim,
    NQuantity,
    _decoded_on_first_read,
    entity_ids,
    mention,
)
from checker.normcodec import (
    DAMAGED,
    dump_claims,
    load_claims,
    load_lazy_claims,
    load_lazy_document,
)
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
    # A pair of rows and names, either of another shape.
    marshal.dumps(((), (5,))), marshal.dumps(((), ["name:x"])), marshal.dumps(([], ())),
    marshal.dumps((((1, 2, 3),), ())), marshal.dumps(((), (), ())),
])
@pytest.mark.parametrize("load", [load_claims, load_lazy_claims])
def test_bytes_it_did_not_write_are_damaged(data: bytes, load) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DAMAGED):
        load(data)


def test_an_entry_keeps_its_claims_unknown_names(ruleset: RuleSet) -> None:
    """What the corpus's surname renaming reads of every document, kept with its claims:
    the same names as going over the claims, sorted, and the same renaming."""
    from checker.names import surname_mappings, unknown_names

    claims = _claims(ruleset)
    back, names = load_lazy_document(dump_claims(claims))
    assert back == claims and names == tuple(sorted(unknown_names(claims)))
    assert any(name.startswith("name:") for name in names)
    assert load_lazy_document(dump_claims([]))[1] == ()
    other = normalise_document("d2", extract_text(
        "Macmillan resigned as prime minister in October 1963.\n", "d2", ruleset.lexicon,
        meta=DocumentMeta(published="2024-03-01"), threshold=0.0).claims, ruleset.lexicon)
    per_doc = [claims, other]
    kept = [load_lazy_document(dump_claims(c))[1] for c in per_doc]
    assert surname_mappings(per_doc, kept) == surname_mappings(per_doc)
    assert surname_mappings(per_doc, kept)[1]  # "Macmillan" read as d1's "Harold Macmillan"


def test_torn_entries_are_damaged(ruleset: RuleSet) -> None:
    """What a crash can leave, a prefix of the entry, raises. (A flipped byte is the seal's
    to refuse, before decoding: tests/test_cache.py; marshal itself may crash on one.)"""
    data = dump_claims(_claims(ruleset))
    rng = random.Random(3)
    for _ in range(200):
        cut = rng.randrange(len(data))
        with pytest.raises(DAMAGED):
            load_claims(data[:cut])
        with pytest.raises(DAMAGED):
            load_lazy_claims(data[:cut])


def _odd(claim: NormClaim) -> NormClaim:
    """A claim with every rare slot filled."""
    return replace(claim, quantities=(NQuantity("count", None, 5.0, 4.0, 6.0, "peopl", True,
                                                "about five"),),
                   dates=(NDate(None, None, "year", "some year", "after"),),
                   told=(NDate(None, None, "day", "on Monday"),),
                   negated=frozenset({"member"}), months=((5, "in May"),),
                   description=Description("macmillan", "politician", frozenset({"british"}),
                                           "a politician"),
                   mentions=(*claim.mentions, mention("kelora", "context", 0, 0)),
                   entities=claim.entities | {"kelora"}, earlier=True)


# The slots a claim from the cache decodes when one of them is first read.
DECODED = {"entities", "mentions", "tokens", "quantities", "dates", "negated", "description",
           "told", "keys"}


def _undecoded(claim: NormClaim) -> bool:
    return claim.__class__.__dict__["_rest"].__get__(claim) is not None


def test_lazy_claims_are_the_claims_once_read(ruleset: RuleSet) -> None:
    """`load_lazy_claims` (the cache's way back) gives what `load_claims` gives, slot for
    slot, whichever slot is read first; the key and what marshal gives as it is are there
    before any decoding."""
    claims = _claims(ruleset)
    made = [*claims, _odd(claims[0])]
    data = dump_claims(made)
    eager = load_claims(data)
    names = [name for name in NormClaim.__slots__ if not name.startswith("_")]  # type: ignore[attr-defined]
    for first in names:
        lazy = load_lazy_claims(data)
        assert all(map(_undecoded, lazy))
        for a, b in zip(lazy, eager, strict=True):
            assert a.key == b.key and a.doc is b.doc and a.span == b.span
            assert a.predicates == b.predicates and a.text == b.text
        assert all(map(_undecoded, lazy)), "cheap slots decode nothing"
        for a, b in zip(lazy, eager, strict=True):
            assert getattr(a, first) == getattr(b, first)
            assert _undecoded(a) == (first not in DECODED)
            assert a.__getstate__() == b.__getstate__()
            assert list(a.keys) == list(b.keys), "same keys, in the same set order"


def test_lazy_claims_compare_hash_and_pickle_as_claims(ruleset: RuleSet) -> None:
    claims = _claims(ruleset)
    data = dump_claims(claims)
    for a, b in zip(load_lazy_claims(data), claims, strict=True):
        assert a == b and hash(a) == hash(b)
    for a, b in zip(load_lazy_claims(data), claims, strict=True):
        back = pickle.loads(pickle.dumps(a))
        assert back == b and back.__getstate__() == b.__getstate__()
        assert not _undecoded(back)


def test_entity_ids_read_no_other_slot(ruleset: RuleSet) -> None:
    claims = _claims(ruleset)
    lazy = load_lazy_claims(dump_claims(claims))
    assert [sorted(entity_ids(c)) for c in lazy] == [sorted(c.entities) for c in claims]
    assert all(map(_undecoded, lazy))
    assert [sorted(entity_ids(c)) for c in claims] == [sorted(c.entities) for c in claims]


def test_a_missing_attribute_is_missing(ruleset: RuleSet) -> None:
    """Only a slot decodes: any other name raises AttributeError, and leaves the row."""
    [lazy] = load_lazy_claims(dump_claims(_claims(ruleset)[:1]))
    assert not hasattr(lazy, "no_such_slot")
    assert not hasattr(lazy, "__no_such_dunder__")
    assert getattr(lazy, "no_such_slot", None) is None
    with pytest.raises(AttributeError):
        _ = lazy.no_such_slot  # type: ignore[attr-defined]
    assert _undecoded(lazy)
    assert not hasattr(_claims(ruleset)[0], "no_such_slot")
    assert set(LAZY_SLOTS) == DECODED and len(LAZY_SLOTS) == len(DECODED)


def test_a_slot_another_thread_decoded_meanwhile_is_read(ruleset: RuleSet) -> None:
    """A thread that found a slot unset, while another decoded the claim before this one
    reached `__getattr__`, reads the slot (a review's race: it raised AttributeError)."""
    [lazy] = load_lazy_claims(dump_claims(_claims(ruleset)[:1]))
    entities = lazy.entities  # decoded: the row is gone
    assert not _undecoded(lazy)
    assert _decoded_on_first_read(lazy, "entities") is entities
    with pytest.raises(AttributeError):
        _decoded_on_first_read(lazy, "no_such_slot")
