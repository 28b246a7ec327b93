"""The state of a block index, kept across runs for the next to update
(`checker.compare.keptindex`): its arrays, how a fresh index gives them, and the file
that holds them (`blocks.marshal`, sealed and marshalled: `checker.sealedfile`)."""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, islice, repeat
from operator import attrgetter, ne
from pathlib import Path
from typing import Any

from checker.compare.blocking import BlockIndex, BlockingConfig
from checker.normclaim import NormClaim
from checker.sealedfile import read_sealed, write_sealed

BLOCKS = "blocks.marshal"  # beside the verdict store (`store.VerdictFile`)
FORMAT = 3  # 2: the claims' runs by document (`runs`, `run_at`); 3: arrays written raw


@dataclass
class IndexState:
    """A run's block index, position-free where positions would move: claims are named by
    their hash (`store.claim_hashes`), keys by an id that a later run never renumbers
    (new keys are added at the end), blocks by `blocking.pair_id` of those ids. Flat
    arrays with offsets hold one slice per claim, in that run's claim order."""

    config: tuple[int, int, int, float]
    n: float
    names: list[str]  # key id -> key
    df: array[int]  # key id -> claims holding it (0: no claim does any more)
    docs: dict[str, str]  # document -> the key of its normalised claims that run
    hashes: array[int]  # claim -> hash
    searches: array[int]  # claim -> search hash (`BlockIndex.searches`)
    raw_at: array[int]  # claim -> where its keys start in `raw`
    raw: array[int]  # each claim's key ids, sorted
    ent_at: array[int]  # claim -> where its entries start in `ent` and `ent_w`
    ent: array[int]  # each claim's entries (block ids), rarest first, then pairs
    ent_w: array[float]  # each entry's weight
    kent_at: array[int]  # the same for the entries whose block is kept
    kent: array[int]
    kent_w: array[float]
    inv_b: array[int]  # every entry as (block, claim hash), sorted
    inv_h: array[int]
    post_b: array[int]  # each kept block (sorted), where its members start, its members'
    post_at: array[int]  # hashes (sorted): the claims holding the entry, and those that
    post_h: array[int]  # hold a rare key (at most max_posting claims) of the key's block
    runs: list[str]  # the claims' documents, one per run of claims of one document
    run_at: array[int]  # run -> where its claims start (and the end)
    run_ids: list[str]  # run -> its claims' ids, in order, joined by NUL

    def dump(self) -> dict[str, Any]:
        """The state as `checker.sealedfile` writes it (its arrays raw)."""
        return dict(self.__dict__)

    @classmethod
    def load(cls, data: Any) -> IndexState | None:
        """The state `dump` gave; None when it does not read as one."""
        try:
            state = cls(**data)
            return state if state.fits() else None
        except (TypeError, ValueError, AttributeError, IndexError):
            return None

    def fits(self) -> bool:
        """Whether the arrays agree in length (a state no run wrote does not)."""
        claims = len(self.hashes)
        arrays = [(getattr(self, name), code) for name, code in _ARRAYS]
        typed = all(type(found) is array and found.typecode == code for found, code in arrays) \
            and type(self.names) is list and type(self.docs) is dict \
            and type(self.runs) is list and type(self.run_ids) is list \
            and all(type(x) is str for x in (*self.runs, *self.run_ids)) \
            and len(self.run_ids) == len(self.runs) \
            and all(a < b for a, b in zip(self.run_at, self.run_at[1:], strict=False))
        return typed and (len(self.df) == len(self.names) and len(self.searches) == claims
                and all(len(at) == claims + 1 and at[0] == 0 and at[-1] == len(flat)
                        for at, flat in ((self.raw_at, self.raw), (self.ent_at, self.ent),
                                         (self.kent_at, self.kent)))
                and len(self.ent_w) == len(self.ent) and len(self.kent_w) == len(self.kent)
                and len(self.inv_b) == len(self.inv_h) == len(self.ent)
                and len(self.post_at) == len(self.post_b) + 1
                and (not self.post_b or self.post_at[-1] == len(self.post_h))
                and len(self.run_at) == len(self.runs) + 1 and self.run_at[0] == 0
                and self.run_at[-1] == claims)


