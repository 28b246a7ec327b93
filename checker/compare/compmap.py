"""The last run's corroborating components, carried whole into an edited re-run.

An edited re-run at 10,000 documents carries 53,000 corroborating verdicts from the store
(`checker.compare.incremental`), and grouping reads them by component
(`checker.compare.components`): it found every component and hashed each one's pairs into
its name, to learn that all but the few an edit reaches were the last run's, whose findings
the group memo keeps (`checker.groupmemo`). That was a third of the comparison process's
time. So a run that keeps its components writes, beside the verdict store, which component
each corroborating pair was in (by pair code), each component's claims, name and
documents, those documents' state (digest, origin), and how many copied statements each
pair of documents shares. The next run carries a component whole, without making its
pairs, when:

- none of its pairs was dropped (a pair touching a claim that is gone or unsettled), so
  all of them are carried with the last run's verdicts and copy flags;
- no corroboration found afresh touches one of its claims, or a claim of the same text
  (components join claims of one text), so no pair joins it;
- each of its documents has the digest and the origin it had;
- its name is one the group memo keeps under the same store.

Its pairs are then the last run's, in the same order (settled claims keep their order and
their candidates), so its name and groups are the last run's: the name is carried and its
findings are the memo's. Every other pair is made and reduced as before
(tests/compare/test_compmap.py compares carried and full splits on random edits). The
documents' origins are the last run's copies counted, less those of the pairs dropped,
plus those found afresh: what the reduce counts over every pair.

The file is sealed (`checker.sealedfile`) and names the store it was written beside: a
map that is not the store's, or that does not read, carries nothing.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, islice, repeat
from operator import attrgetter, le, lt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.compare.independence import copy_counts, origins_of
from checker.compare.store import Related, VerdictFile, pair_code
from checker.normclaim import NormClaim
from checker.sealedfile import read_sealed, write_sealed

if TYPE_CHECKING:
    from checker.compare.components import Reuse
    from checker.compare.pairs import MapKeeper

COMPONENTS = "components.marshal"  # beside the verdict store (`store.VerdictFile`)
FORMAT = 1
_TEXT = attrgetter("text")
_ARRAYS = ("codes", "comps", "claims", "claim_comps", "claim_docs", "comp_docs",
           "comp_doc_at", "copy_a", "copy_b", "copy_n")
_LISTS = ("names", "doc_names", "digests", "origins")
# Byte table: 0 -> 1 and any other -> 0 (not).
_NOT = bytes([1]) + bytes(255)


@dataclass
class ComponentMap:
    """A run's components, for the next run: `token` names the store they were kept beside.

    Pairs (sorted codes) and claims (sorted hashes) by component, with each claim's
    document; each component's name ("" for none: never carried) and documents (flat, by
    offsets); the documents' names, digests and origins; and the copies counted, by pair
    of documents (`independence.copy_counts`)."""

    token: str
    codes: array[int]
    comps: array[int]
    claims: array[int]
    claim_comps: array[int]
    claim_docs: array[int]
    names: list[str]
    comp_docs: array[int]
    comp_doc_at: array[int]
    doc_names: list[str]
    digests: list[str]
    origins: list[str]
    copy_a: array[int]
    copy_b: array[int]
    copy_n: array[int]

    def _claim_at(self, x: int) -> int:
        at = bisect_left(self.claims, x)
        return at if at < len(self.claims) and self.claims[at] == x else -1

    def comp_of_claim(self, x: int) -> int:
        """The component of the claim hashed x, or -1."""
        at = self._claim_at(x)
        return self.claim_comps[at] if at >= 0 else -1

    def doc_of_claim(self, x: int) -> str | None:
        """The document of the claim hashed x, if it is in a component."""
        at = self._claim_at(x)
        return self.doc_names[self.claim_docs[at]] if at >= 0 else None

    def docs_of(self, k: int) -> list[str]:
        """The documents of component k."""
        return [self.doc_names[d]
                for d in self.comp_docs[self.comp_doc_at[k]:self.comp_doc_at[k + 1]]]

    def copies(self) -> Counter[tuple[str, str]]:
        """The copies counted."""
        names = self.doc_names
        return Counter({(names[a], names[b]): n
                        for a, b, n in zip(self.copy_a, self.copy_b, self.copy_n, strict=True)})


def read_map(path: Path, fingerprint: str) -> ComponentMap | None:
    """The map `write_map` left at path with this fingerprint; None when it is missing,
    foreign, damaged or not one in shape."""
    data: Any = read_sealed(path, f"components {FORMAT}", fingerprint)
    try:
        found = ComponentMap(token=data["run"],
                             **{name: data[name] for name in (*_ARRAYS, *_LISTS)})
    except (TypeError, KeyError):
        return None
    return found if _whole(found) else None


def _whole(found: ComponentMap) -> bool:
    """Whether a map read is one in shape: every index in range, the sorted columns
    sorted (they are bisected), the columns of one length as long as each other."""
    arrays = [getattr(found, name) for name in _ARRAYS]
    lists = [getattr(found, name) for name in _LISTS]
    if not (type(found.token) is str and all(type(a) is array and a.typecode == "q"
                                             for a in arrays)
            and all(type(x) is list and all(type(v) is str for v in x) for x in lists)):
        return False
    n, docs, at = len(found.names), len(found.doc_names), found.comp_doc_at
    return (len(found.codes) == len(found.comps)
            and len(found.claims) == len(found.claim_comps) == len(found.claim_docs)
            and len(found.digests) == len(found.origins) == docs
            and len(found.copy_a) == len(found.copy_b) == len(found.copy_n)
            and len(at) == n + 1 and at[0] == 0 and at[-1] == len(found.comp_docs)
            and all(map(le, at, islice(at, 1, None)))
            and all(_within(a, n) for a in (found.comps, found.claim_comps))
            and all(_within(a, docs) for a in (found.claim_docs, found.comp_docs,
                                                found.copy_a, found.copy_b))
            and all(map(lt, found.claims, islice(found.claims, 1, None))))


def _within(values: array[int], n: int) -> bool:
    return not values or (min(values) >= 0 and max(values) < n)


def write_map(path: Path, fingerprint: str, found: ComponentMap) -> None:
    """Write the map; one that cannot be written is skipped (the next run carries none)."""
    value: dict[str, Any] = {"run": found.token}
    value.update((name, getattr(found, name)) for name in (*_ARRAYS, *_LISTS))
    write_sealed(path, f"components {FORMAT}", fingerprint, value)


@dataclass
class Carry:
    """The components carried whole: `skip` marks their pairs among the carried verdicts
    (not made), `names` are theirs (in the map's order); `origins` and `copies` are this
    run's (every copy counted, carried or not); `found` is the map they were carried from,
    `clean` their numbers in it."""

    skip: bytes
    names: list[str]
    origins: dict[str, str]
    copies: Counter[tuple[str, str]]
    found: ComponentMap
    clean: list[int]


def carry(found: ComponentMap, codes: Sequence[int], related: Related, stay: bytes,
          fresh: Iterable[Any], claims: Sequence[NormClaim], hashes: Sequence[int],
          known: frozenset[str], digests: Mapping[str, str],
          declared: Mapping[str, str | None]) -> Carry | None:
    """What of the map carries into this run: `codes` are the last run's related verdicts'
    pair codes, `related` those verdicts, `stay` marks (1) those carried, `fresh` the
    results found afresh (`PairResult`s), `hashes` this run's claim hashes by index. None
    when the map and the store do not hold the same pairs (nothing is carried)."""
    where = dict(zip(found.codes, found.comps, strict=True))
    comp_of = array("q", map(where.get, codes, repeat(-1)))
    if len(comp_of) - comp_of.count(-1) != len(found.codes):
        return None  # a pair the store does not hold: not this store's map
    gone = bytes(stay).translate(_NOT)
    # A component that lost a pair, or that a corroboration found afresh may join.
    dirty = set(compress(comp_of, gone))
    joining = [r for r in fresh if r.verdict.label == "corroboration"]
    # Their claims, and every claim of the same text (each end is one of those).
    texts = {c.text for r in joining for c in (r.a, r.b)}
    for x in compress(hashes, map(texts.__contains__, map(_TEXT, claims))):
        dirty.add(found.comp_of_claim(x))
    dirty.discard(-1)
    copies = _copies(found, related, gone, joining)
    if copies is None:
        return None
    origins = origins_of(declared, copies)
    changed = {d for d, (name, digest, origin) in enumerate(zip(
        found.doc_names, found.digests, found.origins, strict=True))
        if digests.get(name) != digest or origins.get(name, name) != origin}
    if changed:
        at = found.comp_doc_at
        dirty.update(bisect_right(at, k) - 1 for k in compress(
            range(len(found.comp_docs)), map(changed.__contains__, found.comp_docs)))
    clean = [k for k, name in enumerate(found.names)
             if k not in dirty and name and name in known]
    skip = bytes(map(set(clean).__contains__, compress(comp_of, stay)))
    return Carry(skip, [found.names[k] for k in clean], origins, copies, found, clean)


def _copies(found: ComponentMap, related: Related, gone: bytes,
            joining: Sequence[Any]) -> Counter[tuple[str, str]] | None:
    """This run's copies counted (`independence.copy_counts`): the last run's, less those
    of the corroborations dropped (their documents read from the map: their claims may be
    gone), plus those found afresh; None when the map lacks a dropped one."""
    dropped: list[tuple[str, str]] = []
    for k in compress(range(len(gone)), map(min, gone, related.copies)):
        if related.verdicts[k].label != "corroboration":
            continue
        a, b = found.doc_of_claim(related.xs[k]), found.doc_of_claim(related.ys[k])
        if a is None or b is None:
            return None
        dropped.append((a, b))
    counts = found.copies()
    counts.subtract(copy_counts(dropped))
    counts.update(copy_counts((r.a.doc, r.b.doc) for r in joining if r.copy))
    return counts


def next_map(token: str, parts: Sequence[tuple[str | None, Sequence[Any]]],
             carried: Carry | None, hash_of: Callable[[str], int],
             digests: Mapping[str, str], origins: Mapping[str, str],
             copies: Mapping[tuple[str, str], int]) -> ComponentMap:
    """The map of this run: the components carried, then those grouped or named this run
    (`parts`: each one's name and `PairResult`s); `hash_of` gives a claim key's store
    hash; `copies` are this run's copies counted. The carried part is copied column by
    column in C (an edited run at 10,000 documents carries 53,000 pairs and 37,000 claims)."""
    names = list(carried.names) if carried is not None else []
    new_codes: dict[int, int] = {}
    new_claims: dict[int, tuple[int, str]] = {}
    new_docs: list[list[str]] = []
    for k, (name, pairs) in enumerate(parts, start=len(names)):
        names.append(name or "")
        for r in pairs:
            x, y = hash_of(r.a.key), hash_of(r.b.key)
            new_codes[pair_code(x, y)] = k
            new_claims[x], new_claims[y] = (k, r.a.doc), (k, r.b.doc)
        new_docs.append(sorted({d for r in pairs for d in (r.a.doc, r.b.doc)}))
    kept = _kept_columns(carried)
    held = [kept.docs[d] for d in set(kept.claim_docs)]  # a component's are its claims'
    doc_names = sorted({*held, *(d for docs in new_docs for d in docs),
                        *(d for pair in copies for d in pair)})
    number = {d: n for n, d in enumerate(doc_names)}
    table = array("q", [number.get(d, -1) for d in kept.docs])
    codes, comps = _with(kept.codes, kept.comps, new_codes.items())
    # Claims are unique: both columns take the new ones at the same places.
    claims, claim_comps = _with(kept.claims, kept.claim_comps,
                                ((x, k) for x, (k, _) in new_claims.items()))
    _, claim_docs = _with(kept.claims, array("q", map(table.__getitem__, kept.claim_docs)),
                          ((x, number[d]) for x, (_, d) in new_claims.items()))
    comp_docs = array("q", map(table.__getitem__, kept.comp_docs))
    offsets = array("q", kept.comp_doc_at)
    for docs in new_docs:
        comp_docs.extend(number[d] for d in docs)
        offsets.append(len(comp_docs))
    counted = [(a, b, n) for (a, b), n in sorted(copies.items()) if n > 0]
    return ComponentMap(
        token, codes, comps, claims, claim_comps, claim_docs, names, comp_docs, offsets,
        doc_names, [digests.get(d, "") for d in doc_names],
        [origins.get(d, d) for d in doc_names],
        array("q", [number[a] for a, _, _ in counted]),
        array("q", [number[b] for _, b, _ in counted]), array("q", [n for _, _, n in counted]))


@dataclass
class _Kept:
    """The carried components' columns, renumbered in the order carried; documents still
    numbered as in the map they come from (`docs`, its document names)."""

    codes: array[int]
    comps: array[int]
    claims: array[int]
    claim_comps: array[int]
    claim_docs: array[int]
    comp_docs: array[int]
    comp_doc_at: array[int]
    docs: list[str]


def _kept_columns(carried: Carry | None) -> _Kept:
    """`_Kept` of a carry (empty columns for none)."""
    if carried is None:
        return _Kept(array("q"), array("q"), array("q"), array("q"), array("q"), array("q"),
                     array("q", [0]), [])
    found = carried.found
    renumber = {k: n for n, k in enumerate(carried.clean)}
    pairs = bytes(map(renumber.__contains__, found.comps))
    claims = bytes(map(renumber.__contains__, found.claim_comps))
    at = found.comp_doc_at
    comp_docs, offsets = array("q"), array("q", [0])
    for k in carried.clean:
        comp_docs.extend(found.comp_docs[at[k]:at[k + 1]])
        offsets.append(len(comp_docs))
    return _Kept(array("q", compress(found.codes, pairs)),
                 array("q", map(renumber.__getitem__, compress(found.comps, pairs))),
                 array("q", compress(found.claims, claims)),
                 array("q", map(renumber.__getitem__, compress(found.claim_comps, claims))),
                 array("q", compress(found.claim_docs, claims)), comp_docs, offsets,
                 found.doc_names)


def _with(keys: array[int], values: array[int],
          more: Iterable[tuple[int, int]]) -> tuple[array[int], array[int]]:
    """Sorted keys with their values, and more (key, value) pairs put in their places: a
    few (an edit's) inserted one by one, many sorted with the rest."""
    extra = sorted(more)
    if len(extra) > 256:
        both = sorted([*zip(keys, values, strict=True), *extra])
        return array("q", [k for k, _ in both]), array("q", [v for _, v in both])
    keys, values = array("q", keys), array("q", values)
    for key, value in extra:
        at = bisect_left(keys, key)
        keys.insert(at, key)
        values.insert(at, value)
    return keys, values


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
              origins: dict[str, str], copies: Counter[tuple[str, str]]) -> None:
        token, hashes = memory.kept_token, memory.hashes
        if token is None or hashes is None or len(hashes) != len(claims):
            return
        found = next_map(token, named, carried, key_hashes(claims, hashes), digests, origins,
                         copies)
        write_map(memory.path.with_name(COMPONENTS), memory.fingerprint, found)

    def keep(named: list[tuple[str | None, list[Any]]], carried: Carry | None,
             origins: dict[str, str], copies: Counter[tuple[str, str]]) -> None:
        memory.beside(partial(write, named, carried, origins, copies))

    return keep
