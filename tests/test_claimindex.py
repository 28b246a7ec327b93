"""The claim index builds a document's claims when one of them is first looked up, and a
re-run after an edit builds only the claims its findings cite."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from checker import checking, parallel
from checker.cache import CITED, code_fingerprint
from checker.claimindex import ClaimIndex, cited
from checker.corpus import DeferredDocClaims, DocClaims, LazyDraft, load_corpus
from checker.corpusnorm import normalised
from checker.memofile import read_memo
from checker.models.claims import ClaimFile
from checker.models.report import Report
from checker.normclaim import NormClaim
from checker.rules import RuleSet, load_rules
from tests.bench.corpora import RULES, report_json, write


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules([RULES])[0]


class _Deferred:
    """Each document's claims behind a loader that counts the documents it builds."""

    def __init__(self, docs: list[DocClaims]) -> None:
        self.built: list[str] = []
        self.docs: list[DocClaims] = [DeferredDocClaims.of(dc.doc, LazyDraft(self._loader(dc)))
                                      for dc in docs]

    def _loader(self, dc: DocClaims) -> Callable[[], ClaimFile]:
        def load() -> ClaimFile:
            self.built.append(dc.doc.id)
            # Only its claims are read (`LazyDraft.claims`).
            return ClaimFile.model_construct(claims=list(dc.claims))  # type: ignore[call-arg]
        return load


def _eager(tmp_path: Path, ruleset: RuleSet,
           docs: int = 12) -> tuple[list[DocClaims], list[list[NormClaim]]]:
    root = write(tmp_path / "corpus", docs)
    corpus = load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon, 0.5)
    _, per_doc = normalised(corpus, ruleset)
    return corpus.docs, per_doc


def test_the_index_builds_a_document_when_one_of_its_claims_is_looked_up(
        tmp_path: Path, ruleset: RuleSet) -> None:
    docs, per_doc = _eager(tmp_path, ruleset)
    eager = ClaimIndex(docs, per_doc)
    deferred = _Deferred(docs)
    index = ClaimIndex(deferred.docs, per_doc)
    assert list(index) == list(eager) and len(index) == len(eager) > len(docs)
    key = per_doc[3][0].key
    assert index.document(key).doc.id == docs[3].doc.id
    assert deferred.built == []  # naming a document builds nothing
    dc, claim = index[key]
    assert deferred.built == [docs[3].doc.id]
    assert (dc.doc.id, claim) == (eager[key][0].doc.id, eager[key][1])
    index[per_doc[3][-1].key]
    assert deferred.built == [docs[3].doc.id]  # built once
    assert {k: (d.doc.id, c) for k, (d, c) in index.items()} == \
        {k: (d.doc.id, c) for k, (d, c) in eager.items()}
    cited = [dc.doc.id for dc, claims in zip(docs, per_doc, strict=True) if claims]
    assert sorted(deferred.built) == sorted(cited)


def test_building_ahead_stops_when_told_and_goes_on_from_there(
        tmp_path: Path, ruleset: RuleSet) -> None:
    docs, per_doc = _eager(tmp_path, ruleset)
    deferred = _Deferred(docs)
    index = ClaimIndex(deferred.docs, per_doc)
    index.build_while(lambda: len(deferred.built) < 4)
    assert deferred.built == [dc.doc.id for dc in docs[:4]]
    index[per_doc[8][0].key]  # looked up out of turn
    index.build_while(lambda: True)
    assert deferred.built == [dc.doc.id for dc in docs[:4]] + [docs[8].doc.id] + \
        [dc.doc.id for k, dc in enumerate(docs) if k >= 4 and k != 8]


def test_an_edited_re_run_builds_only_the_claims_it_cites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write(tmp_path / "corpus", 40)
    cache = tmp_path / "cache"
    report_json(root, cache)
    built: list[str] = []
    real = parallel._drafted

    def drafted(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "_drafted", drafted)
    rng = random.Random(3)
    docs = sorted((root / "seeds").glob("*.txt"))
    for _ in range(2):
        victim = rng.choice(docs)
        victim.write_text(victim.read_text("utf-8") + "Norvex Dynamics employs 9,900 "
                          "people in Lahore.\n", "utf-8")
        built.clear()
        cached = report_json(root, cache)
        assert 0 < len(built) < len(docs) - 5, len(built)
        assert cached == report_json(root, None)


def test_the_documents_named_first_are_built_first(tmp_path: Path, ruleset: RuleSet) -> None:
    docs, per_doc = _eager(tmp_path, ruleset)
    deferred = _Deferred(docs)
    index = ClaimIndex(deferred.docs, per_doc)
    named = [docs[9].doc.id, "no-such-document", docs[2].doc.id, docs[5].doc.id]
    index.build_first(named, lambda: len(deferred.built) < 2)
    assert deferred.built == [docs[9].doc.id, docs[2].doc.id]  # unknown ids skipped
    index.build_first(named, lambda: True)
    index.build_while(lambda: True)
    assert deferred.built == [docs[9].doc.id, docs[2].doc.id, docs[5].doc.id] + \
        [dc.doc.id for k, dc in enumerate(docs) if k not in (2, 5, 9)]  # each once


def test_cited_names_the_documents_of_pair_findings(tmp_path: Path) -> None:
    root = write(tmp_path / "corpus", 40)
    report = Report.model_validate_json(report_json(root))
    kinds = {f.kind for f in report.findings}
    assert {"conflict", "corroboration"} <= kinds
    expected = sorted({c.document for f in report.findings
                       if f.kind in ("conflict", "self-contradiction") for c in f.claims})
    assert cited(report.findings) == expected
    only_corroborations = {c.document for f in report.findings if f.kind == "corroboration"
                           for c in f.claims}
    assert not only_corroborations <= set(expected)  # corroborations are not cited
    conflict = next(f for f in report.findings if f.kind == "conflict")
    itself = conflict.model_copy(update={"kind": "self-contradiction"})
    assert cited([itself]) == sorted({c.document for c in conflict.claims})
    assert cited([f for f in report.findings if f.kind not in ("conflict",)]) == []


def test_a_re_run_beside_builds_the_conflicts_findings_ahead_and_keeps_their_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs the comparison sends its conflicts ahead of its corroborations; the
    documents they cite are kept for the next run to build first. Neither the part sent
    ahead nor what the memo holds changes the report."""
    root = write(tmp_path / "corpus", 40)
    cache = tmp_path / "cache"
    report_json(root, cache, jobs=2)
    memo = cache / CITED
    entries = read_memo(memo, code_fingerprint())
    assert entries is not None
    kept = entries["documents"]
    report = Report.model_validate_json(report_json(root, None))
    assert kept == cited(report.findings) and kept
    early: list[int] = []
    real = checking._pair_findings

    def pair_findings(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = real(*args, **kwargs)
        early.append(len(made))
        return made

    monkeypatch.setattr(checking, "_pair_findings", pair_findings)
    victim = sorted((root / "seeds").glob("*.txt"))[7]
    for memo_text in (None, '{"format": 1}', None):
        if memo_text is not None:
            memo.write_text(memo_text, "utf-8")  # foreign: nothing to build first
        victim.write_text(victim.read_text("utf-8") + "Norvex Dynamics employs 9,900 "
                          "people in Lahore.\n", "utf-8")
        early.clear()
        cached = report_json(root, cache, jobs=2)
        # The conflicts' findings made from the part sent ahead, then none from the value.
        assert len(early) == 2 and early[0] > 0 and early[1] == 0, early
        assert cached == report_json(root, None)
