"""Verdicts carried from one run to the next: the incremental part of comparison.

A verdict reads the two claims' contents and, through the block index, the weight and the
specificity of each key they hold, which are functions of the key's count and of the rounded
corpus size (`blocking.corpus_size`). So a verdict of the last run is this run's verdict
when both claims are unchanged (their document normalised from the same input), no key of
either changed its count, and the code, rules, thresholds and corpus size are the same.

The store also keeps each claim's candidate list and a hash of what its candidate search
read (`checker.compare.incremental`), so a run where most claims are settled searches and
judges only around the claims that are not. Claims and pairs are named by a 64-bit hash of
the claim's key, not by position, so nothing is renumbered when a document is added.

The file is marshalled and sealed (`checker.sealedfile`): arrays written raw, the
related verdicts as columns (never pickle: a cache must not be able to run code). A missing,
damaged or foreign file is an empty store; writes are atomic and never fsynced.

    memory = VerdictFile(cache_dir / "verdicts.marshal", fingerprint, doc_states)
    result = compare(claims, lexicon, origins, memory=memory)
"""

from __future__ import annotations

import hashlib
import json
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

from checker.aside import after_sending, later
from checker.compare.blocking import BlockIndex, BlockingConfig, holding, rounded_count
from checker.compare.verdict import Verdict
from checker.errors import InputError, Location
from checker.memofile import dumps
from checker.normclaim import NormClaim
from checker.sealedfile import read_sealed, write_sealed

# 3: each verdict's details as their JSON text; 4: marshalled, related verdicts in columns
FORMAT = 5  # 5: arrays written raw (`checker.sealedfile`)
# Returned for a pair the last run judged unrelated (nothing else of it is kept).
UNRELATED = Verdict("unrelated", None, 0.0, 0.0)
MASK = (1 << 63) - 1  # hashes and pair codes are non-negative int64s (array "q")
_MIX = 0x9E3779B97F4A7C15


_DOC = attrgetter("doc")


def claim_hashes(claims: Sequence[NormClaim]) -> array[int]:
    """Each claim's name in the store: 63 bits of the blake2b of its key."""
    return array("q", [int.from_bytes(hashlib.blake2b(c.key.encode("utf-8"), digest_size=8)
                                      .digest(), "little") & MASK for c in claims])


def pair_code(x: int, y: int) -> int:
    """The code of the pair of claims hashed x and y, in either order."""
    lo, hi = (x, y) if x < y else (y, x)
    return (lo * _MIX + hi) & MASK


@dataclass
class Related:
    """Related verdicts, in columns: the two claims' hashes, the verdict and whether the two
    texts are copies of one another (`independence.is_copy`, read by the reduce step).
    Columns, not tuples: 168,000 of them at 200,000 claims, where memory peaks."""

    xs: array[int] = field(default_factory=lambda: array("q"))
    ys: array[int] = field(default_factory=lambda: array("q"))
    verdicts: list[Verdict] = field(default_factory=list)
    copies: bytearray = field(default_factory=bytearray)

    def __len__(self) -> int:
        return len(self.verdicts)

    def append(self, x: int, y: int, verdict: Verdict, copy: bool) -> None:
        """One more verdict."""
        self.xs.append(x)
        self.ys.append(y)
        self.verdicts.append(verdict)
        self.copies.append(copy)

    def extend(self, other: Related) -> None:
        """Another slice's verdicts after these."""
        self.xs.extend(other.xs)
        self.ys.extend(other.ys)
        self.verdicts.extend(other.verdicts)
        self.copies.extend(other.copies)

    def codes(self) -> array[int]:
        """The pair code of each verdict."""
        return array("q", map(pair_code, self.xs, self.ys))


