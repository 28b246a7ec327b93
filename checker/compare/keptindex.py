"""The block index kept across runs and updated around an edit (docs/distributed.md, "The
rebuild a tenth needs", stage 1).

A fresh `BlockIndex` reads every claim: the count of each key, each claim's entries (its
rarest keys and their pairs), the members of every kept block, and each claim's search hash.
After an edit, nearly all of it is what the last run made. A claim's entries read only the
counts of its own keys (and the corpus size); a block's members only the entries of its
claims (and, for a rare key's own block, which claims hold the key). So the last run's index
is kept (`checker.compare.indexstate`), and a run makes again only what the edit
reaches:

- the claims of a document whose normalised claims changed leave, and its new claims come;
- the claims holding a key whose count moved have their entries made again;
- every block an entry leaves or joins, and the block of each rare key whose holders changed,
  is counted and filled again;
- the search hash is made again for every claim with an entry in such a block.

Everything else is copied from the last run. The index is the one a fresh build gives: the
same candidates for every claim and the same search hashes (tests/compare/test_keptindex.py,
after random edits). When the state does not apply (another corpus size, blocking or code),
the index is built afresh. The state is marshalled, like the normalised claims
(`checker.normcodec`): the cache directory is trusted as `__pycache__` is.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from itertools import combinations, compress, repeat

from checker.compare.blocking import (
    PAIR_SHIFT,
    BlockIndex,
    BlockingConfig,
    Weights,
    corpus_size,
    member_sum,
    pair_id,
    rounded_count,
    search_hash,
)
from checker.compare.indexstate import (
    IndexState,
    claim_ids,
    config_of,
    doc_runs,
    joined_ids,
    runs_of,
    state_of,
)
from checker.compare.slices import spliced
from checker.compare.store import claim_hashes
from checker.normclaim import NormClaim

_SINGLE = 1 << PAIR_SHIFT  # ids below are keys' own blocks, above pairs of keys
_NOT = bytes([1]) + bytes(255)  # byte table: 0 -> 1, any other -> 0
_SLACK = 1000  # ids of keys held by no claim a state may keep beyond as many as are held


class _Postings(Mapping[int, "array[int]"]):
    """Each kept block's members, as claim positions: those an edit reached made now, the
    others read from the kept state when first asked for."""

    def __init__(self, state: IndexState, made: dict[int, array[int]],
                 at: Mapping[int, int]) -> None:
        self._state, self._made, self._at = state, made, at

    def __getitem__(self, block: int) -> array[int]:
        found = self._made.get(block)
        if found is not None:
            return found
        start, end = _span(self._state.post_b, self._state.post_at, block)
        if start == end:
            raise KeyError(block)
        found = self._made[block] = array("q", sorted(map(
            self._at.__getitem__, self._state.post_h[start:end])))
        return found

    def __iter__(self) -> Iterator[int]:
        raise TypeError("a kept index's postings are looked up, not listed")

    def __len__(self) -> int:
        raise TypeError("a kept index's postings are looked up, not counted")


class UpdatedIndex(BlockIndex):
    """A `BlockIndex` made from the last run's state and an edit (`updated`), not built."""

    searched: array[int]  # each claim's search hash, for the claims' own hashes
    hashes: array[int]
    # This run's state, for the next: made when asked for (by the process that writes it,
    # while this one compares).
    _next: Callable[[], IndexState]

    @property
    def state(self) -> IndexState:
        """This run's state, for the next run."""
        return self._next()

    _edit: _Edit

    def holding(self, keys: Collection[str]) -> list[int]:
        """The claims (positions, in order) that hold any of the keys, found without reading
        the keys of the last run's claims (`_Edit.key_ids`)."""
        ids = self._edit.ids
        return self._edit.holding({ids[k] for k in keys if k in ids})

    def searches(self, hashes: Sequence[int]) -> array[int]:
        """The search hashes, made with the update (for the claims' own hashes only)."""
        if array("q", hashes) != self.hashes:
            raise ValueError("a kept index's searches are for its claims' own hashes")
        return self.searched


def _span(blocks: array[int], at: array[int], block: int) -> tuple[int, int]:
    """Where a sorted block list's slices hold `block` (start == end: nowhere)."""
    k = bisect_left(blocks, block)
    if k < len(blocks) and blocks[k] == block:
        return at[k], at[k + 1]
    return 0, 0


