"""Candidate search without all pairs: an inverted index over entities and frame words.

Each claim is indexed under its keys ("e:<entity>", "t:<stem>") and under pairs of its
rarest keys. A claim is compared only with the claims found through its own keys whose
posting lists are short (at most `max_posting`); a key shared by half the corpus
("e:china") is used only in pairs with rarer keys, so it never brings back the square.
Work per claim is bounded by (keys + key pairs) x max_posting, independent of corpus size.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from checker.normalize import NormClaim


@dataclass(frozen=True)
class BlockingConfig:
    """Bounds of the candidate search."""

    max_posting: int = 64
    top_keys: int = 6
    max_candidates: int = 24
    min_shared: float = 1.0


def claim_keys(claim: NormClaim) -> list[str]:
    """The index keys of a claim: canonical entities and frame stems."""
    return [f"e:{e}" for e in sorted(claim.entities)] + [f"t:{t}" for t in sorted(claim.tokens)]


class BlockIndex:
    """Inverted index with document frequencies; immutable once built."""

    def __init__(self, claims: Sequence[NormClaim], config: BlockingConfig | None = None):
        self.config = config or BlockingConfig()
        self.claims = claims
        self.n = max(1, len(claims))
        keys = [claim_keys(c) for c in claims]
        self.df: Counter[str] = Counter(k for ks in keys for k in set(ks))
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.query_keys: list[list[tuple[str, float]]] = []
        for i, ks in enumerate(keys):
            # A key only this claim has finds nothing; entities outrank words at equal rarity.
            shared = [k for k in set(ks) if self.df[k] > 1]
            rare = sorted(shared, key=lambda k: (self.df[k] * (1 if k[0] == "e" else 2), k))[
                : self.config.top_keys]
            entries = [(k, self.idf(k)) for k in rare]
            entries += [
                (f"{a}|{b}", self.idf(a) + self.idf(b))
                for a, b in combinations(sorted(rare), 2)
            ]
            for key, _ in entries:
                self.postings[key].append(i)
            self.query_keys.append(entries)

    def specific(self, key: str) -> bool:
        """A key rare enough to identify a fact (not "China" in half the corpus)."""
        return self.df.get(key, 0) <= max(3, int(0.05 * self.n))

    def idf(self, key: str) -> float:
        """Inverse document frequency of a key (over claims)."""
        return math.log((self.n + 1) / (self.df.get(key, 0) + 1)) + 1.0

    def candidates(self, i: int) -> list[int]:
        """The best candidates for claim i: share a short block, ranked by shared weight."""
        score: dict[int, float] = defaultdict(float)
        for key, weight in self.query_keys[i]:
            posting = self.postings[key]
            if len(posting) > self.config.max_posting:
                continue
            for j in posting:
                if j != i:
                    score[j] += weight
        ranked = sorted(
            (j for j, s in score.items() if s >= self.config.min_shared),
            key=lambda j: (-score[j], j),
        )
        return ranked[: self.config.max_candidates]

    def pairs(self, indices: Sequence[int] | None = None) -> Iterator[tuple[int, int]]:
        """Candidate pairs (i < j), each once, in a deterministic order."""
        seen: set[tuple[int, int]] = set()
        for i in indices if indices is not None else range(len(self.claims)):
            for j in self.candidates(i):
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
