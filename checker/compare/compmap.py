"""The last run's corroborating components, carried whole into an edited re-run.

An edited re-run at 10,000 documents carries 53,000 corroborating verdicts from the store
(`checker.compare.incremental`), and grouping reads them by component
(`checker.compare.components`): it found every component and hashed each one's pairs into
its name, to learn that all but the few an edit reaches were the last run's, whose findings
the group memo keeps (`checker.groupmemo`). That was a third of the comparison process's
time. So a run that keeps its components writes, beside the verdict store, which component
each corroborating pair was in (by pair code), each component's claims, name and
documents, and the state (digest, origin) of those documents. The next run carries a
component whole, without making its pairs, when:

- none of its pairs was dropped (a pair touching a claim that is gone or unsettled), so
  all of them are carried with the last run's verdicts and copy flags;
- no corroboration found afresh touches one of its claims, or a claim of the same text
  (components join claims of one text), so no pair joins it;
- each of its documents has the digest and the origin it had;
- its name is one the group memo keeps under the same store.

Its pairs are then the last run's, in the same order (settled claims keep their order and
their candidates), so its name and groups are the last run's: the name is carried and its
findings are the memo's. Every other pair is made and reduced as before
(tests/compare/test_compmap.py compares carried and full splits on random edits).

The file is sealed (`checker.sealedfile`) and names the store it was written beside: a
map that is not the store's, or that does not read, carries nothing.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, islice, repeat
from operator import attrgetter, lt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.compare.independence import document_origins
from checker.compare.store import Related, VerdictFile, pair_code
from checker.normclaim import NormClaim
from checker.sealedfile import read_sealed, write_sealed

if TYPE_CHECKING:
    from checker.compare.components import Reuse
    from checker.compare.pairs import MapKeeper

COMPONENTS = "components.marshal"  # beside the verdict store (`store.VerdictFile`)
FORMAT = 1
_TEXT = attrgetter("text")
_DOC = attrgetter("doc")


@dataclass
class ComponentMap:
    """Which component each corroborating pair and claim of a run was in, with each
    component's name ("" for none: never carried) and documents, and those documents'
    (digest, origin); `token` names the store the pairs' verdicts are in."""

    token: str
    codes: array[int]  # sorted pair codes
    comps: array[int]  # the component of each
    claims: array[int]  # sorted claim hashes
    claim_comps: array[int]  # the component of each
    names: list[str]
    docs: list[tuple[str, ...]]
    states: dict[str, tuple[str, str]]

    def comp_of_claim(self, x: int) -> int:
        """The component of the claim hashed x, or -1."""
        at = bisect_left(self.claims, x)
        return self.claim_comps[at] if at < len(self.claims) and self.claims[at] == x else -1


def read_map(path: Path, fingerprint: str) -> ComponentMap | None:
    """The map `write_map` left at path with this fingerprint; None when it is missing,
    foreign, damaged or not one in shape."""
    data: Any = read_sealed(path, f"components {FORMAT}", fingerprint)
    try:
        found = ComponentMap(data["run"], data["codes"], data["comps"], data["claims"],
                             data["claim_comps"], data["names"],
                             [tuple(d) for d in data["docs"]],
                             {d: (s[0], s[1]) for d, s in data["states"].items()})
    except (TypeError, KeyError, IndexError, AttributeError):
        return None
    n = len(found.names)
    arrays = (found.codes, found.comps, found.claims, found.claim_comps)
    if not (isinstance(found.token, str) and all(type(a) is array and a.typecode == "q"
                                                 for a in arrays)
            and len(found.codes) == len(found.comps)
            and len(found.claims) == len(found.claim_comps) and len(found.docs) == n
            and all(type(x) is str for x in found.names)
            and all(_within(a, n) for a in (found.comps, found.claim_comps))
            and all(map(lt, found.claims, islice(found.claims, 1, None)))):  # bisected
        return None
    return found