class _Edit:
    """What an edit changes, worked out in steps (`updated`)."""

    def __init__(self, state: IndexState, claims: Sequence[NormClaim], hashes: array[int],
                 docs: Mapping[str, str], config: BlockingConfig) -> None:
        self.state, self.claims, self.hashes, self.config = state, claims, hashes, config
        self.docs = docs
        self.n = state.n
        self.names = list(state.names)
        self.ids = {k: i for i, k in enumerate(self.names)}
        self.df = array("q", state.df)
        changed = {d for d, key in docs.items() if state.docs.get(d) != key}
        of_doc = [c.doc for c in claims]
        changed.update(set(of_doc).difference(docs))
        # Each claim's place in the last run, or -1: a new claim, or one of a document
        # whose normalised claims changed (same hash, maybe other keys).
        where = array("q", map(dict(zip(state.hashes, range(len(state.hashes)),
                                        strict=True)).get, hashes, repeat(-1)))
        if changed:
            for i in compress(range(len(claims)), map(changed.__contains__, of_doc)):
                where[i] = -1
        self.where = where
        matched = bytearray(len(state.hashes))
        for a in where:
            if a >= 0:
                matched[a] = 1
        if sum(matched) != len(where) - where.count(-1):
            raise ValueError("two claims of one hash")
        self.gone = [a for a, m in enumerate(matched) if not m]
        self.fresh = [i for i, a in enumerate(where) if a < 0]
        self.now_at: dict[int, int] | None = None  # a kept claim's last place -> its place
        self.fresh_keys: dict[int, list[int]] = {}  # a new claim's key ids, sorted (`count`)
        self.at = {x: i for i, x in enumerate(hashes)}
        if len(self.at) != len(hashes):
            raise ValueError("two claims of one hash")

    def count(self) -> set[int]:
        """Counts moved by the claims gone and come, and the new claims' key ids
        (`fresh_keys`); the keys whose holders changed."""
        state, df, touched = self.state, self.df, set()
        for a in self.gone:
            for k in state.raw[state.raw_at[a]:state.raw_at[a + 1]]:
                df[k] -= 1
                touched.add(k)
        fresh_keys: dict[int, list[int]] = {}
        for i in self.fresh:
            kids = []
            for key in self.claims[i].keys:
                if key not in self.ids:
                    self.ids[key] = len(self.names)
                    self.names.append(key)
                    df.append(0)
                k = self.ids[key]
                kids.append(k)
                df[k] += 1
                touched.add(k)
            fresh_keys[i] = sorted(kids)
        self.fresh_keys = fresh_keys
        return touched

    def key_ids(self, i: int) -> list[int]:
        """The ids of a claim's keys: a claim of the last run holds its keys then, as the
        state lists them (a document's state determines its claims as compared), so that
        a claim the cache gave back is not decoded (`normcodec.load_lazy_claims`)."""
        a = self.where[i]
        if a >= 0:
            return list(self.state.raw[self.state.raw_at[a]:self.state.raw_at[a + 1]])
        return self.fresh_keys[i]

    def holding(self, keys: set[int]) -> list[int]:
        """The claims (positions, in order) that hold any of the keys."""
        if not keys:
            return []
        state = self.state
        # The last run's claims by the state's key lists (in C), then the new claims.
        olds = {bisect_right(state.raw_at, p) - 1
                for p in compress(range(len(state.raw)), map(keys.__contains__, state.raw))}
        if self.now_at is None:
            self.now_at = {a: i for i, a in enumerate(self.where) if a >= 0}
        found = {self.now_at[a] for a in olds if a in self.now_at}
        found.update(i for i in self.fresh if not keys.isdisjoint(self.fresh_keys[i]))
        return sorted(found)

    def idf(self, k: int) -> float:
        """A key's weight, as `blocking.Weights` computes it."""
        return math.log((self.n + 1) / (rounded_count(self.df[k]) + 1)) + 1.0

    def entries(self, keys: Sequence[int]) -> tuple[list[int], list[float]]:
        """A claim's entries and their weights, as `BlockIndex._entries` makes them."""
        df, names = self.df, self.names
        shared = [k for k in keys if df[k] > 1]
        shared.sort(key=lambda k: (df[k] * (1 if names[k][0] == "e" else 2), names[k]))
        ranked = shared[:self.config.top_keys]
        blocks, weights = list(ranked), [self.idf(k) for k in ranked]
        if len(ranked) > 1:
            for a, b in combinations(sorted(ranked, key=names.__getitem__), 2):
                blocks.append(pair_id(a, b))
                weights.append(self.idf(a) + self.idf(b))
        return blocks, weights


