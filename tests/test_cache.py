"""The incremental cache: content-addressed entries, misses on any change of input, and
reports identical with and without it."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from checker import cache as cache_module
from checker.cache import (
    EXTRACTED,
    NORMALISED,
    VERDICTS,
    ClaimCache,
    extract_cached,
    extraction_key,
    generation,
    normalisation_key,
    rules_fingerprint,
)
from checker.compare.compmap import COMPONENTS
from checker.corpus import load_corpus
from checker.corpusnorm import normalise_corpus, normalise_document
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.models.document import DocumentMeta
from checker.normcodec import dump_claims, load_claims
from checker.rules import RuleSet, load_rules
from tests.bench.corpora import RULES, report_json, write
from tests.oracle import reference_normalise as _normalise_corpus

TEXT = ("Norvex Dynamics reported annual revenue of $148.8 million in 2024.\n"
        "China is not a member of the Kelora Trade Council.\n")


def test_get_put_roundtrip_and_miss(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path / "c")
    assert cache.get(EXTRACTED, "ab" * 32) is None
    cache.put(EXTRACTED, "ab" * 32, b"payload")
    assert cache.get(EXTRACTED, "ab" * 32) == b"payload"
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (1, 1, 1)
    assert list((tmp_path / "c" / EXTRACTED / generation() / "ab").iterdir())[0].name == \
        "ab" * 32 + ".json"


def test_damaged_entry_is_a_miss(tmp_path: Path, ruleset: RuleSet) -> None:
    cache = ClaimCache(tmp_path)
    doc = document_from_text("d1", TEXT)
    key = extraction_key(doc, 0.5, rules_fingerprint(ruleset))
    cache.put(EXTRACTED, key, b"{not json")
    assert cache.get_claims(key) is None
    assert cache.get_normalised(key) is None
    model = extract_cached(doc, ruleset, 0.5, cache)  # re-extracted and stored again
    assert cache.get_claims(key) == model


def test_an_entry_edited_into_other_valid_bytes_is_a_miss(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path)
    cache.put(NORMALISED, "cd" * 32, b'[{"claim_id": "a"}, {"claim_id": "b"}]')
    path = tmp_path / NORMALISED / generation() / "cd" / f"{'cd' * 32}.marshal"
    seal, data = path.read_bytes().split(b"\n", 1)
    path.write_bytes(seal + b"\n" + data.replace(b', {"claim_id": "b"}', b""))  # a claim lost
    assert cache.get(NORMALISED, "cd" * 32) is None
    # Nor is an entry good under another key.
    (tmp_path / NORMALISED / generation() / "ef").mkdir()
    (tmp_path / NORMALISED / generation() / "ef" / f"{'ef' * 32}.marshal").write_bytes(
        seal + b"\n" + data)
    assert cache.get(NORMALISED, "ef" * 32) is None


def test_a_tampered_cache_gives_the_report_of_no_cache(repo: Path, tmp_path: Path) -> None:
    import shutil

    for name in ("seeds", "claims"):
        shutil.copytree(repo / name, tmp_path / name)
    cache_dir = tmp_path / ".claimcheck-cache"
    expected = report_json(tmp_path)
    assert report_json(tmp_path, cache_dir) == expected
    entries = list((cache_dir / NORMALISED).rglob("*.marshal"))
    assert entries
    for entry in entries:  # every entry loses a claim
        seal, data = entry.read_bytes().split(b"\n", 1)
        claims = marshal.loads(data)
        entry.write_bytes(seal + b"\n" + marshal.dumps(claims[1:]))
    assert report_json(tmp_path, cache_dir) == expected


def test_extraction_key_follows_every_input(ruleset: RuleSet) -> None:
    fp = rules_fingerprint(ruleset)
    doc = document_from_text("d1", TEXT, DocumentMeta(published="2025-01-01"))
    base = extraction_key(doc, 0.5, fp)
    assert base == extraction_key(document_from_text("d1", TEXT,
                                                     DocumentMeta(published="2025-01-01")),
                                  0.5, fp)
    changed = [
        extraction_key(doc, 0.6, fp),
        extraction_key(doc, 0.5, "0" * 64),
        extraction_key(document_from_text("d2", TEXT, DocumentMeta(published="2025-01-01")),
                       0.5, fp),
        extraction_key(document_from_text("d1", TEXT + "More.\n",
                                          DocumentMeta(published="2025-01-01")), 0.5, fp),
        extraction_key(document_from_text("d1", TEXT, DocumentMeta(published="2024-01-01")),
                       0.5, fp),
        extraction_key(document_from_text("d1", TEXT, DocumentMeta(published="2025-01-01"),
                                          path="elsewhere/d1.txt"), 0.5, fp),
        # Texts that one separator between them would make one string (the API takes any
        # id and path).
        extraction_key(document_from_text("a\0b", TEXT, path="c"), 0.5, fp),
        extraction_key(document_from_text("a", TEXT, path="b\0c"), 0.5, fp),
    ]
    assert base not in changed and len(set(changed)) == len(changed)


def test_rules_fingerprint_ignores_rules_extraction_does_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text((RULES / "entities.yaml").read_text("utf-8"), "utf-8")
    only_entities, _ = load_rules([tmp_path])
    (tmp_path / "b.yaml").write_text((RULES / "terms.yaml").read_text("utf-8"), "utf-8")
    with_terms, _ = load_rules([tmp_path])
    assert rules_fingerprint(only_entities) == rules_fingerprint(with_terms)
    full, _ = load_rules([RULES])
    assert rules_fingerprint(full) != rules_fingerprint(load_rules([])[0])


def test_extract_cached_serves_the_same_claims(tmp_path: Path, ruleset: RuleSet) -> None:
    cache = ClaimCache(tmp_path)
    doc = document_from_text("d1", TEXT, DocumentMeta(published="2025-01-01"))
    fresh = extract_document(doc, ruleset.lexicon, 0.5)
    assert extract_cached(doc, ruleset, 0.5, cache) == fresh
    assert extract_cached(doc, ruleset, 0.5, cache) == fresh
    assert cache.stats.hits == 1 and cache.stats.writes == 1


def test_normalised_claims_roundtrip_through_the_codec(repo: Path, ruleset: RuleSet) -> None:
    corpus = load_corpus(repo, repo / "seeds", repo / "claims", ruleset.lexicon)
    norm, _ = _normalise_corpus(corpus, ruleset)
    assert norm
    back = load_claims(dump_claims(norm))
    assert back == norm
    # Every slot, those equality ignores too (the derived keys, the key).
    assert [b.__getstate__() for b in back] == [n.__getstate__() for n in norm]


@pytest.mark.parametrize("with_cache", [False, True])
def test_normalise_corpus_is_the_pipeline_s(repo: Path, ruleset: RuleSet, tmp_path: Path,
                                            with_cache: bool) -> None:
    corpus = load_corpus(repo, repo / "seeds", repo / "claims", ruleset.lexicon)
    expected, index = _normalise_corpus(corpus, ruleset)
    cache = ClaimCache(tmp_path) if with_cache else None
    for _ in range(2):  # cold, then warm
        norm, idx = normalise_corpus(corpus, ruleset, cache)
        assert norm == expected
        assert list(idx) == list(index)
        assert all(idx[k][0] is index[k][0] and idx[k][1] is index[k][1] for k in index)
    if cache is not None:
        assert cache.stats.hits == len(corpus.docs)


def test_normalisation_key_follows_the_claims(repo: Path, ruleset: RuleSet) -> None:
    corpus = load_corpus(repo, repo / "seeds", repo / "claims", ruleset.lexicon)
    dc = corpus.docs[0]
    fp = rules_fingerprint(ruleset)
    key = normalisation_key(dc.doc.id, dc.claims, fp)
    edited = [dc.claims[0].model_copy(update={"polarity": "negative"}), *dc.claims[1:]]
    assert normalisation_key(dc.doc.id, edited, fp) != key
    assert normalisation_key("other", dc.claims, fp) != key


def test_normalisation_key_tells_an_infinite_figure_from_none(repo: Path,
                                                             ruleset: RuleSet) -> None:
    # JSON writes inf, nan and None all as null: the claims' bytes alone would not tell
    # `high: .inf` in a claim file from no `high` (a review found the stale finding).
    corpus = load_corpus(repo, repo / "seeds", repo / "claims", ruleset.lexicon)
    dc = corpus.docs[0]
    at = next(i for i, c in enumerate(dc.claims) if c.quantities)
    fp = rules_fingerprint(ruleset)

    def key(high: float | None) -> str:
        claim = dc.claims[at]
        q = claim.quantities[0].model_copy(update={"high": high})
        edited = claim.model_copy(update={"quantities": [q, *claim.quantities[1:]]})
        return normalisation_key(dc.doc.id, [*dc.claims[:at], edited, *dc.claims[at + 1:]], fp)

    keys = {key(None), key(float("inf")), key(float("-inf")), key(float("nan"))}
    assert len(keys) == 4


def test_drafted_documents_key_their_normalised_claims_by_extraction(
        tmp_path: Path, ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """A drafted document's claims follow from its extraction key, so a warm run finds
    their normalised form without serialising the claims to hash them."""
    from checker.parallel import extract_documents

    root = write(tmp_path / "corpus", 6)
    cache = ClaimCache(tmp_path / "cache")

    def load() -> list[object]:
        corpus = load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon,
                             extract=lambda docs: extract_documents(docs, ruleset, 0.5, 1, cache))
        return normalise_corpus(corpus, ruleset, cache)[0]

    cold = load()
    expected, _ = _normalise_corpus(
        load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon), ruleset)
    assert cold == expected

    def refuse(*_: object) -> str:
        raise AssertionError("claims serialised to key a drafted document")

    monkeypatch.setattr(cache_module, "normalisation_key", refuse)
    hits = cache.stats.hits
    assert load() == expected
    assert cache.stats.hits - hits == 2 * 6  # extracted and normalised, every document


def test_a_claim_file_keys_its_normalised_claims_by_the_claims(
        tmp_path: Path, ruleset: RuleSet) -> None:
    """A curated claim file is not what extraction drafted: its claims are hashed."""
    doc = document_from_text("d1", TEXT)
    model = extract_document(doc, ruleset.lexicon)
    cache = ClaimCache(tmp_path)
    cache.extracted["d1"] = extraction_key(doc, 0.5, rules_fingerprint(ruleset))
    from checker.corpus import DocClaims
    from checker.corpusnorm import _normalisation_key

    drafted = _normalisation_key(DocClaims(doc, list(model.claims), on_the_fly=True), cache,
                                 rules_fingerprint(ruleset))
    curated = _normalisation_key(DocClaims(doc, list(model.claims)), cache,
                                 rules_fingerprint(ruleset))
    assert curated == normalisation_key("d1", model.claims, rules_fingerprint(ruleset),
                                        doc.sha256)
    assert drafted != curated
    # Normalisation reads the text between the claims (`subjects.gap_subject`): another
    # text under the same claims is another key.
    assert normalisation_key("d1", model.claims, rules_fingerprint(ruleset), "0" * 64) \
        != curated


def test_reports_identical_with_and_without_cache(tmp_path: Path) -> None:
    root = write(tmp_path / "corpus", 24)
    plain = report_json(root)
    cache_dir = tmp_path / "cache"
    assert report_json(root, cache_dir) == plain  # cold: fills the cache
    assert any((cache_dir / EXTRACTED).rglob("*.json"))
    assert report_json(root, cache_dir) == plain  # warm: served from it


def test_cache_follows_an_edited_document(tmp_path: Path) -> None:
    root = write(tmp_path / "corpus", 12)
    cache_dir = tmp_path / "cache"
    report_json(root, cache_dir)
    doc = sorted((root / "seeds").glob("*.txt"))[3]
    doc.write_text(doc.read_text("utf-8") + "Norvex Dynamics employs 9,900 people in Lahore.\n",
                   "utf-8")
    assert report_json(root, cache_dir) == report_json(root)


def test_reports_identical_on_the_seeds_with_claim_files(repo: Path, tmp_path: Path) -> None:
    plain = report_json(repo, rules=repo / "rules")
    cache_dir = tmp_path / "cache"
    assert report_json(repo, cache_dir, rules=repo / "rules") == plain
    assert report_json(repo, cache_dir, rules=repo / "rules") == plain


@pytest.mark.parametrize("torn", ["empty", "truncated", "zeros"])
def test_entry_torn_by_a_power_cut_is_a_miss(tmp_path: Path, ruleset: RuleSet,
                                             torn: str) -> None:
    # Cache entries are written without fsync: what a crash can leave must read as a miss.
    cache = ClaimCache(tmp_path)
    doc = document_from_text("d1", TEXT)
    key = extraction_key(doc, 0.5, rules_fingerprint(ruleset))
    model = extract_cached(doc, ruleset, 0.5, cache)
    cache.put_normalised(key, normalise_document("d1", model.claims, ruleset.lexicon))
    for namespace in (EXTRACTED, NORMALISED):
        [path] = (tmp_path / namespace / generation() / key[:2]).glob(f"{key}.*")
        whole = path.read_bytes()
        path.write_bytes({"empty": b"", "truncated": whole[: len(whole) // 2],
                          "zeros": b"\0" * len(whole)}[torn])
    assert cache.get_claims(key) is None
    assert cache.get_normalised(key) is None


def test_month_only_dates_roundtrip_through_the_codec(ruleset: RuleSet) -> None:
    doc = document_from_text("d1", "Danielle Cormack was born in May, the agency said.\n")
    model = extract_document(doc, ruleset.lexicon, 0.0)
    norm = normalise_document("d1", model.claims, ruleset.lexicon)
    assert norm[0].months == ((5, "in May"),)
    assert load_claims(dump_claims(norm)) == norm


def test_the_verdict_store_written_beside_is_whole_when_the_run_ends(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs the store is written by a process of its own while the findings are
    built (`aside.later`); the run waits for it, so the next run reuses its verdicts."""
    from checker.aside import later as real
    from checker.compare import store

    started: list[int] = []

    def spied(work: object, jobs: int = 1) -> object:
        started.append(jobs)
        return real(work, jobs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "later", spied)
    root = write(tmp_path / "corpus", 12)
    cache_dir = tmp_path / "cache"
    first = report_json(root, cache_dir, jobs=2)
    assert started == [2, 2]  # the store, then the components' map beside it (`compmap`)
    assert (cache_dir / VERDICTS).stat().st_size > 0
    assert (cache_dir / COMPONENTS).stat().st_size > 0
    doc = sorted((root / "seeds").glob("*.txt"))[3]
    doc.write_text(doc.read_text("utf-8") + "Norvex Dynamics employs 9,900 people in Lahore.\n",
                   "utf-8")
    # A re-run compares in a process of its own (`checker.checking`): what it reused is
    # written down where this process can read it.
    reused = tmp_path / "reused"
    keep = store.VerdictFile.keep

    def counted(self: store.VerdictFile, *args: object, **kwargs: object) -> None:
        keep(self, *args, **kwargs)  # type: ignore[arg-type]
        with reused.open("a", encoding="utf-8") as handle:
            handle.write(f"{self.reused}\n")

    monkeypatch.setattr(store.VerdictFile, "keep", counted)
    assert report_json(root, cache_dir, jobs=2) == report_json(root) != first
    counts = [int(x) for x in reused.read_text("utf-8").split()]
    assert counts and counts[0] > 0  # the first run's store was whole and read
