"""Comparison around the unsettled claims: the full run's results, found with less work."""

from __future__ import annotations

import random
from array import array
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from checker.compare import CompareResult, PairResult, incremental, kept
from checker.compare.blocking import BlockIndex
from checker.compare.keptindex import UpdatedIndex
from checker.compare.store import Judged, Past, Related, VerdictFile, claim_hashes
from checker.compare.verdict import Verdict
from checker.corpus import Corpus, load_corpus
from checker.corpusnorm import normalise_corpus
from checker.normclaim import NormClaim
from checker.parallel import compare_claims
from checker.rules import RuleSet
from tests.bench.corpora import write


def _norm(root: Path, ruleset: RuleSet) -> tuple[Corpus, list[NormClaim]]:
    corpus = load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon, 0.5)
    norm, _ = normalise_corpus(corpus, ruleset)
    return corpus, norm


def _run(root: Path, ruleset: RuleSet, store: Path | None,
         jobs: int = 1) -> tuple[CompareResult, VerdictFile | None]:
    corpus, norm = _norm(root, ruleset)
    # A document's state stands for its normalised claims: its text will do here.
    memory = VerdictFile(store, "fp", {dc.doc.id: dc.doc.sha256 for dc in corpus.docs}) \
        if store is not None else None
    origins = {dc.doc.id: dc.doc.meta.origin for dc in corpus.docs}
    return compare_claims(norm, ruleset.lexicon, origins, jobs=jobs, memory=memory), memory


def _append(root: Path, k: int, text: str) -> None:
    doc = sorted((root / "seeds").glob("*.txt"))[k]
    doc.write_text(doc.read_text("utf-8") + text, "utf-8")


def test_equal_searches_find_equal_candidates(tmp_path: Path, ruleset: RuleSet) -> None:
    root = write(tmp_path / "corpus", 30)
    _, before = _norm(root, ruleset)
    _append(root, 4, "Norvex Dynamics employs 9,900 people in Lahore.\n")
    _, after = _norm(root, ruleset)
    found: dict[int, tuple[int, tuple[int, ...]]] = {}
    for norm in (before, after):
        index, hashes = BlockIndex(norm), claim_hashes(norm)
        searches = index.searches(hashes)
        for i, x in enumerate(hashes):
            cands = tuple(hashes[j] for j in index.candidates(i))
            if x in found and found[x][0] == searches[i]:
                assert found[x][1] == cands, norm[i].key
            found[x] = (searches[i], cands)
    same = sum(1 for x in claim_hashes(before) if x in found)
    assert same == len(before)


def test_an_edit_is_compared_around_the_unsettled_claims(tmp_path: Path,
                                                         ruleset: RuleSet) -> None:
    root = write(tmp_path / "corpus", 40)
    store = tmp_path / "verdicts.json"
    _run(root, ruleset, store)
    _append(root, 6, "Norvex Dynamics employs 9,900 people in Lahore.\n")
    around, memory = _run(root, ruleset, store)
    afresh, _ = _run(root, ruleset, None)
    assert memory is not None and around == afresh
    # The block index too was the last run's, updated around the edit.
    assert isinstance(memory.index, UpdatedIndex)
    claims = len(_norm(root, ruleset)[1])
    assert claims // 2 < memory.settled < claims
    assert around.pairs_scored == afresh.pairs_scored


def test_the_store_is_the_one_a_full_run_writes(tmp_path: Path, ruleset: RuleSet) -> None:
    root = write(tmp_path / "corpus", 40)
    store, fresh = tmp_path / "verdicts.json", tmp_path / "fresh.json"
    _run(root, ruleset, store)
    _append(root, 9, "Norvex Dynamics employs 9,900 people in Lahore.\n")
    _, memory = _run(root, ruleset, store)
    _run(root, ruleset, fresh)
    assert memory is not None and memory.settled > 0
    assert store.read_bytes() == fresh.read_bytes()


@pytest.mark.parametrize("jobs", [1, 2])  # 2: most verdicts looked up, in this process
def test_claims_in_another_order_are_compared_afresh(tmp_path: Path, ruleset: RuleSet,
                                                     jobs: int) -> None:
    root = write(tmp_path / "corpus", 30)
    store = tmp_path / "verdicts.json"
    _run(root, ruleset, store, jobs)
    doc = sorted((root / "seeds").glob("*.txt"))[2]
    lines = doc.read_text("utf-8").splitlines(keepends=True)
    body = [k for k, line in enumerate(lines) if len(line.split()) > 6]
    a, b = body[0], body[-1]
    lines[a], lines[b] = lines[b], lines[a]  # two sentences swap places: their claims too
    doc.write_text("".join(lines), "utf-8")
    again, memory = _run(root, ruleset, store, jobs)
    assert memory is not None and memory.settled == 0
    assert again == _run(root, ruleset, None)[0]