def updated(state: IndexState, claims: Sequence[NormClaim], hashes: array[int],
            docs: Mapping[str, str], config: BlockingConfig | None = None
            ) -> UpdatedIndex | None:
    """The index of `claims` (hashed `hashes`; `docs`: each document's normalisation key)
    made from the last run's `state`; None when the state does not apply."""
    config = config or BlockingConfig()
    if state.config != config_of(config) or state.n != corpus_size(len(claims)):
        return None
    try:
        return _updated(_Edit(state, claims, hashes, docs, config))
    except (KeyError, ValueError, IndexError):
        return None  # a state no run of this code wrote for these claims


def _updated(edit: _Edit) -> UpdatedIndex:
    state, limit, where, hashes = edit.state, edit.config.max_posting, edit.where, edit.hashes
    touched = edit.count()
    if len(edit.names) > 2 * (len(edit.names) - edit.df.count(0)) + _SLACK:
        # Ids of keys no claim holds any more are never reused: a fresh build, which
        # numbers only the keys held, keeps the state from growing without end.
        raise ValueError("most key ids are of keys no claim holds")
    old_df = state.df
    moved = {k for k in touched if k >= len(old_df) or edit.df[k] != old_df[k]}
    # A rare key's own block holds every claim that holds the key: its holders changed.
    rare = {k for k in touched
            if edit.df[k] <= limit or (k < len(old_df) and old_df[k] <= limit)}
    # Entries made again: the new claims', and those of claims holding a key whose count
    # moved (taken only when they come out otherwise).
    made: dict[int, tuple[list[int], list[float]]] = {
        i: edit.entries(edit.fresh_keys[i]) for i in edit.fresh}
    for i in edit.holding(moved):
        a = where[i]
        if a < 0:
            continue
        blocks, weights = edit.entries(edit.key_ids(i))
        start, end = state.ent_at[a], state.ent_at[a + 1]
        if array("q", blocks) != state.ent[start:end] or \
                array("d", weights) != state.ent_w[start:end]:
            made[i] = (blocks, weights)
    # Claims (hashes) leaving and joining each block.
    leave: dict[int, set[int]] = {}
    join: dict[int, set[int]] = {}
    for a in edit.gone:
        for b in state.ent[state.ent_at[a]:state.ent_at[a + 1]]:
            leave.setdefault(b, set()).add(state.hashes[a])
    for i, (blocks, _) in made.items():
        a = where[i]
        if a >= 0:
            for b in state.ent[state.ent_at[a]:state.ent_at[a + 1]]:
                leave.setdefault(b, set()).add(hashes[i])
        for b in blocks:
            join.setdefault(b, set()).add(hashes[i])
    kept_now, own_now, recheck = _blocks(edit, set(leave) | set(join) | rare, leave, join)
    members = _members(edit, kept_now, own_now)
    recheck.update(made)
    index = UpdatedIndex.__new__(UpdatedIndex)
    _fill(index, edit, made, kept_now, members, recheck)
    index._next = lambda: _next_state(edit, index, made, own_now, members)
    index._edit = edit
    return index


def _own(state: IndexState, block: int) -> set[int]:
    """The claims (hashes) whose entries held the block in the last run."""
    start, end = bisect_left(state.inv_b, block), bisect_right(state.inv_b, block)
    return set(state.inv_h[start:end])


def _blocks(edit: _Edit, touched: set[int], leave: dict[int, set[int]],
            join: dict[int, set[int]]
            ) -> tuple[dict[int, bool], dict[int, set[int]], set[int]]:
    """Each touched block: whether it is kept now, the claims (hashes) whose entries hold
    it now, and the claims (positions) whose search reads it, now or before."""
    limit, at = edit.config.max_posting, edit.at
    kept_now: dict[int, bool] = {}
    own_now: dict[int, set[int]] = {}
    recheck: set[int] = set()
    for b in touched:
        before = _own(edit.state, b)
        now = (before - leave.get(b, set())) | join.get(b, set())
        kept_now[b], own_now[b] = 1 < len(now) <= limit, now
        if kept_now[b] or 1 < len(before) <= limit:
            recheck.update(at[x] for x in now)
    return kept_now, own_now, recheck


