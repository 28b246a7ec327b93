"""Drafted claims the cache holds are built when first used, and are the claims extraction
gives."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from checker.cache import EXTRACTED, ClaimCache
from checker.corpus import DeferredDocClaims, DocClaims, LazyDraft, load_corpus
from checker.ingest import discover, load_documents
from checker.parallel import draft_documents, extract_documents
from checker.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules([REPO / "rules"])[0]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    return tmp_path


def test_cached_drafts_are_deferred_and_equal(seeds: Path, tmp_path: Path,
                                              ruleset: RuleSet) -> None:
    docs, _ = load_documents(discover(seeds / "seeds"), seeds)
    cache = ClaimCache(tmp_path / "cache")
    extracted = extract_documents(docs[:3], ruleset, 0.5, cache=cache)
    drafts = draft_documents(docs, ruleset, 0.5, cache=ClaimCache(tmp_path / "cache"))
    # The three cached ones deferred, the two others extracted now.
    assert [isinstance(d, LazyDraft) for d in drafts] == [True] * 3 + [False] * 2
    assert [d.claims for d in drafts[:3]] == [m.claims for m in extracted]
    assert [d.claims for d in drafts] == [m.claims for m in extract_documents(
        docs, ruleset, 0.5)]


def test_an_entry_damaged_before_use_is_extracted_again(seeds: Path, tmp_path: Path,
                                                        ruleset: RuleSet) -> None:
    docs, _ = load_documents(discover(seeds / "seeds"), seeds)
    cache = ClaimCache(tmp_path / "cache")
    extracted = extract_documents(docs, ruleset, 0.5, cache=cache)
    drafts = draft_documents(docs, ruleset, 0.5, cache=cache)
    assert all(isinstance(d, LazyDraft) for d in drafts)
    # Damaged between drafting and first use (another run writing, a disk): a miss, and
    # the claims extracted again, the same.
    for entry in (tmp_path / "cache" / EXTRACTED).rglob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-20])
    assert [d.claims for d in drafts] == [m.claims for m in extracted]
    assert cache.stats.writes == 2 * len(docs)  # written at first, and again


def test_a_corpus_of_deferred_claims_is_the_eager_one(seeds: Path, tmp_path: Path,
                                                      ruleset: RuleSet) -> None:
    def corpus(deferred: bool) -> list[DocClaims]:
        cache = ClaimCache(tmp_path / "cache")
        extract = (lambda ds: draft_documents(ds, ruleset, 0.5, cache=cache)) if deferred \
            else (lambda ds: extract_documents(ds, ruleset, 0.5, cache=cache))
        return load_corpus(seeds, seeds / "seeds", seeds / "claims", ruleset.lexicon,
                           extract=extract).docs

    eager = corpus(False)
    lazy = corpus(True)
    assert all(isinstance(dc, DeferredDocClaims) for dc in lazy)
    assert "_claims" in lazy[0].__dict__ and lazy[0].__dict__["_claims"] is None
    assert lazy == eager and eager == lazy
    assert [len(dc.claims) for dc in lazy] == [len(dc.claims) for dc in eager]


def test_a_deferred_document_is_replaced_as_a_dataclass(seeds: Path, tmp_path: Path,
                                                        ruleset: RuleSet) -> None:
    docs, _ = load_documents(discover(seeds / "seeds"), seeds)
    cache = ClaimCache(tmp_path / "cache")
    extracted = extract_documents(docs, ruleset, 0.5, cache=cache)
    lazy = load_corpus(seeds, seeds / "seeds", seeds / "claims", ruleset.lexicon,
                       extract=lambda ds: draft_documents(ds, ruleset, 0.5, cache=cache)).docs
    changed = dataclasses.replace(lazy[0], stale=True)
    assert changed.stale and changed.claims == extracted[0].claims
