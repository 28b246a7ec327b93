"""The verdict store: reused only where nothing a verdict reads has changed."""

from __future__ import annotations

import json
import pickle
import random
import re
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker import parallel, workers
from checker.cache import VERDICTS
from checker.compare import compare
from checker.compare.blocking import BlockIndex
from checker.compare.store import (
    FORMAT,
    UNRELATED,
    Judged,
    StoredDetails,
    VerdictFile,
    changed_keys,
    claim_hashes,
    details_text,
    pair_code,
)
from checker.compare.verdict import Verdict
from checker.corpus import Corpus, load_corpus
from checker.corpusnorm import normalise_corpus
from checker.errors import InputError
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from checker.sealedfile import read_sealed, write_sealed
from tests.bench.corpora import report_json, write


def _norm(root: Path, ruleset: RuleSet) -> tuple[Corpus, list[NormClaim]]:
    corpus = load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon, 0.5)
    norm, _ = normalise_corpus(corpus, ruleset)
    return corpus, norm


def _memory(path: Path, corpus: Corpus, fingerprint: str = "fp") -> VerdictFile:
    # A document's state stands for its normalised claims: its text will do here.
    return VerdictFile(path, fingerprint, {dc.doc.id: dc.doc.sha256 for dc in corpus.docs})


def _stored(path: Path, fingerprint: str = "fp") -> dict[str, Any]:
    """The store's value as the file holds it."""
    data = read_sealed(path, f"verdicts {FORMAT}", fingerprint)
    assert isinstance(data, dict)
    return data


def _reseal(path: Path, data: dict[str, Any], fingerprint: str = "fp") -> None:
    """An edit by hand, sealed again: the content is what must be caught."""
    write_sealed(path, f"verdicts {FORMAT}", fingerprint, data)


def _origins(corpus: Corpus) -> dict[str, str | None]:
    return {dc.doc.id: dc.doc.meta.origin for dc in corpus.docs}


def test_changed_keys_are_the_rounded_counts_that_moved() -> None:
    before = {"e:a": 2, "t:b": 5, "t:gone": 1, "t:common": 6396}
    now = Counter({"e:a": 2, "t:b": 6, "t:new": 1, "t:common": 6397})
    assert changed_keys(now, before) == {"t:b", "t:new"}


def test_judged_packs_unrelated_pairs_and_keeps_the_others() -> None:
    judged = Judged(array("q", [10 * k for k in range(10)]))
    judged.add(1, 2, Verdict("unrelated", None, 0.4, 0.6))
    kept = Verdict("conflict", "quantity", 0.9, 0.8, {"quantities": [["1", "2"]]})
    judged.add(3, 4, kept, True)
    assert list(judged.unrelated) == [pair_code(10, 20)]
    related = judged.related
    assert (list(related.xs), list(related.ys), related.verdicts, list(related.copies)) == \
        ([30], [40], [kept], [1])


def test_pair_codes_name_a_pair_in_either_order() -> None:
    assert pair_code(5, 9) == pair_code(9, 5) != pair_code(5, 10)
    assert 0 <= pair_code(2**63 - 1, 2**63 - 2) < 2**63


def test_a_second_run_reuses_every_verdict(tmp_path: Path, ruleset: RuleSet) -> None:
    corpus, norm = _norm(write(tmp_path / "corpus", 30), ruleset)
    path = tmp_path / "verdicts.json"
    first = compare(norm, ruleset.lexicon, _origins(corpus), memory=_memory(path, corpus))
    memory = _memory(path, corpus)
    second = compare(norm, ruleset.lexicon, _origins(corpus), memory=memory)
    assert second == first
    # Every pair judged the first time was answered from the store (none judged again).
    stored = _stored(path)
    unrelated = len(stored["unrelated"])  # an array of pair codes
    assert memory.reused == len(stored["labels"]) + unrelated > len(first.conflicts)