def _members(edit: _Edit, kept_now: Mapping[int, bool], own_now: Mapping[int, set[int]]
             ) -> dict[int, array[int]]:
    """Each touched block kept now, its members (positions, in order): the claims whose
    entries hold it, and for a rare key's block every claim that holds the key."""
    limit = edit.config.max_posting
    rare = [b for b, kept in kept_now.items() if kept and b < _SINGLE and edit.df[b] <= limit]
    holders: dict[int, list[int]] = {b: [] for b in rare}
    if rare:
        # A rare key's own block is numbered by the key's id.
        for i in edit.holding(set(rare)):
            for k in edit.key_ids(i):
                if k in holders:
                    holders[k].append(i)
    return {b: array("q", holders[b] if b in holders
                     else sorted(map(edit.at.__getitem__, own_now[b])))
            for b, kept in kept_now.items() if kept}


def _fill(index: UpdatedIndex, edit: _Edit, made: dict[int, tuple[list[int], list[float]]],
          kept_now: Mapping[int, bool], members: dict[int, array[int]],
          recheck: set[int]) -> None:
    """Set the index's fields as `BlockIndex.__init__` sets them."""
    state, where = edit.state, edit.where
    index.config, index.claims, index.n = edit.config, edit.claims, edit.n
    index._by_doc, index._mixed_docs = None, frozenset()
    index.df = Counter({k: c for k, c in zip(edit.names, edit.df, strict=True) if c > 0})
    index.idf = index.weights = Weights(index.df, index.n)
    specific_max = max(3, int(0.05 * index.n))
    index._common = frozenset(k for k, c in index.df.items()
                              if rounded_count(c) > specific_max)
    index.every = None
    # Each claim's kept entries: the last run's slices, or those made again.
    kept_made: dict[int, tuple[list[int], list[float]]] = {}
    for i in recheck:
        a = where[i]
        if i in made:
            blocks, weights = made[i]
        else:
            blocks = list(state.ent[state.ent_at[a]:state.ent_at[a + 1]])
            weights = list(state.ent_w[state.ent_at[a]:state.ent_at[a + 1]])
        kept_before = set(state.kent[state.kent_at[a]:state.kent_at[a + 1]]) \
            if a >= 0 else set()
        flags = [kept_now.get(b, b in kept_before) for b in blocks]
        kept_made[i] = (list(compress(blocks, flags)), list(compress(weights, flags)))
    index._keys, index._key_weights, index._offsets = spliced(
        where, state.kent_at, (state.kent, state.kent_w), kept_made)
    index.postings = _Postings(state, dict(members), edit.at)  # type: ignore[assignment]
    index.hashes = edit.hashes
    index.searched = _searched(edit, kept_made, members)


def _member_sum(state: IndexState, members: Mapping[int, array[int]], hashes: array[int],
                block: int) -> int:
    """The sum of a kept block's members' hashes, as `BlockIndex.searches` reads it."""
    found = members.get(block)
    if found is not None:
        return member_sum(map(hashes.__getitem__, found))
    start, end = _span(state.post_b, state.post_at, block)
    if start == end:
        raise KeyError(block)
    return member_sum(state.post_h[start:end])


def _searched(edit: _Edit, kept_made: Mapping[int, tuple[list[int], list[float]]],
              members: Mapping[int, array[int]]) -> array[int]:
    """Each claim's search hash: the last run's, or made again (`BlockIndex.searches`)."""
    state, hashes = edit.state, edit.hashes
    out = array("q", [state.searches[a] if a >= 0 else 0 for a in edit.where])
    for i, (blocks, weights) in kept_made.items():
        sums = array("q", [_member_sum(state, members, hashes, b) for b in blocks])
        out[i] = search_hash(array("d", weights).tobytes(), sums.tobytes())
    return out


