"""The last run's normalised claims in one file, beside the cache's entry per document.

A re-run after one edit of 10,000 documents read 10,000 cache entries back (each opened,
read and its seal checked: 0.17-0.27 s before anything could be compared). The pack holds
the same bytes, the entries of the documents the last run normalised, in one sealed file
read at once. The entries per document stay the cache (content-addressed, shared by every
corpus and branch that uses the directory); the pack only serves them faster, and a key
it does not hold is read from its entry. Missing, damaged or written by other code: empty.

    pack = NormPack.read(cache_dir)
    data = pack.take(key)  # the entry's bytes, or None
    pack.keep(key, data)  # what this run used, for `save`
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from checker.atomic import atomic_write

PACK = "normalised.pack"
FORMAT = 1


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
        try:
            data = path.read_bytes()
        except OSError:
            return cls(path, code)
        head, _, rest = data.partition(b"\n")
        stamp, _, body = rest.partition(b"\n")
        if head != _header(code) or stamp != _seal(body):
            return cls(path, code)
        spans: dict[str, tuple[int, int]] = {}
        start = 0
        while start < len(body):
            end = body.find(b"\n", start)
            space = body.find(b" ", start, end)
            if end < 0 or space < 0:
                return cls(path, code)
            spans[body[start:space].decode("ascii", "replace")] = (space + 1, end)
            start = end + 1
        return cls(path, code, body, spans)

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
        """Whether `save` would write: this run used other keys than the file holds."""
        return self._used.keys() != self._spans.keys()

    def save(self) -> None:
        """Write the entries this run used, in its order, when they are not the file's; a
        pack that cannot be written is skipped (the next run reads the entries)."""
        if not self.changed():
            return
        # An entry is one line: JSON escapes every line break inside it.
        body = b"".join(b"%s %s\n" % (key.encode("ascii"), data)
                        for key, data in self._used.items())
        try:
            atomic_write(self.path, [_header(self._code), b"\n", _seal(body), b"\n", body],
                         durable=False)
        except OSError:
            return


def _header(code: str) -> bytes:
    return json.dumps({"format": FORMAT, "code": code}).encode("ascii")


def _seal(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode("ascii")
