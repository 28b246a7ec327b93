"""Sidecar metadata remembered across runs, by the hash of the sidecar's bytes.

Parsing and checking ten thousand `.meta.yaml` files is most of reading a corpus whose
claims are cached. The same bytes under the same code give the same metadata, so a cached
run keeps the metadata of every sidecar that passed the fast path (`yamlfast`) in one file
of the cache directory, keyed by the sha256 of the bytes, and the next run reads a sidecar's
bytes and looks them up instead of parsing them. A sidecar that needs the careful path (it
has an error to locate) is never remembered. The file is JSON: a missing, damaged or foreign
one is empty, and only the entries this run used are written back.

    memo = SidecarMemo(cache_dir / "sidecars.json", code_fingerprint())
    docs, errors = load_documents(paths, root, sidecars=memo)
    memo.save()
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.atomic import atomic_write
from checker.models.document import DocumentMeta

FORMAT = 1


class SidecarMemo:
    """Validated metadata by sidecar bytes: `get` before parsing, `put` after."""

    def __init__(self, path: Path | None = None, code: str = "") -> None:
        self.path = path
        self.code = code
        self._stored = self._load()
        self._used: dict[str, dict[str, Any]] = {}
        self.hits = 0

    def get(self, raw: bytes) -> DocumentMeta | None:
        """The metadata these bytes gave before, or None."""
        key = hashlib.sha256(raw).hexdigest()
        data = self._stored.get(key)
        if not isinstance(data, dict):
            return None
        try:
            meta = DocumentMeta.model_validate(data)
        except ValidationError:
            return None
        self._used[key] = data
        self.hits += 1
        return meta

    def put(self, raw: bytes, meta: DocumentMeta) -> None:
        """Remember the metadata these bytes gave."""
        self._used[hashlib.sha256(raw).hexdigest()] = meta.model_dump(mode="json")

    def save(self) -> None:
        """Write the entries this run used, when they differ from the stored ones; a memo
        that cannot be written is skipped (the next run parses again)."""
        if self.path is None or self._used == self._stored:
            return
        payload = {"format": FORMAT, "code": self.code,
                   "entries": dict(sorted(self._used.items()))}
        try:
            atomic_write(self.path, json.dumps(payload, ensure_ascii=False,
                                               separators=(",", ":")).encode("utf-8"),
                         durable=False)
        except OSError:
            return

    def _load(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or data.get("code") != self.code or not isinstance(data.get("entries"), dict):
            return {}
        entries: dict[str, Any] = data["entries"]
        return entries