@pytest.mark.parametrize("seed", [3, 4, 5])
@pytest.mark.parametrize("jobs", [1, 2])
def test_random_sentences_added_anywhere(tmp_path: Path, ruleset: RuleSet, seed: int,
                                         jobs: int) -> None:
    rng = random.Random(seed)
    root = write(tmp_path / "corpus", 36)
    store = tmp_path / "verdicts.json"
    _, memory = _run(root, ruleset, store, jobs)
    docs = sorted((root / "seeds").glob("*.txt"))
    settled = updates = 0
    for _ in range(3):
        assert memory is not None and memory.index is not None
        n = memory.index.n
        # A sentence of one document added to another: new candidates for old claims.
        donor = rng.choice(docs).read_text("utf-8").splitlines(keepends=True)
        sentence = rng.choice([line for line in donor if len(line.split()) > 5])
        _append(root, rng.randrange(len(docs)), sentence)
        around, memory = _run(root, ruleset, store, jobs)
        assert memory is not None and memory.index is not None
        settled += memory.settled
        # The last run's block index, updated, unless the rounded corpus size moved.
        assert isinstance(memory.index, UpdatedIndex) == (memory.index.n == n)
        updates += isinstance(memory.index, UpdatedIndex)
        assert around == _run(root, ruleset, None)[0]
    assert settled > 0 and updates > 0


@pytest.mark.parametrize("damage", ["cands", "related"])
def test_a_store_edited_by_hand_is_not_trusted(tmp_path: Path, ruleset: RuleSet,
                                               damage: str) -> None:
    from checker.compare.store import FORMAT
    from checker.sealedfile import read_sealed, write_sealed

    root = write(tmp_path / "corpus", 30)
    store = tmp_path / "verdicts.json"
    _run(root, ruleset, store)
    data = read_sealed(store, f"verdicts {FORMAT}", "fp")
    assert isinstance(data, dict)
    if damage == "cands":  # candidates naming claims that do not exist
        data["cands"] = array("q", [7]) * len(data["cands"])
    else:  # a verdict for a pair no search found, first in code order
        for name, value in (("xs", array("q", [1])), ("ys", array("q", [2])),
                            ("labels", ["conflict"]), ("reasons", ["quantity"]),
                            ("confidences", array("d", [0.9])),
                            ("similarities", array("d", [0.9])),
                            ("details", ["{}"]), ("copies", b"\0")):
            data[name] = value + data[name]
    # Sealed again: the content is what must be caught (a hand edit fails the seal first).
    write_sealed(store, f"verdicts {FORMAT}", "fp", data)
    again, memory = _run(root, ruleset, store)
    assert memory is not None and memory.settled == 0
    assert again == _run(root, ruleset, None)[0]


@pytest.mark.parametrize("fresh", [0, 1, 7, incremental._FEW, incremental._FEW + 1, 3000])
def test_codes_kept_and_fresh_come_out_as_one_sorted_array(fresh: int) -> None:
    rng = random.Random(fresh)
    kept = sorted(rng.sample(range(1 << 40), 5000))
    new = sorted(rng.sample(range(1 << 40), fresh))
    merged = incremental._merged(iter(kept), new)
    assert merged.typecode == "q" and list(merged) == sorted(kept + new)


class _Searched:
    """A block index standing in for the claims searched now: claim i finds [i + 1, 0]."""

    def candidates(self, i: int) -> list[int]:
        return [i + 1, 0]


@pytest.mark.parametrize("seed", range(6))
def test_candidates_kept_in_runs_are_each_claim_s_own(seed: int) -> None:
    """The last run's lists are copied a run of consecutive claims at a time: the same
    lists, claim by claim, as copying each claim's (searched again: -1; a claim gone or
    new in between breaks a run)."""
    rng = random.Random(seed)
    before = rng.randrange(0, 60)
    sizes = [rng.randrange(0, 5) for _ in range(before)]
    cand_at = array("q", [0])
    for size in sizes:
        cand_at.append(cand_at[-1] + size)
    cands = array("q", [rng.randrange(1 << 40) for _ in range(cand_at[-1])])
    past = Past(array("q", range(before)), cands, cand_at, array("q", [0] * before), 0,
                Related(), array("q"), array("q"))
    where = array("q")
    a = 0
    while a < before or rng.random() < 0.2:
        step = rng.choice([0, 1, 1, 1, 1, 2, 5])  # 0: a claim searched again
        if step == 0 or a >= before:
            where.append(-1)
        else:
            a = min(a + step - 1, before - 1)
            where.append(a)
            a += 1
    hashes = array("q", [rng.randrange(1 << 40) for _ in range(len(where) + 1)])
    judged = Judged(hashes)
    incremental._keep_candidates(judged, past, where, _Searched())  # type: ignore[arg-type]
    expected: list[list[int]] = []
    for i, at in enumerate(where):
        expected.append(list(cands[cand_at[at]:cand_at[at + 1]]) if at >= 0
                        else [hashes[i + 1], hashes[0]])
    got = [list(judged.cands[judged.cand_at[i]:judged.cand_at[i + 1]])
           for i in range(len(where))]
    assert got == expected
    assert len(judged.cand_at) == len(where) + 1 and judged.cand_at[-1] == len(judged.cands)


