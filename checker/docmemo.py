"""Documents known unchanged by their files' stat signatures: read only when their text is.

A re-run over a corpus whose documents did not change reads 10,000 files, hashes their
bytes and parses 10,000 sidecars only to learn what the last run knew. A cached run keeps,
for each document it read, the stat signature of the file and of its sidecar (size,
modification and change times in nanoseconds, inode, device) with what reading gave: the
sha256 of the bytes, where the body starts, the warnings and the metadata, and the key
its drafted claims were held under in the cache (`note_keys`: a served document's key is
then neither hashed again nor looked for, 10,000 hashes and stats a run). The next run
stats both files; when the signatures are the ones kept, the document is taken from the
memo as a `DeferredDocument`, whose text is read the first time something asks for it (and
checked against the kept sha256 then). A run whose findings are served from
`findings.json` reads no document at all. The memo is written again when more than
`memofile.STALE_SHARE` of its entries changed: until then a document edited since is read
by every run, as one the memo never knew.

A change that keeps a file's size and both of its times is not seen: that is the rule of
git's index, mypy's and black's caches. As git does, an entry is trusted only when the file
was last changed well before the entry was taken (`RACY_NS`): a file written in the same
moment the last run read it may have changed within one tick of the clock, and is read
again. Writing a file changes its change time, which no user command sets back.

    memo = DocumentMemo(cache_dir / "documents.marshal", code_fingerprint())
    docs, errors = load_documents(paths, root, sidecars=sidecars, known=memo)
    memo.save()
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Collection, Mapping
from dataclasses import fields
from typing import Any

from pydantic import ValidationError

from checker.errors import InputError, Location
from checker.ingest import META_SUFFIX, Document, decode, sha256_bytes
from checker.memofile import MemoFile, content_key
from checker.models.document import DocumentMeta
from checker.sidecars import SidecarMemo

# A file changed less than this before the memo's entry was taken is read again (racy).
RACY_NS = 2_000_000_000

Signature = list[int]
Stats = tuple[Signature, Signature | None]  # the document's, its sidecar's (None: none)


def signature(st: os.stat_result) -> Signature:
    """What a file's stat says of its contents' version."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


class DeferredDocument(Document):
    """A document known from the memo: its text is read from `file` on first use, and must
    hash to the `sha256` the memo kept."""

    @property  # a field of Document, read lazily here
    def text(self) -> str:
        """The document's text, read on first use."""
        found: str | None = self.__dict__.get("_text")
        if found is None:
            found = _read_again(self.__dict__["_file"], self.path, self.sha256,
                                self.__dict__["_memo"])
            self.__dict__["_text"] = found
        return found

    @text.setter
    def text(self, value: str | None) -> None:
        # Document.__init__ sets the field: None here, until the text is read.
        self.__dict__["_text"] = value

    def __eq__(self, other: object) -> bool:
        # Equal to the Document a read gives (a dataclass compares its own class only).
        if not isinstance(other, Document):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(Document)
                   if f.compare)

    __hash__ = Document.__hash__


def deferred(file: str, doc_id: str, display: str, meta: DocumentMeta, sha256: str,
             body_start: int, warnings: tuple[str, ...], memo: str | None = None
             ) -> DeferredDocument:
    """A document whose text `file` holds, to be read when asked for; `memo` is the file
    of the memo that knew it (forgotten if the text is not what it kept)."""
    doc = DeferredDocument(doc_id, display, None, meta, sha256, body_start,  # type: ignore[arg-type]
                           warnings)
    doc.__dict__["_file"] = file
    doc.__dict__["_memo"] = memo
    return doc


