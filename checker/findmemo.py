"""The findings of a corpus checked before, kept for the next run that reads the same inputs.

A check's findings (before decisions, the baseline and `--select` are applied) are a
function of the documents, their metadata, claims and claim files, the rules and the code.
A run that reads exactly what the last cached run read takes its findings from
`.claimcheck-cache/findings.json` instead of normalising, comparing and running the rules
again: an editor re-running after recording decisions, `claimcheck review` opened again, CI
re-running on an unchanged corpus, or the same check asked for another output format.

The key (`corpus_key`) hashes every input a finding reads, document by document in corpus
order: its id, path, bytes (sha256) and metadata, its claims (through the key of its
normalised claims, which covers them, or the extraction key of a drafted document), its
claim file's name, lines and suppressions, and whether the file is stale; then every rule
with where it is written, and the code (`cache.code_fingerprint`: the libraries too). One
file holds the findings of the last run under its key, sealed with a hash of the key and
the bytes: any other input, a damaged or edited file, is a miss (the check runs in full),
never another report. After the seal come the size of the findings' array, on a line of its
own, the array as `report.json` holds it (`json_report.findings_array`: the JSON report
splices each finding's bytes in, `json_report.RenderedFindings`), and the report's corpus
parts as JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from checker.atomic import atomic_write
from checker.cache import code_fingerprint, comparison_fingerprint, digest, seal_chunks
from checker.corpus import Corpus, DocClaims
from checker.ingest import document_fields
from checker.models.report import EntityOut, Finding
from checker.reporting.build import CorpusParts
from checker.reporting.json_report import (
    RenderedFindings,
    read_findings,
)
from checker.rules import RuleSet

FINDINGS = "findings.json"
# 4: the findings as report.json holds them; 3: keyed by document digests; 2: with the
# report's corpus parts
FORMAT = "4"


class Kept(BaseModel):
    """What a cached run keeps: its findings, and the report's parts that read every claim
    (`reporting.build.corpus_parts`)."""

    findings: list[Finding]
    claims: list[int]
    entities: list[EntityOut]

    @property
    def parts(self) -> CorpusParts:
        """The report's corpus parts."""
        return CorpusParts(self.claims, self.entities)


class _Parts(BaseModel):
    """The report's corpus parts as the file holds them."""

    claims: list[int]
    entities: list[EntityOut]


@dataclass(frozen=True)
class Named:
    """What names a cached run's inputs: its findings key (`corpus_key`) and each
    document's digest (`document_digests`)."""

    key: str
    digests: Mapping[str, str]


def ruleset_digest(ruleset: RuleSet) -> str:
    """Hash of the rules as the findings read them: each rule, where it is written, the
    rules left out, and the lexicon's fuzzy threshold."""
    rules = [[r.model_dump(mode="json", by_alias=True), _source(ruleset, r.id)]
             for r in ruleset.rules]
    payload = {
        "rules": rules, "left_out": sorted(ruleset.left_out),
        "disabled": {k: v.model_dump(mode="json", by_alias=True)
                     for k, v in sorted(ruleset.disabled_entities.items())},
        "yielded": {k: list(v) for k, v in sorted(ruleset.yielded.items())},
        "fuzzy": ruleset.lexicon.fuzzy_threshold,
    }
    return digest(payload)


def _source(ruleset: RuleSet, rule_id: str) -> Any:
    source = ruleset.sources.get(rule_id)
    if source is None:
        return None
    return [source.path, source.line, source.index, list(source.keys), list(source.items)]


def corpus_key(corpus: Corpus, digests: Mapping[str, str], ruleset: RuleSet) -> str:
    """Hash of everything the findings of `corpus` read: the code and the rules, then each
    document's digest (`document_digests`), in corpus order."""
    hashed = hashlib.sha256(digest({
        "format": FORMAT, "code": code_fingerprint(), "rules": ruleset_digest(ruleset),
        "compare": comparison_fingerprint(ruleset), "documents": len(corpus.docs),
    }).encode("ascii"))
    for dc in corpus.docs:
        hashed.update(digests[dc.doc.id].encode("ascii"))
    return hashed.hexdigest()


