"""The conflicts' and contradictions' findings of the last run, each by what it reads, for
the next run to take instead of building the claims it cites (stage 2 of the staged
rebuild in docs/distributed.md, for these findings).

A conflict's finding (`builders.pair_finding`) reads its pair's two claims and verdict, the
claims of the same origin listed with it (`independence.one_per_origin`), and of each
document it cites the claims, lines, path and suppressions: all of that is in the
document's digest (`findmemo.document_digests`), the claims through the key of their
normalised claims. So a finding is kept under a hash of the pair's claim keys, its verdict,
its copies and the digests of the documents they are in, and a run whose conflict hashes
alike takes the finding as the last run made it. At 10,000 documents an edited run's 2,747
conflicts cited the claims of about 4,200 documents, built for them.

The file (`.claimcheck-cache/conflicts.marshal`, safe to delete) maps each hash to the
finding's bytes as `report.json` holds them (`json_report.finding_bytes`: the JSON report
splices them in, `json_report.RenderedFindings`), sealed (`checker.sealedfile`), for one
code version and rule set; only the entries a run used are written back.

    memo = PairMemo.of(cache_dir, fingerprint, digests)
    findings = memo.findings(conflicts, index, pair_finding)
    memo.save()
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from hashlib import blake2b
from pathlib import Path

from pydantic import ValidationError

from checker.builders import ClaimIndex
from checker.compare import PairResult
from checker.compare.store import details_text
from checker.models.report import Finding
from checker.reporting.json_report import RenderedFindings, finding_bytes
from checker.sealedfile import read_sealed, write_sealed

CONFLICTS = "conflicts.marshal"
FORMAT = 3  # 2: each finding's bytes as report.json holds them; 3: sealedfile's body


class PairMemo:
    """Pair findings by the hash of what each reads (`key`): those of the file, those this
    run used."""

    def __init__(self, path: Path | None, fingerprint: str,
                 digests: Mapping[str, str], rendered: RenderedFindings | None = None) -> None:
        self.path = path
        self._fingerprint = fingerprint
        self._digests = digests  # document id -> digest (`findmemo.document_digests`)
        self._stored: dict[str, bytes] | None = None
        self._used: dict[str, bytes] = {}
        self.hits = 0
        # Told each finding taken from the file, with its bytes.
        self.rendered = rendered if rendered is not None else RenderedFindings()

    @classmethod
    def of(cls, root: Path, fingerprint: str, digests: Mapping[str, str],
           rendered: RenderedFindings | None = None) -> PairMemo:
        """The memo of a cache directory, read on first use (`load`)."""
        return cls(root / CONFLICTS, fingerprint, digests, rendered)

    def load(self) -> dict[str, bytes]:
        """The file's entries, read now if not yet; empty when missing, damaged or
        foreign."""
        if self._stored is None:
            data = read_sealed(self.path, f"conflicts {FORMAT}", self._fingerprint) \
                if self.path is not None else None
            self._stored = data if isinstance(data, dict) and all(
                type(k) is str and type(v) is bytes for k, v in data.items()) else {}
        return self._stored

    def key(self, r: PairResult) -> str:
        """A hash of what the pair's finding reads."""
        v = r.verdict
        parts = [r.a.key, r.b.key, self._digests[r.a.doc], self._digests[r.b.doc], v.label,
                 v.reason or "", v.confidence.hex(), v.similarity.hex(),
                 details_text(v.details)]
        for key, side in r.copies:
            # A claim's key is its document's id, "#" and its id (which has no "#").
            parts += [key, str(side), self._digests[key.rpartition("#")[0]]]
        text = "\0".join(parts).encode("utf-8", "surrogatepass")
        return blake2b(text, digest_size=16).hexdigest()

    def findings(self, results: Sequence[PairResult], index: ClaimIndex,
                 make: Callable[[PairResult, ClaimIndex], Finding]) -> list[Finding]:
        """The finding of each result, in order: the memo's when it holds the result's
        hash, else made (and kept for the next run)."""
        stored = self.load()
        keys = [self.key(r) for r in results]
        known = [k for k in keys if k in stored]
        try:
            # Each from its own bytes: what the report splices is one object that reads as
            # the finding (`json_report.read_findings`).
            read = [Finding.model_validate_json(stored[k]) for k in known]
            found = dict(zip(known, read, strict=True))
        except ValidationError:
            found = {}  # entries no run of this code wrote: every finding is made again
        else:
            self.rendered.add(read, [stored[k] for k in known])
        self.hits += len(found)
        out: list[Finding] = []
        for r, key in zip(results, keys, strict=True):
            finding = found.get(key)
            if finding is None:
                finding = make(r, index)
                # No bytes (a lone surrogate): the report has none either, nothing is kept.
                with suppress(ValueError):
                    self._used[key] = finding_bytes(finding)
            else:
                self._used[key] = stored[key]
            out.append(finding)
        return out

    def changed(self) -> bool:
        """Whether `save` would write: this run used other entries than the file holds."""
        return self._used != self.load()

    def save(self) -> None:
        """Write the entries this run used, when they are not the file's."""
        if self.path is not None and self.changed():
            write_sealed(self.path, f"conflicts {FORMAT}", self._fingerprint,
                         dict(sorted(self._used.items())))
