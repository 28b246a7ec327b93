"""The benchmark corpus generator: deterministic, consistent with its planted truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.claims import checker_corpus, doc_claims, read_jsonl, write_jsonl
from bench.facts import CHANGE_VARIANTS
from bench.generate import china_share, generate, iter_sentences, truth, write_corpus
from bench.truth import evaluate, expected
from checker.rules import RuleSet
from tests.bench.corpora import generated


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    a, b, c = generate(40, 3), generate(40, 3), generate(40, 4)
    assert [d.text for d in a.docs] == [d.text for d in b.docs]
    assert json.dumps(truth(a)) == json.dumps(truth(b))
    assert [d.text for d in a.docs] != [d.text for d in c.docs]


def test_sentence_spans_point_at_their_text() -> None:
    corpus = generated(120)
    for doc, start, end, sentence in iter_sentences(corpus):
        assert doc.text[start:end] == sentence.text
        for slot, a, b in sentence.slots:
            assert sentence.text[a:b] == slot.text
        if sentence.misspelling:
            a, b, wrong = sentence.misspelling
            assert sentence.text[a:b] == wrong and wrong in CHANGE_VARIANTS


def test_corpus_has_what_a_checker_must_find() -> None:
    corpus = generated(300)
    t = truth(corpus)
    assert t["conflict_pairs"] and t["corroboration_groups"] and t["misspellings"]
    assert t["copies"]
    kinds = {corpus.facts[p[0]].conflict for p in t["conflict_pairs"]}
    assert kinds == {"number", "date", "polarity"}
    assert 0.4 <= china_share(corpus) <= 0.6  # a very common entity: about half of all claims
    texts = "\n".join(d.text for d in corpus.docs)
    assert "Read More" in texts and "Share" in texts and "All rights reserved" in texts


def test_copies_repeat_their_original_body() -> None:
    corpus = generated(300)
    by_id = {d.id: d for d in corpus.docs}
    for doc in corpus.docs:
        if doc.copy_of:
            original = by_id[doc.copy_of]
            assert [s.text for *_, s in doc.spans] == [s.text for *_, s in original.spans]


def test_expected_conflicts_differ_in_version_and_document() -> None:
    sentences = truth(generated(200))["sentences"]
    where = {(s["doc"], s["fact"]): s["variant"] for s in sentences if s["fact"]}
    for fid, a, b in expected(sentences)["conflict_pairs"]:
        assert a != b and where[(a, fid)] != where[(b, fid)]


def test_direct_claims_are_valid_and_placed(ruleset: RuleSet) -> None:
    corpus = generated(50)
    for gen in corpus.docs[:20]:
        doc, claims = doc_claims(gen)
        assert len({c.id for c in claims}) == len(claims)
        for c in claims:
            assert doc.text[c.span[0]:c.span[1]] == c.text
            for e in c.entities:
                assert doc.text[e.span[0]:e.span[1]] == e.text
                if e.id:  # known entities carry the id the shipped rules give them
                    assert ruleset.lexicon.resolve(e.text) == e.id


def test_jsonl_roundtrip(tmp_path: Path) -> None:
    corpus = generated(30)
    n = write_jsonl(corpus, tmp_path / "docs.jsonl")
    loaded = read_jsonl(tmp_path / "docs.jsonl")
    direct = checker_corpus(corpus)
    assert n == sum(len(dc.claims) for dc in direct.docs)
    assert [(dc.doc.id, dc.doc.text, dc.doc.sha256, dc.claims) for dc in loaded.docs] == \
        [(dc.doc.id, dc.doc.text, dc.doc.sha256, dc.claims) for dc in direct.docs]


def test_write_corpus_layout(tmp_path: Path) -> None:
    write_corpus(generated(12), tmp_path)
    assert len(list((tmp_path / "seeds").glob("*.txt"))) == 12
    assert len(list((tmp_path / "seeds").glob("*.meta.yaml"))) == 12
    assert json.loads((tmp_path / "truth.json").read_text())["documents"] == 12


def _perfect_report(t: dict[str, Any]) -> dict[str, Any]:
    """What a perfect checker would report on the planted truth."""
    spans = {(s["doc"], s["fact"], s["variant"]): s["span"]
             for s in t["sentences"] if s["fact"]}
    findings: list[dict[str, Any]] = []
    for fid, a, b in t["conflict_pairs"]:
        refs = [{"document": d, "span": spans.get((d, fid, "true")) or spans[(d, fid, "alt")]}
                for d in (a, b)]
        findings.append({"kind": "conflict", "claims": refs})
    for g in t["corroboration_groups"]:
        findings.append({"kind": "corroboration", "claims": [
            {"document": d, "span": spans[(d, g["fact"], g["variant"])]} for d in g["docs"]]})
    for d, a, b, _ in t["misspellings"]:
        findings.append({"kind": "term", "claims": [{"document": d, "span": [a, b],
                                                     "role": "match"}]})
    return {"findings": findings}


def test_evaluation_of_a_perfect_and_an_empty_report() -> None:
    t = json.loads(json.dumps(truth(generated(150))))
    perfect = evaluate(_perfect_report(t), t)
    assert perfect["conflicts"]["precision"] == perfect["conflicts"]["recall_pairs"] == 1.0
    assert perfect["conflicts"]["recall_planted"] == 1.0
    assert perfect["corroborations"]["precision"] == perfect["corroborations"]["recall"] == 1.0
    assert perfect["misspellings"]["precision"] == perfect["misspellings"]["recall"] == 1.0
    empty = evaluate({"findings": []}, t)
    assert empty["conflicts"]["recall_pairs"] == 0.0
    assert empty["conflicts"]["precision"] is None