def document_digests(corpus: Corpus, norm_keys: Sequence[str]) -> dict[str, str]:
    """Each document's inputs and what was made of them, hashed (document id -> hex): what
    a finding citing its claims reads of it (`checker.groupmemo` keys findings by them);
    `norm_keys` are the documents' normalisation keys
    (`corpusnorm.normalisation_keys`), in corpus order."""
    return {dc.doc.id: hashlib.blake2b(_document_part(dc, key), digest_size=16).hexdigest()
            for dc, key in zip(corpus.docs, norm_keys, strict=True)}


def _document_part(dc: DocClaims, norm_key: str) -> bytes:
    """What a document contributes to the key: its inputs, and what was made of them."""
    doc, loaded = dc.doc, dc.loaded
    if loaded is None and dc.claim_file is None and not dc.gone and not dc.drafted:
        # A document drafted on the fly (10,000 of them in a corpus without claim files:
        # a JSON array each took 4 us): its fields as keys hold them, led by a byte no
        # JSON array starts with, so that it can be no other document's part.
        head = f"\x01{document_fields(doc)}{norm_key}\0{dc.stale:d}{dc.on_the_fly:d}\0"
        return (head.encode("utf-8", "surrogatepass")
                + doc.meta.model_dump_json().encode("utf-8", "surrogatepass") + b"\n")
    fields = [doc.id, doc.path, doc.sha256, doc.body_start, norm_key, dc.claim_file,
              dc.stale, dc.on_the_fly, dc.gone, dc.drafted,
              # A claim's line in its claim file is in its findings; the file's
              # suppressions decide which findings are suppressed.
              sorted(loaded.lines.items()) if loaded is not None else None,
              [s.model_dump(mode="json") for s in dc.suppressions]]
    # ASCII: a lone surrogate that a sidecar or a rule let through has no UTF-8.
    return (json.dumps(fields).encode("ascii") + b"\0"
            + doc.meta.model_dump_json().encode("utf-8", "surrogatepass") + b"\n")


class FindingsMemo:
    """The last cached run's findings, served to a run whose inputs hash to the same key."""

    def __init__(self, root: Path, key: str, rendered: RenderedFindings | None = None) -> None:
        self.path = root / FINDINGS
        self.key = key
        # Told the findings read with their bytes; asked for those of the findings kept.
        self.rendered = rendered if rendered is not None else RenderedFindings()

    def get(self) -> Kept | None:
        """What is stored under this key, or None (none, another key, or damaged)."""
        try:
            with self.path.open("rb") as handle:
                # The key first: a run on other inputs (most cached runs) reads one line,
                # not the findings of 200,000 claims (70 MB) to hash them.
                if handle.readline() != self.key.encode("ascii") + b"\n":
                    return None
                entry = handle.read()
        except OSError:
            return None
        # By offsets into the bytes read: 35 MB at 10,000 documents, not copied to be
        # sealed and cut.
        at = entry.find(b"\n")
        if at < 0 or entry[:at] != seal_chunks(self.key, [memoryview(entry)[at + 1:]]):
            return None
        start = entry.find(b"\n", at + 1) + 1
        size = entry[at + 1:start - 1]
        if start <= 0 or not size.isdigit() or start + int(size) > len(entry):
            return None
        array, parts = entry[start:start + int(size)], entry[start + int(size):]
        made = read_findings(array)
        try:
            kept = _Parts.model_validate_json(parts)
        except ValidationError:  # sealed by hand around other JSON: not ours
            return None
        if made is None:
            return None
        findings, items = made
        self.rendered.add(findings, items)
        return Kept.model_construct(findings=findings, claims=kept.claims,
                                    entities=kept.entities)

    def put(self, findings: Sequence[Finding], parts: CorpusParts) -> None:
        """Keep the findings and the report's corpus parts for the next run; a cache that
        cannot be written is skipped."""
        try:
            # Those read from the cache are known: their bytes, not rendered again; the
            # array is made once for this memo and the JSON report.
            pieces = self.rendered.pieces(findings)
        except ValueError:  # a finding with no bytes (a lone surrogate): nothing is kept
            return
        # Sealed in blocks and written in pieces: 35 MB at 10,000 documents, never one string.
        data = [b"%d\n" % sum(map(len, pieces)), *pieces, _Parts.model_construct(
            claims=parts.claims, entities=parts.entities).model_dump_json().encode("utf-8")]
        try:
            # No fsync: a file torn by a power cut fails its seal when read (a miss).
            atomic_write(self.path, [self.key.encode("ascii"), b"\n",
                                     seal_chunks(self.key, data), b"\n", *data],
                         durable=False)
        except OSError:
            return

