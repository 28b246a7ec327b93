"""Source independence: copies and syndicated texts do not count as confirmation.

Two claims are copies when their texts are near-identical; two documents share an origin
when their metadata says so (`origin`) or when they share several copied claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from checker.textutil import fold

COPY_RATIO = 92.0
SYNDICATION_MIN_COPIES = 3


def is_copy(a: str, b: str) -> bool:
    """Near-identical wording (punctuation, quotes and case ignored)."""
    na, nb = " ".join(fold(a).lower().split()), " ".join(fold(b).lower().split())
    return fuzz.ratio(na, nb) >= COPY_RATIO


class UnionFind:
    """Disjoint sets over string keys; deterministic representatives (smallest key)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """Representative of x's set."""
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        """Merge the sets of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def document_origins(declared: Mapping[str, str | None],
                     copied_pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Origin of each document: declared `origin`, or shared with documents it copies."""
    uf = UnionFind()
    by_origin: dict[str, str] = {}
    for doc, origin in sorted(declared.items()):
        uf.find(doc)
        if origin:
            key = " ".join(origin.lower().split())
            if key in by_origin:
                uf.union(doc, by_origin[key])
            else:
                by_origin[key] = doc
    counts = Counter(tuple(sorted(p)) for p in copied_pairs if p[0] != p[1])
    for (a, b), n in sorted(counts.items()):
        if n >= SYNDICATION_MIN_COPIES:
            uf.union(a, b)
    return {doc: uf.find(doc) for doc in declared}


def count_origins(members: Iterable[tuple[str, str]], origins: Mapping[str, str]) -> int:
    """Independent origins among (document, text) members: same origin or copied text = one."""
    items = sorted(set(members))
    uf = UnionFind()
    for doc, _ in items:
        uf.find(origins.get(doc, doc))
    for i, (da, ta) in enumerate(items):
        for db, tb in items[i + 1:]:
            if da != db and is_copy(ta, tb):
                uf.union(origins.get(da, da), origins.get(db, db))
    return len({uf.find(origins.get(d, d)) for d, _ in items})
