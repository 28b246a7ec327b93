"""Claims read from complete JSON share one fields-set object per model class
(checker.models.trusted.share_full_fields_set): same models, half the memory, and no
aliasing a caller could see."""

from __future__ import annotations

from checker.extract import extract_text
from checker.lexicon import Lexicon
from checker.models.claims import Claim, ClaimFile, share_fields_sets

TEXT = ("In December 2019, Trehax Shipping agreed a $191.4 million deal with Chile, "
        "according to Reuters. China is NOT a member of the ISS, Lin said in May 2021.")


def _read_back() -> tuple[list[Claim], list[Claim]]:
    """The same claim file read from JSON twice: once shared, once as validated."""
    cf = extract_text(TEXT, "doc", Lexicon(), threshold=0.0)
    data = cf.model_dump_json()
    shared = ClaimFile.model_validate_json(data).claims
    share_fields_sets(shared)
    return shared, ClaimFile.model_validate_json(data).claims


def test_shared_claims_equal_validated_ones() -> None:
    shared, plain = _read_back()
    assert len(shared) >= 2
    assert shared == plain
    for a, b in zip(shared, plain, strict=True):
        assert a.model_dump() == b.model_dump()
        assert a.model_fields_set == b.model_fields_set == set(Claim.model_fields)
        for x, y in zip((*a.entities, *a.quantities, *a.dates),
                        (*b.entities, *b.quantities, *b.dates), strict=True):
            assert x.model_fields_set == y.model_fields_set
    first, second = shared[0], shared[1]
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__  # one object
    assert first.entities[0].__pydantic_fields_set__ is \
        second.entities[0].__pydantic_fields_set__


def test_changing_one_shared_claim_leaves_the_others_alone() -> None:
    shared, _ = _read_back()
    first, second = shared[0], shared[1]
    first.note = "checked by the desk"  # pydantic adds the name to the set: already in it
    copy = second.model_copy(update={"note": "copied"})
    assert second.note is None and copy.note == "copied"
    for c in (first, second, copy):
        assert c.model_fields_set == set(Claim.model_fields)
    assert copy.__pydantic_fields_set__ is not second.__pydantic_fields_set__


def test_a_claim_with_fields_left_out_keeps_its_own_set() -> None:
    shared, _ = _read_back()
    data = shared[0].model_dump(exclude={"note", "suppress", "quote"})
    partial = Claim.model_validate(data)
    share_fields_sets([partial])
    assert partial.model_fields_set == set(Claim.model_fields) - {"note", "suppress", "quote"}
    assert partial.__pydantic_fields_set__ is not shared[0].__pydantic_fields_set__
