"""Ingest: read documents (.txt, .md) and their metadata (sidecar or front matter)."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from checker import rx
from checker.errors import ClaimcheckError, InputError, Location
from checker.models.document import DocumentMeta
from checker.safepaths import escapes
from checker.schemacheck import validate_model
from checker.schemas import load as load_schema
from checker.sidecars import SidecarMemo
from checker.textutil import LineIndex
from checker.yamlfast import model_from_bytes, read_small
from checker.yamlio import parse_yaml, read_yaml

if TYPE_CHECKING:  # checker.docmemo builds on this module's Document
    from checker.docmemo import DocumentMemo

DOCUMENT_SUFFIXES = (".txt", ".md")  # in any case: "NOTES.TXT" is a document
# Names of text a writer may mean as a document but the run does not read: each is noted.
UNREAD_SUFFIXES = (".markdown", ".mdown", ".mkd", ".mkdn", ".text")
META_SUFFIX = ".meta.yaml"
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_OPENED_RE = rx.compile(r"---[ \t]*\r?\n[\w-]+:")  # "---" then a key: front matter begun
_FRONT_MATTER_RE = rx.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Document:
    """A document: its id (file stem), path, full text and metadata."""

    id: str
    path: str
    text: str
    meta: DocumentMeta
    sha256: str
    body_start: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @cached_property
    def lines(self) -> LineIndex:
        """Offset <-> line/column index of the text."""
        return LineIndex(self.text)


def document_fields(doc: Document) -> str:
    """A document's id, display path, text hash and body start as one string that no other
    document's can be (each text after its length): what keys made of a document start
    with (`cache.extraction_key`, `findmemo.document_digests`)."""
    return f"{len(doc.id)}:{doc.id}{len(doc.path)}:{doc.path}{doc.sha256}\0{doc.body_start}\0"


def shown_in(shown_dir: str, name: str) -> str:
    """A plain file's display path, of its directory's display path and its name."""
    return name if shown_dir == "." else f"{shown_dir}/{name}"


def sha256_bytes(raw: bytes) -> str:
    """Content hash recorded in claim files to detect stale extractions."""
    return hashlib.sha256(raw).hexdigest()


def decode(raw: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (a BOM is dropped); invalid bytes are replaced, and said so."""
    if b"\x00" in raw:  # anywhere: a NUL after the first page would reach claim files
        raise InputError("binary file (NUL bytes), not a text document", Location(path))
    try:
        return _unmarked(raw.decode("utf-8-sig")), ()
    except UnicodeDecodeError as exc:
        text = _unmarked(raw.decode("utf-8-sig", errors="replace"))
        return text, (f"{path}: invalid UTF-8 at byte offset {exc.start}; decoded with U+FFFD",)


def _unmarked(text: str) -> str:
    """The text without byte-order marks before it: a file saved twice by an editor that
    adds one may open with two (a review: the second stayed the text's first character)."""
    return text.lstrip("\ufeff") if text[:1] == "\ufeff" else text


def document_from_text(
    doc_id: str, text: str, meta: DocumentMeta | None = None, path: str | None = None
) -> Document:
    """Build a Document from text in memory (the Python API; no file system)."""
    meta_out, body_start = meta or DocumentMeta(), 0
    if meta is None and is_markdown(path or ""):
        meta_out, body_start = _front_matter(text, path or doc_id)
    digest = sha256_bytes(text.encode("utf-8"))
    return Document(doc_id, path or f"{doc_id}.txt", text, meta_out, digest, body_start)


def is_document_name(name: str) -> bool:
    """Whether a file name is a document's: .txt or .md in any case, not hidden."""
    # The suffixes have one dot, at their start: ending with one is having it as
    # `os.path.splitext`'s extension.
    return not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES)


def is_markdown(name: str) -> bool:
    """Whether a document name is Markdown's (front matter read): .md in any case."""
    return name.lower().endswith(".md")


