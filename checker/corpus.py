"""The corpus: documents paired with their claim files (or claims extracted on the fly)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from checker.claimfiles import (
    LoadedClaims,
    check_spans,
    is_stale,
    load_claim_file,
    same_bytes,
)
from checker.claimmemo import ClaimFileMemo
from checker.docmemo import DocumentMemo
from checker.errors import ClaimcheckError, ConsistencyError, Location
from checker.extract.spans import SpanSet
from checker.ingest import (
    META_SUFFIX,
    Document,
    Listing,
    discover_noted,
    display_path,
    load_documents,
    shown_in,
)
from checker.lexicon import Lexicon
from checker.models.claims import Claim, ClaimFile
from checker.models.common import Suppression
from checker.relocate import relocate
from checker.sidecars import SidecarMemo
from checker.yamlio import locate, read_yaml


@dataclass
class DocClaims:
    """A document and the claims the check uses for it."""

    doc: Document
    claims: list[Claim]
    loaded: LoadedClaims | None = None
    claim_file: str | None = None
    stale: bool = False
    on_the_fly: bool = False
    gone: list[str] = field(default_factory=list)  # stale claims no longer in the text
    drafted: list[str] = field(default_factory=list)  # stale: new text's claims, on the fly
    # Claim id -> which copy of its sentence it is (`repeat`), made on first use.
    _repeats: dict[str, str] | None = field(default=None, repr=False, compare=False)
    # (claim id, span) -> its fingerprint part (findings.statement_part), made once: a
    # sentence of a page with no full stops may hold thousands of misspellings. The span is
    # in the key: a file that repeats an id (an input error) keeps each claim's own part.
    parts: dict[tuple[str, tuple[int, int]], str] = field(default_factory=dict, repr=False,
                                                           compare=False)

    def drafted_under(self, extracted: Mapping[str, str]) -> str | None:
        """The extraction key this document's claims were drafted under, which they are a
        function of (`extracted`: the cache's keys by document id), or None: a claim
        file's claims, or a draft the cache did not key."""
        return extracted.get(self.doc.id) if self.on_the_fly else None

    @property
    def suppressions(self) -> list[Suppression]:
        """Document-wide suppressions from the claim file."""
        return list(self.loaded.model.suppress) if self.loaded else []

    def claim_at(self, offset: int) -> Claim | None:
        """The claim whose span contains a document offset."""
        return next((c for c in self.claims if c.span[0] <= offset < c.span[1]), None)

    def words(self, claim: Claim) -> str:
        """The document's words at the claim's span; the claim's text when its span is not
        in the document."""
        start, end = claim.span
        text = self.doc.text
        return text[start:end] if start < end <= len(text) else claim.text

    def repeat(self, claim: Claim) -> str:
        """"" for a claim on a sentence the document writes once; for one on a sentence it
        writes more than once, which copy: the words before it (`_context`), so that a
        copy pasted above another, or one deleted, leaves the others' findings (and their
        decisions and baseline entries) on their own copies (findings.statement_part)."""
        if self._repeats is None:
            self._repeats = _repeats(self)
        return self._repeats.get(claim.id, "")

    def file_of(self, claim_id: str) -> str | None:
        """The claim file that holds the claim: none for one drafted on the fly from a
        stale file's new text."""
        return None if self.drafted and claim_id in self.drafted else self.claim_file

    def claim_line(self, claim_id: str) -> int | None:
        """Line of the claim in its claim file."""
        return self.loaded.line_of(claim_id) if self.loaded else None


def _repeats(dc: DocClaims) -> dict[str, str]:
    """For each claim on a sentence the document writes more than once, its copy's key:
    the words before it, and among copies with the same words before them their order
    (claims sharing one span share its key)."""
    words = {c.id: dc.words(c) for c in dc.claims}
    places: dict[str, set[int]] = {}
    for c in dc.claims:
        places.setdefault(words[c.id], set()).add(c.span[0])
    keys: dict[tuple[str, int], str] = {}
    for text, starts in places.items():
        if len(starts) < 2:
            continue
        seen: dict[str, int] = {}
        for start in sorted(starts):
            context = _context(dc.doc.text, start)
            keys[text, start] = f"{context}\x1d{seen[context]}" if context in seen else context
            seen[context] = seen.get(context, 0) + 1
    return {c.id: keys[words[c.id], c.span[0]] for c in dc.claims
            if (words[c.id], c.span[0]) in keys}


def _context(text: str, start: int) -> str:
    """What stands before a copy of a sentence: the words on its line before it and the
    last line with words above it, spacing aside ("" at the document's start)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    above = text[:line_start].rstrip()
    previous = above[above.rfind("\n") + 1:] if above else ""
    return " ".join(f"{previous}\n{before}".split())


class LazyDraft:
    """A document's drafted claims that the cache holds, built on first use: a re-run whose
    findings are served from the cache (`checker.findmemo`) builds none of them."""

    def __init__(self, load: Callable[[], ClaimFile]) -> None:
        self._load: Callable[[], ClaimFile] | None = load
        self._model: ClaimFile | None = None

    @property
    def claims(self) -> list[Claim]:
        """The drafted claims (built now, the first time)."""
        if self._model is None:
            assert self._load is not None
            self._model, self._load = self._load(), None
        return self._model.claims


class DeferredDocClaims(DocClaims):
    """A document with claims drafted on the fly that are built when first asked for."""

    @classmethod
    def of(cls, doc: Document, draft: LazyDraft) -> DeferredDocClaims:
        """The document with its draft, to be built on first use."""
        made = cls(doc, None, on_the_fly=True)  # type: ignore[arg-type]
        made.__dict__["_draft"] = draft
        return made

    @property  # a field of DocClaims, built lazily here
    def claims(self) -> list[Claim]:
        """The document's claims (built now, the first time)."""
        found: list[Claim] | None = self.__dict__.get("_claims")
        if found is None:
            draft: LazyDraft = self.__dict__.pop("_draft")
            found = self.__dict__["_claims"] = list(draft.claims)
        return found

    @claims.setter
    def claims(self, value: list[Claim] | None) -> None:
        self.__dict__["_claims"] = value

    def __eq__(self, other: object) -> bool:
        # Equal to the DocClaims built eagerly (a dataclass compares its own class only).
        if not isinstance(other, DocClaims):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(DocClaims)
                   if f.compare)