def _next_state(edit: _Edit, index: UpdatedIndex,
                made: Mapping[int, tuple[list[int], list[float]]],
                own_now: Mapping[int, set[int]],
                members: Mapping[int, array[int]]) -> IndexState:
    """This run's state, for the next: the last run's, with what the edit made."""
    state, hashes = edit.state, edit.hashes
    ent, ent_w, ent_at = spliced(edit.where, state.ent_at, (state.ent, state.ent_w), made)
    raw_made = {i: (edit.fresh_keys[i],) for i in edit.fresh}
    raw, raw_at = spliced(edit.where, state.raw_at, (state.raw,), raw_made)
    inv_b, inv_h = array("q"), array("q")
    post_b, post_at, post_h = array("q"), array("q", [0]), array("q")
    start = post_start = 0
    for b in sorted(own_now):
        # Every entry by block: the last run's up to this block, then this block's now.
        end = bisect_left(state.inv_b, b, start)
        inv_b.extend(state.inv_b[start:end])
        inv_h.extend(state.inv_h[start:end])
        start = bisect_right(state.inv_b, b, end)
        inv_b.extend(repeat(b, len(own_now[b])))
        inv_h.extend(sorted(own_now[b]))
        # The kept blocks: the last run's up to this one, then this one if it is kept.
        k = bisect_left(state.post_b, b, post_start)
        _copy_posts(state, post_start, k, post_b, post_at, post_h)
        post_start = k + 1 if k < len(state.post_b) and state.post_b[k] == b else k
        if b in members:
            post_b.append(b)
            post_h.extend(sorted(map(hashes.__getitem__, members[b])))
            post_at.append(len(post_h))
    inv_b.extend(state.inv_b[start:])
    inv_h.extend(state.inv_h[start:])
    _copy_posts(state, post_start, len(state.post_b), post_b, post_at, post_h)
    return IndexState(state.config, edit.n, edit.names, edit.df, dict(sorted(edit.docs.items())),
                      array("q", hashes), index.searched, raw_at, raw, ent_at,
                      ent, ent_w, array("q", index._offsets),
                      array("q", index._keys), array("d", index._key_weights),
                      inv_b, inv_h, post_b, post_at, post_h, *runs_of(edit.claims))


def _copy_posts(state: IndexState, first: int, last: int, post_b: array[int],
                post_at: array[int], post_h: array[int]) -> None:
    """Kept blocks first..last-1 of the last run's, copied as they are."""
    if first >= last:
        return
    shift = len(post_h) - state.post_at[first]
    post_b.extend(state.post_b[first:last])
    post_h.extend(state.post_h[state.post_at[first]:state.post_at[last]])
    post_at.extend([x + shift for x in state.post_at[first + 1:last + 1]])


# -- in the cache --------------------------------------------------------------------------

def block_index(claims: Sequence[NormClaim], config: BlockingConfig | None,
                hashes: array[int], state: IndexState | None,
                docs: Mapping[str, str]) -> BlockIndex:
    """The index of the claims: the last run's `state` (`indexstate.read_state`) updated
    when it applies, else built afresh with every entry (`keep_all`), for `kept_state`."""
    if state is not None:
        found = updated(state, claims, hashes, docs, config)
        if found is not None:
            return found
    return BlockIndex(claims, config, keep_all=True)


def kept_hashes(state: IndexState, claims: Sequence[NormClaim],
                docs: Mapping[str, str]) -> array[int]:
    """Each claim's hash (`store.claim_hashes`, 0.1 s at 56,000 claims): the state's for a
    run of a document's claims whose ids, in order, and document key (`docs`) are the ones
    the state was made from; made now for the others, and for a document whose claims are
    not one run, then or now."""
    then: dict[str, int | None] = {}
    for k, doc in enumerate(state.runs):
        then[doc] = None if doc in then else k
    runs, run_at = doc_runs(claims)
    twice = {doc for doc, n in Counter(runs).items() if n > 1}
    ids = claim_ids(claims)
    out = array("q")
    for k, doc in enumerate(runs):
        start, end = run_at[k], run_at[k + 1]
        was = then.get(doc)
        if was is not None and doc not in twice and docs.get(doc) is not None \
                and state.docs.get(doc) == docs[doc] \
                and state.run_at[was + 1] - state.run_at[was] == end - start \
                and joined_ids(ids, start, end) == state.run_ids[was]:
            out.extend(state.hashes[state.run_at[was]:state.run_at[was + 1]])
        else:
            out.extend(claim_hashes(claims[start:end]))
    return out


def kept_state(index: BlockIndex, hashes: Sequence[int],
               docs: Mapping[str, str]) -> IndexState | None:
    """What the next run updates: the state an update made, or one of a fresh index built
    with every entry (None: built without)."""
    if isinstance(index, UpdatedIndex):
        return index.state
    return state_of(index, hashes, docs) if index.every is not None else None


