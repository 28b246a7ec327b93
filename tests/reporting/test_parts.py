"""The report's corpus parts: a drafted document's claim count and names are kept by its
extraction key, so a re-run makes the parts without building its claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.corpus import Corpus, DocClaims, load_corpus
from checker.memofile import MemoFile, read_memo, write_memo
from checker.reporting.build import corpus_parts
from checker.rules import RuleSet, load_rules
from tests.bench.corpora import RULES, write
from tests.test_claimindex import _Deferred


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules([RULES])[0]


@pytest.fixture
def docs(tmp_path: Path, ruleset: RuleSet) -> list[DocClaims]:
    root = write(tmp_path / "corpus", 16)
    return load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon, 0.5).docs


def _drafts(docs: list[DocClaims]) -> dict[str, str]:
    return {dc.doc.id: f"key-{dc.doc.id}" for dc in docs}


def test_kept_parts_are_the_parts_and_build_no_claim(tmp_path: Path, ruleset: RuleSet,
                                                      docs: list[DocClaims]) -> None:
    expected = corpus_parts(Corpus(docs=docs), ruleset)
    assert expected.entities and sum(expected.claims) > len(docs)
    path = tmp_path / "parts.marshal"
    first = _Deferred(docs)
    memo = MemoFile(path, "code")
    assert corpus_parts(Corpus(docs=first.docs), ruleset, memo, _drafts(docs)) == expected
    assert len(first.built) == len(docs)
    memo.save()
    again = _Deferred(docs)
    assert corpus_parts(Corpus(docs=again.docs), ruleset, MemoFile(path, "code"),
                        _drafts(docs)) == expected
    assert again.built == []
    # Another code's memo, or a document without a draft key: built, and the same parts.
    other = _Deferred(docs)
    drafts = _drafts(docs)
    del drafts[docs[2].doc.id]
    assert corpus_parts(Corpus(docs=other.docs), ruleset, MemoFile(path, "code"),
                        drafts) == expected
    assert other.built == [docs[2].doc.id]
    foreign = _Deferred(docs)
    assert corpus_parts(Corpus(docs=foreign.docs), ruleset, MemoFile(path, "other"),
                        _drafts(docs)) == expected
    assert len(foreign.built) == len(docs)


@pytest.mark.parametrize("entry", [[3], "x", [2, [["e", "t"]]], [2, [[1, "t", 1]]],
                                   [2, [["e", "t", "1"]]]])
def test_an_entry_that_is_not_a_part_is_made_again(tmp_path: Path, ruleset: RuleSet,
                                                  docs: list[DocClaims], entry: object) -> None:
    expected = corpus_parts(Corpus(docs=docs), ruleset)
    path = tmp_path / "parts.marshal"
    memo = MemoFile(path, "code")
    corpus_parts(Corpus(docs=_Deferred(docs).docs), ruleset, memo, _drafts(docs))
    memo.save()
    stored = read_memo(path, "code")
    assert stored is not None
    stored[f"key-{docs[5].doc.id}"] = entry
    write_memo(path, "code", stored)  # sealed again
    again = _Deferred(docs)
    assert corpus_parts(Corpus(docs=again.docs), ruleset, MemoFile(path, "code"),
                        _drafts(docs)) == expected
    assert again.built == [docs[5].doc.id]


def test_documents_made_ahead_give_the_same_report(ruleset: RuleSet,
                                                   docs: list[DocClaims]) -> None:
    from checker.reporting.build import build_report

    corpus = Corpus(docs=docs)
    parts = corpus_parts(corpus, ruleset)
    ahead = parts.with_documents(corpus)
    assert ahead.documents is not None and len(ahead.documents) == len(docs)
    assert [d.claims for d in ahead.documents] == parts.claims
    assert build_report(corpus, ruleset, [], [], ahead) == build_report(corpus, ruleset, [], [],
                                                                        parts)
