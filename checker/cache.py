"""Incremental checks: a content-addressed cache of extracted and normalised claims.

Entries live under `.claimcheck-cache/` (safe to delete at any time) and are keyed by a
hash of everything the result depends on:

- extracted claims: the document's bytes (sha256), id, path and metadata, the extraction
  threshold, the lexicon rules (entity and predicate rules, fuzzy threshold) and the code;
- normalised claims: the document id, the claims themselves, the lexicon rules and the code.

"The code" is a hash of the checker package's sources and data, so editing the extractor
invalidates every entry. Each entry is sealed with a hash of its key and bytes: a damaged,
edited or unreadable entry is a miss, never an error and never a different report. Entries
are JSON (never pickle: a cache directory committed to a repository must not be able to
run code) and are written atomically.

    cache = ClaimCache(root / CACHE_DIR)
    claims = extract_cached(doc, ruleset, threshold, cache)
    norm, index = normalise_corpus(corpus, ruleset, cache, jobs=2)  # checker.corpusnorm
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blake3 import blake3
from pydantic import TypeAdapter, ValidationError

from checker.atomic import atomic_write
from checker.cachegc import REFRESH, mark_used, prune, stale, sweep, sweep_due
from checker.codeprint import code_fingerprint as code_fingerprint
from checker.codeprint import generation as generation
from checker.compare.blocking import BlockingConfig
from checker.defaults import CACHE_DIR as CACHE_DIR
from checker.ingest import Document, document_fields
from checker.models.claims import Claim, ClaimFile, share_fields_sets
from checker.models.rules import EntityRule, PredicateRule
from checker.normclaim import NormClaim
from checker.normcodec import DAMAGED, dump_claims, load_lazy_document
from checker.reporting.json_report import RenderedFindings
from checker.rules import RuleSet
from checker.sealedfile import hashed

if TYPE_CHECKING:
    from checker.compare.store import VerdictFile
    from checker.normpack import NormPack

SIDECARS = "sidecars.marshal"  # checker.sidecars: metadata by sidecar bytes
DOCUMENTS = "documents.marshal"  # checker.docmemo: documents by their files' stat signatures
CLAIM_FILES = "claimfiles.marshal"  # checker.claimmemo: claim files (and lines) by their bytes
REGIONS = "regions.marshal"  # rule_findings.regions_of: prose lines by document bytes
VERDICTS = "verdicts.marshal"  # checker.compare.store: every pair the last run judged
ARITHMETIC = "arithmetic.marshal"  # compare.arithmetic_memo: issues by document claims
TERMS = "terms.marshal"  # rule_findings.term_findings: term hits by document and claims
CONSISTENCY = "consistency.marshal"  # rule_findings.consistency_findings: forms by document
PARTS = "parts.marshal"  # reporting.build.corpus_parts: claim counts and names by draft
CITED = "cited.marshal"  # checker.claimindex: documents the last run's conflicts cited
# 2: entries sealed with their hash (`seal`); 3: normalised claims as rows; 4: with the
# dates of the telling (`NormClaim.told`); 5: normalised claims marshalled (`normcodec`)
FORMAT = "5"
EXTRACTED, NORMALISED = "extracted", "normalised"
# Entries are JSON files but for the normalised claims, marshalled (`checker.normcodec`).
_SUFFIX = {NORMALISED: ".marshal"}


def rules_fingerprint(ruleset: RuleSet) -> str:
    """Hash of what extraction and normalisation read from the rules: the lexicon."""
    lexicon_rules = [r.model_dump(mode="json", by_alias=True) for r in ruleset.rules
                     if isinstance(r, EntityRule | PredicateRule)]
    payload = {"rules": lexicon_rules, "fuzzy": ruleset.lexicon.fuzzy_threshold}
    return digest(payload)


def terms_fingerprint(ruleset: RuleSet) -> str:
    """Hash of what the term rules' hits read from the rules: the term rules themselves
    (`rules_fingerprint` covers the lexicon only)."""
    return digest([r.model_dump(mode="json", by_alias=True) for r in ruleset.terms])


def consistency_fingerprint(ruleset: RuleSet) -> str:
    """Hash of what finding the consistency rules' forms in a text reads: each rule's forms
    and case, in order."""
    return digest([[r.forms, r.case_sensitive] for r in ruleset.consistency])


def digest(payload: Any) -> str:
    """sha256 of a JSON value, keys sorted, as ASCII."""
    # ASCII: a rule or a sidecar may hold a lone surrogate, which has no UTF-8.
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def extraction_key(doc: Document, threshold: float, rules_fp: str) -> str:
    """Key of a document's extracted claims."""
    # What every document shares hashed once; the metadata as pydantic serialises it (in
    # Rust, fields in the model's order): a re-run makes 10,000 keys before anything else.
    head = _extraction_head(code_fingerprint(), threshold, rules_fp)
    # Not a JSON array of the fields: 3 us a document.
    fields = document_fields(doc).encode("utf-8", "surrogatepass")
    meta = doc.meta.model_dump_json().encode("utf-8", "surrogatepass")
    return hashlib.sha256(b"%s\0%s%s" % (head, fields, meta)).hexdigest()


