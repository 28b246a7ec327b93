"""Claim files remembered across runs, by the hash of their bytes.

A corpus of curated claim files is parsed again by every run, even one whose extracted and
normalised claims are cached: 1,000 claim files (6 MB) took 10 s. The same bytes under the
same code give the same claims, so a cached run keeps each claim file that passed the fast
path (`claimfiles`, C parser and schema gate) with the line of each claim, and the next run
reads the file's bytes and looks them up. A file that needs the careful path (it has an
error to locate) is never remembered.

    memo = ClaimFileMemo(cache_dir / "claimfiles.marshal", code_fingerprint())
    loaded, errors = load_claim_file(path, display, memo)
    memo.save()
"""

from __future__ import annotations

from pydantic import ValidationError

from checker.memofile import BytesMemo, content_key
from checker.models.claims import ClaimFile


class ClaimFileMemo(BytesMemo):
    """Validated claim files with their claims' lines, by file bytes."""

    def get(self, raw: bytes) -> tuple[ClaimFile, dict[str, int]] | None:
        """The claims and lines these bytes gave before, or None (also for a damaged entry:
        the file is then read again)."""
        data = self.file.get(content_key(raw))
        if not (isinstance(data, dict) and isinstance(data.get("lines"), dict)):
            return None
        lines = data["lines"]
        if not all(isinstance(k, str) and type(v) is int for k, v in lines.items()):
            return None
        try:
            model = ClaimFile.model_validate_json(data.get("model") or "")
        except ValidationError:
            return None
        # Every claim has its line, and only claims do: an entry is the one `put` wrote.
        return (model, lines) if set(lines) == {c.id for c in model.claims} else None

    def put(self, raw: bytes, model: ClaimFile, lines: dict[str, int]) -> None:
        """Remember what these bytes gave."""
        self.file.put(content_key(raw), {"model": model.model_dump_json(by_alias=True),
                                         "lines": dict(lines)})
