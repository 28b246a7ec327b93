"""The block index kept across runs: after random edits, an updated index finds what a fresh
one finds (the same candidates for every claim, the same search hashes, counts and
weights), edit after edit."""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.compare.blocking import PAIR_SHIFT, BlockIndex, BlockingConfig, corpus_size
from checker.compare.indexstate import (
    BLOCKS,
    IndexState,
    doc_runs,
    read_state,
    save_state,
    state_of,
)
from checker.compare.keptindex import UpdatedIndex, block_index, kept_hashes, updated
from checker.compare.store import claim_hashes
from checker.normclaim import NormClaim
from checker.sealedfile import body_of, value_of

Docs = dict[str, list[NormClaim]]


def _claim(doc: str, k: int, entities: set[str], tokens: set[str],
           polarity: str = "positive") -> NormClaim:
    return NormClaim(doc=doc, claim_id=f"c{k}", text="", span=(k, k + 1),
                     entities=frozenset(entities), mentions=(), tokens=frozenset(tokens),
                     frame=(), predicates=(), quantities=(), dates=(), polarity=polarity,
                     modality="asserted", correction=False)


def _keys(rng: random.Random, prefix: str, vocabulary: int, most: int) -> set[str]:
    # Zipf-like: a few keys in many claims (past max_posting), most in few.
    return {f"{prefix}{int(vocabulary * rng.random() ** 3)}"
            for _ in range(rng.randint(0, most))}


def _doc_claims(rng: random.Random, doc: str, vocabulary: int) -> list[NormClaim]:
    return [_claim(doc, k, _keys(rng, "x", vocabulary, 3), _keys(rng, "w", vocabulary, 5),
                   rng.choice(["positive", "positive", "negative"]))
            for k in range(rng.randint(1, 8))]


def _flat(docs: Docs) -> tuple[list[NormClaim], dict[str, str]]:
    claims = [c for d in sorted(docs) for c in docs[d]]
    states = {d: str(hash(tuple((c.claim_id, c.keys) for c in docs[d]))) for d in docs}
    return claims, states


def _edits(rng: random.Random, docs: Docs, vocabulary: int) -> Iterator[str]:
    """Edit the documents in place, one random edit at a time."""
    while True:
        kind = rng.choice(["change", "change", "add", "drop", "keys"])
        names = sorted(docs)
        if kind == "add":
            doc = f"d{rng.randrange(10**6):06d}"
            docs[doc] = _doc_claims(rng, doc, vocabulary)
        elif kind == "drop" and len(names) > 2:
            del docs[rng.choice(names)]
        elif kind == "keys":
            # The same claims (same ids, so the same hashes), other keys.
            doc = rng.choice(names)
            docs[doc] = [_claim(doc, k, _keys(rng, "x", vocabulary, 3) | {"x0"},
                                set(c.tokens)) for k, c in enumerate(docs[doc])]
        else:
            doc = rng.choice(names)
            docs[doc] = _doc_claims(rng, doc, vocabulary)
        yield kind


def _same(kept: BlockIndex, fresh: BlockIndex, hashes: list[int]) -> None:
    assert kept.n == fresh.n and kept.df == fresh.df
    assert kept.weights.key == fresh.weights.key
    assert all(kept.specific(k) == fresh.specific(k) for k in fresh.df)
    assert kept.searches(hashes) == fresh.searches(hashes)
    for i in range(len(fresh.claims)):
        assert kept.candidates(i) == fresh.candidates(i), i
    assert list(kept.pairs()) == list(fresh.pairs())
    assert sorted(kept.by_rarest_key()) == list(range(len(fresh.claims)))
    # Who holds a key, found from the state for the last run's claims (store.recall asks).
    keys = sorted(fresh.df)
    for some in ([], keys[:1], keys[::3], keys[-2:], keys, ["t:no such key"]):
        assert kept.holding(some) == fresh.holding(some) == [
            i for i, c in enumerate(fresh.claims) if not c.keys.isdisjoint(some)]


def _named(state: IndexState, block: int) -> tuple[str, ...]:
    if block < 1 << PAIR_SHIFT:
        return (state.names[block],)
    return state.names[(block >> PAIR_SHIFT) - 1], state.names[block & ((1 << PAIR_SHIFT) - 1)]


