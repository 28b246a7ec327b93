"""Sidecar metadata remembered across runs, by the hash of the sidecar's bytes.

Parsing and checking ten thousand `.meta.yaml` files is most of reading a corpus whose
claims are cached. The same bytes under the same code give the same metadata, so a cached
run keeps the metadata of every sidecar that passed the fast path (`yamlfast`) in a memo
file (`checker.memofile`), and the next run reads a sidecar's bytes and looks them up
instead of parsing them. A sidecar that needs the careful path (it has an error to locate)
is never remembered.

    memo = SidecarMemo(cache_dir / "sidecars.marshal", code_fingerprint())
    docs, errors = load_documents(paths, root, sidecars=memo)
    memo.save()
"""

from __future__ import annotations

from pydantic import ValidationError

from checker.memofile import BytesMemo, content_key
from checker.models.document import DocumentMeta


class SidecarMemo(BytesMemo):
    """Validated metadata by sidecar bytes: `get` before parsing, `put` after."""

    def get(self, raw: bytes) -> DocumentMeta | None:
        """The metadata these bytes gave before, or None."""
        data = self.file.get(content_key(raw))
        if not isinstance(data, dict):
            return None
        try:
            return DocumentMeta.model_validate(data)
        except ValidationError:
            return None

    def put(self, raw: bytes, meta: DocumentMeta) -> None:
        """Remember the metadata these bytes gave."""
        self.file.put(content_key(raw), meta.model_dump(mode="json"))