@dataclass
class Corpus:
    """Everything loaded, with the errors and notes met on the way."""

    docs: list[DocClaims] = field(default_factory=list)
    errors: list[ClaimcheckError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, DocClaims]:
        """Documents keyed by id."""
        return {d.doc.id: d for d in self.docs}


def claim_file_for(claims_dir: Path, doc_id: str) -> Path:
    """Where a document's claim file lives."""
    return claims_dir / f"{doc_id}.yaml"


# Drafts of the documents given, in order: claim files, or drafts built when first used.
Extractor = Callable[[Sequence[Document]], Sequence[ClaimFile | LazyDraft]]


def _extracted(doc: Document, lexicon: Lexicon, threshold: float) -> ClaimFile:
    """A document's drafted claims; the extractor is imported by the first document drafted
    (a corpus whose documents all have claim files never loads it)."""
    from checker.extract import extract_document

    return extract_document(doc, lexicon, threshold)


def load_corpus(root: Path, seeds: Path, claims_dir: Path, lexicon: Lexicon,
                threshold: float = 0.5, documents: Sequence[Path] | None = None,
                extract: Extractor | None = None,
                sidecars: SidecarMemo | None = None,
                claim_memo: ClaimFileMemo | None = None,
                known: DocumentMemo | None = None) -> Corpus:
    """Read documents and claim files; extract on the fly where a claim file is missing.

    `extract` drafts the claims of all documents without a claim file in one call (so the
    caller can cache it and spread it over processes); by default one by one, in order.
    """
    corpus = Corpus()
    listing = Listing()
    if documents is None:
        if not seeds.exists():
            corpus.errors.append(ConsistencyError("documents directory not found",
                                                  Location(display_path(seeds, root))))
            return corpus
        # A file named as text but not read ("x.markdown") is noted, not skipped silently.
        documents, unread = discover_noted(seeds, root, listing)
        corpus.notes.extend(unread)
    docs, errors = load_documents(documents, root, sidecars=sidecars, known=known,
                                  listing=listing)
    corpus.errors.extend(errors)
    present, links = _claim_files(claims_dir)
    missing = [d for d in docs if f"{d.id}.yaml" not in present]
    drafted: list[ClaimFile | LazyDraft]
    if extract is None:
        drafted = [_extracted(d, lexicon, threshold) for d in missing]
    else:
        drafted = list(extract(missing))
    on_the_fly = {d.id: model for d, model in zip(missing, drafted, strict=True)}
    shown_dir = display_path(claims_dir, root)
    for doc in docs:
        corpus.notes.extend(doc.warnings)
        corpus.docs.append(_pair(root, claims_dir, shown_dir, doc, on_the_fly.get(doc.id),
                                 corpus, links, claim_memo))
    stale = [dc for dc in corpus.docs if dc.stale]
    if stale:
        # Text the stale claim file does not cover is checked too: a sentence added since
        # extraction must not pass CI unread until someone refreshes the file.
        fresh = list(extract([dc.doc for dc in stale])) if extract is not None else \
            [_extracted(dc.doc, lexicon, threshold) for dc in stale]
        for dc, model in zip(stale, fresh, strict=True):
            _add_uncovered(dc, model.claims, corpus)
    ids = {d.doc.id for d in corpus.docs} | {_error_stem(e) for e in errors}
    if claims_dir.is_dir():
        for path in sorted(claims_dir.glob("*.yaml")):
            if not path.is_file():
                why = "is a broken symlink" if path.is_symlink() and not path.exists() \
                    else "is a directory (or not a regular file)"
                # Named where it is, not where it points (its target may be anywhere).
                corpus.errors.append(ConsistencyError(
                    f"{why}, not a claim file",
                    Location(_claim_display(path, shown_dir, root, link=False))))
            elif path.stem not in ids:
                shown = display_path(path, root)
                corpus.errors.append(ConsistencyError(
                    f"claim file for unknown document {path.stem!r} (no {path.stem}.txt or "
                    f".md under {display_path(seeds, root)})",
                    Location(shown, *_document_id_at(path, shown), "document.id")))
        corpus.errors.extend(_unread_claim_files(claims_dir, root))
    elif claims_dir.exists():
        corpus.errors.append(ConsistencyError(
            "is not a directory: claim files go in a directory, one <document id>.yaml each",
            Location(display_path(claims_dir, root))))
    return corpus


