"""Results remembered across runs (sidecar metadata, prose regions): same results, errors
still located."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checker import docmemo
from checker.cache import DOCUMENTS, ClaimCache, code_fingerprint
from checker.claimfiles import load_claim_file
from checker.claimmemo import ClaimFileMemo
from checker.errors import SchemaError
from checker.ingest import discover, load_documents, read_document
from checker.memofile import MemoFile, remembered
from checker.pipeline import CheckOptions, load_inputs
from checker.sidecars import SidecarMemo
from tests.bench.corpora import RULES, write

REPO = Path(__file__).resolve().parents[1]


def _docs(root: Path, memo: SidecarMemo | None) -> list[object]:
    docs, errors = load_documents(discover(root), root, sidecars=memo)
    assert not errors
    return [(d.id, d.meta) for d in docs]


@pytest.mark.parametrize("source", ["seeds", "generated"])
def test_remembered_metadata_is_the_parsed_one(tmp_path: Path, source: str) -> None:
    root = tmp_path / "docs"
    if source == "seeds":
        shutil.copytree(REPO / "seeds", root)
    else:
        root = write(tmp_path / "corpus", 12) / "seeds"
    path = tmp_path / "sidecars.marshal"
    parsed = _docs(root, None)
    first = SidecarMemo(path, "code")
    assert _docs(root, first) == parsed and first.hits == 0
    first.save()
    second = SidecarMemo(path, "code")
    assert _docs(root, second) == parsed
    assert second.hits == len(list(root.glob("*.meta.yaml"))) > 0


def _remembered_seeds(tmp_path: Path, code: str) -> tuple[Path, Path]:
    """A copy of the seeds whose sidecars one run has remembered; (documents, memo file)."""
    root, path = tmp_path / "docs", tmp_path / "sidecars.marshal"
    shutil.copytree(REPO / "seeds", root)
    memo = SidecarMemo(path, code)
    _docs(root, memo)
    memo.save()
    return root, path


def test_other_code_or_damaged_file_remembers_nothing(tmp_path: Path) -> None:
    root, path = _remembered_seeds(tmp_path, "code")
    other = SidecarMemo(path, "new code")
    _docs(root, other)
    assert other.hits == 0
    for damage in (b"", b"{", b"[]", b'{"format": 1, "code": "code", "entries": []}'):
        path.write_bytes(damage)
        damaged = SidecarMemo(path, "code")
        assert _docs(root, damaged) == _docs(root, None) and damaged.hits == 0


def test_edited_sidecar_is_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    sidecar = tmp_path / "a.meta.yaml"
    sidecar.write_text('title: T\npublished: "2025-04"\n', encoding="utf-8")
    path = tmp_path / "memo.marshal"
    memo = SidecarMemo(path, "c")
    read_document(tmp_path / "a.txt", "a.txt", sidecars=memo)
    memo.save()
    sidecar.write_text('title: New\npublished: "2025-05"\n', encoding="utf-8")
    again = SidecarMemo(path, "c")
    doc = read_document(tmp_path / "a.txt", "a.txt", sidecars=again)
    assert (doc.meta.title, doc.meta.published, again.hits) == ("New", "2025-05", 0)


def test_a_bad_sidecar_is_never_remembered(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: T\npublished: yesterday\n", encoding="utf-8")
    path = tmp_path / "memo.marshal"
    for _ in range(2):
        memo = SidecarMemo(path, "c")
        with pytest.raises(SchemaError) as err:
            read_document(tmp_path / "a.txt", "a.txt", sidecars=memo)
        assert str(err.value).startswith("a.meta.yaml:2:")
        memo.save()
    assert not path.exists()  # nothing was worth writing


def test_only_entries_used_this_run_are_kept(tmp_path: Path) -> None:
    root, path = _remembered_seeds(tmp_path, "c")
    victim = sorted(root.glob("*.meta.yaml"))[0]
    victim.unlink()
    pruned = SidecarMemo(path, "c")
    _docs(root, pruned)
    pruned.save()
    assert len(SidecarMemo(path, "c").file._stored) == len(list(root.glob("*.meta.yaml")))


def test_remembered_regions_are_the_computed_ones(tmp_path: Path) -> None:
    from checker.corpus import load_corpus
    from checker.memofile import MemoFile
    from checker.rule_findings import regions_of
    from checker.rules import load_rules

    ruleset, _ = load_rules([REPO / "rules"])
    corpus = load_corpus(REPO, REPO / "seeds", REPO / "claims", ruleset.lexicon)
    computed = regions_of(corpus.docs)
    assert any(computed)
    path = tmp_path / "regions.marshal"
    first = MemoFile(path, "c")
    assert regions_of(corpus.docs, first) == computed and first.hits == 0
    first.save()
    second = MemoFile(path, "c")
    assert regions_of(corpus.docs, second) == computed
    assert second.hits == len(corpus.docs)


def test_a_cache_file_is_sealed_and_read_back_only_whole(tmp_path: Path) -> None:
    from checker.memofile import KIND, read_memo, write_memo
    from checker.sealedfile import read_sealed

    path = tmp_path / "memo.marshal"
    entries = {"n": 2.5, "items": [[1, "é"], (2, None)], "ok": True}
    write_memo(path, "c", entries)
    back = read_memo(path, "c")
    assert back == entries
    assert back["items"][1] == (2, None)  # as put: a tuple stays a tuple
    assert read_sealed(path, KIND, "c") == {"entries": entries}
    assert read_memo(path, "other code") is None
    raw = path.read_bytes()
    path.write_bytes(raw[:-3])  # torn
    assert read_memo(path, "c") is None
    path.write_bytes(raw.replace("é".encode(), b"e!"))  # edited: the seal fails
    assert read_memo(path, "c") is None
    write_memo(path, "c", {})
    assert read_memo(path, "c") == {}
    assert read_memo(tmp_path / "missing.marshal", "c") is None
    # The format before (sealed JSON) under the same name reads as no memo.
    path.write_text('{"format":2,"code":"c","entries":{"n":1},"seal":"' + "0" * 64 + '"}')
    assert read_memo(path, "c") is None


def test_remembered_term_hits_make_the_computed_findings(tmp_path: Path) -> None:

    from checker.corpus import load_corpus
    from checker.memofile import MemoFile, read_memo, write_memo
    from checker.rule_findings import regions_of, term_findings
    from checker.rules import load_rules

    ruleset, _ = load_rules([REPO / "rules"])
    corpus = load_corpus(REPO, REPO / "seeds", REPO / "claims", ruleset.lexicon)
    regions = regions_of(corpus.docs)
    computed = term_findings(corpus, ruleset, regions)
    assert computed
    path = tmp_path / "terms.marshal"
    first = MemoFile(path, "c")
    assert term_findings(corpus, ruleset, regions, first) == computed and first.hits == 0
    first.save()
    second = MemoFile(path, "c")
    assert term_findings(corpus, ruleset, regions, second) == computed
    assert second.hits == len(corpus.docs)
    # A damaged entry (a rule that is no more) is computed again, not trusted.
    entries = read_memo(path, "c")
    assert entries
    for hits in entries.values():
        for hit in hits:
            hit[1] = "no-such-rule"
    raw = path.read_bytes()
    path.write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))  # an edit by hand: the seal fails
    assert MemoFile(path, "c").get(next(iter(entries))) is None
    assert term_findings(corpus, ruleset, regions, MemoFile(path, "c")) == computed
    # Sealed again, the entries are read, and still not trusted past what they name.
    write_memo(path, "c", entries)
    assert MemoFile(path, "c").get(next(iter(entries))) is not None
    assert term_findings(corpus, ruleset, regions, MemoFile(path, "c")) == computed


def test_remembered_forms_make_the_computed_consistency_findings(tmp_path: Path) -> None:
    from checker.corpus import load_corpus
    from checker.memofile import MemoFile, read_memo, write_memo
    from checker.rule_findings import consistency_findings, regions_of
    from checker.rules import load_rules

    ruleset, _ = load_rules([REPO / "rules"])
    corpus = load_corpus(REPO, REPO / "seeds", REPO / "claims", ruleset.lexicon)
    regions = regions_of(corpus.docs)
    computed = consistency_findings(corpus, ruleset, regions)
    assert computed and ruleset.consistency
    path = tmp_path / "consistency.marshal"
    first = MemoFile(path, "c")
    assert consistency_findings(corpus, ruleset, regions, first) == computed
    assert first.hits == 0
    first.save()
    second = MemoFile(path, "c")
    # No region is read when every document is remembered.
    assert consistency_findings(corpus, ruleset, [[] for _ in regions], second) == computed
    assert second.hits == len(corpus.docs)
    # A stored entry that does not fit the rules (sealed again by hand) is computed again.
    entries = read_memo(path, "c")
    assert entries is not None
    key = next(k for k, v in entries.items() if any(v))
    good, rest = entries[key], entries[key][1:]
    for bad in ([], "x", [[1, 2], *rest], [[5, 2, 0], *rest], [[0, 3, 99], *rest],
                [[0, 3, "0"], *rest], [[-1, 3, 0], *rest], [*entries[key], []]):
        entries[key] = bad
        write_memo(path, "c", entries)
        memo = MemoFile(path, "c")
        assert consistency_findings(corpus, ruleset, regions, memo) == computed
        assert memo._used[key] == good  # computed again, and kept as computed


def test_a_fixed_claim_text_is_not_answered_from_the_memo(tmp_path: Path) -> None:
    from checker.corpus import load_corpus
    from checker.memofile import MemoFile
    from checker.rule_findings import regions_of, term_findings
    from checker.rules import load_rules

    ruleset, _ = load_rules([REPO / "rules"])
    corpus = load_corpus(REPO, REPO / "seeds", REPO / "claims", ruleset.lexicon)
    regions = regions_of(corpus.docs)
    path = tmp_path / "terms.marshal"
    memo = MemoFile(path, "c")
    before = term_findings(corpus, ruleset, regions, memo)
    memo.save()
    from checker.rule_findings import _terms_key

    stored = MemoFile(path, "c")._stored
    dc, hit = next((dc, h) for dc in corpus.docs for h in stored[_terms_key(dc)] if h[0] >= 0)
    ci, found, replacement = hit[0], hit[4], hit[5]
    claim = dc.claims[ci]
    dc.claims[ci] = claim.model_copy(update={"text": claim.text.replace(found, replacement)})
    after = term_findings(corpus, ruleset, regions, MemoFile(path, "c"))
    assert after == term_findings(corpus, ruleset, regions) and len(after) < len(before)


def test_an_edited_term_rule_is_not_answered_from_the_memo(tmp_path: Path) -> None:
    from tests.bench.corpora import report_json

    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    cache = tmp_path / "cache"
    before = report_json(REPO, cache, rules=rules)
    terms = rules / "terms.yaml"
    text = terms.read_text("utf-8")
    assert "canonical: \"Chang'e\"" in text
    terms.write_text(text.replace("canonical: \"Chang'e\"", "canonical: \"Chang'E\""), "utf-8")
    after = report_json(REPO, cache, rules=rules)
    assert after == report_json(REPO, rules=rules) != before


def _claim_files(paths: list[Path], memo: ClaimFileMemo | None) -> list[object]:
    out: list[object] = []
    for p in paths:
        loaded, errors = load_claim_file(p, p.name, memo)
        out.append((loaded.model, loaded.lines, [str(e) for e in errors]) if loaded
                   else [str(e) for e in errors])
    return out


def test_remembered_claim_files_are_the_parsed_ones(tmp_path: Path) -> None:
    paths = sorted(REPO.glob("claims/*.yaml"))
    memo_path = tmp_path / "claimfiles.marshal"
    parsed = _claim_files(paths, None)
    first = ClaimFileMemo(memo_path, "code")
    assert _claim_files(paths, first) == parsed and first.hits == 0
    first.save()
    second = ClaimFileMemo(memo_path, "code")
    assert _claim_files(paths, second) == parsed and second.hits == len(paths) > 0
    assert _claim_files(paths, ClaimFileMemo(memo_path, "new code")) == parsed


def test_edited_or_damaged_claim_file_entries_are_read_again(tmp_path: Path) -> None:
    source = sorted(REPO.glob("claims/*.yaml"))[-1]
    path = tmp_path / source.name
    shutil.copy(source, path)
    memo_path = tmp_path / "claimfiles.marshal"
    memo = ClaimFileMemo(memo_path, "c")
    _claim_files([path], memo)
    memo.save()
    text = path.read_text(encoding="utf-8")
    first_id = load_claim_file(path, path.name)[0].model.claims[0].id  # type: ignore[union-attr]
    path.write_text(text.replace(f"id: {first_id}", "id: renamed-claim", 1), encoding="utf-8")
    again = ClaimFileMemo(memo_path, "c")
    assert _claim_files([path], again) == _claim_files([path], None) and again.hits == 0
    assert "renamed-claim" in load_claim_file(path, path.name, again)[0].lines  # type: ignore[union-attr]
    # An entry that is not what `put` wrote is ignored: a broken model or line, or lines
    # that are not those of the model's claims.
    # (The memo file's seal refuses an edited file whole; these entries are put in place.)
    path.write_text(text, encoding="utf-8")
    memo = ClaimFileMemo(memo_path, "c")
    _claim_files([path], memo)
    key, good = next(iter(memo.file._used.items()))
    for bad in ({"model": "{}", "lines": {"x": "1"}}, {"model": good["model"], "lines": {}},
                {"model": good["model"], "lines": {**good["lines"], "ghost": 3}},
                {"model": good["model"], "lines": {k: str(v) for k, v in good["lines"].items()}}):
        damaged = ClaimFileMemo(None, "c")
        damaged.file._stored = {key: bad}
        assert damaged.get(path.read_bytes()) is None
        assert _claim_files([path], damaged) == _claim_files([path], None)
    intact = ClaimFileMemo(None, "c")
    intact.file._stored = {key: good}
    assert intact.get(path.read_bytes()) is not None  # the same entry, undamaged, is used


def test_a_claim_file_with_errors_is_never_remembered(tmp_path: Path) -> None:
    source = sorted(REPO.glob("claims/*.yaml"))[-1]
    path = tmp_path / source.name
    path.write_text(source.read_text(encoding="utf-8").replace("claims:\n", "claims:\n  - {}\n",
                                                                1), encoding="utf-8")
    memo_path = tmp_path / "claimfiles.marshal"
    memo = ClaimFileMemo(memo_path, "c")
    errors = _claim_files([path], memo)
    memo.save()
    again = ClaimFileMemo(memo_path, "c")
    assert _claim_files([path], again) == errors and again.hits == 0
    assert errors[0] and isinstance(errors[0], list)  # located schema errors, every run


def _doubled(_: int, stored: object) -> int | None:
    return 2 * stored if isinstance(stored, int) else None


def test_remembered_looks_up_computes_the_rest_together_and_keeps_them(tmp_path: Path) -> None:
    memo = MemoFile(tmp_path / "memo.marshal", "code")
    memo.put("a", 10)
    memo.put("b", "damaged")
    memo.save()
    memo = MemoFile(tmp_path / "memo.marshal", "code")
    asked: list[list[int]] = []

    def compute(todo: list[int]) -> list[int]:
        asked.append(todo)
        return [100 + i for i in todo]

    got = remembered(memo, ["a", "b", None, "d"], _doubled, compute)
    assert got == [20, 202, 204, 206]
    assert asked == [[1, 2, 3]]  # one call for all: it may spread them over processes
    memo.save()
    again = MemoFile(tmp_path / "memo.marshal", "code")
    # What was computed under a key is kept (the damaged value replaced); keyless is not.
    assert (again.get("a"), again.get("b"), again.get("d")) == (10, 101, 103)
    assert remembered(None, [None, None], _doubled, lambda todo: todo) == [0, 2]


def test_remembered_refuses_a_computed_value_it_cannot_decode() -> None:
    with pytest.raises(ValueError, match="item 0"):
        remembered(None, [None], _doubled, lambda todo: ["not a number"])


def test_the_input_memos_are_written_beside_with_jobs(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs, the memos of the inputs (documents, sidecars, claim files) are written
    by a thread of their own while the run goes on; `settle` waits for them. Nothing is
    written when none changed."""
    root = write(tmp_path / "corpus", 12)
    # The files are a moment old: without the racy rule's window they are served next run.
    monkeypatch.setattr(docmemo, "RACY_NS", 0)
    cache_dir = tmp_path / "cache"
    asides: list[tuple[int, bool]] = []
    real = ClaimCache.aside

    def aside(self: ClaimCache, work: Callable[[], None], jobs: int,
              held: bool = False) -> None:
        asides.append((jobs, held))
        real(self, work, jobs, held)

    monkeypatch.setattr(ClaimCache, "aside", aside)
    from checker import threadwrites as aside_module

    started: list[str] = []
    real_in_thread = aside_module.in_thread

    def in_thread(work: Callable[[], None]) -> Callable[[], None]:
        started.append("thread")
        return real_in_thread(work)

    monkeypatch.setattr(aside_module, "in_thread", in_thread)
    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                           rules=RULES, jobs=2, cache_dir=cache_dir)
    inputs = load_inputs(options, drafts=False)
    # Held until the checks' lines are over (here, none: until the run settles).
    assert asides == [(2, True)] and started == []
    assert inputs.cache is not None
    inputs.cache.settle()
    assert started == ["thread"]  # released: written by a thread of its own
    memo = MemoFile(cache_dir / DOCUMENTS, code_fingerprint())
    assert len(memo._stored) == 12
    asides.clear()
    load_inputs(options, drafts=False).cache.settle()  # type: ignore[union-attr]
    assert asides == []  # the memos already hold what this run used


