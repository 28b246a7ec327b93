"""Verdicts carried from one run to the next: the incremental part of comparison.

A verdict reads the two claims' contents and, through the block index, the weight and the
specificity of each key they hold, which are functions of the key's count and of the rounded
corpus size (`blocking.corpus_size`). So a verdict of the last run is this run's verdict
when both claims are unchanged (their document normalised from the same input), no key of
either changed its count, and the code, rules, thresholds and corpus size are the same. The
store keeps every pair the last run judged; pairs it cannot vouch for are judged again, and
the candidates are always searched afresh, so the report is the one a cold run writes.

The file is JSON with the pairs judged unrelated packed in base64 (never pickle: a cache
committed to a repository must not be able to run code, see `checker.cache`). A missing,
damaged or foreign file is an empty store; writes are atomic and never fsynced.

    memory = VerdictFile(cache_dir / "verdicts.json", fingerprint, doc_states)
    result = compare(claims, lexicon, origins, memory=memory)
"""

from __future__ import annotations

import base64
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

from checker.compare.blocking import rounded_count
from checker.compare.verdict import Verdict
from checker.memofile import read_json, write_json
from checker.normalize import NormClaim

FORMAT = 1
# Returned for a pair the last run judged unrelated (nothing else of it is kept).
UNRELATED = Verdict("unrelated", None, 0.0, 0.0)


@dataclass
class Judged:
    """The pairs one run judged, by claim index: what the next run may reuse."""

    width: int
    unrelated: array[int] = field(default_factory=lambda: array("q"))
    related: list[tuple[int, int, Verdict]] = field(default_factory=list)

    def add(self, i: int, j: int, verdict: Verdict) -> None:
        """Record the verdict of pair (i, j), judged or reused."""
        if verdict.label == "unrelated":
            self.unrelated.append(i * self.width + j)
        else:
            self.related.append((i, j, verdict))

    def extend(self, other: Judged) -> None:
        """Append another slice's pairs (slices are merged in claim order)."""
        self.unrelated.extend(other.unrelated)
        self.related.extend(other.related)


@dataclass
class Prior:
    """The last run's verdicts, addressed by this run's claim indices."""

    old: array[int]  # this run's claim index -> the last run's, or -1 when not reusable
    width: int
    unrelated: array[int]  # sorted pair codes (a set of a million ints is 60 MB)
    related: dict[int, Verdict]
    reused: int = 0

    @classmethod
    def empty(cls, width: int) -> Prior:
        """A prior that vouches for nothing (no store, or a store that does not apply)."""
        return cls(array("q", [-1]) * width, 1, array("q"), {})

    def share(self) -> float:
        """The share of this run's claims whose verdicts may be reused."""
        return sum(1 for x in self.old if x >= 0) / len(self.old) if self.old else 0.0

    def get(self, i: int, j: int) -> Verdict | None:
        """The verdict the last run gave pair (i, j), when it still holds."""
        a, b = self.old[i], self.old[j]
        if a < 0 or b < 0:
            return None
        code = a * self.width + b
        unrelated = self.unrelated
        at = bisect_left(unrelated, code)
        found = UNRELATED if at < len(unrelated) and unrelated[at] == code \
            else self.related.get(code)
        self.reused += found is not None
        return found


def _pack(codes: array[int]) -> str:
    """Pair codes as base64 of little-endian int64s (the same file on any machine)."""
    packed = array("q", codes)
    if sys.byteorder != "little":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _unpack(text: str) -> array[int]:
    """The inverse of `_pack`."""
    codes = array("q")
    codes.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        codes.byteswap()
    return codes


def _interned(details: dict[str, Any]) -> dict[str, Any]:
    """Strings in a stored verdict's details (names, words, slot texts) interned, as a
    judged verdict's share the claims' strings (168,000 verdicts at 200,000 claims)."""
    for name, value in details.items():
        if isinstance(value, list):
            details[name] = [intern(x) if isinstance(x, str) else
                             [intern(y) if isinstance(y, str) else y for y in x]
                             if isinstance(x, list) else x for x in value]
    return details


def changed_keys(df: Mapping[str, int], before: Mapping[str, int]) -> set[str]:
    """Keys whose rounded count differs from the last run's: their weights moved."""
    return {k for k, count in df.items()
            if k not in before or rounded_count(before[k]) != rounded_count(count)}


class VerdictFile:
    """A store on disk for one cache directory: `recall` before judging, `keep` after."""

    def __init__(self, path: Path, fingerprint: str, doc_states: Mapping[str, str]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.doc_states = doc_states  # document id -> key of its normalised claims
        self.reused = 0  # verdicts the last comparison took from the store
        self.written = False  # whether the last `keep` wrote the file
        # The store was made from these very claims and counts: this run's is the same file.
        self._same_input = False

    def recall(self, claims: Sequence[NormClaim], n: float, df: Mapping[str, int]) -> Prior:
        """What of the last run holds for these claims (an empty prior when nothing does)."""
        self._same_input = False
        return self._recall(claims, n, df)

    def _recall(self, claims: Sequence[NormClaim], n: float, df: Mapping[str, int]) -> Prior:
        data = self._load()
        width = len(claims)
        if data is None or data.get("n") != n:
            return Prior.empty(width)
        old = array("q", [-1]) * width
        try:
            before_docs: dict[str, str] = data["docs"]
            before_claims: list[str] = data["claims"]
            changed = changed_keys(df, data["df"])
            position = {key: i for i, key in enumerate(before_claims)}
            states = self.doc_states
            for i, c in enumerate(claims):
                if before_docs.get(c.doc) == states.get(c.doc, "") and c.keys.isdisjoint(changed):
                    old[i] = position.get(c.key, -1)
            unrelated = array("q", sorted(_unpack(data["unrelated"])))
            related = {int(code): Verdict(label, reason, conf, sim, _interned(details))
                       for code, label, reason, conf, sim, details in data.pop("related")}
            # Comparison is deterministic: the same claims, documents and counts give the
            # same candidates and verdicts, so the file would be written again as it is.
            self._same_input = before_docs == states and data["df"] == df and \
                len(before_claims) == width and all(
                    key == c.key for key, c in zip(before_claims, claims, strict=True))
            return Prior(old, max(1, len(before_claims)), unrelated, related)
        except (KeyError, TypeError, ValueError, AttributeError):
            return Prior.empty(width)

    def keep(self, claims: Sequence[NormClaim], n: float, df: Counter[str],
             judged: Judged, prior: Prior | None = None) -> None:
        """Store this run's verdicts for the next run; a store that cannot be written is
        skipped (the next run judges everything again)."""
        self.reused = prior.reused if prior is not None else 0
        self.written = not self._same_input
        if self._same_input:
            return
        width = judged.width
        payload = {
            "format": FORMAT, "fingerprint": self.fingerprint, "n": n,
            "docs": dict(self.doc_states), "claims": [c.key for c in claims], "df": df,
            "unrelated": _pack(judged.unrelated),
        }
        write_json(self.path, payload, "related",
                   ([i * width + j, v.label, v.reason, v.confidence, v.similarity, v.details]
                    for i, j, v in judged.related))

    def _load(self) -> dict[str, Any] | None:
        return read_json(self.path, {"format": FORMAT, "fingerprint": self.fingerprint})