def _add_uncovered(dc: DocClaims, drafted: Sequence[Claim], corpus: Corpus) -> None:
    """Claims drafted from a stale document's new text where no claim of its file lies,
    added to the check after the file's own (and noted: the file still wants refreshing)."""
    ids = {c.id for c in dc.claims}
    taken = SpanSet(c.span for c in dc.claims)
    # A sentence an editor deleted from the file (drafted once, in `drafted:`, no longer
    # among its claims) is not drafted again on the fly (a CI probe: a stale file brought
    # back a claim the editor had removed and failed the check).
    # Deleted is gone from the file, not from the text: a claim whose sentence changed
    # ("a member" -> "a Member") is in the file still, and its new text is drafted (an editor
    # probe: a case change took a false statement out of the check, exit 0).
    deleted = set(dc.loaded.model.drafted) - {c.id for c in dc.loaded.model.claims} \
        if dc.loaded else set()
    drafted = [c for c in drafted if c.id not in deleted]
    # Covered is by place, not id: a copy pasted above a sentence of the file drafts with
    # that sentence's id (ids follow the words) and was taken as covered (an editor probe:
    # a false statement passed CI until the file was refreshed). It gets an id of its own.
    added = [_unique_id(c, ids) for c in drafted if not taken.overlaps(*c.span)]
    if added:
        from checker.reporting.common import plural

        dc.claims = dc.claims + added
        dc.drafted = [c.id for c in added]
        corpus.notes.append(f"{dc.doc.path}: {plural(len(added), 'sentence')} not in "
                            f"{dc.claim_file} extracted on the fly and checked")


def _unique_id(claim: Claim, ids: set[str]) -> Claim:
    """The claim, renamed `<id>-N` (as extraction names a repeat) when its id is taken."""
    if claim.id not in ids:
        ids.add(claim.id)
        return claim
    n = 2
    while f"{claim.id}-{n}" in ids:
        n += 1
    ids.add(f"{claim.id}-{n}")
    return claim.model_copy(update={"id": f"{claim.id}-{n}"})


def _document_id_at(path: Path, shown: str) -> tuple[int, int | None]:
    """(line, column) of `document.id` in a claim file, (1, None) if it cannot be read."""
    try:
        line, col = locate(read_yaml(path, shown), ["document", "id"])
    except ClaimcheckError:
        return 1, None
    return line or 1, col


