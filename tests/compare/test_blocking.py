"""Blocking: candidates only through short blocks; a ubiquitous entity never brings back the
square; work per claim is bounded."""

from __future__ import annotations

from checker.compare.blocking import (
    BlockIndex,
    BlockingConfig,
    claim_keys,
    corpus_size,
    rounded_count,
)
from checker.normclaim import NormClaim
from checker.rules import RuleSet


def claim(i: int, entities: set[str], tokens: set[str]) -> NormClaim:
    return NormClaim(doc=f"d{i}", claim_id=f"c{i}", text="", span=(0, 0),
                     entities=frozenset(entities), mentions=(), tokens=frozenset(tokens),
                     frame=(), predicates=(), quantities=(), dates=(), polarity="positive",
                     modality="asserted", correction=False)


def test_common_entity_alone_does_not_pair_everything() -> None:
    claims = [claim(i, {"china"}, {f"w{i}"}) for i in range(500)]
    index = BlockIndex(claims, BlockingConfig(max_posting=64))
    assert list(index.pairs()) == []


def test_rare_keys_pair_only_their_claims() -> None:
    claims = [claim(i, {"china", f"topic{i % 50}"}, {"sale", f"w{i % 25}"}) for i in range(1000)]
    index = BlockIndex(claims, BlockingConfig(max_posting=64, max_candidates=24))
    pairs = list(index.pairs())
    # Each claim meets at most max_candidates others, never the 999 that share "china".
    assert 0 < len(pairs) <= 1000 * 24
    for i, j in pairs[:200]:
        assert claims[i].entities & claims[j].entities - {"china"} or \
            claims[i].tokens & claims[j].tokens - {"sale"}


def test_pairs_are_unique_and_ordered() -> None:
    claims = [claim(i, {"icube-q"}, {"satellit"}) for i in range(4)]
    pairs = list(BlockIndex(claims).pairs())
    assert pairs == sorted(set(pairs), key=pairs.index)
    assert all(i < j for i, j in pairs)
    assert len(pairs) == 6


def test_claims_by_rarest_key_are_every_claim_with_those_that_find_one_another_together(
) -> None:
    # Claims of 40 topics, written round-robin: in corpus order no two neighbours share one.
    claims = [claim(i, {"china", f"topic{i % 40}"}, {"sale"}) for i in range(400)]
    claims += [claim(400, {"nowhere"}, {"alone"})]  # no block: last
    index = BlockIndex(claims)
    order = list(index.by_rarest_key())
    assert sorted(order) == list(range(len(claims)))
    assert order[-1] == 400
    topics = [i % 40 for i in order[:-1]]
    # Each topic's ten claims come one after another, in corpus order.
    assert [topics[k] for k in range(0, 400, 10)] == sorted(set(topics), key=topics.index)
    assert all(len(set(topics[k:k + 10])) == 1 for k in range(0, 400, 10))
    assert all(order[k] < order[k + 1] for k in range(400) if k % 10 != 9)


def test_corpus_size_rounds_up_by_at_most_an_eighth_of_an_octave() -> None:
    sizes = [corpus_size(n) for n in range(1, 5000)]
    assert all(n <= s < n * 2 ** 0.125 + 1e-9 for n, s in zip(range(1, 5000), sizes,
                                                                  strict=True))
    assert sizes == sorted(sizes)
    # One claim more or less rarely moves it: the weights a cached verdict read stay put.
    assert corpus_size(56_496) == corpus_size(56_497) == corpus_size(56_400)
    assert corpus_size(1024) == 1024.0 and corpus_size(1025) > 1024.0


def test_rounded_counts_are_exact_when_small_and_keep_their_order() -> None:
    assert [rounded_count(c) for c in (0, 1, 2, 4, 8)] == [0.0, 1.0, 2.0, 4.0, 8.0]
    counts = [rounded_count(c) for c in range(1, 5000)]
    assert counts == sorted(counts)
    assert all(c / 2 ** 0.125 - 1e-9 <= r <= c for c, r in zip(range(1, 5000), counts,
                                                               strict=True))
    assert rounded_count(6396) == rounded_count(6397)


def test_a_claims_keys_are_its_index_keys(ruleset: RuleSet) -> None:
    from tests.compare.test_fast_paths import _norm

    for claim in _norm(ruleset, 12):
        assert claim.keys == frozenset(claim_keys(claim))


def test_a_denial_in_the_same_document_is_a_candidate_beyond_the_cap() -> None:
    from dataclasses import replace

    # Thirty sentences of one page about the ISS, all sharing its words, and the page's
    # correction note last: ranked 31st, it was cut by the cap of 24 (a CI probe).
    page = [replace(claim(i, {"china", "iss"}, {"member", "station", f"w{i % 3}"}),
                    doc="page") for i in range(30)]
    note = replace(claim(30, {"china", "iss"}, {"member"}), doc="page", polarity="negative")
    other = replace(claim(31, {"china", "iss"}, {"member"}), doc="elsewhere",
                    polarity="negative")
    index = BlockIndex([*page, note, other], BlockingConfig(max_candidates=24))
    found = index.candidates(0)
    assert 30 in found  # the same page's denial
    assert 31 not in found[24:]  # another page's claims stay within the cap
    assert (0, 30) in set(index.pairs())