def _carried_one_by_one(claims: list[Any], past: Past, dropped: set[int],
                        at: dict[int, int], judged: Judged) -> tuple[list[Any], int]:
    """`_carried` as it was written before its columns were copied at once."""
    out, count = [], 0
    hashes, related, kept_now = judged.hashes, past.related, judged.related
    cands, cand_at = judged.cands, judged.cand_at
    for k, code in enumerate(past.codes):
        if code in dropped:
            continue
        count += 1
        verdict, copy = related.verdicts[k], bool(related.copies[k])
        i, j = at[related.xs[k]], at[related.ys[k]]
        if i > j:
            i, j = j, i
        x, y = hashes[i], hashes[j]
        kept_now.append(x, y, verdict, copy)
        a, b = claims[i], claims[j]
        if not kept(a, b, verdict):
            continue
        found = cands[cand_at[i]:cand_at[i + 1]]
        place = (i, found.index(y)) if y in found \
            else (j, cands[cand_at[j]:cand_at[j + 1]].index(x))
        out.append((place, PairResult(a, b, verdict, copy)))
    return out, count


@pytest.mark.parametrize("seed", range(8))
def test_verdicts_carried_in_columns_are_those_carried_one_by_one(seed: int) -> None:
    """Kept columns, results and their places as one verdict at a time gives them: pairs
    in either order, copy flags other than 0 and 1, verdicts of one document, dropped
    pairs."""
    rng = random.Random(seed)
    n = rng.randrange(2, 40)
    hashes = array("q", rng.sample(range(1, 1 << 40), n))
    claims = [SimpleNamespace(doc=f"d{rng.randrange(4)}") for _ in range(n)]
    cands, cand_at = array("q"), array("q", [0])
    pairs = []
    for i in range(n):
        found = rng.sample(range(n), rng.randrange(0, min(n, 6)))
        found = [j for j in found if j != i]
        cands.extend(hashes[j] for j in found)
        cand_at.append(len(cands))
        pairs += [(i, j) for j in found]
    rng.shuffle(pairs)
    related = Related()
    for i, j in pairs[: rng.randrange(len(pairs) + 1)]:
        label = rng.choice(["conflict", "corroboration"])
        verdict = Verdict(label, rng.choice(["polarity", "number", None]), 0.9, 0.5)
        related.append(hashes[i], hashes[j], verdict, False)
        related.copies[-1] = rng.choice([0, 1, 2, 255])
    codes = related.codes()
    dropped = {c for c in codes if rng.random() < 0.3}
    past = Past(hashes, cands, cand_at, array("q"), 0, related, codes, array("q"))
    at = {x: i for i, x in enumerate(hashes)}
    made, expected = Judged(hashes), Judged(hashes)
    for judged in (made, expected):
        judged.cands, judged.cand_at = cands, cand_at
    stay, staying = incremental._staying(past, dropped)
    got = incremental._carried(claims, staying, at, made)  # type: ignore[arg-type]
    assert got == _carried_one_by_one(claims, past, dropped, at, expected)
    assert made.related == expected.related
    # Pairs of components carried whole are kept for the next run, but not made.
    skip = bytes(rng.random() < 0.5 for _ in range(len(staying)))
    skipped = Judged(hashes)
    skipped.cands, skipped.cand_at = cands, cand_at
    _, again = incremental._staying(past, dropped)
    fewer = incremental._carried(claims, again, at, skipped, skip)  # type: ignore[arg-type]
    assert skipped.related == expected.related and fewer[1] == got[1]
    gone = [r for k, r in enumerate(zip(again.xs, again.ys, again.verdicts, strict=True))
            if skip[k] and kept(claims[at[r[0]]], claims[at[r[1]]], r[2])]  # type: ignore[arg-type]
    assert all(p in got[0] for p in fewer[0]) and len(got[0]) - len(fewer[0]) == len(gone)
    with pytest.raises(ValueError):
        past.codes = codes[:-1] if codes else array("q", [1])
        incremental._staying(past, dropped)
