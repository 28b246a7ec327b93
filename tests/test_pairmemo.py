"""The conflicts' findings kept across runs: taken only where what they read is the same,
and then the findings a run would make."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from checker.builders import pair_finding
from checker.claimindex import ClaimIndex
from checker.compare import PairResult, compare
from checker.corpus import load_corpus
from checker.corpusnorm import normalise_corpus
from checker.models.report import Finding
from checker.pairmemo import CONFLICTS, FORMAT, PairMemo
from checker.rules import RuleSet
from checker.sealedfile import read_sealed, write_sealed
from tests.bench.corpora import report_json, write


def _conflicts(root: Path, ruleset: RuleSet) -> tuple[list[PairResult], ClaimIndex,
                                                       dict[str, str]]:
    corpus = load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon, 0.5)
    norm, index = normalise_corpus(corpus, ruleset)
    result = compare(norm, ruleset.lexicon, {dc.doc.id: dc.doc.meta.origin for dc in corpus.docs})
    digests = {dc.doc.id: dc.doc.sha256 for dc in corpus.docs}
    return result.conflicts + result.contradictions, index, digests


def _json(findings: list[Finding]) -> list[str]:
    return [f.model_dump_json() for f in findings]


def test_kept_findings_are_the_made_ones_and_only_where_nothing_they_read_changed(
        tmp_path: Path, ruleset: RuleSet) -> None:
    pairs, index, digests = _conflicts(write(tmp_path / "corpus", 40), ruleset)
    assert len(pairs) > 5
    made = _json([pair_finding(r, index) for r in pairs])
    first = PairMemo.of(tmp_path, "fp", digests)
    assert _json(first.findings(pairs, index, pair_finding)) == made
    assert first.hits == 0 and first.changed()
    first.save()
    again = PairMemo.of(tmp_path, "fp", digests)
    assert _json(again.findings(pairs, index, pair_finding)) == made
    assert again.hits == len(pairs) and not again.changed()
    # Another digest of one document (its claims, lines or suppressions changed): the
    # findings citing it are made again, the others taken.
    doc = pairs[0].a.doc
    citing = sum(1 for r in pairs if doc in (r.a.doc, r.b.doc)
                 or any(k.startswith(doc + "#") for k, _ in r.copies))
    moved = PairMemo.of(tmp_path, "fp", {**digests, doc: "other"})
    assert _json(moved.findings(pairs, index, pair_finding)) == made
    assert moved.hits == len(pairs) - citing
    # Another code version's memo is not read.
    other = PairMemo.of(tmp_path, "other code", digests)
    other.findings(pairs, index, pair_finding)
    assert other.hits == 0


def test_findings_taken_are_known_with_their_bytes_in_the_report(
        tmp_path: Path, ruleset: RuleSet) -> None:
    from checker.reporting.json_report import finding_bytes

    pairs, index, digests = _conflicts(write(tmp_path / "corpus", 40), ruleset)
    first = PairMemo.of(tmp_path, "fp", digests)
    made = first.findings(pairs, index, pair_finding)
    assert len(first.rendered) == 0  # made, not read: their bytes are rendered
    first.save()
    again = PairMemo.of(tmp_path, "fp", digests)
    taken = again.findings(pairs, index, pair_finding)
    assert len(again.rendered) == len(pairs)
    for finding, before in zip(taken, made, strict=True):
        item = again.rendered.get(finding)
        assert item is not None and bytes(item) == finding_bytes(finding) == finding_bytes(before)


def test_what_a_finding_reads_is_in_its_key(tmp_path: Path, ruleset: RuleSet) -> None:
    pairs, index, digests = _conflicts(write(tmp_path / "corpus", 40), ruleset)
    memo = PairMemo.of(tmp_path, "fp", digests)
    r = pairs[0]
    other = next(c.a for c in pairs if c.a.doc not in (r.a.doc, r.b.doc))
    keys = {memo.key(r), memo.key(replace(r, copies=((other.key, 1),))),
            memo.key(replace(r, copies=((other.key, 0),))),
            memo.key(replace(r, verdict=replace(r.verdict, confidence=r.verdict.confidence / 2))),
            memo.key(replace(r, verdict=replace(r.verdict, details={"x": 1}))),
            memo.key(replace(r, verdict=replace(r.verdict, reason="other"))),
            memo.key(replace(r, a=r.b, b=r.a))}
    assert len(keys) == 7
    # And the digest of a copy's document.
    copied = replace(r, copies=((other.key, 1),))
    moved = PairMemo.of(tmp_path, "fp", {**digests, other.doc: "other"})
    assert moved.key(copied) != memo.key(copied) and moved.key(r) == memo.key(r)


def _saved(tmp_path: Path, ruleset: RuleSet) -> tuple[list[PairResult], ClaimIndex,
                                                     dict[str, str], list[str], PairMemo]:
    """The conflicts of a generated corpus, the JSON of the findings made of them, and a
    memo that made them, saved under tmp_path."""
    pairs, index, digests = _conflicts(write(tmp_path / "corpus", 40), ruleset)
    made = _json([pair_finding(r, index) for r in pairs])
    memo = PairMemo.of(tmp_path, "fp", digests)
    memo.findings(pairs, index, pair_finding)
    memo.save()
    return pairs, index, digests, made, memo


def test_a_damaged_or_foreign_memo_makes_every_finding(tmp_path: Path,
                                                       ruleset: RuleSet) -> None:
    pairs, index, digests, made, memo = _saved(tmp_path, ruleset)
    path = tmp_path / CONFLICTS
    data = bytearray(path.read_bytes())
    data[-5] ^= 1  # a flipped byte: the seal fails
    path.write_bytes(bytes(data))
    flipped = PairMemo.of(tmp_path, "fp", digests)
    assert _json(flipped.findings(pairs, index, pair_finding)) == made
    assert flipped.hits == 0
    # Sealed again with an entry that is no finding: none of them is trusted.
    memo.save()
    stored = read_sealed(path, f"conflicts {FORMAT}", "fp")
    assert isinstance(stored, dict)
    stored[next(iter(stored))] = b'{"kind": "conflict"}'
    write_sealed(path, f"conflicts {FORMAT}", "fp", stored)
    bad = PairMemo.of(tmp_path, "fp", digests)
    assert _json(bad.findings(pairs, index, pair_finding)) == made
    assert bad.hits == 0
    write_sealed(path, f"conflicts {FORMAT}", "fp", [1, 2])
    assert PairMemo.of(tmp_path, "fp", digests).load() == {}


def test_an_edited_run_takes_the_kept_conflicts_and_reports_as_a_cold_run(
        tmp_path: Path) -> None:
    root = write(tmp_path / "corpus", 30)
    cache_dir = tmp_path / "cache"
    report_json(root, cache_dir, jobs=2)
    assert (cache_dir / CONFLICTS).is_file()
    doc = sorted((root / "seeds").glob("*.txt"))[4]
    doc.write_text(doc.read_text("utf-8") + "Norvex Dynamics employs 9,900 people in Lahore.\n",
                   "utf-8")
    assert report_json(root, cache_dir, jobs=2) == report_json(root)


def test_an_entry_holding_two_findings_is_not_taken(tmp_path: Path, ruleset: RuleSet) -> None:
    pairs, index, digests, made, _ = _saved(tmp_path, ruleset)
    path = tmp_path / CONFLICTS
    stored = read_sealed(path, f"conflicts {FORMAT}", "fp")
    assert isinstance(stored, dict)
    first = next(iter(stored))
    stored[first] = stored[first] + b",\n    " + stored[first]  # sealed again by hand
    write_sealed(path, f"conflicts {FORMAT}", "fp", stored)
    again = PairMemo.of(tmp_path, "fp", digests)
    assert _json(again.findings(pairs, index, pair_finding)) == made
    assert again.hits == 0 and len(again.rendered) == 0
