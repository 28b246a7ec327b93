"""The report's entity index: names read from claim files are resolved (fuzzy variants
included); names of claims extracted this run keep what extraction resolved."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from checker.corpus import Corpus, DocClaims, load_corpus
from checker.ingest import document_from_text
from checker.models.claims import Claim
from checker.reporting.build import entity_index
from checker.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parents[2]


def _ruleset() -> RuleSet:
    ruleset, errors = load_rules([REPO / "rules"])
    assert not errors
    return ruleset


def _claim_file_doc(doc_id: str, text: str, name: str) -> DocClaims:
    """A document whose (hand-written) claim names `name` without an id."""
    start = text.index(name)
    claim = Claim.model_validate({
        "id": f"{doc_id}-1", "text": text, "span": [0, len(text)], "line": 1,
        "entities": [{"text": name, "span": [start, start + len(name)]}],
    })
    return DocClaims(document_from_text(doc_id, text), [claim], claim_file=f"{doc_id}.yaml")


def test_claim_file_names_are_resolved_fuzzily() -> None:
    texts = {"a": "The Chiang'e 6 mission landed in June.",
             "b": "The Chang'e-6 mission carried a cubesat."}
    corpus = Corpus(docs=[_claim_file_doc(d, t, t.split()[1] + (" 6" if d == "a" else ""))
                          for d, t in texts.items()])
    index = {e.id: e for e in entity_index(corpus, _ruleset())}
    assert index["change-6"].documents == ["a", "b"]
    assert [f.text for f in index["change-6"].forms] == ["Chang'e-6", "Chiang'e 6"]


def test_extracted_claims_give_the_index_resolving_everything_would() -> None:
    ruleset = _ruleset()
    corpus = load_corpus(REPO, REPO / "seeds", REPO / "no-claims-here", ruleset.lexicon)
    assert corpus.docs and all(dc.on_the_fly for dc in corpus.docs)
    unknown = [e for dc in corpus.docs for c in dc.claims for e in c.entities if e.id is None]
    assert unknown  # names no rule knows: the case the shortcut is about
    as_files = Corpus(docs=[dataclasses.replace(dc, on_the_fly=False) for dc in corpus.docs])
    fast = entity_index(corpus, ruleset)
    assert fast and fast == entity_index(as_files, _ruleset())  # fresh lexicon: no memo