def _canonical(state: IndexState) -> dict[str, object]:
    """What a state says, whatever ids its keys have."""
    claims = {}
    for a, x in enumerate(state.hashes):
        claims[x] = (
            sorted(state.names[k] for k in state.raw[state.raw_at[a]:state.raw_at[a + 1]]),
            [(_named(state, b), w) for b, w in zip(
                state.ent[state.ent_at[a]:state.ent_at[a + 1]],
                state.ent_w[state.ent_at[a]:state.ent_at[a + 1]], strict=True)],
            [_named(state, b) for b in state.kent[state.kent_at[a]:state.kent_at[a + 1]]],
            state.searches[a])
    posts = {_named(state, b): list(state.post_h[state.post_at[k]:state.post_at[k + 1]])
             for k, b in enumerate(state.post_b)}
    assert len(posts) == len(state.post_b)
    return {"claims": claims, "order": list(state.hashes), "n": state.n,
            "df": {k: c for k, c in zip(state.names, state.df, strict=True) if c},
            "docs": state.docs, "posts": posts,
            "inv": sorted((_named(state, b), x) for b, x in zip(state.inv_b, state.inv_h,
                                                                 strict=True))}


CONFIGS = [BlockingConfig(max_posting=4, top_keys=3, max_candidates=3),
           BlockingConfig(max_posting=8, top_keys=4, max_candidates=5),
           BlockingConfig()]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("config", CONFIGS, ids=["tiny", "small", "default"])
def test_an_index_kept_across_random_edits_is_a_fresh_one(seed: int,
                                                          config: BlockingConfig) -> None:
    rng = random.Random(seed)
    vocabulary = rng.choice([30, 80, 300])
    docs: Docs = {f"d{k:06d}": [] for k in range(60)}
    for doc in docs:
        docs[doc] = _doc_claims(rng, doc, vocabulary)
    claims, states = _flat(docs)
    hashes = list(claim_hashes(claims))
    state = state_of(BlockIndex(claims, config, keep_all=True), hashes, states)
    updates = 0
    for _, _kind in zip(range(12), _edits(rng, docs, vocabulary), strict=False):
        claims, states = _flat(docs)
        hashes = list(claim_hashes(claims))
        # Through marshal, as the cache keeps it.
        state_read = IndexState.load(value_of(b"".join(body_of(state.dump()))))
        assert state_read is not None and state_read.dump() == state.dump()
        # The hashes of the documents whose claims the state holds are the state's.
        assert list(kept_hashes(state_read, claims, states)) == hashes
        kept = updated(state_read, claims, claim_hashes(claims), states, config)
        fresh = BlockIndex(claims, config, keep_all=True)
        if kept is None:
            # Only when the rounded corpus size moved.
            assert corpus_size(len(claims)) != state.n
            state = state_of(fresh, hashes, states)
            continue
        updates += 1
        _same(kept, fresh, hashes)
        state = kept.state
        assert _canonical(state) == _canonical(state_of(fresh, hashes, states))
    assert updates >= 6


def test_a_state_for_other_blocking_or_another_size_is_not_used() -> None:
    rng = random.Random(3)
    docs = {f"d{k}": _doc_claims(rng, f"d{k}", 40) for k in range(30)}
    claims, states = _flat(docs)
    hashes = claim_hashes(claims)
    state = state_of(BlockIndex(claims, keep_all=True), list(hashes), states)
    assert isinstance(updated(state, claims, hashes, states), UpdatedIndex)
    assert updated(state, claims, hashes, states, BlockingConfig(max_posting=5)) is None
    more = claims + [_claim("z", k, {"x1"}, {"w1"}) for k in range(len(claims))]
    assert updated(state, more, claim_hashes(more), {**states, "z": "1"}) is None


def test_a_state_that_does_not_read_is_none() -> None:
    rng = random.Random(4)
    docs = {f"d{k}": _doc_claims(rng, f"d{k}", 40) for k in range(30)}
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    data = state.dump()
    assert IndexState.load({**data, "ent_w": data["ent_w"][:-1]}) is None
    assert IndexState.load({**data, "ent_w": array("q", data["ent"])}) is None  # its type
    assert IndexState.load({**data, "extra": 1}) is None
    assert IndexState.load({k: v for k, v in data.items() if k != "df"}) is None
    assert IndexState.load([1, 2]) is None
    assert IndexState.load({**data, "hashes": b"\0" * 8}) is None  # not an array
    runs, at = data["runs"], data["run_at"]
    assert IndexState.load({**data, "runs": 5}) is None
    assert IndexState.load({**data, "runs": [[r] for r in runs]}) is None
    assert IndexState.load({**data, "docs": [1]}) is None
    assert IndexState.load({**data, "run_ids": data["run_ids"][:-1]}) is None
    assert IndexState.load({**data, "run_at": array("q", [0, *at[2:], at[-1]])}) is None
    assert IndexState.load({**data, "run_at": array("q", [0, at[2], at[1], *at[3:]])}) is None


