"""Corroborating pairs into groups of claims that state one fact.

Corroboration is not transitive: A confirms B and B confirms C does not make A confirm C.
Grouping by connected pairs lets chains of near-miss verdicts grow with the corpus: at
200,000 generated claims one group held 7,187 claims of 6,746 different templated
sentences ("Analysts in China expect the harbour to ... as the payment improves"), useless
to an editor and quadratic to count origins in. So the unit is a *statement*: claims with
the same content (`compare.memo.content_key`: text, slots and mentions, not the place) are
one statement wherever they are, and a group is one statement with the statements that
corroborate it directly (a star, not a chain).

A fact repeated in many documents stays one group: its copies are one statement however
many candidate lists the blocking cut them into, and its variants (a misspelling, a
paraphrase) are joined to it by a corroborating pair of theirs.

Deterministic: statements are taken most-connected first, ties by their first claim's key.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import NamedTuple

from checker.compare.memo import content_key
from checker.normclaim import NormClaim


class Grouped(NamedTuple):
    """Groups of claims, each a statement and the statements joined directly to it, in order
    of their centre; and for each pair (in the order given) the groups of its two claims."""

    groups: list[list[NormClaim]]
    sides: list[tuple[int, int]]


def statement_groups(pairs: Sequence[tuple[NormClaim, NormClaim]]) -> list[list[NormClaim]]:
    """The claims of corroborating pairs, grouped: each group a statement and the
    statements a pair of theirs joins directly to it. Groups in order of their centre."""
    return grouped(pairs).groups


def grouped(pairs: Iterable[tuple[NormClaim, NormClaim]]) -> Grouped:
    """`statement_groups`, with the groups each pair's claims fell in."""
    statements = _Statements()
    neighbours = statements.neighbours
    seen = statements.seen
    of = statements.of
    sides: list[tuple[int, int]] = []
    for a, b in pairs:
        # A claim is in many pairs: the dict by object, inline, spares most calls to `of`.
        sa = seen.get(id(a))
        if sa is None:
            sa = of(a)
        sb = seen.get(id(b))
        if sb is None:
            sb = of(b)
        sides.append((sa, sb))
        if sa != sb:
            neighbours[sa].add(sb)
            neighbours[sb].add(sa)
    members = statements.members
    first = [min(m) for m in members]
    # Most connected first, ties by first key: sorted by key, then (stable, reverse keeps
    # ties in order) by degree; two sorts of plain values, not one of tuples made in Python.
    order = sorted(range(len(members)), key=first.__getitem__)
    order.sort(key=[len(n) for n in neighbours].__getitem__, reverse=True)
    group_of = [-1] * len(members)
    groups: list[list[NormClaim]] = []
    for centre in order:
        if group_of[centre] >= 0:
            continue
        star = [centre] + sorted((s for s in neighbours[centre] if group_of[s] < 0),
                                 key=first.__getitem__)
        for s in star:
            group_of[s] = len(groups)
        groups.append([c for s in star for c in members[s].values()])
    return Grouped(groups, [(group_of[sa], group_of[sb]) for sa, sb in sides])


class _Statements:
    """Statement ids by content, with each statement's claims (by key) and neighbours."""

    def __init__(self) -> None:
        self.members: list[dict[str, NormClaim]] = []
        self.neighbours: list[set[int]] = []
        # By object: a claim is in many pairs, and its content key is a deep tuple.
        self.seen: dict[int, int] = {}
        # Statements by text, each with the content key of its first claim (made when a
        # second claim of the text comes): claims of two texts never share a content key
        # (the text is part of it), so a claim whose text no other claim has (a third of
        # them) is never keyed, and the rest are compared with the few of their text
        # rather than hashed (a key holds dataclasses, hashed in Python).
        self._texts: dict[str, list[tuple[int, NormClaim]]] = {}
        self._keys: dict[int, Hashable] = {}

    def of(self, claim: NormClaim) -> int:
        """The statement id of a claim, registering the claim under it."""
        sid = self.seen.get(id(claim))
        if sid is None:
            sid = self.seen[id(claim)] = self._statement(claim)
            self.members[sid].setdefault(claim.key, claim)
        return sid

    def _statement(self, claim: NormClaim) -> int:
        same_text = self._texts.get(claim.text)
        if same_text is None:
            sid = self._new()
            self._texts[claim.text] = [(sid, claim)]
            return sid
        key = content_key(claim)
        for sid, first in same_text:
            known = self._keys.get(sid)
            if known is None:
                known = self._keys[sid] = content_key(first)
            if known == key:
                return sid
        sid = self._new()
        same_text.append((sid, claim))
        self._keys[sid] = key
        return sid

    def _new(self) -> int:
        self.members.append({})
        self.neighbours.append(set())
        return len(self.members) - 1