@dataclass
class Judged:
    """What one run judged and searched: what the next run may reuse."""

    hashes: array[int]  # claim index -> claim hash
    unrelated: array[int] = field(default_factory=lambda: array("q"))
    related: Related = field(default_factory=Related)
    # Candidate lists (claim hashes) of every claim, flat, with their offsets; and the hash
    # of what each claim's search read (`BlockIndex.searches`). Empty: none kept.
    cands: array[int] = field(default_factory=lambda: array("q"))
    cand_at: array[int] = field(default_factory=lambda: array("q", [0]))
    searches: array[int] = field(default_factory=lambda: array("q"))
    pairs: int = 0  # candidate pairs in all
    settled: int = 0  # claims compared around, not afresh (`incremental.compare_settled`)
    unrelated_sorted: bool = False

    def add(self, i: int, j: int, verdict: Verdict, copy: bool = False) -> None:
        """Record the verdict of pair (i, j), judged or reused."""
        if verdict.label == "unrelated":
            self.unrelated.append(pair_code(self.hashes[i], self.hashes[j]))
        else:
            self.related.append(self.hashes[i], self.hashes[j], verdict, copy)

    def extend(self, other: Judged) -> None:
        """Append another slice's pairs (slices are merged in claim order)."""
        self.unrelated.extend(other.unrelated)
        self.related.extend(other.related)

    def add_searched(self, cands: Iterable[int]) -> None:
        """Keep the next claim's candidate list, as claim hashes (claims in order)."""
        self.cands.extend(cands)
        self.cand_at.append(len(self.cands))

    def add_candidates(self, found: Sequence[int]) -> None:
        """Keep the next claim's candidate list, given as claim indices."""
        self.add_searched([self.hashes[j] for j in found])

    def recorded(self, found: Iterable[Sequence[int]]) -> Iterator[Sequence[int]]:
        """The candidate lists (claim indices) of every claim, in claim order, passed on
        as they are kept."""
        for c in found:
            self.add_candidates(c)
            yield c


@dataclass
class Past:
    """The last run's claims and candidate searches, for `incremental.compare_settled`."""

    hashes: array[int]
    cands: array[int]
    cand_at: array[int]
    searches: array[int]
    pairs: int
    related: Related
    codes: array[int]  # the pair code of each related verdict (`Related.codes`)
    unrelated: array[int]


@dataclass
class Prior:
    """The last run's verdicts, for this run's claims."""

    hashes: array[int]  # this run's claim index -> claim hash
    valid: bytearray  # 1 where a claim's verdicts of the last run still hold
    unrelated: array[int]  # sorted pair codes (a set of a million ints is 60 MB)
    related_codes: array[int]  # sorted pair codes, and the verdict of each
    related: list[Verdict]
    past: Past | None = None  # None when the store does not apply
    reused: int = 0

    @classmethod
    def empty(cls, hashes: array[int]) -> Prior:
        """A prior that vouches for nothing (no store, or a store that does not apply)."""
        return cls(hashes, bytearray(len(hashes)), array("q"), array("q"), [])

    def share(self) -> float:
        """The share of this run's claims whose verdicts may be reused."""
        return sum(self.valid) / len(self.valid) if self.valid else 0.0

    def get(self, i: int, j: int) -> Verdict | None:
        """The verdict the last run gave pair (i, j), when it still holds."""
        if not (self.valid[i] and self.valid[j]):
            return None
        code = pair_code(self.hashes[i], self.hashes[j])
        if _index_of(self.unrelated, code) >= 0:
            found: Verdict | None = UNRELATED
        else:
            at = _index_of(self.related_codes, code)
            found = self.related[at] if at >= 0 else None
        self.reused += found is not None
        return found


def _index_of(codes: array[int], code: int) -> int:
    """Where a sorted array holds the code, or -1."""
    at = bisect_left(codes, code)
    return at if at < len(codes) and codes[at] == code else -1


class StoredDetails(Mapping[str, Any]):
    """A stored verdict's details, kept as their JSON text until they are read: a re-run
    reads every related verdict back (56,000 at 10,000 documents) and reads the details
    only of those that become a finding. Parsing them all, and interning their strings
    for memory, was half of reading the store."""

    __slots__ = ("text", "_path", "_read")

    def __init__(self, text: str, path: Path | None = None) -> None:
        self.text = text
        self._path = path  # the store, named if the text does not read
        self._read: dict[str, Any] | None = None

    def _details(self) -> dict[str, Any]:
        if self._read is None:
            try:
                read = json.loads(self.text)
            except ValueError:
                read = None
            if not isinstance(read, dict):
                # Only a store edited and sealed again by hand gets here.
                raise InputError("a stored verdict's details do not read; delete the file "
                                 "(the next run judges again)",
                                 Location(str(self._path)) if self._path else None)
            self._read = read
        return self._read

    def __getitem__(self, key: str) -> Any:
        return self._details()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._details())

    def __len__(self) -> int:
        return len(self._details())

    def __repr__(self) -> str:
        return f"StoredDetails({self.text!r})"

    def __reduce__(self) -> tuple[type[StoredDetails], tuple[str, Path | None]]:
        return StoredDetails, (self.text, self._path)


def details_text(details: Mapping[str, Any]) -> str:
    """A verdict's details as the store writes them; stored details as they were read."""
    if isinstance(details, StoredDetails):
        return details.text
    return dumps(details)


def changed_keys(df: Mapping[str, int], before: Mapping[str, int]) -> set[str]:
    """Keys whose rounded count differs from the last run's: their weights moved."""
    return {k for k, count in df.items()
            if k not in before or rounded_count(before[k]) != rounded_count(count)}