def _within(values: array[int], n: int) -> bool:
    return not values or (min(values) >= 0 and max(values) < n)


def write_map(path: Path, fingerprint: str, found: ComponentMap) -> None:
    """Write the map; one that cannot be written is skipped (the next run carries none)."""
    write_sealed(path, f"components {FORMAT}", fingerprint, {
        "run": found.token, "codes": found.codes, "comps": found.comps,
        "claims": found.claims, "claim_comps": found.claim_comps, "names": found.names,
        "docs": [list(d) for d in found.docs],
        "states": {d: list(s) for d, s in sorted(found.states.items())}})


@dataclass
class Carry:
    """The components carried whole: `skip` marks their pairs among the carried verdicts
    (not made), `names` are theirs (in the map's order), `origins` this run's documents'
    (worked out with every copy, carried or not); `found` is the map they were carried
    from, `clean` their numbers in it."""

    skip: bytes
    names: list[str]
    origins: dict[str, str]
    found: ComponentMap
    clean: list[int]

    def kept(self) -> ComponentMap:
        """Their part of the next run's map (made by the process writing it)."""
        return _renumbered(self.found, self.clean)


def carry(found: ComponentMap, codes: Sequence[int], stay: bytes, staying: Related,
          fresh: Iterable[Any], claims: Sequence[NormClaim], hashes: Sequence[int],
          at: Mapping[int, int], known: frozenset[str], digests: Mapping[str, str],
          declared: Mapping[str, str | None]) -> Carry:
    """What of the map carries into this run: `codes` are the last run's related verdicts'
    pair codes, `stay` marks (1) those carried, `staying` their columns, `fresh` the
    results found afresh (`PairResult`s), `hashes` and `at` this run's claim hashes by
    index and indices by hash."""
    where = dict(zip(found.codes, found.comps, strict=True))
    comp_of = array("q", map(where.get, codes, repeat(-1)))
    # A component that lost a pair, or that a corroboration found afresh may join.
    dirty = set(compress(comp_of, bytes(stay).translate(_NOT)))
    joining = [r for r in fresh if r.verdict.label == "corroboration"]
    # Their claims, and every claim of the same text (each end is one of those).
    texts = {c.text for r in joining for c in (r.a, r.b)}
    for x in compress(hashes, map(texts.__contains__, map(_TEXT, claims))):
        dirty.add(found.comp_of_claim(x))
    dirty.discard(-1)
    origins = _origins(staying, claims, at, joining, declared)
    changed = {d for d, (digest, origin) in found.states.items()
               if digests.get(d) != digest or origins.get(d, d) != origin}
    if changed:
        dirty.update(k for k, docs in enumerate(found.docs) if not changed.isdisjoint(docs))
    clean = [k for k, name in enumerate(found.names)
             if k not in dirty and name and name in known]
    skip = bytes(map(set(clean).__contains__, compress(comp_of, stay)))
    return Carry(skip, [found.names[k] for k in clean], origins, found, clean)


# Byte table: 0 -> 1 and any other -> 0 (not).
_NOT = bytes([1]) + bytes(255)


def _origins(staying: Related, claims: Sequence[NormClaim], at: Mapping[int, int],
             joining: Sequence[Any], declared: Mapping[str, str | None]) -> dict[str, str]:
    """`document_origins` of every corroboration's copies, carried or found afresh, as the
    reduce step counts them (`pairs.reduce_pairs`)."""
    # 22,000 copies at 10,000 documents: looked up through C, not one Python step each.
    places = [k for k, v in zip(compress(range(len(staying.copies)), staying.copies),
                                map(staying.verdicts.__getitem__,
                                    compress(range(len(staying.copies)), staying.copies)),
                                strict=True) if v.label == "corroboration"]
    firsts, seconds = (map(_DOC, map(claims.__getitem__, map(at.__getitem__,
                                                               map(column.__getitem__, places))))
                       for column in (staying.xs, staying.ys))
    copies = list(zip(firsts, seconds, strict=True))
    copies += [(r.a.doc, r.b.doc) for r in joining if r.copy]
    return document_origins(declared, copies)


