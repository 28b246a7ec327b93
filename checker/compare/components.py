"""Corroborating pairs by component, each named by what its groups read.

Grouping (`checker.compare.grouping`) decides inside a connected component: a pair joins
two statements, and claims of one content are one statement wherever they are. So a
component whose pairs, claims, documents and origins are the last run's, none of them
searched or judged again, has the last run's groups, and its findings can be the last
run's (`checker.groupmemo`): an edited re-run groups only the components the edit reaches.

Components here are joined by text as well as by pairs (one content has one text), which
makes them no finer than the true ones and needs no content key.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.compare.pairs import PairResult


@dataclass(frozen=True)
class Reuse:
    """What the last run's corroborations can be reused by: the components it kept
    (`known`, by name), the digest of each document (`findmemo.document_digests`) and the
    name of the verdict store it kept them beside (`token`). `unsettled`: the keys of the
    claims this run searched or judged again (none named: nothing is reused)."""

    known: frozenset[str]
    digests: Mapping[str, str]
    token: str | None
    unsettled: frozenset[str] | None = None

    def settled(self, unsettled: Collection[str], found_token: str | None) -> Reuse:
        """This reuse for a run that read the store named `found_token` and searched or
        judged the claims `unsettled` again; nothing known when the store is another's."""
        same = self.token is not None and found_token == self.token
        return Reuse(self.known if same else frozenset(), self.digests, self.token,
                     frozenset(unsettled))


@dataclass
class Split:
    """Corroborating pairs by component: the pairs whose components must be grouped (in
    the order given), each component's name, and the names of those reused."""

    fresh: list[PairResult] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    # Claim key -> its component's name, for the fresh pairs' claims.
    name_of: dict[str, str] = field(default_factory=dict)


def split(pairs: Sequence[PairResult], origins: Mapping[str, str], reuse: Reuse,
          carried: Sequence[str] = (),
          named: list[tuple[str | None, list[PairResult]]] | None = None) -> Split:
    """Components of `pairs`, named; those the last run kept and this run left alone are
    reused, the others' pairs are fresh. `carried`: the names of components carried whole
    (`compmap.carry`: reused, their pairs not among `pairs`); `named` is given each
    component's name and pairs."""
    out = Split(names=list(carried), reused=list(carried))
    unsettled = reuse.unsettled
    fresh_parts: list[int] = []
    for members in components(pairs):
        part = [pairs[k] for k in members]
        name = component_name(part, reuse.digests, origins)
        if named is not None:
            named.append((name, part))
        if name is not None:
            out.names.append(name)
        if name is not None and unsettled is not None and name in reuse.known and not any(
                r.a.key in unsettled or r.b.key in unsettled for r in part):
            out.reused.append(name)
            continue
        fresh_parts.extend(members)
        if name is not None:
            for r in part:
                out.name_of[r.a.key] = out.name_of[r.b.key] = name
    fresh_parts.sort()  # the pairs' own order: grouping sees what a full run gives it
    out.fresh = [pairs[k] for k in fresh_parts]
    # In one order whichever were carried: the group memo is the file a full split writes.
    out.names.sort()
    out.reused.sort()
    return out


def components(pairs: Sequence[PairResult]) -> list[list[int]]:
    """The pairs' indices by component (pairs joined through a claim or a text), each in
    order, components in order of their first pair."""
    # A claim has one text, and claims of one text are joined, so a claim's component is
    # its text's: texts are the nodes (numbered in C), and only the pairs join them.
    number: dict[str, int] = {}
    at = number.setdefault
    ends_a = [at(r.a.text, len(number)) for r in pairs]
    ends_b = [at(r.b.text, len(number)) for r in pairs]
    parent = list(range(len(number)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(ends_a, ends_b, strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    out: dict[int, list[int]] = {}
    for k, a in enumerate(ends_a):
        out.setdefault(find(a), []).append(k)
    return sorted(out.values(), key=lambda m: m[0])


def component_name(part: Sequence[PairResult], digests: Mapping[str, str],
                   origins: Mapping[str, str]) -> str | None:
    """A component named by what its groups and their findings read: its pairs in order
    (claims, copy flags), and each document's digest and origin. None when a document has
    no digest (its state is unknown: never reused)."""
    # One repr of the whole list (in C), not one per pair.
    h = blake2b(repr([(r.a.key, r.b.key, r.copy) for r in part]).encode(
        "utf-8", "surrogatepass"), digest_size=16)
    docs = {r.a.doc for r in part} | {r.b.doc for r in part}
    states = []
    for doc in sorted(docs):
        state = digests.get(doc)
        if state is None:
            return None
        states.append((doc, state, origins.get(doc, doc)))
    h.update(repr(states).encode("utf-8", "surrogatepass"))
    return h.hexdigest()
