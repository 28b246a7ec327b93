"""Documents read a stage at a time in batches (extract.batch) give the claim files read
document by document, dump for dump."""

from __future__ import annotations

import json
from pathlib import Path

from checker.extract import extract_document
from checker.extract.batch import extract_batch
from checker.ingest import Document, document_from_text, read_document
from checker.rules import RuleSet
from tests.extract.test_markup import PAGE

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"


def _documents() -> list[Document]:
    paths = [*sorted((REPO / "seeds").glob("*.txt")), *sorted((DATA / "probes").glob("*.txt"))]
    docs = [read_document(path, path.name) for path in paths]
    texts = [v["text"] for v in json.loads((DATA / "bounded_small.json").read_text()).values()]
    texts.append((DATA / "news_page.txt").read_text(encoding="utf-8"))
    # pages read without their markup, each claim placed back (extract.markup)
    texts += [PAGE, "Trade\n\nUnemployment in Wales was 5.1&nbsp;per cent in September, "
                    "the ONS said.\nChina launched Chang&#8217;e 6 in May 2024, CNSA said.\n"]
    docs += [document_from_text(f"d{i}", text) for i, text in enumerate(texts)]
    return docs


def _same(docs: list[Document], ruleset: RuleSet, threshold: float, size: int) -> None:
    batched = extract_batch(docs, ruleset.lexicon, threshold, size=size)
    assert len(batched) == len(docs)
    for doc, got in zip(docs, batched, strict=True):
        want = extract_document(doc, ruleset.lexicon, threshold)
        assert got.model_dump_json() == want.model_dump_json(), doc.id
        assert got == want


def test_batches_read_as_documents(ruleset: RuleSet) -> None:
    docs = _documents()
    assert len(docs) > 20
    # batches of several documents, one, and all of them; every candidate kept (0.0)
    _same(docs, ruleset, 0.0, 7)
    _same(docs[:12], ruleset, 0.5, 1)
    _same(docs, ruleset, 0.5, len(docs))


def test_empty_batch(ruleset: RuleSet) -> None:
    assert extract_batch([], ruleset.lexicon) == []