def extraction_head(threshold: float, rules_fp: str) -> str:
    """What every document's extraction key is made of besides the document (the code,
    the lexicon's rules, the threshold), hashed: a key kept under one head is the key of a
    run of the same head (`docmemo.kept_key`)."""
    return _extraction_head(code_fingerprint(), threshold, rules_fp).decode("ascii")


@functools.lru_cache(maxsize=16)
def _extraction_head(code: str, threshold: float, rules_fp: str) -> bytes:
    return digest({"format": FORMAT, "what": EXTRACTED, "code": code, "rules": rules_fp,
                   "threshold": threshold}).encode("ascii")


_CLAIMS = TypeAdapter(list[Claim])


def normalisation_key(doc_id: str, claims: Sequence[Claim], rules_fp: str,
                      document: str = "", published: str | None = None) -> str:
    """Key of a document's normalised claims; `document` is the sha256 of the document's
    text, which normalisation reads between the claims (`subjects.gap_subject`), and
    `published` its publication date (the day of a market's move that gives none)."""
    head = digest({"format": FORMAT, "what": NORMALISED, "code": code_fingerprint(),
                    "rules": rules_fp, "id": doc_id, "document": document,
                    "non_finite": _non_finite(claims), "published": published})
    # The claims as pydantic serialises them (in Rust; field order is the model's, so
    # stable): a tenth of the time of dumping them to dicts and through `json`.
    body = _CLAIMS.dump_json(list(claims), by_alias=True)
    return hashlib.sha256(head.encode("ascii") + b"\0" + body).hexdigest()


def _non_finite(claims: Sequence[Claim]) -> list[list[object]]:
    """Where a claim file holds an infinite or NaN figure: JSON writes them, and None, all
    as null, so the claims' bytes alone would key `high: .inf` and no `high` alike."""
    return [[i, j, name, repr(v)] for i, c in enumerate(claims)
            for j, q in enumerate(c.quantities) for name in ("value", "low", "high")
            if (v := getattr(q, name)) is not None and not math.isfinite(v)]


def drafted_normalisation_key(extraction: str) -> str:
    """Key of the normalised claims of a document drafted under an extraction key: the same
    as hashing the claims (`normalisation_key`), without serialising them again (the
    extraction key covers the document, its id, the lexicon rules and the code)."""
    # The fixed part hashed as JSON once; the key (hex) after it.
    return hashlib.sha256(_DRAFTED_HEAD + extraction.encode("ascii")).hexdigest()


_DRAFTED_HEAD = digest({"format": FORMAT, "what": NORMALISED, "drafted": True}).encode() + b"\0"


def comparison_fingerprint(ruleset: RuleSet) -> str:
    """Hash of what a verdict reads besides the two claims and the corpus statistics:
    code, lexicon, thresholds and blocking bounds (the verdict store's validity)."""
    from checker.compare.verdict import Thresholds  # the comparison's, loaded when it runs

    return digest({"format": FORMAT, "what": "verdicts", "code": code_fingerprint(),
                    "rules": rules_fingerprint(ruleset), "thresholds": repr(Thresholds()),
                    "blocking": repr(BlockingConfig())})


def verdict_file(cache: ClaimCache, ruleset: RuleSet) -> VerdictFile:
    """The verdict store of this cache directory, for the documents normalised this run."""
    from checker.compare.store import VerdictFile

    return VerdictFile(cache.root / VERDICTS, comparison_fingerprint(ruleset),
                       cache.documents)


def seal(key: str, data: bytes) -> bytes:
    """The first line of an entry: the hash of its key and bytes."""
    return seal_chunks(key, (data,))


def seal_chunks(key: str, chunks: Iterable[bytes | memoryview]) -> bytes:
    """`seal` of the chunks joined, without joining them (35 MB of findings at 10,000
    documents, copied twice more to seal and write them). BLAKE3, as the sealed files'
    (`sealedfile.seal_of`)."""
    return hashed(blake3(key.encode("ascii") + b"\0"), chunks).hexdigest().encode("ascii")