def test_doc_runs_are_the_claims_runs_of_one_document() -> None:
    def of(*docs: str) -> tuple[list[str], list[int]]:
        runs, at = doc_runs([_claim(d, k, set(), set()) for k, d in enumerate(docs)])
        return runs, list(at)

    assert of() == ([], [0])
    assert of("a") == (["a"], [0, 1])
    assert of("a", "a", "b", "a", "c", "c") == (["a", "b", "a", "c"], [0, 2, 3, 4, 6])


def test_kept_hashes_are_the_states_only_for_runs_of_the_same_claims() -> None:
    def claims_of(doc: str, ids: list[int]) -> list[NormClaim]:
        return [_claim(doc, k, set(), {f"w{k}"}) for k in ids]

    docs = {"d1": claims_of("d1", [0, 1]), "d2": claims_of("d2", [0]),
            "d3": claims_of("d3", [4]), "d5": claims_of("d5", [0, 1, 2])}
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    # Marked: a hash taken from the state is told from one made now.
    state.hashes = array("q", [x ^ 1 for x in state.hashes])
    marked = kept_hashes(state, claims, states)
    assert marked == state.hashes != claim_hashes(claims)
    # d1's claims renamed (as many, other ids), d2 dropped, d4 added, d5's claims in another
    # order: each hashed now, d3 alone taken from the state, whatever key d1 and d5 claim.
    docs["d1"] = claims_of("d1", [7, 8])
    del docs["d2"]
    docs["d4"] = claims_of("d4", [0, 1, 2])
    docs["d5"] = claims_of("d5", [2, 0, 1])
    claims, states = _flat(docs)
    for keys in (states, {**states, "d1": state.docs["d1"], "d5": state.docs["d5"]}):
        found = kept_hashes(state, claims, keys)
        made = claim_hashes(claims)
        assert [(c.doc, x == y) for c, x, y in zip(claims, found, made, strict=True)] == [
            ("d1", True), ("d1", True), ("d3", False), ("d4", True), ("d4", True),
            ("d4", True), ("d5", True), ("d5", True), ("d5", True)]
    # The same claims under another document key: hashed now.
    docs["d3"] = claims_of("d3", [4])
    claims, states = _flat(docs)
    assert kept_hashes(state, claims, {**states, "d3": "other"}) == claim_hashes(claims)
    # A document whose claims are two runs now (out of document order), one of them as long
    # as its run in the state: hashed.
    docs = {"d1": claims_of("d1", [0]), "d2": claims_of("d2", [0])}
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    state.hashes = array("q", [x ^ 1 for x in state.hashes])
    mixed = [*claims_of("d1", [0]), *claims, *claims_of("d2", [1])]
    mixed = [mixed[0], mixed[2], mixed[1], mixed[3]]  # d1, d2, d1, d2
    assert kept_hashes(state, mixed, states) == claim_hashes(mixed)


def test_a_state_whose_document_is_two_runs_gives_no_hash_of_it() -> None:
    claims = [_claim("d1", 0, set(), {"a"}), _claim("d2", 0, set(), {"a"}),
              _claim("d1", 1, set(), {"a"})]
    states = {"d1": "k1", "d2": "k2"}
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    assert state.runs == ["d1", "d2", "d1"]
    state.hashes = array("q", [x ^ 1 for x in state.hashes])
    for now in ([claims[0], claims[2], claims[1]],  # d1's claims one run of two
                [claims[2], claims[1]]):  # d1 one run, its claim the state's last run's
        found, made = kept_hashes(state, now, states), claim_hashes(now)
        assert list(found[:-1]) == list(made[:-1]) and found[-1] != made[-1]  # d2 kept