def _renumbered(found: ComponentMap, clean: Sequence[int]) -> ComponentMap:
    """The map's part of the components carried, numbered in the order of `clean`."""
    renumber = {k: n for n, k in enumerate(clean)}
    codes = array("q", compress(found.codes, map(renumber.__contains__, found.comps)))
    comps = array("q", map(renumber.__getitem__,
                           compress(found.comps, map(renumber.__contains__, found.comps))))
    keep = bytes(map(renumber.__contains__, found.claim_comps))
    docs = [found.docs[k] for k in clean]
    held = {d for ds in docs for d in ds}
    return ComponentMap(found.token, codes, comps, array("q", compress(found.claims, keep)),
                        array("q", map(renumber.__getitem__, compress(found.claim_comps, keep))),
                        [found.names[k] for k in clean], docs,
                        {d: s for d, s in found.states.items() if d in held})


def next_map(token: str, parts: Sequence[tuple[str | None, Sequence[Any]]],
             kept: ComponentMap | None, hash_of: Callable[[str], int],
             digests: Mapping[str, str], origins: Mapping[str, str]) -> ComponentMap:
    """The map of this run: the components carried (`kept`), then those grouped or named
    this run (`parts`: each one's name and `PairResult`s); `hash_of` gives a claim key's
    store hash."""
    by_code: dict[int, int] = {}
    by_claim: dict[int, int] = {}
    names: list[str] = []
    docs: list[tuple[str, ...]] = []
    states: dict[str, tuple[str, str]] = {}
    if kept is not None:
        by_code.update(zip(kept.codes, kept.comps, strict=True))
        by_claim.update(zip(kept.claims, kept.claim_comps, strict=True))
        names += kept.names
        docs += kept.docs
        states.update(kept.states)
    for name, pairs in parts:
        k = len(names)
        names.append(name or "")
        held: set[str] = set()
        for r in pairs:
            x, y = hash_of(r.a.key), hash_of(r.b.key)
            by_code[pair_code(x, y)] = k
            by_claim[x] = by_claim[y] = k
            held.add(r.a.doc)
            held.add(r.b.doc)
        docs.append(tuple(sorted(held)))
        for d in held:
            states[d] = (digests.get(d, ""), origins.get(d, d))
    codes = array("q", sorted(by_code))
    claims = array("q", sorted(by_claim))
    return ComponentMap(token, codes, array("q", map(by_code.__getitem__, codes)), claims,
                        array("q", map(by_claim.__getitem__, claims)), names, docs, states)


def key_hashes(claims: Sequence[NormClaim], hashes: Sequence[int]) -> Callable[[str], int]:
    """A claim key's store hash, for the claims of this run (hashed by index)."""
    return dict(zip(map(attrgetter("key"), claims), hashes, strict=True)).__getitem__


def map_keeper(memory: VerdictFile | None, claims: Sequence[NormClaim],
               reuse: Reuse | None) -> MapKeeper | None:
    """What keeps this run's map beside its verdict store, for `pairs.reduce_pairs` (none
    without a store, or when the run names no components)."""
    if memory is None or reuse is None:
        return None
    digests = reuse.digests

    def write(named: list[tuple[str | None, list[Any]]], carried: Carry | None,
              origins: dict[str, str]) -> None:
        token, hashes = memory.kept_token, memory.hashes
        if token is None or hashes is None or len(hashes) != len(claims):
            return
        found = next_map(token, named, carried.kept() if carried is not None else None,
                         key_hashes(claims, hashes), digests, origins)
        write_map(memory.path.with_name(COMPONENTS), memory.fingerprint, found)

    def keep(named: list[tuple[str | None, list[Any]]], carried: Carry | None,
             origins: dict[str, str]) -> None:
        memory.beside(partial(write, named, carried, origins))

    return keep