def test_a_memo_is_written_again_only_when_more_than_a_few_entries_changed(
        tmp_path: Path) -> None:
    from checker.memofile import STALE_SHARE, worth_writing

    stored = {f"k{n}": [n, "v"] for n in range(1000)}
    assert not worth_writing(dict(stored), stored)
    few = {**stored, "k1": [1, "changed"], "new": [0, "v"]}
    del few["k2"]  # changed, added, removed: 3 of 1000
    assert not worth_writing(few, stored)
    many = {**stored, **{f"k{n}": [n, "changed"] for n in range(int(STALE_SHARE * 1000) + 1)}}
    assert worth_writing(many, stored)
    assert worth_writing({"a": 1, "b": 3}, {"a": 1, "b": 2})  # small: any change
    assert worth_writing({"a": 1}, {})  # a first run's memo


def test_an_edited_run_leaves_the_document_memo_and_reads_the_edit_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Of 150 documents one edited: the documents memo is not rewritten for it; the next run
    serves the 149 others and reads the edited one again, each time, with the same
    report as a run without cache."""
    from tests.bench.corpora import report_json

    root = write(tmp_path / "corpus", 150)
    monkeypatch.setattr(docmemo, "RACY_NS", 0)
    cache = tmp_path / "cache"
    report_json(root, cache)
    memo_file = cache / DOCUMENTS
    written = memo_file.read_bytes()
    victim = sorted((root / "seeds").glob("*.txt"))[7]
    victim.write_text(victim.read_text("utf-8") + "Norvex Dynamics employs 9,900 people "
                      "in Lahore.\n", "utf-8")
    memos: list[docmemo.DocumentMemo] = []
    real = docmemo.DocumentMemo.__init__

    def made(self: docmemo.DocumentMemo, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        memos.append(self)

    monkeypatch.setattr(docmemo.DocumentMemo, "__init__", made)
    for _ in range(2):
        assert report_json(root, cache) == report_json(root, None)
        assert memo_file.read_bytes() == written  # one stale entry of 150: not rewritten
    docs = len(list((root / "seeds").glob("*.txt")))
    assert docs == 150 and [m.served for m in memos] == [docs - 1, docs - 1]


def test_a_drafted_document_s_term_findings_are_kept_and_its_claims_not_built(
        tmp_path: Path) -> None:
    """Term findings of documents drafted through the cache come back from the memo
    without their claims being built, the same findings; they are keyed by the claim
    file they name as well as by the draft; a damaged entry is computed again."""
    from checker.corpus import DeferredDocClaims
    from checker.rule_findings import regions_of, term_findings

    root = write(tmp_path / "corpus", 30)
    cache_dir = tmp_path / "cache"

    def loaded() -> tuple[Any, Any, Any]:
        options = CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                               rules=RULES, cache_dir=cache_dir)
        inputs = load_inputs(options)
        assert inputs.cache is not None
        inputs.cache.settle()
        return inputs.corpus, inputs.ruleset, inputs.cache

    corpus, ruleset, _ = loaded()
    computed = term_findings(corpus, ruleset, regions_of(corpus.docs))
    assert computed
    path = tmp_path / "terms.marshal"
    for run in range(2):
        corpus, ruleset, cache = loaded()
        memo = MemoFile(path, "c")
        assert term_findings(corpus, ruleset, regions_of(corpus.docs), memo,
                             drafts=cache.extracted) == computed
        lazy = [dc for dc in corpus.docs if isinstance(dc, DeferredDocClaims)]
        assert lazy and all(("_draft" in dc.__dict__) == (run == 1) for dc in lazy)
        memo.save()
    # A page edited: its findings made again (its draft is another), the others kept.
    page = sorted((root / "seeds").glob("*.txt"))[16]
    page.write_text(page.read_text("utf-8").replace("Chang", "Chang-e Chang"), "utf-8")
    corpus, ruleset, cache = loaded()
    edited = term_findings(corpus, ruleset, regions_of(corpus.docs))
    assert edited != computed
    assert term_findings(corpus, ruleset, regions_of(corpus.docs), MemoFile(path, "c"),
                         drafts=cache.extracted) == edited
    page.write_text(page.read_text("utf-8").replace("Chang-e Chang", "Chang"), "utf-8")
    # Entries that are not findings are computed again, not trusted.
    from checker.memofile import read_memo, write_memo

    entries = read_memo(path, "c")
    assert entries
    for key, value in entries.items():
        if value and isinstance(value[0], str):
            entries[key] = ['{"id": 1}']
    write_memo(path, "c", entries)
    corpus, ruleset, cache = loaded()
    assert term_findings(corpus, ruleset, regions_of(corpus.docs), MemoFile(path, "c"),
                         drafts=cache.extracted) == computed