def test_a_rare_key_changing_hands_within_a_document_changes_its_block() -> None:
    # "k" is held by four claims (max_posting), so its block holds all four: three by an
    # entry, one of d5 only by holding it (its two rarest keys are others). The edit hands
    # "k" to the other claim of d5, again without an entry: no count moves, no entry
    # changes, and the block's members do.
    config = BlockingConfig(max_posting=4, top_keys=2, max_candidates=5)
    docs = {"d1": [_claim("d1", 0, set(), {"k", "a"})],
            "d2": [_claim("d2", 0, set(), {"k", "a"})],
            "d3": [_claim("d3", 0, set(), {"k", "b"}), _claim("d3", 1, set(), {"b"})],
            "d5": [_claim("d5", 0, set(), {"k", "r", "s"}), _claim("d5", 1, set(), {"p", "q"})],
            "d6": [_claim("d6", 0, set(), {"r", "s"}), _claim("d6", 1, set(), {"p", "q"})]}
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, config, keep_all=True), list(claim_hashes(claims)),
                     states)
    docs["d5"] = [_claim("d5", 0, set(), {"r", "s"}), _claim("d5", 1, set(), {"k", "p", "q"})]
    claims, states = _flat(docs)
    hashes = claim_hashes(claims)
    kept = updated(state, claims, hashes, states, config)
    fresh = BlockIndex(claims, config)
    assert kept is not None and kept.df == fresh.df == BlockIndex(_flat(docs)[0], config).df
    assert kept.searches(hashes) != state.searches  # the block's members moved
    _same(kept, fresh, list(hashes))


def test_a_rare_key_becoming_common_leaves_its_block_to_the_claims_of_its_entries() -> None:
    # "k" is held by 64 claims (max_posting): 63 by an entry, one (x) only by holding it,
    # so its block holds all 64. One more holder (y), again without an entry there, makes
    # it 65: the block keeps the 63 of its entries, and no weight moves (64 and 65 round
    # alike), so no entry is made again.
    def holder(doc: str, others: set[str]) -> list[NormClaim]:
        return [_claim(doc, 0, set(), {"k", *others}), _claim(doc, 1, set(), others)]

    docs = {f"d{k:02d}": [_claim(f"d{k:02d}", 0, set(), {"k", f"u{k}"})] for k in range(63)}
    docs["x"] = holder("x", {f"a{k}" for k in range(6)})
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    docs["y"] = holder("y", {f"b{k}" for k in range(6)})
    claims, states = _flat(docs)
    hashes = claim_hashes(claims)
    kept = updated(state, claims, hashes, states)
    fresh = BlockIndex(claims)
    assert kept is not None and kept.weights.key["t:k"] == fresh.weights.key["t:k"]
    _same(kept, fresh, list(hashes))


def test_a_state_on_disk_is_read_back_unless_damaged_or_foreign(tmp_path: Path) -> None:
    rng = random.Random(5)
    docs = {f"d{k}": _doc_claims(rng, f"d{k}", 40) for k in range(30)}
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    path = tmp_path / BLOCKS
    save_state(path, "fp", state)
    found = read_state(path, "fp")
    assert found is not None and found.dump() == state.dump()
    assert read_state(path, "other code") is None
    data = bytearray(path.read_bytes())
    data[-3] ^= 1  # a flipped byte: the seal fails before anything is decoded
    path.write_bytes(bytes(data))
    assert read_state(path, "fp") is None
    path.write_bytes(b"")
    assert read_state(path, "fp") is None
    assert read_state(tmp_path / "missing", "fp") is None
    # Without a state the index is built afresh, with what the next state needs.
    index = block_index(claims, None, claim_hashes(claims), read_state(path, "fp"), states)
    assert not isinstance(index, UpdatedIndex) and index.every is not None
    save_state(path, "fp", state)
    assert isinstance(block_index(claims, None, claim_hashes(claims), read_state(path, "fp"),
                                  states), UpdatedIndex)


def test_a_state_mostly_of_keys_no_claim_holds_is_built_afresh() -> None:
    # Every edit brings new keys and drops old ones: their ids are not reused, so past a
    # bound the index is built afresh (numbering only the keys held) instead of updated.
    rng = random.Random(6)
    docs = {f"d{k}": _doc_claims(rng, f"d{k}", 40) for k in range(30)}
    claims, states = _flat(docs)
    state = state_of(BlockIndex(claims, keep_all=True), list(claim_hashes(claims)), states)
    rounds = 0
    while True:
        rounds += 1
        doc = f"d{rounds % 30}"
        docs[doc] = [_claim(doc, k, {f"new{rounds}-{k}"}, {f"w{rounds}-{k}", "w1"})
                     for k in range(len(docs[doc]))]
        claims, states = _flat(docs)
        kept = updated(state, claims, claim_hashes(claims), states)
        if kept is None:
            assert len(state.names) > 2 * sum(1 for c in state.df if c) + 500
            break
        _same(kept, BlockIndex(claims), list(claim_hashes(claims)))
        state = kept.state
    assert rounds > 10


