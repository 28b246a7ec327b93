"""What the rest of the program needs of extraction without running it: a claim's id and
an empty claim file of a document (a merge, a validation, a relocation import these, not
the extractor, whose patterns take a third of a second to compile)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Final

from checker import __version__
from checker.charscan import single_spaced
from checker.models.claims import Claim, ClaimFile, DocumentRef, ExtractorInfo
from checker.models.trusted import check_plain, trusted
from checker.textutil import fold

if TYPE_CHECKING:
    from checker.ingest import Document


# A C static, not hashlib's attribute looked up for each claim.
_SHA1: Final = hashlib.sha1


def claim_id(doc_id: str, text: str, lower: str | None = None) -> str:
    """Deterministic id from the document and the claim's normalised text; `lower` is
    fold(text).lower(), when the caller has it."""
    lower = fold(text).lower() if lower is None else lower
    # Each run of whitespace one space: the text itself when its only whitespace is single
    # spaces, as most clauses' is (the spaces at its ends are stripped below).
    key = (lower if single_spaced(lower) else " ".join(lower.split())).strip(" .\"'")
    return "c" + _SHA1(f"{doc_id}\n{key}".encode()).hexdigest()[:10]


def claim_file_of(doc: Document, threshold: float, claims: list[Claim]) -> ClaimFile:
    """The claim file of a document with these claims (none: a file to validate against)."""
    # The document's reference and the extractor's note are validated (an id, a hash and a
    # threshold given from outside); the file around them is built as a trusted model, as
    # the claims are: validating it only checked that each claim is a Claim (~7 us a file).
    return trusted(ClaimFile, set(_CLAIM_FILE_FIELDS_SET), {
        "schema_version": "1",
        "document": DocumentRef(
            id=doc.id, path=doc.path, sha256=doc.sha256, published=doc.meta.published,
            title=doc.meta.title,
        ),
        "extractor": ExtractorInfo(version=__version__, threshold=threshold),
        "suppress": [],
        "claims": list(claims),
        "drafted": [],
    })


# The fields a validated ClaimFile(document=..., extractor=..., claims=...) had set.
_CLAIM_FILE_FIELDS_SET: Final = frozenset({"document", "extractor", "claims"})
check_plain(ClaimFile)
