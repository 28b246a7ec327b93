"""build_report: the documents' entries, built trusted, equal validated ones."""

from __future__ import annotations

from checker.models.report import DocumentOut
from checker.pipeline import CheckOptions, run_check
from tests.oracle import assert_built_as_validated

from .sample import REPO


def test_document_entries_equal_validated_ones() -> None:
    options = CheckOptions(root=REPO, seeds=REPO / "seeds", claims=REPO / "claims",
                           rules=REPO / "rules")
    documents = run_check(options).report.documents
    assert documents and any(d.published and d.title for d in documents)
    for d in documents:
        assert_built_as_validated(d, DocumentOut.model_validate(d.model_dump()))