def _each(writes: Sequence[Callable[[], None]]) -> None:
    """Every write, in order; one that fails does not stop the next. The first OSError is
    raised once all are done (a full disk fails them all alike: `settle` tells it); any
    other failure, a bug in a writer, is only a cache the next run recomputes, as a write
    in a process of its own was (`aside.later`)."""
    failure: OSError | None = None
    for write in writes:
        try:
            write()
        except OSError as exc:
            failure = failure or exc
        except Exception:  # noqa: BLE001, S112 - see above
            continue
    if failure is not None:
        raise failure


@dataclass
class CacheStats:
    """What a run did with the cache."""

    hits: int = 0
    misses: int = 0
    writes: int = 0


class ClaimCache:
    """Entries on disk, `<root>/<namespace>/<generation>/<key[:2]>/<key>.json` (`.marshal`
    for the normalised claims; `generation`: the code's); get/put are most of what it
    does."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._dir = os.fspath(root)
        self._generation = generation()
        self.stats = CacheStats()
        # This run's key of each document's normalised claims (normalise_corpus): the
        # verdict store reuses a verdict only for claims of documents whose key is unchanged.
        self.documents: dict[str, str] = {}
        # This run's extraction key of each document drafted through the cache: its claims
        # are a function of that key, so their normalised form can be keyed by it too.
        self.extracted: dict[str, str] = {}
        self.extracted_head = ""  # what the keys of `extracted` are made of (`extraction_head`)
        self.extracted_kept: set[str] = set()  # the documents whose key the memo kept
        # The findings this run read from the cache with their bytes in report.json, for
        # the JSON report to splice in (`json_report.RenderedFindings`).
        self.rendered = RenderedFindings()
        # Writes going on beside this process (`aside`), waited for by `settle`.
        self._writing: list[Callable[[], None]] = []
        # Writes held until the checks' two lines are over (`release`).
        self._held: list[tuple[Callable[[], None], int]] = []
        # What writes done here instead of beside could not write, for `settle` to tell.
        self._failed: list[str] = []

    def aside(self, write: Callable[[], None], jobs: int, held: bool = False) -> None:
        """A write started in a process of its own when `jobs` is over 1 (`aside.later`;
        else done now), waited for by `settle`: the run goes on to its report meanwhile.
        `held`: started only at `release`, when the checks no longer keep both cores
        busy (a writer beside them took its share of both, niced as it is)."""
        from checker.aside import later

        if held and jobs > 1:
            self._held.append((write, jobs))
            return
        self._writing.append(later(write, jobs))

    def release(self) -> None:
        """Start the writes held until now (`aside`), one after the other in a thread of
        this process (`threadwrites.in_thread`), not a process forked for them: while a fork of
        a run holding 10,000 documents' claims wrote them, every page this process
        touched was copied, and the report took 0.13 s longer to make. When no thread
        can be started, they are done here, now."""
        from checker.threadwrites import in_thread

        held, self._held = self._held, []
        if not held:
            return
        writes = [write for write, _ in held]
        try:
            self._writing.append(in_thread(functools.partial(_each, writes)))
        except RuntimeError:  # no thread left to start: written here
            try:
                _each(writes)
            except OSError as exc:
                self._failed.append(self._unwritten(exc))

    def pending(self, wait: Callable[[], None]) -> None:
        """A write already going on, to be waited for by `settle` (or one to do then)."""
        self._writing.append(wait)

    def settle(self) -> list[str]:
        """Wait for every write started beside this run: the next run reads them. Returns
        what could not be written (a full disk, a read-only cache): the run's results stand
        whatever the cache holds, and the next run recomputes what is missing."""
        self.release()
        failed, self._failed = self._failed, []
        waits, self._writing = self._writing, []
        for wait in waits:
            try:
                wait()
            except OSError as exc:
                failed.append(self._unwritten(exc))
        return failed

    def _unwritten(self, exc: OSError) -> str:
        """What a failed write says: the file (else the cache) and why."""
        return f"{exc.filename or self.root}: {exc.strerror or exc}"

    def tidy(self, jobs: int) -> None:
        """Mark this run's generation used, and remove beside the run the generations,
        layouts and files no run reads any more (`checker.cachegc`); `settle` waits."""
        mark_used(self.root, self._generation)
        old = stale(self.root, self._generation)
        if old:
            self.aside(functools.partial(prune, old), jobs)
        self.pending(self._sweep)  # at the run's end, once it has used what it uses

    def _sweep(self) -> None:
        """Once a day, this generation's entries no run used for a month go
        (`cachegc.sweep`). A run's reads set old entries' times again (`_refreshed`), but
        the normalised pack serves its entries without reading their files, and the
        documents' memo names drafts without asking for them (`docmemo.kept_key`): those
        stay."""
        from checker.normpack import NormPack

        now = time.time()
        if sweep_due(self.root, now):
            # And the drafts this run took by the key the documents' memo kept, unread.
            served = NormPack.read(self.root, code_fingerprint()).keys() | \
                set(self.extracted.values())
            sweep(self.root, self._generation, served, now)

    def _refreshed(self, path: str, changed: float) -> None:
        """An entry used now: its time set again when old (`cachegc.REFRESH`), so that its
        time tells when a run last used it."""
        if changed <= time.time() - REFRESH:
            with contextlib.suppress(OSError):
                os.utime(path)

    def _path(self, namespace: str, key: str) -> str:
        # A string, not a Path: a re-run of 10,000 documents builds 20,000 of them.
        return os.path.join(self._dir, namespace, self._generation, key[:2],
                            key + _SUFFIX.get(namespace, ".json"))

    def get(self, namespace: str, key: str) -> bytes | None:
        """The stored bytes, or None (missing, or not what was stored under this key)."""
        path = self._path(namespace, key)
        try:
            with open(path, "rb") as handle:
                entry = handle.read()
                changed = os.fstat(handle.fileno()).st_mtime
        except OSError:
            self.stats.misses += 1
            return None
        self._refreshed(path, changed)
        stamp, _, data = entry.partition(b"\n")
        if stamp != seal(key, data):
            # Damaged (torn, edited, copied from another key): a miss, never a wrong
            # result; valid JSON that lost a claim would otherwise pass every other check.
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return data

    def holds(self, namespace: str, key: str) -> bool:
        """Whether an entry is stored under the key (`get` says whether it is sound)."""
        path = self._path(namespace, key)
        try:
            changed = os.stat(path).st_mtime
        except OSError:
            return False
        self._refreshed(path, changed)
        return True

    def put(self, namespace: str, key: str, data: bytes) -> None:
        """Store bytes atomically, sealed with their hash and the key; a cache that cannot
        be written is skipped silently."""
        try:
            # No fsync: an entry torn by a power cut fails its seal when read and counts
            # as a miss, and 20,000 fsyncs take seconds.
            atomic_write(Path(self._path(namespace, key)), seal(key, data) + b"\n" + data,
                         durable=False)
        except OSError:
            return
        self.stats.writes += 1

    def get_claims(self, key: str) -> ClaimFile | None:
        """Extracted claims, or None (missing or damaged)."""
        data = self.get(EXTRACTED, key)
        if data is None:
            return None
        try:
            model = ClaimFile.model_validate_json(data)
        except ValidationError:
            self._damaged()
            return None
        share_fields_sets(model.claims)  # about half their memory
        return model

    def put_claims(self, key: str, model: ClaimFile) -> None:
        """Store extracted claims."""
        self.put(EXTRACTED, key, model.model_dump_json().encode("utf-8"))

    def get_normalised(self, key: str, pack: NormPack | None = None) -> list[NormClaim] | None:
        """Normalised claims, or None (missing or damaged); from the `pack` when it holds
        them (which keeps what this run read, for the next)."""
        found = self.get_normalised_named(key, pack)
        return found[0] if found is not None else None

    def get_normalised_named(self, key: str, pack: NormPack | None = None
                             ) -> tuple[list[NormClaim], tuple[str, ...]] | None:
        """`get_normalised`, with the claims' unknown names (`names.unknown_names`)."""
        data = pack.take(key) if pack is not None else None
        if data is not None:
            self.stats.hits += 1
        else:
            data = self.get(NORMALISED, key)
            if data is None:
                return None
            if pack is not None:
                pack.keep(key, data)
        try:
            return load_lazy_document(data)
        except DAMAGED:
            self._damaged()
            return None

    def put_normalised(self, key: str, claims: Sequence[NormClaim],
                       pack: NormPack | None = None) -> None:
        """Store normalised claims (and keep them in the `pack`)."""
        data = dump_claims(claims)
        self.put(NORMALISED, key, data)
        if pack is not None:
            pack.keep(key, data)

    def _damaged(self) -> None:
        self.stats.hits -= 1
        self.stats.misses += 1


def extract_cached(doc: Document, ruleset: RuleSet, threshold: float,
                   cache: ClaimCache | None, rules_fp: str | None = None) -> ClaimFile:
    """`extract_document`, served from the cache when the same input was seen before."""
    from checker.extract import extract_document  # the extractor, loaded when needed

    if cache is None:
        return extract_document(doc, ruleset.lexicon, threshold)
    key = extraction_key(doc, threshold, rules_fp or rules_fingerprint(ruleset))
    found = cache.get_claims(key)
    if found is None:
        found = extract_document(doc, ruleset.lexicon, threshold)
        cache.put_claims(key, found)
    return found