def test_an_unchanged_corpus_leaves_the_store_as_it_is(tmp_path: Path,
                                                        ruleset: RuleSet) -> None:
    corpus, norm = _norm(write(tmp_path / "corpus", 20), ruleset)
    path = tmp_path / "verdicts.json"
    first = _memory(path, corpus)
    compare(norm, ruleset.lexicon, _origins(corpus), memory=first)
    written = path.read_bytes()
    again = _memory(path, corpus)
    compare(norm, ruleset.lexicon, _origins(corpus), memory=again)
    assert first.written and not again.written and again.reused > 0
    # What it would have written is what is there.
    path.unlink()
    fresh = _memory(path, corpus)
    compare(norm, ruleset.lexicon, _origins(corpus), memory=fresh)
    assert path.read_bytes() == written


@pytest.mark.parametrize("reordered", [False, True])
def test_reused_verdicts_are_the_judged_ones(tmp_path: Path, ruleset: RuleSet,
                                             reordered: bool) -> None:
    corpus, norm = _norm(write(tmp_path / "corpus", 30), ruleset)
    path = tmp_path / "verdicts.json"
    compare(norm, ruleset.lexicon, _origins(corpus), memory=_memory(path, corpus))
    stored = _stored(path)
    if reordered:  # a store written by hand need not keep the verdicts in code order
        for name in ("labels", "reasons", "details"):
            stored[name].reverse()
        for name in ("xs", "ys", "confidences", "similarities"):
            stored[name].reverse()  # arrays
        stored["copies"] = stored["copies"][::-1]
        _reseal(path, stored)
    memory = _memory(path, corpus)
    index = BlockIndex(norm)
    prior = memory.recall(norm, index.n, index.df)
    at = {x: i for i, x in enumerate(claim_hashes(norm))}
    from checker.compare.verdict import judge

    assert stored["labels"]
    for x, y in zip(array("q", stored["xs"]), array("q", stored["ys"]), strict=True):
        i, j = at[x], at[y]
        fresh = judge(norm[i], norm[j], index, ruleset.lexicon)
        again = prior.get(i, j)
        assert again is not None and again != UNRELATED
        # Read back as their text, the details are read on first use.
        assert isinstance(again.details, StoredDetails)
        assert json.dumps([again.label, again.reason, again.confidence, dict(again.details)]) \
            == json.dumps([fresh.label, fresh.reason, fresh.confidence, fresh.details])


def test_stored_details_read_on_first_use_as_the_judged_dict() -> None:
    judged = {"similarity": 0.9, "shared_entities": ["china", "iss"], "quantities": [["1", "2"]]}
    text = details_text(judged)
    stored = StoredDetails(text, Path("verdicts.json"))
    assert stored._read is None  # nothing parsed yet
    assert stored == judged and judged == stored and dict(stored) == judged
    assert stored["quantities"] == [["1", "2"]] and stored.get("dates") is None
    assert details_text(stored) == text  # written back as it was read, not dumped again
    again = pickle.loads(pickle.dumps(stored))
    assert isinstance(again, StoredDetails) and again == judged
    assert Verdict("conflict", "number", 0.9, 0.9, stored) == \
        Verdict("conflict", "number", 0.9, 0.9, judged)


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", ""])
def test_stored_details_that_do_not_read_name_the_store(text: str) -> None:
    stored = StoredDetails(text, Path("cache/verdicts.json"))
    with pytest.raises(InputError, match="details do not read") as raised:
        stored.get("quantities")
    assert raised.value.location is not None and raised.value.location.path == \
        "cache/verdicts.json"


def test_a_store_with_parsed_details_is_foreign(tmp_path: Path, ruleset: RuleSet) -> None:
    # Details as a JSON object (the format before 3) are not the store's: nothing reused.
    corpus, norm = _norm(write(tmp_path / "corpus", 20), ruleset)
    path = tmp_path / "verdicts.json"
    compare(norm, ruleset.lexicon, _origins(corpus), memory=_memory(path, corpus))
    stored = _stored(path)
    assert stored["labels"]
    stored["details"] = [json.loads(d) for d in stored["details"]]
    _reseal(path, stored)
    index = BlockIndex(norm)
    prior = _memory(path, corpus).recall(norm, index.n, index.df)
    assert not prior.related and not any(prior.valid)


