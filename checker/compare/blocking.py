"""Candidate search without all pairs: an inverted index over entities and frame words.

Each claim is indexed under its keys ("e:<entity>", "t:<stem>") and under pairs of its
rarest keys. A claim is compared only with the claims found through its own keys whose
posting lists are short (at most `max_posting`); a key shared by half the corpus
("e:china") is used only in pairs with rarer keys, so it never brings back the square.
Work per claim is bounded by (keys + key pairs) x max_posting, independent of corpus size.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from hashlib import blake2b
from itertools import accumulate, chain, combinations, compress, pairwise, repeat
from math import fsum
from typing import NamedTuple

from checker.normclaim import LENT_ROLES, NormClaim, given_only

_MASK = (1 << 63) - 1
# Key pairs' ids: above every key's, and independent of how many keys there are, so that a
# kept index (`checker.compare.keptindex`) names the same pair the same way after an edit.
PAIR_SHIFT = 31


def pair_id(a: int, b: int) -> int:
    """The id of the block of keys a and b (a's name sorting first)."""
    return ((a + 1) << PAIR_SHIFT) | b


def search_hash(weights: bytes | memoryview, sums: bytes | memoryview) -> int:
    """63 bits of the hash of what a claim's candidate search reads: the weights of its
    entries in kept blocks, then those blocks' member sums (each as its array's bytes)."""
    h = blake2b(weights, digest_size=8)
    h.update(sums)
    return int.from_bytes(h.digest(), "little") & _MASK


def member_sum(hashes: Iterable[int]) -> int:
    """What a block's members add to the search hashes reading it: their hashes' sum."""
    return sum(hashes) & _MASK


@dataclass(frozen=True)
class BlockingConfig:
    """Bounds of the candidate search."""

    max_posting: int = 64
    top_keys: int = 6
    max_candidates: int = 24
    min_shared: float = 1.0


def corpus_size(claims: int) -> float:
    """The corpus size the weights see: the claim count rounded up to an eighth of an octave.

    Weights read `n`, so with the exact count every weight would move whenever one claim is
    added, and no verdict could be reused by the next run (`checker.compare.store`). Rounded,
    `n` stays put across small edits (steps of about 9%), and a weight moves only when its
    key's own count does.
    """
    return float(2.0 ** (math.ceil(8 * math.log2(max(1, claims))) / 8))


def rounded_count(count: int) -> float:
    """A key's count as the weights see it: rounded down to an eighth of an octave.

    Exact below five, then steps of about 9%: one more claim with "people" (6,000 of them)
    leaves its weight as it was, so a small edit moves the weights of few keys, and the
    verdicts of few claims must be judged again (`checker.compare.store`).
    """
    return 2.0 ** (math.floor(8 * math.log2(count)) / 8) if count > 0 else 0.0


def claim_keys(claim: NormClaim) -> list[str]:
    """The index keys of a claim: canonical entities and frame stems; not an entity only lent
    to it as its page's context (`normclaim.keys_of`, `pagetopic`)."""
    lent = given_only(claim.mentions, LENT_ROLES)
    return [f"e:{e}" for e in sorted(claim.entities - lent)] + \
        [f"t:{t}" for t in sorted(claim.tokens)]


class Totals(NamedTuple):
    """A claim's weights summed: entities (x1.5), frame words, keys as similarity weighs
    them, and keys as coverage weighs them."""

    entities: float
    tokens: float
    mixed: float
    keys: float


class Weights:
    """Per-key weights of one index, looked up rather than recomputed for every pair.

    Each value is computed with exactly the expression `BlockIndex.idf` uses, so sums over
    them are bit-identical to sums over `idf` calls in the same order.
    """

    def __init__(self, df: Counter[str], n: float) -> None:
        self.unseen = math.log((n + 1) / 1) + 1.0
        self.key: dict[str, float] = {k: math.log((n + 1) / (rounded_count(c) + 1)) + 1.0
                                      for k, c in df.items()}
        # Entities weigh 1.5 times their rarity (similarity), frame words their rarity.
        self.entity = {k[2:]: 1.5 * w for k, w in self.key.items() if k[0] == "e"}
        self.token = {k[2:]: w for k, w in self.key.items() if k[0] == "t"}
        # Similarity over "e:"/"t:" keys, with the entity factor (similarity.key_w).
        self.mixed = {k: 1.5 * w if k[0] == "e" else w for k, w in self.key.items()}
        # Each claim's weight totals, by object (the claim is kept, so its id is not reused).
        self._totals: dict[int, tuple[NormClaim, Totals]] = {}
        # Judging's per-claim facts (`facts.Facts`), kept with the index as the totals are:
        # `judge_pairs` is also called one pair at a time (parallel workers, incremental runs).
        self.judging: object = None

    def forget(self) -> None:
        """Drop the remembered totals and facts: they hold every claim judged so far."""
        self._totals = {}
        self.judging = None

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the remembered totals and facts (they would carry every claim
        along)."""
        return {**self.__dict__, "_totals": {}, "judging": None}

    def totals(self, c: NormClaim) -> Totals:
        """The sums of a claim's weights, as similarity and coverage take them, remembered:
        a claim is in a pair with each of its candidates. `fsum` is exact before its one
        rounding, so each total is the one a pair would sum."""
        found = self._totals.get(id(c))
        if found is not None and found[0] is c:
            return found[1]
        unseen = self.unseen
        made = Totals(fsum(map(self.entity.get, c.entities, repeat(1.5 * unseen))),
                      fsum(map(self.token.get, c.tokens, repeat(unseen))),
                      fsum(map(self.mixed.get, c.keys, repeat(unseen))),
                      fsum(map(self.key.get, c.keys, repeat(unseen))))
        self._totals[id(c)] = (c, made)
        return made

    def __call__(self, key: str) -> float:
        """Inverse document frequency of a key (over claims)."""
        return self.key.get(key, self.unseen)


def holding(claims: Sequence[NormClaim], keys: Collection[str]) -> list[int]:
    """The claims (positions, in order) that hold any of the keys."""
    wanted = frozenset(keys)
    return [i for i, c in enumerate(claims) if not wanted.isdisjoint(c.keys)]


class BlockIndex:
    """Inverted index with document frequencies; immutable once built. With `keep_all`,
    every entry is kept, not only those of kept blocks, for the state a next run updates
    (`checker.compare.keptindex`)."""

    def __init__(self, claims: Sequence[NormClaim], config: BlockingConfig | None = None,
                 keep_all: bool = False):
        self.config = config or BlockingConfig()
        self.claims = claims
        # Each document's claims, and the documents with both polarities: made on first use.
        self._by_doc: dict[str, list[int]] | None = None
        self._mixed_docs: frozenset[str] = frozenset()
        self.n = corpus_size(len(claims))
        # The claim_keys of each claim, as a set; counted in one call, not one per claim.
        self.df: Counter[str] = Counter(chain.from_iterable(c.keys for c in claims))
        # `idf` is the table itself: similarity recognises it and sums from its tables.
        self.idf = self.weights = Weights(self.df, self.n)
        specific_max = max(3, int(0.05 * self.n))
        self._common = frozenset(k for k, c in self.df.items() if rounded_count(c) > specific_max)
        # Keys and key pairs are ints (no pair-key strings). Each claim is searched by its
        # rarest keys and their pairs (its entries); a block is kept when it is shared and at
        # most max_posting long. Key ids follow the keys' sorted order, so sorting ids sorts
        # the keys.
        names = sorted(self.df)
        ids = {k: i for i, k in enumerate(names)}
        entry_keys, entry_weights, starts = self._entries(claims, names, ids)
        sizes = Counter(entry_keys)
        limit = self.config.max_posting
        good = {k for k, n in sizes.items() if 1 < n <= limit}
        del sizes
        # Which entries are kept, one byte each; the filtering and counting run in C.
        keep = bytes(map(good.__contains__, entry_keys))
        self._keys = array("l", compress(entry_keys, keep))
        self._key_weights = array("d", compress(entry_weights, keep))
        # Every entry, which are kept, and the keys by id: what a kept index starts from.
        self.every: tuple[list[str], array[int], array[float], list[int], bytes] | None = \
            (names, entry_keys, entry_weights, starts, keep) if keep_all else None
        del entry_keys, entry_weights
        self._offsets = array("l", accumulate((sum(keep[s:e]) for s, e in pairwise(starts)),
                                              initial=0))
        postings: dict[int, list[int]] = {}
        keys, offsets = self._keys, self._offsets
        for i in range(len(claims)):
            for kid in keys[offsets[i]:offsets[i + 1]]:
                postings.setdefault(kid, []).append(i)
        # A claim is found under every key of its own that a block is kept for, not only
        # under its own rarest: a long lede full of rare words ("PRAGUE (AP) — The populist
        # ANO movement of billionaire ... 78 of the 200 seats in the lower house ...") and a
        # short sentence of the same fact ("The ANO movement won 80 seats ... to the Czech
        # lower house") shared six keys and never met (a desk probe; docs/comparison.md).
        # Only keys of a kept block and at most max_posting claims are looked at: a set
        # intersection, in C, leaves each claim a few of its keys (200,000 claims: 0.2 s).
        posted = frozenset(k for k, n in self.df.items() if n <= limit and ids[k] in postings)
        for i, c in enumerate(claims):
            found = c.keys & posted
            if found:
                own = keys[offsets[i]:offsets[i + 1]]
                for k in found:
                    kid = ids[k]
                    if kid not in own:
                        postings[kid].append(i)
        self.postings: dict[int, array[int]] = {k: array("l", sorted(p))
                                                 for k, p in postings.items()}

    def _entries(self, claims: Sequence[NormClaim], names: list[str], ids: dict[str, int]
                 ) -> tuple[array[int], array[float], list[int]]:
        """Every claim's entries, flat: its `top_keys` rarest shared keys (rarest first), then
        the pairs of them (sorted), as key ids with their weights, and where each claim's
        entries start (one more than claims: the end)."""
        key_idf = [self.idf(k) for k in names]
        # Each shared key's place in the rarity order, from 1 (so that `filter` drops the
        # keys without one, in C), and its id by place: a claim's rarest keys are then its
        # smallest places, sorted without a key function.
        order = self._rarity_order()
        place = {k: p for p, k in enumerate(order, 1)}.get
        id_at = [-1, *(ids[k] for k in order)].__getitem__
        idf_of = key_idf.__getitem__
        top = self.config.top_keys
        keys, weights, starts = array("l"), array("d"), [0]
        for c in claims:
            ranked = list(map(id_at, sorted(filter(None, map(place, c.keys)))[:top]))
            keys.extend(ranked)
            weights.extend(map(idf_of, ranked))
            if len(ranked) > 1:
                pairs = list(combinations(sorted(ranked), 2))
                keys.extend([((a + 1) << PAIR_SHIFT) | b for a, b in pairs])
                weights.extend([key_idf[a] + key_idf[b] for a, b in pairs])
            starts.append(len(keys))
        return keys, weights, starts

    def _rarity_order(self) -> list[str]:
        """Every shared key, rarest first: a claim is searched by its first `top_keys`."""
        # A key only one claim has finds nothing; entities outrank words at equal rarity.
        df = self.df
        return sorted((k for k, c in df.items() if c > 1),
                      key=lambda k: (df[k] * (1 if k[0] == "e" else 2), k))

    def specific(self, key: str) -> bool:
        """A key rare enough to identify a fact (not "China" in half the corpus)."""
        return key not in self._common

    def holding(self, keys: Collection[str]) -> list[int]:
        """The claims (positions, in order) that hold any of the keys."""
        return holding(self.claims, keys)

    def candidates(self, i: int) -> list[int]:
        """The best candidates for claim i: share a short block, ranked by shared weight."""
        score: dict[int, float] = {}
        get = score.get
        postings, weights = self.postings, self._key_weights
        start, end = self._offsets[i], self._offsets[i + 1]
        for pos, key in enumerate(self._keys[start:end], start):
            weight = weights[pos]
            for j in postings[key]:
                if j != i:
                    score[j] = get(j, 0.0) + weight
        floor = self.config.min_shared
        # Highest score first, ties by index: as (-score, j) tuples, compared in C.
        ranked = sorted([(-s, j) for j, s in score.items() if s >= floor])
        cap = self.config.max_candidates
        found = [j for _, j in ranked[:cap]]
        if len(ranked) > cap and self._mixed(i):
            # Beyond the cap, the claims of its own document that deny what it says (or
            # assert what it denies) about a shared entity: a self-contradiction must not
            # depend on how many other sentences of the page share its words (a CI probe:
            # ten more sentences on the ISS hid a correction note). A change to either
            # claim changes their document, so the incremental path searches both again.
            # Read from the page's few claims, not the hundreds ranked below the cap.
            claims, c, top = self.claims, self.claims[i], set(found)
            extra = [(-score[j], j) for j in self._mates(i)
                     if j in score and score[j] >= floor and j not in top
                     and claims[j].polarity != c.polarity
                     and not c.entities.isdisjoint(claims[j].entities)]
            found += [j for _, j in sorted(extra)]
        return found

    def _mixed(self, i: int) -> bool:
        """Whether claim i's document has claims of both polarities (few pages do)."""
        if self._by_doc is None:
            by_doc: dict[str, list[int]] = {}
            polarities: dict[str, set[str]] = {}
            for k, claim in enumerate(self.claims):
                by_doc.setdefault(claim.doc, []).append(k)
                polarities.setdefault(claim.doc, set()).add(claim.polarity)
            self._by_doc = by_doc
            self._mixed_docs = frozenset(d for d, p in polarities.items() if len(p) > 1)
        return self.claims[i].doc in self._mixed_docs

    def _mates(self, i: int) -> list[int]:
        """The other claims of claim i's document (by index; `_mixed` made the table)."""
        assert self._by_doc is not None
        return [k for k in self._by_doc[self.claims[i].doc] if k != i]

    def by_rarest_key(self) -> array[int]:
        """Claim indices by each claim's first entry (its rarest key with a block), then by
        index: claims that find one another come together, so a slice of them reads fewer
        other claims (at 200,000 claims, two halves of the judging round touch 254,000
        claims instead of 378,000 in corpus order)."""
        keys, offsets = self._keys, self._offsets
        beyond = 1 << 62  # after every key and key-pair id
        first = [keys[offsets[i]] if offsets[i] < offsets[i + 1] else beyond
                 for i in range(len(self.claims))]
        return array("l", sorted(range(len(first)), key=first.__getitem__))

    def searches(self, hashes: Sequence[int]) -> array[int]:
        """For each claim, 63 bits of a hash of all its candidate search reads: the weight
        of each block it is searched by and the members of that block (by their `hashes`).
        Equal hashes, equal candidates (`checker.compare.incremental`)."""
        members = {kid: member_sum(map(hashes.__getitem__, p))
                   for kid, p in self.postings.items()}
        # Each claim hashes its slice of two flat buffers (its entries' weights, then the
        # member sums of their blocks), the bytes of one array per claim made before.
        weights = memoryview(self._key_weights).cast("B")
        sums = memoryview(array("q", map(members.__getitem__, self._keys))).cast("B")
        offsets = self._offsets
        out = array("q")
        for i in range(len(self.claims)):
            start, end = 8 * offsets[i], 8 * offsets[i + 1]
            out.append(search_hash(weights[start:end], sums[start:end]))
        return out

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Candidate pairs (i < j), each once, in a deterministic order."""
        return unique_pairs(self.candidates(i) for i in range(len(self.claims)))


def unique_pairs(candidates: Iterable[Sequence[int]]) -> Iterator[tuple[int, int]]:
    """Candidate lists of claims 0, 1, 2, ... to pairs (i < j), each once, in that order.

    (j, i) with j < i was produced at j exactly when i is among j's candidates, so the
    earlier lists (sorted, compact) stand in for a set of every pair seen (memory).
    """
    earlier: list[array[int]] = []
    for i, found in enumerate(candidates):
        for j in found:
            if j > i:
                yield i, j
            elif j < i:
                prior = earlier[j]
                at = bisect_left(prior, i)
                if at == len(prior) or prior[at] != i:
                    yield j, i
        earlier.append(array("l", sorted(found)))
