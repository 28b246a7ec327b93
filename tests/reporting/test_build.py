"""build_report: the documents' entries, built trusted, equal validated ones."""

from __future__ import annotations

from checker.models.report import DocumentOut
from checker.pipeline import CheckOptions, run_check

from .sample import REPO


def test_document_entries_equal_validated_ones() -> None:
    options = CheckOptions(root=REPO, seeds=REPO / "seeds", claims=REPO / "claims",
                           rules=REPO / "rules")
    documents = run_check(options).report.documents
    assert documents and any(d.published and d.title for d in documents)
    for d in documents:
        validated = DocumentOut.model_validate(d.model_dump())
        assert validated == d and validated.model_dump_json() == d.model_dump_json()
        assert validated.model_fields_set == d.model_fields_set
        assert list(vars(d)) == list(DocumentOut.model_fields)
        assert {k: type(v) for k, v in d} == {k: type(v) for k, v in validated}
