"""Extraction: a document in, its check-worthy claims with slots out. Pure: no file I/O.

    from checker.extract import extract_text
    claim_file = extract_text("China is a member of ...", doc_id="d1", lexicon=lexicon)

The extractor (`checker.extract.document`) is imported on first use of its names here:
its patterns take a third of a second to compile, and a command that reads claim files
(`validate`, a `check` served from the cache) never extracts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from checker.defaults import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from checker.extract.ids import claim_file_of as claim_file_of
from checker.extract.ids import claim_id as claim_id

if TYPE_CHECKING:
    from checker.extract.document import SENTENCE_GATES as SENTENCE_GATES
    from checker.extract.document import anchor_of as anchor_of
    from checker.extract.document import build_claim as build_claim
    from checker.extract.document import candidate_spans as candidate_spans
    from checker.extract.document import extract_document as extract_document
    from checker.extract.document import extract_text as extract_text

_FROM_DOCUMENT = frozenset({"SENTENCE_GATES", "anchor_of", "build_claim", "candidate_spans",
                            "extract_document", "extract_text"})


def __getattr__(name: str) -> Any:
    """The extractor's names, importing it on first use (PEP 562)."""
    if name in _FROM_DOCUMENT:
        return getattr(importlib.import_module("checker.extract.document"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
