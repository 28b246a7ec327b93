"""Small results remembered across runs in one JSON file of the cache directory.

Some stages' results depend on one file's bytes alone (a sidecar's metadata, a document's
line classes). A cached run keeps them in a file keyed by a hash of those bytes, and the
next run looks them up instead of computing them. The file is JSON (never pickle, see
`checker.cache`); a missing, damaged or foreign one (another code version) is empty, and
the entries this run used are written back when more than `STALE_SHARE` of them changed,
so the file follows the corpus.

    memo = MemoFile(cache_dir / "regions.json", code_fingerprint())
    found = memo.get(key)  # None when unknown
    memo.put(key, value)
    memo.save()
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from checker.atomic import atomic_write

FORMAT = 2  # 2: sealed (`_sealed`)
R = TypeVar("R")
# A memo is written again only when more than this share of its entries would change. An
# edited re-run at 10,000 documents rewrote 5 MB of documents.json, and 20 MB of normalised
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


def write_json(path: Path, payload: dict[str, Any]) -> None:
    """Write a cache file atomically, without fsync (a torn file reads as foreign, so as
    empty); a file that cannot be written is skipped: the next run computes again."""
    try:
        atomic_write(path, _sealed([dumps(payload)[:-1].encode("utf-8")]), durable=False)
    except OSError:
        return


_SEAL_HEAD, _SEAL_TAIL = b',"seal":"', b'"}'
_SEAL_SIZE = len(_SEAL_HEAD) + 64 + len(_SEAL_TAIL)


def _sealed(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks of an object missing its closing brace, then a last key: the sha256 of
    every byte before it. A file edited, torn or truncated no longer matches its seal."""
    digest = hashlib.sha256()
    written = 0
    for chunk in chunks:
        digest.update(chunk)
        written += len(chunk)
        yield chunk
    # An object with nothing in it but the seal ("{") takes no comma before it.
    head = _SEAL_HEAD if written > 1 else _SEAL_HEAD[1:]
    yield head + digest.hexdigest().encode("ascii") + _SEAL_TAIL


def dumps(value: Any) -> str:
    """Compact JSON, as the cache files hold it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def read_json(path: Path, header: dict[str, Any]) -> dict[str, Any] | None:
    """A cache file written by `write_json` whose header fields are these and whose seal
    holds, else None."""
    if not _seal_holds(path):
        return None
    try:
        # Text, not bytes: json.loads would decode bytes to a second copy of the file
        # while it parses.
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in header.items()):
        return None
    return data


def _seal_holds(path: Path, block: int = 1 << 20) -> bool:
    """Whether the bytes before a file's seal hash to it (read in blocks: a large file is
    not held twice for this)."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < _SEAL_SIZE:
                return False
            digest = hashlib.sha256()
            left = size - _SEAL_SIZE
            while left > 0:
                chunk = handle.read(min(block, left))
                if not chunk:
                    return False
                digest.update(chunk)
                left -= len(chunk)
            tail = handle.read()
    except OSError:
        return False
    if tail == _SEAL_HEAD + digest.hexdigest().encode("ascii") + _SEAL_TAIL:
        return True
    # An object with nothing but the seal: `{"seal":"..."}`, its "{" before the seal.
    digest.update(tail[:1])
    return tail[1:] == _SEAL_HEAD[1:] + digest.hexdigest().encode("ascii") + _SEAL_TAIL


def content_key(raw: bytes, *extra: object) -> str:
    """A memo key: the sha256 of the bytes, with whatever else the result depends on."""
    digest = hashlib.sha256(raw).hexdigest()
    return ":".join([digest, *map(str, extra)])


class MemoFile:
    """JSON values by key: `get` before computing, `put` after, `save` at the end."""

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

    def put(self, key: str, value: Any) -> None:
        """Remember a JSON-ready value."""
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
        write_json(self.path, {"format": FORMAT, "code": self.code,
                               "entries": dict(sorted(self._used.items()))})

    def _load(self) -> dict[str, Any]:
        data = read_json(self.path, {"format": FORMAT, "code": self.code}) if self.path else None
        entries = data.get("entries") if data is not None else None
        return entries if isinstance(entries, dict) else {}


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
