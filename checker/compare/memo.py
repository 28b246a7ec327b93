"""Repeated statements are judged once per run.

Syndicated copies, wire stories and house style repeat the same sentence across many
documents; two pairs whose claims say exactly the same things get exactly the same verdict.
A claim's content key is everything `judge` reads from it (text, entities, slots, polarity,
modality, and the mentions and predicates at offsets relative to the claim), and nothing
that locates it (document, id, span). `judge` reads one thing of their places, whether the
two claims are in one document (a correction note and what it corrects), so pairs within
one document are not remembered (`compare.kept_verdicts`). The verdict also depends on the
corpus statistics, which are fixed within one run, so a memo lives for one comparison and is
never stored.

Only claims whose content occurs more than once can repeat a pair, so only their pairs are
remembered: the memo stays small on a corpus without repetition.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import fields
from operator import attrgetter

from checker.compare.verdict import Verdict
from checker.normclaim import NormClaim

UNIQUE = -1


# Every field of a normalised claim but those that locate it (and `keys`, derived from the
# entities and tokens); mentions and predicates enter with offsets relative to the claim.
# Derived from the dataclass, so a field added to NormClaim is part of the key by itself
# (but its own business, `_rest`: the row a claim from the cache is decoded from).
_LOCATION = frozenset({"doc", "claim_id", "span", "keys", "key", "_rest"})
_RELATIVE = frozenset({"mentions", "predicates"})
_PLAIN = attrgetter(*[f.name for f in fields(NormClaim) if f.name not in _LOCATION | _RELATIVE])


def content_key(c: NormClaim) -> Hashable:
    """What the verdict of a pair can depend on, for one claim, free of its location."""
    start = c.span[0]
    return (_PLAIN(c),
            tuple((m.id, m.role, m.start - start, m.end - start) for m in c.mentions),
            tuple((p, s - start, e - start) for p, s, e in c.predicates))


def content_ids(claims: Sequence[NormClaim]) -> array[int]:
    """For each claim, the id of its content when another claim shares it, else UNIQUE."""
    # The text is part of the content: a claim whose text no other claim has (121,000 of
    # 200,000 generated claims) needs no key, a deep tuple hashed partly in Python.
    texts = Counter(c.text for c in claims)
    first: dict[Hashable, int] = {}
    ids = array("l", [UNIQUE]) * len(claims)
    shared = array("b", [0]) * len(claims)
    for i, c in enumerate(claims):
        if texts[c.text] < 2:
            continue
        cid = first.setdefault(content_key(c), i)
        ids[i] = cid
        if cid != i:
            shared[cid] = 1
    for i, cid in enumerate(ids):
        if cid != UNIQUE and not shared[cid]:
            ids[i] = UNIQUE
    return ids


class VerdictMemo:
    """Verdicts of pairs of repeated contents, keyed by the ordered pair of content ids."""

    def __init__(self, ids: Sequence[int]) -> None:
        self.ids = ids
        self.verdicts: dict[tuple[int, int], Verdict] = {}
        self.hits = 0

    def key(self, i: int, j: int) -> tuple[int, int] | None:
        """The memo key of pair (i, j), or None when the pair cannot repeat."""
        x, y = self.ids[i], self.ids[j]
        return None if x == UNIQUE or y == UNIQUE else (x, y)

    def get(self, key: tuple[int, int] | None) -> Verdict | None:
        """The remembered verdict, if any."""
        if key is None:
            return None
        found = self.verdicts.get(key)
        self.hits += found is not None
        return found

    def put(self, key: tuple[int, int] | None, verdict: Verdict) -> None:
        """Remember a verdict (pairs that cannot repeat are not stored)."""
        if key is not None:
            self.verdicts[key] = verdict