def _harsh_doc(rng: random.Random, doc: str, vocabulary: int, skew: int,
               most: int) -> list[NormClaim]:
    return [_claim(doc, k, {f"x{int(vocabulary * rng.random() ** skew)}"
                            for _ in range(rng.randint(0, 3))},
                   {f"w{int(vocabulary * rng.random() ** skew)}" for _ in range(rng.randint(0, 6))},
                   rng.choice(["positive", "negative"]))
            for k in rng.sample(range(50), rng.randint(1, most))]


def _harsh_edit(rng: random.Random, docs: Docs, vocabulary: int, skew: int, most: int) -> None:
    doc = rng.choice(sorted(docs))
    kind = rng.choice(["change", "add", "drop", "reorder", "rename", "one"])
    if kind == "add":
        new = f"d{rng.randrange(10**6):06d}"
        docs[new] = _harsh_doc(rng, new, vocabulary, skew, most)
    elif kind == "drop" and len(docs) > 2:
        del docs[doc]
    elif kind == "reorder":  # the same claims in another order
        docs[doc] = rng.sample(docs[doc], len(docs[doc]))
    elif kind == "rename":  # the same claims under another document id: new hashes
        new = f"d{rng.randrange(10**6):06d}"
        docs[new] = [_claim(new, int(c.claim_id[1:]), set(c.entities), set(c.tokens),
                            c.polarity) for c in docs.pop(doc)]
    elif kind == "one":  # one claim keeps its id (its hash) and gains or loses a word
        claims = list(docs[doc])
        k = rng.randrange(len(claims))
        c = claims[k]
        tokens = set(c.tokens) ^ {f"w{int(vocabulary * rng.random() ** skew)}"}
        claims[k] = _claim(doc, int(c.claim_id[1:]), set(c.entities), tokens, c.polarity)
        docs[doc] = claims
    else:
        docs[doc] = _harsh_doc(rng, doc, vocabulary, skew, most)


@pytest.mark.parametrize("seed", range(40))
def test_an_index_kept_through_harsh_random_chains_is_a_fresh_one(seed: int) -> None:
    # Tiny bounds, small vocabularies, claims shuffled across documents, several edits a
    # step (a review's fuzzing, 1,000 seeds and 11,724 updates without a difference).
    rng = random.Random(seed)
    config = BlockingConfig(max_posting=rng.choice([2, 3, 4, 6, 64]),
                            top_keys=rng.choice([1, 2, 3, 6]),
                            max_candidates=rng.choice([1, 3, 24]),
                            min_shared=rng.choice([0.0, 1.0, 3.0]))
    vocabulary, skew, most = rng.choice([5, 10, 20, 60]), rng.choice([1, 2, 3]), \
        rng.choice([1, 4, 15])
    shuffle = rng.random() < 0.3
    docs = {f"d{k:06d}": _harsh_doc(rng, f"d{k:06d}", vocabulary, skew, most)
            for k in range(rng.randint(3, 40))}

    def flat() -> tuple[list[NormClaim], dict[str, str], list[int]]:
        claims, states = _flat(docs)
        if shuffle:
            rng.shuffle(claims)
        return claims, states, list(claim_hashes(claims))

    claims, states, hashes = flat()
    state = state_of(BlockIndex(claims, config, keep_all=True), hashes, states)
    for _ in range(rng.randint(5, 20)):
        for _ in range(rng.randint(1, 3)):
            _harsh_edit(rng, docs, vocabulary, skew, most)
        claims, states, hashes = flat()
        assert list(kept_hashes(state, claims, states)) == hashes
        kept = updated(state, claims, array("q", hashes), states, config)
        fresh = BlockIndex(claims, config, keep_all=True)
        if kept is None:
            assert corpus_size(len(claims)) != state.n
            state = state_of(fresh, hashes, states)
            continue
        _same(kept, fresh, hashes)
        state = kept.state
        assert _canonical(state) == _canonical(state_of(fresh, hashes, states))
