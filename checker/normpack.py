"""The last run's normalised claims in one file, beside the cache's entry per document.

A re-run after one edit of 10,000 documents read 10,000 cache entries back (each opened,
read and its seal checked: 0.17-0.27 s before anything could be compared). The pack holds
the same bytes, the entries of the documents a recent run normalised (written again when
more than `memofile.STALE_SHARE` of them changed), in one sealed file read at once. The
entries per document stay the cache (content-addressed, shared by every corpus and branch
that uses the directory); the pack only serves them faster, and a key it does not hold is
read from its entry. Missing, damaged or written by other code: empty.

    pack = NormPack.read(cache_dir)
    data = pack.take(key)  # the entry's bytes, or None
    pack.keep(key, data)  # what this run used, for `save`
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.atomic import atomic_write
from checker.memofile import too_stale
from checker.sealedfile import open_sealed, sealed_chunks

PACK = "normalised.pack"
FORMAT = 2  # 1: one line per entry (JSON entries); 2: each entry after its length


class NormPack:
    """Normalised entries by key: those of the file (`take`), those this run used (`keep`)."""

    def __init__(self, path: Path, code: str, body: bytes = b"",
                 spans: dict[str, tuple[int, int]] | None = None) -> None:
        self.path = path
        self._code = code
        self._body = body
        self._spans = spans or {}  # key -> where its entry is in the body
        self._used: dict[str, bytes] = {}

    @classmethod
    def read(cls, root: Path, code: str) -> NormPack:
        """The pack of a cache directory; empty when missing, damaged or foreign."""
        path = root / PACK
        # The entries hashed and cut where they lie in the file's bytes, not copied (0.02 s
        # at 10,000 documents, before the comparison starts); read ahead while the keys
        # were made.
        header = _header(code)
        opened = open_sealed(path, lambda head: True if head == header else None)
        spans = _spans(opened[0], opened[2]) if opened is not None else None
        if opened is None or spans is None:
            return cls(path, code)
        return cls(path, code, opened[0], spans)

    def keys(self) -> set[str]:
        """The keys the file holds and those this run used."""
        return set(self._spans) | set(self._used)

    def take(self, key: str) -> bytes | None:
        """The entry the file holds under the key (kept for the next run), or None."""
        span = self._spans.get(key)
        if span is None:
            return None
        data = self._body[span[0]:span[1]]
        self._used[key] = data
        return data

    def keep(self, key: str, data: bytes) -> None:
        """An entry this run used, read from the cache or made now."""
        self._used[key] = data

    def changed(self) -> bool:
        """Whether `save` would write: this run used other keys than the file holds, more
        than a few of them (`memofile.STALE_SHARE`: the next run reads the entries of the
        others from the cache, a file each)."""
        used, held = self._used.keys(), self._spans.keys()
        return used != held and too_stale(len(used ^ held), len(used), len(held))

    def save(self) -> None:
        """Write the entries this run used, in its order, when they are not the file's
        (`changed`); a pack that cannot be written is skipped (the next run reads the
        entries)."""
        if not self.changed():
            return
        # Each entry after a line of its key and length: its bytes may hold any byte.
        body = b"".join(b"%s %d\n%s" % (key.encode("ascii"), len(data), data)
                        for key, data in self._used.items())
        try:
            atomic_write(self.path, sealed_chunks(_header(self._code), [body]), durable=False)
        except OSError:
            return


def _spans(body: bytes, start: int = 0) -> dict[str, tuple[int, int]] | None:
    """Where each key's entry is in the body (which begins at `start`); None when the body
    is not a pack's."""
    spans: dict[str, tuple[int, int]] = {}
    while start < len(body):
        line = body.find(b"\n", start)
        space = body.find(b" ", start, line)
        if line < 0 or space < 0:
            return None
        try:
            size = int(body[space + 1:line])
        except ValueError:
            return None
        end = line + 1 + size
        if size < 0 or end > len(body):
            return None
        spans[body[start:space].decode("ascii", "replace")] = (line + 1, end)
        start = end
    return spans


def _header(code: str) -> bytes:
    return json.dumps({"format": FORMAT, "code": code}).encode("ascii")