def read_document(path: Path, display: str, max_bytes: int = MAX_DOCUMENT_BYTES,
                  sidecars: SidecarMemo | None = None) -> Document:
    """Read one document file and its metadata (sidecars looked up in the memo first)."""
    # os functions on the path's string: a corpus re-run reads 10,000 documents, and
    # pathlib's parsing for each stat, open and sibling cost more than reading them.
    name = os.fspath(path)
    try:
        size = os.stat(name).st_size
        if size > max_bytes:
            raise InputError(
                f"document is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit",
                Location(display),
            )
        with open(name, "rb") as handle:
            # Bounded even if the file grew since stat(): never more than the limit in memory.
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputError(f"document is over the {max_bytes / 2**20:.0f} MB limit",
                             Location(display))
    except FileNotFoundError:
        if os.path.islink(name):  # said as such: "not found" of a file listed is puzzling
            raise InputError(f"is a broken symlink (its target {os.readlink(name)!r} does not "
                             f"exist), not a document", Location(display)) from None
        raise InputError("document not found", Location(display)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a document", Location(display)) from None
    except OSError as exc:
        raise InputError(f"cannot read document: {exc.strerror}", Location(display)) from None
    text, warnings = decode(raw, display)
    meta, body_start = DocumentMeta(), 0
    suffix = path.suffix
    if is_markdown(suffix):
        meta, body_start = _front_matter(text, display)
        if not body_start and _OPENED_RE.match(text):
            warnings += (f"{display}: front matter opened on line 1 is never closed by a "
                         f"`---` line; the page is read as text, without its metadata",)
    sidecar = name[:len(name) - len(suffix)] + META_SUFFIX  # <stem>.meta.yaml beside it
    if os.path.exists(sidecar):
        meta = _read_sidecar(sidecar, _sibling(display, os.path.basename(sidecar)), sidecars)
    if not text[body_start:].strip():
        # Not an error (a page may be a stub), but an empty result must not pass unnoticed.
        warnings += (f"{display}: empty document (no text)",)
    return Document(path.stem, display, text, meta, sha256_bytes(raw), body_start, warnings)


def _sibling(display: str, name: str) -> str:
    parent = display.rsplit("/", 1)[0] if "/" in display else ""
    return f"{parent}/{name}" if parent else name


def _read_sidecar(path: str, display: str, memo: SidecarMemo | None) -> DocumentMeta:
    raw = read_small(path)  # None: the careful path below reads it and reports
    if raw is not None:
        known = memo.get(raw) if memo is not None else None
        if known is not None:
            return known
        fast = model_from_bytes(raw, path, DocumentMeta, load_schema("meta"))
        if fast is not None:
            if memo is not None:
                memo.put(raw, fast)
            return fast
    root = read_yaml(Path(path), display)
    return meta_from_node(root, display)


def meta_from_node(root: object, display: str) -> DocumentMeta:
    """A document's metadata from its parsed YAML, or its first schema error raised."""
    if root is None:
        return DocumentMeta()
    meta, errors = validate_model(root, DocumentMeta, load_schema("meta"), display)
    if errors:
        raise errors[0]
    assert meta is not None
    return meta


def _front_matter(text: str, display: str) -> tuple[DocumentMeta, int]:
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return DocumentMeta(), 0
    # Blank lines in place of the lines above it: errors name the file's own line numbers.
    above = text.count("\n", 0, m.start(1)) if m.group(1) is not None else 0
    root = parse_yaml("\n" * above + (m.group(1) or ""), display)
    return meta_from_node(root, display), m.end()


def discover(seeds: Path) -> list[Path]:
    """Document files under a directory (or the file itself), sorted.

    A broken symlink with a document's name is among them: reading it says it is broken
    (a probe: it was left out, and nothing said so)."""
    return discover_noted(seeds)[0]


class Listing:
    """What discovering the documents saw of each, as a stat would say it: whether it is a
    symlink and whether a sidecar is beside it (10,000 documents took 20,000 stats for
    these, in a corpus without sidecars half of them raising). By the path's string as the
    `Path` discovered gives it; a path not discovered is asked of the file system."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[bool, bool]] = {}  # path -> (a symlink, has a sidecar)

    def add(self, path: Path, link: bool, sidecar: bool) -> None:
        """Record what the directory's entries said of a document's file."""
        self._files[os.fspath(path)] = (link, sidecar)

    def is_symlink(self, path: Path) -> bool:
        """`path.is_symlink()`, as the directory's entries said when they were read."""
        known = self._files.get(os.fspath(path))
        return path.is_symlink() if known is None else known[0]

    def may_have_sidecar(self, path: Path) -> bool:
        """Whether the document may have a sidecar: False only when its directory's
        entries had none (a sidecar made since is seen by the next run, as one made just
        after this one)."""
        known = self._files.get(os.fspath(path))
        return known is None or known[1]


def discover_noted(seeds: Path, root: Path | None = None,
                   listing: Listing | None = None) -> tuple[list[Path], list[str]]:
    """`discover(seeds)`, and a run note for each file not read though its name says text
    ("x.markdown"); notes name files relative to root (default: the working directory).
    `listing` is given the directories' entries."""
    if seeds.is_file():
        return [seeds], []
    found: list[tuple[str, bool, bool]] = []
    unread: list[str] = []
    _walk(os.fspath(seeds), found, unread)
    base = Path.cwd() if root is None else root
    notes = [_unread_note(path, display_path(path, base)) for path in sorted(map(Path, unread))]
    paths = []
    for name, link, sidecar in found:
        path = Path(name)
        paths.append(path)
        if listing is not None:
            listing.add(path, link, sidecar)
    return sorted(paths, key=PATH_ORDER), notes


# Paths in their own order (on POSIX, `Path.__lt__` compares exactly these parts), compared
# in C: 10,000 documents sorted by `__lt__` made 122,000 calls of it (0.08 s a run).
PATH_ORDER = attrgetter("parts")


def _unread_note(path: Path, shown: str) -> str:
    """What a run says of a file in the documents' directory that it does not read."""
    if path.name.lower().endswith(META_SUFFIX):
        stem = path.name[:-len(META_SUFFIX)]
        return (f"{shown}: not read: metadata of no document (no {stem}.txt or {stem}.md "
                f"beside it)")
    return (f"{shown}: not read: documents are .txt or .md files (rename it {path.stem}.md "
            f"to check it)")


def _walk(directory: str, found: list[tuple[str, bool, bool]], unread: list[str]) -> None:
    """What `Path.rglob("*")` then `is_file()` keep (and broken symlinks), from directory
    entries, each with whether it is a symlink and has a sidecar beside it: a stat only
    for a symlink (10,000 documents took 10,000 stats). Symlinked directories are not
    entered, as rglob does not; an unreadable directory is skipped, as rglob skips it.
    Files named as text but not read, and sidecars of no document, go to `unread`."""
    try:
        with os.scandir(directory) as it:
            entries = list(it)
    except OSError:  # missing, not a directory, unreadable: rglob yields nothing there
        return
    # Folded: on a file system that ignores case or Unicode normalisation, "Doc.META.yaml"
    # is the sidecar `read_document` finds beside "doc.txt" (the listing only ever errs
    # towards a stat).
    names = {_folded(entry.name) for entry in entries}
    # The sidecar names the documents here would read, folded, each with the names as
    # asked for: one beside none is a renamed or deleted document's, and its metadata
    # would be lost without a word.
    wanted: dict[str, list[str]] = {}
    for entry in entries:
        if is_document_name(entry.name):
            asked = os.path.splitext(entry.name)[0] + META_SUFFIX
            wanted.setdefault(_folded(asked), []).append(asked)
    for entry in entries:
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, found, unread)
        elif is_document_name(name):
            link = entry.is_symlink()
            if entry.is_file() or link and not os.path.exists(entry.path):
                found.append((entry.path, link,
                              _folded(os.path.splitext(name)[0] + META_SUFFIX) in names))
        elif not name.startswith(".") and (
                name.lower().endswith(UNREAD_SUFFIXES)
                or name.lower().endswith(META_SUFFIX) and _orphan(directory, name, wanted)) \
                and entry.is_file():
            unread.append(entry.path)


