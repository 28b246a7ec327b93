"""What the rest of the program needs of extraction without running it: a claim's id and
an empty claim file of a document (a merge, a validation, a relocation import these, not
the extractor, whose patterns take a third of a second to compile)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from checker import __version__
from checker.models.claims import Claim, ClaimFile, DocumentRef, ExtractorInfo
from checker.textutil import fold

if TYPE_CHECKING:
    from checker.ingest import Document


def claim_id(doc_id: str, text: str, lower: str | None = None) -> str:
    """Deterministic id from the document and the claim's normalised text; `lower` is
    fold(text).lower(), when the caller has it."""
    lower = fold(text).lower() if lower is None else lower
    key = " ".join(lower.split()).strip(" .\"'")
    return "c" + hashlib.sha1(f"{doc_id}\n{key}".encode()).hexdigest()[:10]


def claim_file_of(doc: Document, threshold: float, claims: list[Claim]) -> ClaimFile:
    """The claim file of a document with these claims (none: a file to validate against)."""
    return ClaimFile(
        document=DocumentRef(
            id=doc.id, path=doc.path, sha256=doc.sha256, published=doc.meta.published,
            title=doc.meta.title,
        ),
        extractor=ExtractorInfo(version=__version__, threshold=threshold),
        claims=claims,
    )
