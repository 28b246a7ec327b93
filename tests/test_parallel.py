"""--jobs: extraction over a process pool and comparison over blocks of candidate pairs give
exactly what one process gives."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from bench.claims import checker_corpus
from checker import parallel, workers
from checker.compare import compare
from checker.compare.blocking import BlockIndex
from checker.corpus import Corpus
from checker.corpusnorm import normalise_corpus
from checker.errors import Location, RuleError
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.rules import RuleSet
from tests.bench.corpora import generated, report_json, write
from tests.oracle import reference_normalise as _normalise_corpus


def test_unique_pairs_is_the_block_index_order(ruleset: RuleSet) -> None:
    corpus = checker_corpus(generated(40))
    norm, _ = _normalise_corpus(corpus, ruleset)
    index = BlockIndex(norm)
    found = [index.candidates(i) for i in range(len(norm))]
    assert parallel.unique_pairs(found) == list(index.pairs())


def test_rows_tell_whether_a_claim_is_among_anothers_candidates(ruleset: RuleSet) -> None:
    corpus = checker_corpus(generated(40))
    norm, _ = _normalise_corpus(corpus, ruleset)
    index = BlockIndex(norm)
    state = {"index": index}
    blocks = [parallel._candidates_block(state, (0, 25)),
              parallel._candidates_block(state, (25, len(norm)))]
    found = [c for block, _ in blocks for c in block]
    assert found == [array("l", index.candidates(i)) for i in range(len(norm))]
    rows = parallel._Rows(blocks)
    asked = 0
    for j in range(len(norm)):
        for i in range(len(norm)):
            assert rows.has(j, i) == (i in found[j])
            asked += rows.has(j, i)
    assert asked == sum(map(len, found)) > 0


def test_extraction_identical_for_any_jobs(ruleset: RuleSet) -> None:
    corpus = generated(10)
    docs = [document_from_text(d.id, d.text) for d in corpus.docs]
    one = parallel.extract_documents(docs, ruleset, 0.5, jobs=1)
    two = parallel.extract_documents(docs, ruleset, 0.5, jobs=2)
    assert one == two == [extract_document(d, ruleset.lexicon, 0.5) for d in docs]


def test_normalisation_identical_for_any_jobs(ruleset: RuleSet) -> None:
    corpus = checker_corpus(generated(30))
    expected, index = _normalise_corpus(corpus, ruleset)
    for jobs in (1, 2):
        norm, idx = normalise_corpus(corpus, ruleset, jobs=jobs)
        assert norm == expected
        assert {k: (v[0].doc.id, v[1]) for k, v in idx.items()} == \
            {k: (v[0].doc.id, v[1]) for k, v in index.items()}


def test_comparison_identical_for_any_jobs(ruleset: RuleSet,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "TASKS_PER_JOB", 5)  # several slices per worker
    corpus = checker_corpus(generated(60))
    norm, _ = _normalise_corpus(corpus, ruleset)
    origins = {dc.doc.id: dc.doc.meta.origin for dc in corpus.docs}
    expected = compare(norm, ruleset.lexicon, origins)
    assert expected.conflicts and expected.corroborations
    for jobs in (1, 2, 3):
        assert parallel.compare_claims(norm, ruleset.lexicon, origins, jobs=jobs) == expected


def test_reports_identical_for_jobs_1_and_2(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "TASKS_PER_JOB", 3)
    root = write(tmp_path / "corpus", 20)
    one = report_json(root, jobs=1)
    assert report_json(root, jobs=2) == one
    assert report_json(root, tmp_path / "cache", jobs=2) == one


def _square(shared: int, item: int) -> int:
    return shared + item * item


def test_map_items_spreads_in_order_over_processes() -> None:
    items = list(range(parallel.MIN_TO_SPREAD * 3 + 7))
    assert parallel.map_items(_square, 5, items, jobs=2) == [5 + i * i for i in items]
    assert parallel.map_items(_square, 5, items[:3], jobs=2) == [5, 6, 9]  # here: too few


def test_prose_rules_identical_for_any_jobs(ruleset: RuleSet) -> None:
    from checker.rule_findings import regions_of, term_findings

    corpus = checker_corpus(generated(parallel.MIN_TO_SPREAD + 50))  # enough to spread
    regions = regions_of(corpus.docs)
    assert regions_of(corpus.docs, jobs=2) == regions
    found = term_findings(corpus, ruleset, regions)
    assert found and term_findings(corpus, ruleset, regions, jobs=2) == found


def test_findings_identical_for_any_jobs_with_enough_documents_to_spread(
        ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs the documents' own checks run in a process of their own beside the
    comparison (and, where they run here, over workers above MIN_TO_SPREAD documents, the
    arithmetic checks from SPREAD_ARITHMETIC): the findings are still one process's."""
    from checker.compare import arithmetic_memo
    from checker.pipeline import check_corpus

    monkeypatch.setattr(arithmetic_memo, "SPREAD_ARITHMETIC", parallel.MIN_TO_SPREAD)

    one = check_corpus(checker_corpus(generated(parallel.MIN_TO_SPREAD + 20)), ruleset, jobs=1)
    two = check_corpus(checker_corpus(generated(parallel.MIN_TO_SPREAD + 20)), ruleset, jobs=2)
    kinds = {f.kind for f in one}
    assert {"conflict", "corroboration", "term"} <= kinds
    assert [f.model_dump() for f in two] == [f.model_dump() for f in one]


def test_errors_met_beside_the_comparison_reach_the_corpus(
        ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """A term rule the matcher refuses is an input error of the corpus, whichever process
    matched the terms (forked: the patch below is inherited)."""
    from checker import document_checks
    from checker.pipeline import check_corpus

    def refusing(corpus: Corpus, *args: object, **kwargs: object) -> list[object]:
        corpus.errors.append(RuleError("invalid pattern", Location("rules/terms.yaml", 7)))
        return []

    monkeypatch.setattr(document_checks, "term_findings", refusing)
    for jobs in (1, 2):
        corpus = checker_corpus(generated(10))
        check_corpus(corpus, ruleset, jobs=jobs)
        assert [str(e) for e in corpus.errors] == ["rules/terms.yaml:7: invalid pattern"]