def _unread_claim_files(claims_dir: Path, root: Path) -> list[ClaimcheckError]:
    """Files that look like claim files but would be ignored (and their edits lost): a
    `.yml` name, or a claim file in a subdirectory."""
    errors: list[ClaimcheckError] = []
    for path in sorted(claims_dir.rglob("*.y*ml")):
        hidden = any(part.startswith(".") for part in path.relative_to(claims_dir).parts)
        if hidden or path.suffix not in (".yml", ".yaml") or path.name.endswith(META_SUFFIX):
            continue
        if path.parent != claims_dir:
            why = f"is not read: claim files sit directly in {display_path(claims_dir, root)}/"
        elif path.suffix == ".yml":
            why = f"is not read: claim files are named <document id>.yaml ({path.stem}.yaml)"
        else:
            continue
        errors.append(ConsistencyError(why, Location(display_path(path, root))))
    return errors


def _claim_files(claims_dir: Path) -> tuple[set[str], set[str]]:
    """Names in the claims directory that exist (`Path.exists`: symlinks followed), and
    the names that are symlinks: one directory read instead of a stat per document."""
    present: set[str] = set()
    links: set[str] = set()
    try:
        with os.scandir(claims_dir) as it:
            for entry in it:
                if entry.is_symlink():
                    links.add(entry.name)
                    if not os.path.exists(entry.path):
                        continue  # a broken link: no claim file, as exists() says
                present.add(entry.name)
    except OSError:  # no directory (or not one): every document is drafted
        pass
    return present, links


def _error_stem(error: ClaimcheckError) -> str:
    """The document id an error is about: a bad `<stem>.meta.yaml` is about `<stem>`, so its
    claim file is not also reported as belonging to an unknown document."""
    path = error.location.path if error.location else ""
    name = Path(path).name
    return name.removesuffix(META_SUFFIX) if name.endswith(META_SUFFIX) else Path(path).stem


def _claim_display(path: Path, shown_dir: str, root: Path, link: bool | None = None) -> str:
    """display_path of a claim file, without resolving each of 10,000 paths: the directory
    is resolved once, and only a symlinked file (rare) is resolved on its own. `link`
    says whether the file is a symlink, when the caller knows."""
    if path.is_symlink() if link is None else link:
        return display_path(path, root)
    return shown_in(shown_dir, path.name)


def _pair(root: Path, claims_dir: Path, shown_dir: str, doc: Document,
          drafted: ClaimFile | LazyDraft | None, corpus: Corpus, links: set[str],
          claim_memo: ClaimFileMemo | None = None) -> DocClaims:
    name = f"{doc.id}.yaml"  # `claim_file_for`'s, with no Path made for a drafted document
    if drafted is not None:
        display = _claim_display(claims_dir / name, shown_dir, root, True) if name in links \
            else shown_in(shown_dir, name)
        corpus.notes.append(f"{doc.path}: no claim file ({display}); claims extracted on the fly")
        if isinstance(drafted, LazyDraft):
            return DeferredDocClaims.of(doc, drafted)
        return DocClaims(doc, list(drafted.claims), on_the_fly=True)
    path = claim_file_for(claims_dir, doc.id)
    display = _claim_display(path, shown_dir, root, name in links)
    loaded, errors = load_claim_file(path, display, claim_memo)
    corpus.errors.extend(errors)
    if loaded is None:
        return DocClaims(doc, [], claim_file=display)
    if loaded.model.document.id != doc.id:
        line, col = locate(loaded.root, ["document", "id"])
        corpus.errors.append(ConsistencyError(
            f"document.id is {loaded.model.document.id!r} but the file is for {doc.id!r} "
            f"(renamed? `claimcheck extract {doc.path} --out {shown_dir}` re-keys its claims "
            f"and keeps your edits)",
            Location(display, line, col, "document.id")))
    if same_bytes(loaded, doc):
        corpus.errors.extend(check_spans(loaded, doc))
        claims = [c for c in loaded.model.claims if c.span[1] <= len(doc.text)]
        return DocClaims(doc, claims, loaded, display)
    # The document changed since extraction, if only in its line endings (which move the
    # offsets) or BOM: each claim is looked up by its text.
    claims, gone = relocate(loaded.model.claims, doc)
    # A claim its text no longer holds is a change however the file was saved: warned of.
    stale = bool(gone) or is_stale(loaded, doc)
    return DocClaims(doc, claims, loaded, display, stale=stale, gone=gone)