def _orphan(directory: str, name: str, wanted: dict[str, list[str]]) -> bool:
    """Whether no document of the directory reads the sidecar `name` (`wanted`: the
    sidecar names its documents ask for, by their folded form): none asks for it by that
    name, nor for a name the file system takes for it ("B.md" reads "b.meta.yaml" where
    case is ignored, not where it counts)."""
    asked = wanted.get(_folded(name), ())
    return not any(w == name or os.path.exists(os.path.join(directory, w)) for w in asked)


def _folded(name: str) -> str:
    """A file name as a file system that ignores case and normalisation compares it."""
    if name.isascii():  # NFC leaves it as it is, and casefold is lower (20,000 names a run)
        return name.lower()
    return unicodedata.normalize("NFC", name).casefold()


def load_documents(
    paths: Iterable[Path], root: Path, max_bytes: int = MAX_DOCUMENT_BYTES,
    allow_outside: bool = False, sidecars: SidecarMemo | None = None,
    known: DocumentMemo | None = None, listing: Listing | None = None,
) -> tuple[list[Document], list[ClaimcheckError]]:
    """Read every document; a bad one is reported and the others still load. Documents
    `known` from the last run, by their files' stat signatures, are not read until their
    text is asked for (`checker.docmemo`). `listing`: what discovering them saw."""
    listing = listing or Listing()
    docs: dict[str, Document] = {}
    errors: list[ClaimcheckError] = []
    real_root = root.resolve()
    dirs: dict[str, tuple[str | None, bool, str]] = {}
    for path in paths:
        display, outside, file = _placed(path, root, real_root, dirs, listing)
        if not allow_outside and outside:
            errors.append(InputError("is a symlink to a file outside the repository (refused; "
                                     "pass the target path explicitly to read it)",
                                     Location(display)))
            continue
        try:
            doc = _read_or_known(path, file, display, max_bytes, sidecars, known, listing)
        except ClaimcheckError as exc:
            errors.append(exc)
            continue
        if doc.id in docs:
            errors.append(
                InputError(
                    f"document id {doc.id!r} is also used by {docs[doc.id].path}",
                    Location(display),
                )
            )
            continue
        docs[doc.id] = doc
    return [docs[k] for k in sorted(docs)], errors