def comparison_files(store: Path) -> list[Path]:
    """The files a comparison reads beside a store, in the order it reads them: the block
    index's state, the store, the components' map."""
    from checker.compare.compmap import COMPONENTS
    from checker.compare.indexstate import BLOCKS

    return [store.with_name(BLOCKS), store, store.with_name(COMPONENTS)]


class VerdictFile:
    """A store on disk for one cache directory: `recall` before judging, `keep` after."""

    def __init__(self, path: Path, fingerprint: str, doc_states: Mapping[str, str]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.doc_states = doc_states  # document id -> key of its normalised claims
        self.reused = 0  # verdicts the last comparison took from the store
        self.settled = 0  # claims the last comparison did not search or judge again
        self.written = False  # whether the last `keep` wrote the file
        # Processes the run may use: above 1 the file is written by a process of its own
        # while this one goes on (`aside.later`); `wait` for it before the run ends.
        self.jobs = 1
        self._pending: Callable[[], None] | None = None
        # The store was made from these very claims and counts: this run's is the same file.
        self._same_input = False
        # A name for the run that writes the store (its findings key), written into it: the
        # corroborations kept beside it (`checker.groupmemo`) hold only with the verdicts
        # of the same run. `found_token`: the name in the store `recall` read;
        # `kept_token`: the store's name as `keep` leaves it.
        self.token: str | None = None
        self.found_token: str | None = None
        self.kept_token: str | None = None
        # The run's block index, whose state `keep` writes beside the store for the next
        # run to update (`checker.compare.keptindex`); and the claims' hashes, made once.
        self.index: BlockIndex | None = None
        self.hashes: array[int] | None = None

    def block_index(self, claims: Sequence[NormClaim],
                    config: BlockingConfig | None = None) -> BlockIndex:
        """The index of the claims: the last run's updated when it applies, else built."""
        from checker.compare.indexstate import BLOCKS, read_state
        from checker.compare.keptindex import block_index, kept_hashes

        state = read_state(self.path.with_name(BLOCKS), self.fingerprint)
        self.hashes = None
        if state is not None:
            try:
                self.hashes = kept_hashes(state, claims, self.doc_states)
            except (ValueError, TypeError, IndexError, KeyError, AttributeError):
                state = None  # a state no run of this code wrote: built afresh
        if self.hashes is None:
            self.hashes = claim_hashes(claims)
        index = block_index(claims, config, self.hashes, state, self.doc_states)
        self.index = index
        return index

    def recall(self, claims: Sequence[NormClaim], n: float, df: Mapping[str, int]) -> Prior:
        """What of the last run holds for these claims (an empty prior when nothing does)."""
        self._same_input = False
        hashes = self.hashes if self.hashes is not None and len(self.hashes) == len(claims) \
            else claim_hashes(claims)
        data = self._load()
        run = data.get("run") if data is not None else None
        self.found_token = run if isinstance(run, str) else None
        if data is None or data.get("n") != n:
            return Prior.empty(hashes)
        try:
            return self._recall(claims, df, hashes, data)
        except (KeyError, TypeError, ValueError, AttributeError):
            return Prior.empty(hashes)

    def _recall(self, claims: Sequence[NormClaim], df: Mapping[str, int], hashes: array[int],
                data: dict[str, Any]) -> Prior:
        before_docs: dict[str, str] = data["docs"]
        changed = changed_keys(df, data["df"])
        states = self.doc_states
        # A claim's verdicts hold while its document's state does: decided once a document.
        docs = list(map(_DOC, claims))
        same = {d: before_docs.get(d) == states.get(d, "") for d in set(docs)}
        valid = bytearray(map(same.__getitem__, docs))
        # Found by the index, which knows who holds a key without reading every claim's:
        # the kept index answers for the last run's claims from its state, trusting, as
        # the store does above, that a document's state determines its claims as compared
        # (docs/distributed.md, "The block index kept"). The store no longer reads every
        # claim's keys again behind it.
        held = self.index.holding(changed) if self.index is not None and \
            self.index.claims is claims else holding(claims, changed)
        for i in held:
            valid[i] = 0
        # Each array's bytes go as soon as it is an array (tens of MB at 200,000 claims,
        # where memory peaks).
        hashes_before, cands, cand_at, searches, unrelated, xs, ys = (
            _array("q", data.pop(name)) for name in ("hashes", "cands", "cand_at", "searches",
                                                     "unrelated", "xs", "ys"))
        details: list[str] = data.pop("details")
        if not all(type(d) is str for d in details):
            raise TypeError("details are stored as their JSON text")
        verdicts = list(map(Verdict, data.pop("labels"), data.pop("reasons"),
                            _array("d", data.pop("confidences")),
                            _array("d", data.pop("similarities")),
                            map(StoredDetails, details, repeat(self.path))))
        copies = bytearray(data.pop("copies"))
        if not len(xs) == len(ys) == len(verdicts) == len(copies):
            raise ValueError("a store's related columns differ in length")
        related = Related(xs, ys, verdicts, copies)
        codes, verdicts = related.codes(), related.verdicts
        past = Past(hashes_before, cands, cand_at, searches, int(data["pairs"]), related,
                    codes, unrelated)
        if any(a >= b for a, b in zip(codes, codes[1:], strict=False)):
            # The store writes them in code order; a store made by hand may not.
            order = sorted(range(len(codes)), key=codes.__getitem__)
            codes, verdicts = array("q", [codes[k] for k in order]), [verdicts[k] for k in order]
        searched = len(past.cand_at) == len(past.hashes) + 1 == len(past.searches) + 1 and \
            past.cand_at[-1] == len(past.cands)
        # Comparison is deterministic: the same claims, documents and counts give the
        # same candidates and verdicts, so the file would be written again as it is.
        self._same_input = searched and before_docs == states and data["df"] == df and \
            past.hashes == hashes
        return Prior(hashes, valid, past.unrelated, codes, verdicts,
                     past if searched else None)

    def keep(self, claims: Sequence[NormClaim], n: float, df: Counter[str],
             judged: Judged, prior: Prior | None = None) -> None:
        """Store this run's verdicts for the next run; a store that cannot be written is
        skipped (the next run judges everything again)."""
        self.reused = prior.reused if prior is not None else 0
        self.settled = judged.settled
        self.written = not self._same_input
        if self._same_input:
            self.kept_token = self.found_token
            return
        self.kept_token = self.token
        unrelated = judged.unrelated if judged.unrelated_sorted \
            else array("q", sorted(judged.unrelated))
        payload = {
            "n": n, "run": self.token,
            # Sorted: a set's order (so the counter's) depends on the process's hash seed.
            "docs": dict(self.doc_states), "df": dict(sorted(df.items())), "pairs": judged.pairs,
            "hashes": judged.hashes, "searches": judged.searches,
            "cands": judged.cands, "cand_at": judged.cand_at, "unrelated": unrelated,
        }
        index, docs = self.index, dict(self.doc_states)

        def write() -> None:
            write_sealed(self.path, f"verdicts {FORMAT}", self.fingerprint,
                         {**payload, **_columns(judged.related)})
            if index is not None:
                from checker.compare.indexstate import BLOCKS, save_state
                from checker.compare.keptindex import kept_state

                state = kept_state(index, judged.hashes, docs)
                if state is not None:
                    save_state(self.path.with_name(BLOCKS), self.fingerprint, state)

        self.beside(write)

    def beside(self, write: Callable[[], None]) -> None:
        """A file of the run's kept beside the store (the store itself, from `keep`):
        written once the comparison's value is sent when it runs in a process beside,
        else in a process of its own with jobs, and waited for with the others (`wait`)."""
        if after_sending(write):
            return
        before, now = self._pending, later(write, self.jobs)
        if before is None:
            self._pending = now
            return

        def both() -> None:
            before()
            now()

        self._pending = both

    def wait(self) -> None:
        """Wait for the files `keep` and `beside` are writing, if they are written beside
        this process."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    def _load(self) -> dict[str, Any] | None:
        data = read_sealed(self.path, f"verdicts {FORMAT}", self.fingerprint)
        return data if isinstance(data, dict) else None


def _array(typecode: str, data: object) -> array[Any]:
    """A stored array, checked to be one of this type code."""
    if type(data) is not array or data.typecode != typecode:
        raise TypeError(f"a stored array of {typecode!r} values is expected")
    return data


def _columns(related: Related) -> dict[str, Any]:
    """Related verdicts as stored: in columns, by pair code, so that a store is the same
    file whichever way the run compared (afresh or around the unsettled claims)."""
    codes = related.codes()
    order = sorted(range(len(codes)), key=codes.__getitem__)
    verdicts = [related.verdicts[k] for k in order]
    return {
        "xs": array("q", map(related.xs.__getitem__, order)),
        "ys": array("q", map(related.ys.__getitem__, order)),
        "labels": [v.label for v in verdicts], "reasons": [v.reason for v in verdicts],
        "confidences": array("d", [v.confidence for v in verdicts]),
        "similarities": array("d", [v.similarity for v in verdicts]),
        "details": [details_text(v.details) for v in verdicts],
        "copies": bytes(map(bool, map(related.copies.__getitem__, order))),
    }
