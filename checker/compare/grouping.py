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

from collections.abc import Hashable, Sequence

from checker.compare.memo import content_key
from checker.normclaim import NormClaim


def statement_groups(pairs: Sequence[tuple[NormClaim, NormClaim]]) -> list[list[NormClaim]]:
    """The claims of corroborating pairs, grouped: each group a statement and the
    statements a pair of theirs joins directly to it. Groups in order of their centre."""
    statements = _Statements()
    neighbours = statements.neighbours
    for a, b in pairs:
        sa, sb = statements.of(a), statements.of(b)
        if sa != sb:
            neighbours[sa].add(sb)
            neighbours[sb].add(sa)
    members = statements.members
    first = [min(m) for m in members]
    order = sorted(range(len(members)), key=lambda s: (-len(neighbours[s]), first[s]))
    taken = [False] * len(members)
    groups: list[list[NormClaim]] = []
    for centre in order:
        if taken[centre]:
            continue
        star = [centre] + sorted((s for s in neighbours[centre] if not taken[s]),
                                 key=first.__getitem__)
        for s in star:
            taken[s] = True
        groups.append([c for s in star for c in members[s].values()])
    return groups


class _Statements:
    """Statement ids by content, with each statement's claims (by key) and neighbours."""

    def __init__(self) -> None:
        self.ids: dict[Hashable, int] = {}
        self.members: list[dict[str, NormClaim]] = []
        self.neighbours: list[set[int]] = []
        # By object: a claim is in many pairs, and its content key is a deep tuple.
        self._seen: dict[int, int] = {}

    def of(self, claim: NormClaim) -> int:
        """The statement id of a claim, registering the claim under it."""
        sid = self._seen.get(id(claim))
        if sid is None:
            sid = self._seen[id(claim)] = self.ids.setdefault(content_key(claim), len(self.ids))
            if sid == len(self.members):
                self.members.append({})
                self.neighbours.append(set())
            self.members[sid].setdefault(claim.key, claim)
        return sid
