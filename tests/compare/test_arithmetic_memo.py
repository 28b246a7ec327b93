"""Arithmetic issues remembered across runs by the key of a document's claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.compare import arithmetic_memo
from checker.compare.arithmetic import check_document
from checker.compare.arithmetic_memo import document_issues
from checker.corpus import DocClaims
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.memofile import MemoFile
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

TEXTS = {
    "wrong": "Revenue rose 50% from $100 million to $120 million in 2024.",
    "right": "Revenue rose 20% from $100 million to $120 million in 2024.",
}


def _docs(ruleset: RuleSet) -> list[DocClaims]:
    out = []
    for doc_id, text in TEXTS.items():
        doc = document_from_text(doc_id, text, DocumentMeta(published="2025"))
        out.append(DocClaims(doc, list(extract_document(doc, ruleset.lexicon, 0.0).claims)))
    return out


def test_a_warm_run_looks_issues_up(tmp_path: Path, ruleset: RuleSet,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _docs(ruleset)
    keys = {"wrong": "k1", "right": "k2"}
    expected = [check_document(dc.claims) for dc in docs]
    assert [len(found) for found in expected] == [1, 0]
    memo = MemoFile(tmp_path / "arithmetic.marshal", "code")
    assert document_issues(docs, keys, memo) == expected
    memo.save()

    def refuse(*_: object) -> object:
        raise AssertionError("checked again")

    monkeypatch.setattr(arithmetic_memo, "check_document", refuse)
    assert document_issues(docs, keys, MemoFile(tmp_path / "arithmetic.marshal", "code")) == \
        expected
    # A document without a key (no cache entry for its claims) is checked.
    with pytest.raises(AssertionError, match="checked again"):
        document_issues(docs, {"wrong": "k1"}, MemoFile(tmp_path / "arithmetic.marshal", "code"))


def _saved(path: Path, value: object) -> MemoFile:
    """A memo file holding `value` under k1, as the next run opens it."""
    memo = MemoFile(path, "code")
    memo.put("k1", value)
    memo.save()
    return MemoFile(path, "code")


@pytest.mark.parametrize("row", [
    "not a list", [["c1"]], [["c1", ["c2"], "percent-change", "50%", True, "20%", "m"]],
    [["c1", "c2", "percent-change", "50%", 20.0, "20%", "m"]],
])
def test_rows_no_run_wrote_are_checked_again(tmp_path: Path, ruleset: RuleSet,
                                             row: object) -> None:
    docs = _docs(ruleset)[:1]
    memo = _saved(tmp_path / "arithmetic.marshal", row)
    assert memo.get("k1") == row  # stored, and not taken
    assert document_issues(docs, {"wrong": "k1"}, memo) == [check_document(docs[0].claims)]


def test_a_whole_figure_stays_whole(tmp_path: Path, ruleset: RuleSet) -> None:
    """The computed figure is shown in the finding: 20 read back as 20.0 would change it."""
    docs = _docs(ruleset)[:1]
    memo = _saved(tmp_path / "arithmetic.marshal",
                  [["c1", [], "percent-change", "50%", 20, "20%", "m"]])
    found = document_issues(docs, {"wrong": "k1"}, memo)[0][0]
    assert json.dumps(found.computed) == "20"