# Each array of a state and its type code.
_ARRAYS = (("df", "q"), ("hashes", "q"), ("searches", "q"), ("raw_at", "q"), ("raw", "q"),
           ("ent_at", "q"), ("ent", "q"), ("ent_w", "d"), ("kent_at", "q"), ("kent", "q"),
           ("kent_w", "d"), ("inv_b", "q"), ("inv_h", "q"), ("post_b", "q"), ("post_at", "q"),
           ("post_h", "q"), ("run_at", "q"))


def claim_ids(claims: Sequence[NormClaim]) -> list[str]:
    """Each claim's id, in order."""
    return list(map(_ID, claims))


def joined_ids(ids: Sequence[str], start: int, end: int) -> str:
    """A run's entry of `IndexState.run_ids`: the ids of claims start..end-1 (`claim_ids`),
    joined by NUL."""
    return "\0".join(ids[start:end])


def runs_of(claims: Sequence[NormClaim]) -> tuple[list[str], array[int], list[str]]:
    """A state's runs of claims: their documents, where each starts, their claims' ids."""
    runs, at = doc_runs(claims)
    ids = claim_ids(claims)
    return runs, at, [joined_ids(ids, a, b) for a, b in zip(at, at[1:], strict=False)]


def doc_runs(claims: Sequence[NormClaim]) -> tuple[list[str], array[int]]:
    """The claims' runs of one document each: their documents, and where each starts (then
    the end)."""
    docs = list(map(_DOC, claims))
    at = array("q", [0])
    if not docs:
        return [], at
    # Where the document changes, found in C (56,000 claims: 2 ms, not 30).
    at.extend(compress(range(1, len(docs)), map(ne, docs, islice(docs, 1, None))))
    runs = list(map(docs.__getitem__, at))
    at.append(len(docs))
    return runs, at


_DOC = attrgetter("doc")
_ID = attrgetter("claim_id")


def config_of(config: BlockingConfig) -> tuple[int, int, int, float]:
    """What of the blocking a state was made with."""
    return (config.max_posting, config.top_keys, config.max_candidates, config.min_shared)


def state_of(index: BlockIndex, hashes: Sequence[int], docs: Mapping[str, str]) -> IndexState:
    """The state of a fresh index built with `keep_all` (`hashes`: its claims')."""
    if index.every is None:
        raise ValueError("the index was built without its entries (keep_all)")
    names, ent, ent_w, starts, keep = index.every
    ids = {k: i for i, k in enumerate(names)}
    raw, raw_at = array("q"), array("q", [0])
    for c in index.claims:
        raw.extend(sorted(map(ids.__getitem__, c.keys)))
        raw_at.append(len(raw))
    owners = array("q")
    for i, (start, end) in enumerate(zip(starts, starts[1:], strict=False)):
        owners.extend(repeat(hashes[i], end - start))
    order = sorted(range(len(ent)), key=lambda k: (ent[k], owners[k]))
    post_b, post_at, post_h = array("q"), array("q", [0]), array("q")
    for b in sorted(index.postings):
        post_b.append(b)
        post_h.extend(sorted(hashes[j] for j in index.postings[b]))
        post_at.append(len(post_h))
    return IndexState(
        config_of(index.config), index.n, list(names),
        array("q", map(index.df.__getitem__, names)), dict(docs), array("q", hashes),
        index.searches(hashes), raw_at, raw, array("q", starts), array("q", ent),
        array("d", ent_w), array("q", index._offsets), array("q", index._keys),
        array("d", index._key_weights), array("q", [ent[k] for k in order]),
        array("q", [owners[k] for k in order]), post_b, post_at, post_h,
        *runs_of(index.claims))


def save_state(path: Path, fingerprint: str, state: IndexState) -> None:
    """Write the state (`checker.sealedfile`); one that cannot be written is skipped (the
    next run builds its index afresh)."""
    write_sealed(path, f"blocks {FORMAT}", fingerprint, state.dump())


def read_state(path: Path, fingerprint: str) -> IndexState | None:
    """The state `save_state` wrote with this fingerprint; None when missing, foreign or
    damaged."""
    data = read_sealed(path, f"blocks {FORMAT}", fingerprint)
    return IndexState.load(data) if data is not None else None