def _read_again(file: str, display: str, sha256: str, memo: str | None = None) -> str:
    """The text of a document the memo knew, read now; an error when its bytes are not
    the ones the memo kept (changed without a change of size or times, or while the check
    ran), and the memo forgotten, so that the next run reads every document."""
    try:
        with open(file, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read document: {exc.strerror}", Location(display)) from None
    if sha256_bytes(raw) != sha256:
        if memo is not None:
            # Its signatures would serve the same stale entry again, and a findings memo
            # keyed by the kept hash the last report, however often the run is repeated.
            with contextlib.suppress(OSError):
                os.unlink(memo)
        raise InputError("changed while it was being checked (its size and times are those "
                         "of the last run, its bytes are not): run the check again",
                         Location(display))
    return decode(raw, display)[0]


class DocumentMemo:
    """What reading each document gave, by path, with its files' stat signatures."""

    def __init__(self, path: Any = None, code: str = "",
                 sidecars: SidecarMemo | None = None) -> None:
        self.file = MemoFile(path, code)
        # The sidecar metadata memo: a served document's sidecar entry is kept in it (it
        # keeps only what a run uses, and a run that reads no sidecar would empty it).
        self.sidecars = sidecars
        # When this run's stats were taken: an entry made now is trusted from RACY_NS on.
        self.seen = time.time_ns()
        self.served = 0
        # Document id -> file of the entries used; None for an id two files have (one of
        # them is refused as a duplicate, and neither may be given the other's key).
        self._files: dict[str, str | None] = {}

    def lookup(self, file: str, doc_id: str, display: str, sidecar: bool = True
               ) -> tuple[DeferredDocument | None, Stats | None]:
        """The document the memo knows at `file` (or None: read it), and the signatures its
        files have now, taken before any read (None: a file cannot be stat'ed). `sidecar`
        false: the document had none when its directory was listed, and an entry without
        one is looked up with no stat of it."""
        stats = stats_of(file, sidecar)
        found = self._get(file, doc_id, display, stats) if stats is not None else None
        if found is None and not sidecar:
            # To be read now, with whatever sidecar is there now (one made since the
            # listing): its signature is taken too, or the entry made now would serve its
            # metadata after it changed.
            stats = stats_of(file)
        return found, stats

    def _get(self, file: str, doc_id: str, display: str,
             stats: Stats) -> DeferredDocument | None:
        entry = self.file.peek(file)
        if not isinstance(entry, list) or len(entry) != 10:
            return None
        sig, side, seen, shown, sha256, body_start, warnings, meta, side_key, drafted = entry
        if sig != stats[0] or side != stats[1] or shown != display or not _settled(stats, seen):
            return None
        try:
            model = DocumentMeta.model_validate(meta)
        except ValidationError:
            return None
        self.file.put(file, entry)
        if self.sidecars is not None and isinstance(side_key, str):
            self.sidecars.file.keep(side_key)
        self.served += 1
        self._named(doc_id, file)
        doc = deferred(file, doc_id, display, model, sha256, body_start, tuple(warnings),
                       os.fspath(self.file.path) if self.file.path is not None else None)
        if type(drafted) is list and len(drafted) == 3 and type(drafted[0]) is str \
                and type(drafted[1]) is str and type(drafted[2]) is int:
            doc.__dict__["_drafted"] = tuple(drafted)
        return doc

    def put(self, file: str, doc: Document, stats: Stats) -> None:
        """Remember a document read now, under the signatures taken before reading it."""
        self._named(doc.id, file)
        self.file.put(file, [stats[0], stats[1], self.seen, doc.path, doc.sha256,
                             doc.body_start, list(doc.warnings),
                             doc.meta.model_dump(mode="json"), _sidecar_key(file, stats), None])

    def _named(self, doc_id: str, file: str) -> None:
        known = self._files.setdefault(doc_id, file)
        if known != file:
            self._files[doc_id] = None

    def note_keys(self, head: str, keys: Mapping[str, str], kept: Collection[str] = (),
                  now: float | None = None) -> None:
        """Remember the extraction key (`keys`: by document id) each document's drafted
        claims are held under in the cache, made of `head` (`cache.extraction_head`), and
        when the cache was seen to hold them (`now`), for the next runs of the same head to
        take (`kept_key`) instead of hashing the metadata and asking the cache for each
        document. The documents `kept` took theirs from this memo: their entries stay."""
        when = int(time.time() if now is None else now)
        for doc_id, key in keys.items():
            file = self._files.get(doc_id) if doc_id not in kept else None
            if file is None:
                continue
            entry = self.file.taken(file)
            if type(entry) is list and len(entry) == 10:
                # A new list: the stored one is the entry as read, which `save` compares.
                self.file.put(file, [*entry[:9], [head, key, when]])

    def save(self) -> None:
        """Write the entries this run used (see `MemoFile.save`)."""
        self.file.save()


def kept_key(doc: Document, head: str, since: float) -> str | None:
    """The extraction key the memo kept for a document it served, when kept under `head`
    and seen held `since` then (`DocumentMemo.note_keys`; None: none kept, kept under
    another code, rules or threshold, or seen before: the draft is looked for again, and
    its file's time set again, so that the day's sweep never takes a draft runs still
    use). A draft gone since is extracted again when first built (`parallel._drafted`)."""
    found = doc.__dict__.get("_drafted")
    return found[1] if found is not None and found[0] == head and found[2] >= since else None


def _sidecar_key(file: str, stats: Stats) -> str | None:
    """The sidecar memo's key of the document's sidecar (`SidecarMemo`), if it has one."""
    if stats[1] is None:
        return None
    try:
        with open(_sidecar(file), "rb") as handle:
            return content_key(handle.read())
    except OSError:
        return None


def _sidecar(file: str) -> str:
    return os.path.splitext(file)[0] + META_SUFFIX


def _settled(stats: Stats, seen: object) -> bool:
    """Whether both files were last changed RACY_NS before the entry was taken."""
    if not isinstance(seen, int):
        return False
    doc, side = stats  # written out: 10,000 generators and max() calls took 0.02 s a run
    newest = max(doc[1], doc[2]) if side is None else max(doc[1], doc[2], side[1], side[2])
    return newest < seen - RACY_NS


def stats_of(file: str, sidecar: bool = True) -> Stats | None:
    """The signatures of a document file and of its sidecar (None: no sidecar, or
    `sidecar` false: known to have none), or None when the document cannot be stat'ed
    (reading it says why)."""
    try:
        doc = signature(os.stat(file))
    except OSError:
        return None
    if not sidecar:
        return doc, None
    try:
        side: Signature | None = signature(os.stat(_sidecar(file)))
    except FileNotFoundError:
        side = None
    except OSError:
        return None
    return doc, side