def _read_or_known(path: Path, file: str, display: str, max_bytes: int,
                   sidecars: SidecarMemo | None, known: DocumentMemo | None,
                   listing: Listing) -> Document:
    """The document the memo knows at this path, or the document read now (remembered).
    `file` is the path made absolute: the same file named from another working directory
    is the same entry."""
    if known is None:
        return read_document(path, display, max_bytes, sidecars)
    found, stats = known.lookup(file, path.stem, display, listing.may_have_sidecar(path))
    if found is not None:
        return found
    doc = read_document(path, display, max_bytes, sidecars)
    if stats is not None:
        known.put(file, doc, stats)
    return doc


def _placed(path: Path, root: Path, real_root: Path,
            dirs: dict[str, tuple[str | None, bool, str]],
            listing: Listing) -> tuple[str, bool, str]:
    """`(display path, escapes(...), os.path.abspath(path))` of a document, each directory
    resolved once: 10,000 documents of one directory are one directory resolved, not
    10,000 paths (a symlinked file, or an odd name, is resolved on its own)."""
    text = os.fspath(path)
    head, name = os.path.split(text)
    if name in ("", ".", "..") or listing.is_symlink(path):
        real = path.resolve()
        outside = escapes(path, root, real, real_root)
        if not real.exists() and path.is_symlink():
            # A broken link is named where it is: its target is no file to point at.
            real = path.parent.resolve() / name
        return _display(path, real, real_root), outside, os.path.abspath(text)
    known = dirs.get(head)
    if known is None:
        parent = path.parent
        real_dir = parent.resolve()
        # A plain file in a directory: it escapes exactly when its directory does, and
        # its display path is its directory's with its name appended (its absolute path
        # too: `abspath` only joins and normalises, and a name has nothing to normalise).
        try:
            prefix: str | None = real_dir.relative_to(real_root).as_posix()
        except ValueError:
            prefix = None
        known = dirs[head] = (prefix, escapes(parent, root, real_dir, real_root),
                              os.path.abspath(head or os.curdir))
    prefix, outside, absolute = known
    file = os.path.join(absolute, name)
    return (path.as_posix() if prefix is None else shown_in(prefix, name)), outside, file


def display_path(path: Path, root: Path) -> str:
    """Path relative to the repository root when inside it, POSIX style."""
    return _display(path, path.resolve(), root.resolve())


def _display(path: Path, resolved: Path, resolved_root: Path) -> str:
    try:
        return resolved.relative_to(resolved_root).as_posix()
    except ValueError:
        return path.as_posix()
