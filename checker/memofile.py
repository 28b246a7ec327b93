"""Small results remembered across runs in one file of the cache directory.

Some stages' results depend on one file's bytes alone (a sidecar's metadata, a document's
line classes). A cached run keeps them in a file keyed by a hash of those bytes, and the
next run looks them up instead of computing them. The file is a sealed marshal file
(`checker.sealedfile`; never pickle, see `checker.cache`): the documents' memo of 10,000
documents reads in 24 ms where its JSON took 37 ms, and values come back as they were put
(a tuple stays a tuple). A missing, damaged or foreign one (another code version) is empty,
and the entries this run used are written back when more than `STALE_SHARE` of them
changed, so the file follows the corpus.

    memo = MemoFile(cache_dir / "regions.marshal", code_fingerprint())
    found = memo.get(key)  # None when unknown
    memo.put(key, value)
    memo.save()
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from checker.sealedfile import read_sealed, write_sealed

FORMAT = 3  # 3: a sealed marshal file (`checker.sealedfile`); 2 was sealed JSON
KIND = f"memo {FORMAT}"  # what a memo file's head line names it
R = TypeVar("R")
# A memo is written again only when more than this share of its entries would change. An
# edited re-run at 10,000 documents rewrote 5 MB of the documents' memo, and 20 MB of normalised
# claims (`checker.normpack`), for the one entry its edit changed, and its end waited for
# those writes; the next run works the few entries out again instead (a document read, a
# cache entry opened: a millisecond each). Entries are keyed by what they were made of, so
# one left stale is never wrong, only missed.
STALE_SHARE = 0.01
_ABSENT = object()


def worth_writing(used: Mapping[str, Any], stored: Mapping[str, Any]) -> bool:
    """Whether the entries a run used differ from the stored ones in more than
    STALE_SHARE of them (any difference in a memo of fewer than 100 entries)."""
    if used == stored:
        return False
    differ = len(stored.keys() - used.keys())
    differ += sum(1 for key, value in used.items() if stored.get(key, _ABSENT) != value)
    return too_stale(differ, len(used), len(stored))


def too_stale(differ: int, used: int, stored: int) -> bool:
    """Whether `differ` entries of a file holding `stored` and a run using `used` are more
    than STALE_SHARE of them: the file is worth writing again (`NormPack.changed` too)."""
    return differ > STALE_SHARE * max(used, stored)


def dumps(value: Any) -> str:
    """Compact JSON, as the cache's JSON files hold it (`checker.compare.store`)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_memo(path: Path, code: str, entries: dict[str, Any]) -> None:
    """Write a memo's entries for the code `code` (`read_memo` reads them back):
    atomically, without fsync (a torn file fails its seal, so reads as empty); a file that
    cannot be written is skipped: the next run computes again."""
    write_sealed(path, KIND, code, {"entries": entries})


def read_memo(path: Path, code: str) -> dict[str, Any] | None:
    """The entries `write_memo` wrote for this code; None when the file is missing,
    damaged, of another format or of another code."""
    value = read_sealed(path, KIND, code)
    entries = value.get("entries") if isinstance(value, dict) else None
    return entries if isinstance(entries, dict) else None


def content_key(raw: bytes, *extra: object) -> str:
    """A memo key: the sha256 of the bytes, with whatever else the result depends on."""
    digest = hashlib.sha256(raw).hexdigest()
    return ":".join([digest, *map(str, extra)])


class MemoFile:
    """Values by key: `get` before computing, `put` after, `save` at the end."""

    def __init__(self, path: Path | None = None, code: str = "") -> None:
        self.path = path
        self.code = code
        self._stored = self._load()
        self._used: dict[str, Any] = {}
        self.hits = 0

    def get(self, key: str) -> Any | None:
        """The value stored under the key, or None."""
        value = self._stored.get(key)
        if value is not None:
            self._used[key] = value
            self.hits += 1
        return value

    def peek(self, key: str) -> Any | None:
        """The value stored under the key, or None, not yet counted as used (the caller
        checks it first, then `put`s what it uses)."""
        return self._stored.get(key)

    def taken(self, key: str) -> Any | None:
        """The value this run used or put under the key so far, or None."""
        return self._used.get(key)

    def put(self, key: str, value: Any) -> None:
        """Remember a value of plain data (what marshal writes: lists, tuples, dicts, str,
        numbers, None)."""
        self._used[key] = value

    def keep(self, key: str) -> None:
        """Keep the entry stored under the key, unread this run (what it was made of is
        known unchanged: `checker.docmemo` serves a sidecar's document without reading it)."""
        value = self._stored.get(key)
        if value is not None:
            self._used[key] = value

    def changed(self) -> bool:
        """Whether `save` would write: the entries this run used are not the stored ones,
        in more than a few of them (`worth_writing`)."""
        return self.path is not None and worth_writing(self._used, self._stored)

    def save(self) -> None:
        """Write the entries this run used when they differ enough from the stored ones
        (`changed`); a memo that cannot be written is skipped (the next run computes
        again)."""
        if self.path is None or not self.changed():
            return
        write_memo(self.path, self.code, dict(sorted(self._used.items())))

    def _load(self) -> dict[str, Any]:
        entries = read_memo(self.path, self.code) if self.path is not None else None
        return entries if entries is not None else {}


class BytesMemo:
    """A memo of what a file's bytes gave (sidecar metadata, claim files): the `MemoFile`
    plumbing both share; each subclass says what it stores and checks what it reads."""

    def __init__(self, path: Path | None = None, code: str = "") -> None:
        self.file = MemoFile(path, code)

    @property
    def hits(self) -> int:
        """Files served from the memo this run."""
        return self.file.hits

    def save(self) -> None:
        """Write the memo back (see `MemoFile.save`)."""
        self.file.save()


def remembered(memo: MemoFile | None, keys: Sequence[str | None],
               decode: Callable[[int, Any], R | None],
               compute: Callable[[list[int]], Sequence[Any]]) -> list[R]:
    """For each item i, `decode(i, value)` of the value stored under `keys[i]`. The items
    with no key, no value or a value that does not decode (a damaged memo: None) are
    computed together, `compute(todo)` giving their values as they are stored, and those
    with a key are remembered; fresh values are decoded too, so both paths give one form."""
    found: list[R | None] = [
        decode(i, value) if memo is not None and key is not None
        and (value := memo.get(key)) is not None else None
        for i, key in enumerate(keys)]
    todo = [i for i, result in enumerate(found) if result is None]
    for i, value in zip(todo, compute(todo), strict=True):
        key = keys[i]
        if memo is not None and key is not None:
            memo.put(key, value)
        found[i] = decode(i, value)
        if found[i] is None:
            raise ValueError(f"a value computed for item {i} does not decode")
    return [result for result in found if result is not None]