@pytest.mark.parametrize("jobs", [1, 2])
def test_compare_claims_counts_the_verdicts_it_reuses_as_compare_does(
        tmp_path: Path, ruleset: RuleSet, jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "TASKS_PER_JOB", 5)  # several slices per process
    corpus, norm = _norm(write(tmp_path / "c", 40), ruleset)
    origins = _origins(corpus)
    compare(norm, ruleset.lexicon, origins, memory=_memory(tmp_path / "one.json", corpus))
    compare(norm, ruleset.lexicon, origins, memory=_memory(tmp_path / "two.json", corpus))
    # Two thirds of the documents changed since: too few claims settled to compare around
    # them, so both compare afresh and take the verdicts the store still vouches for.
    changed = {dc.doc.id for dc in corpus.docs[: 2 * len(corpus.docs) // 3]}
    states = {dc.doc.id: "x" if dc.doc.id in changed else dc.doc.sha256 for dc in corpus.docs}
    one = VerdictFile(tmp_path / "one.json", "fp", states)
    two = VerdictFile(tmp_path / "two.json", "fp", states)
    expected = compare(norm, ruleset.lexicon, origins, memory=one)
    assert parallel.compare_claims(norm, ruleset.lexicon, origins, jobs=jobs,
                                   memory=two) == expected
    assert two.reused == one.reused > 0
    assert (tmp_path / "two.json").read_bytes() == (tmp_path / "one.json").read_bytes()


def test_nothing_is_reused_from_another_configuration(tmp_path: Path,
                                                       ruleset: RuleSet) -> None:
    corpus, norm = _norm(write(tmp_path / "corpus", 20), ruleset)
    path = tmp_path / "verdicts.json"
    compare(norm, ruleset.lexicon, _origins(corpus), memory=_memory(path, corpus, "one"))
    other = _memory(path, corpus, "two")
    compare(norm, ruleset.lexicon, _origins(corpus), memory=other)
    assert other.reused == 0


def test_claims_holding_a_key_whose_count_moved_are_judged_again(tmp_path: Path,
                                                                  ruleset: RuleSet) -> None:
    corpus, norm = _norm(write(tmp_path / "corpus", 20), ruleset)
    path = tmp_path / "verdicts.json"
    compare(norm, ruleset.lexicon, _origins(corpus), memory=_memory(path, corpus))
    stored = _stored(path)
    moved = norm[0].keys
    # Twice the count is another weight (one more may not be: counts are rounded).
    stored["df"] = {k: c * (2 if k in moved else 1) for k, c in stored["df"].items()}
    _reseal(path, stored)
    memory = _memory(path, corpus)
    index = BlockIndex(norm)
    prior = memory.recall(norm, index.n, index.df)
    assert not prior.valid[0]
    assert all(not prior.valid[i] for i, c in enumerate(norm) if not c.keys.isdisjoint(moved))
    assert any(prior.valid)


@pytest.mark.parametrize("damage", ["", "{", "[]", '{"format": 2}', "\0" * 64])
def test_damaged_store_is_empty(tmp_path: Path, ruleset: RuleSet, damage: str) -> None:
    corpus, norm = _norm(write(tmp_path / "corpus", 12), ruleset)
    path = tmp_path / "verdicts.json"
    plain = compare(norm, ruleset.lexicon, _origins(corpus))
    path.write_text(damage, "utf-8")
    memory = _memory(path, corpus)
    assert compare(norm, ruleset.lexicon, _origins(corpus), memory=memory) == plain
    assert memory.reused == 0


def _edit_add_sentence(root: Path) -> None:
    doc = sorted((root / "seeds").glob("*.txt"))[3]
    doc.write_text(doc.read_text("utf-8") + "Norvex Dynamics employs 9,900 people in Lahore.\n",
                   "utf-8")


def _edit_drop_paragraph(root: Path) -> None:
    doc = sorted((root / "seeds").glob("*.txt"))[5]
    paragraphs = doc.read_text("utf-8").split("\n\n")
    doc.write_text("\n\n".join(paragraphs[:1] + paragraphs[2:]), "utf-8")


def _edit_copy_document(root: Path) -> None:
    # A new document repeating another: every key of those claims changes its count.
    docs = sorted((root / "seeds").glob("*.txt"))
    (root / "seeds" / "zz_copy.txt").write_text(docs[2].read_text("utf-8"), "utf-8")


def _edit_remove_document(root: Path) -> None:
    doc = sorted((root / "seeds").glob("*.txt"))[1]
    doc.unlink()
    doc.with_suffix(".yaml").unlink(missing_ok=True)


@pytest.mark.parametrize("edit", [_edit_add_sentence, _edit_drop_paragraph,
                                  _edit_copy_document, _edit_remove_document])
@pytest.mark.parametrize("jobs", [1, 2])
def test_report_after_an_edit_is_a_cold_run_s(tmp_path: Path, edit: object, jobs: int) -> None:
    root = write(tmp_path / "corpus", 24)
    cache_dir = tmp_path / "cache"
    report_json(root, cache_dir, jobs=jobs)
    assert (cache_dir / VERDICTS).is_file()
    edit(root)  # type: ignore[operator]
    assert report_json(root, cache_dir, jobs=jobs) == report_json(root)


def _random_edit(root: Path, rng: random.Random) -> None:
    docs = sorted((root / "seeds").glob("*.txt"))
    doc = rng.choice(docs)
    lines = doc.read_text("utf-8").splitlines(keepends=True)
    kind = rng.choice(["number", "borrow", "drop", "copy"])
    if kind == "number":  # the same claim with another value: a new conflict, or one less
        at = [k for k, line in enumerate(lines) if re.search(r"\d", line)]
        if at:
            k = rng.choice(at)
            lines[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), lines[k], count=1)
    elif kind == "borrow":  # a sentence of another document: a new corroboration
        other = rng.choice(docs).read_text("utf-8").splitlines(keepends=True)
        lines.append(rng.choice(other) if other else "\n")
    elif kind == "drop" and len(lines) > 2:
        del lines[rng.randrange(len(lines))]
    else:
        (root / "seeds" / f"zz_{rng.randrange(10**6)}.txt").write_text("".join(lines), "utf-8")
        return
    doc.write_text("".join(lines), "utf-8")


@pytest.mark.parametrize("seed", [1, 2])
def test_a_sequence_of_random_edits_reports_as_cold_runs(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = write(tmp_path / "corpus", 30)
    cache_dir = tmp_path / "cache"
    report_json(root, cache_dir)
    for step in range(5):
        _random_edit(root, rng)
        assert report_json(root, cache_dir, jobs=1 + step % 2) == report_json(root), step




def test_names_renamed_by_another_document_s_edit_are_claims_changed(tmp_path: Path) -> None:
    # "Fiala" on page a is read as "Petr Fiala" once page b names him (names.unify_surnames):
    # a's claims change although a's text does not. Its state says so, and neither the
    # verdict store nor the kept block index vouches for them (a review found the index
    # trusting them, with another report after this edit and after every later run).
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()

    def put(name: str, text: str, day: int) -> None:
        (root / "seeds" / f"{name}.txt").write_text(text, "utf-8")
        (root / "seeds" / f"{name}.meta.yaml").write_text(
            f'title: {name}\npublisher: {name} news\npublished: "2025-01-0{day}"\n', "utf-8")

    put("a", "Fiala said the corporate tax will rise to 21 percent in 2026.\n"
             "Fiala opened the Vltava bridge in Prague on Monday.\n", 1)
    put("b", "The Norvale ministry said the corporate tax will rise to 19 percent in 2026.\n"
             "The Norvale ministry closed a school in Brno.\n", 2)
    for k, text in enumerate(["The Krasno dam in Moravia holds 40 million cubic metres.\n",
                              "The Brno tram network carries 300,000 passengers a day.\n",
                              "The Ostrava steelworks employ 5,000 people.\n"]):
        put(f"f{k}", text, 3 + k)
    cache_dir = tmp_path / "cache"
    report_json(root, cache_dir)
    put("b", "Petr Fiala said the corporate tax will fall to 19 percent in 2026.\n"
             "Petr Fiala opened the bridge in Prague on Tuesday.\n", 2)
    assert report_json(root, cache_dir) == report_json(root)
    put("f1", "The Brno tram network carries 310,000 passengers a day.\n", 4)
    assert report_json(root, cache_dir) == report_json(root)
    assert report_json(root, cache_dir) == report_json(root)
