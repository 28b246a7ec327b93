"""The planted truth, and recall/precision of a report measured against it.

A finding's statements are mapped back to the generated sentences by document and span.
Conflicts are scored as document pairs stating the same fact in different versions;
corroborations as groups of documents stating the same fact in the same version (a
finding counts when all its statements are of one fact and version); misspellings by
place.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Record = Mapping[str, Any]


def expected(sentences: Sequence[Record]) -> dict[str, Any]:
    """Expected conflict pairs, corroboration groups and misspellings."""
    by_fact: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s in sentences:
        if s["fact"]:
            by_fact[s["fact"]][s["variant"]].add(s["doc"])
    pairs = []
    groups = []
    for fid in sorted(by_fact):
        versions = by_fact[fid]
        for variant in sorted(versions):
            if len(versions[variant]) >= 2:
                groups.append({"fact": fid, "variant": variant,
                               "docs": sorted(versions[variant])})
        true_docs, alt_docs = versions.get("true", set()), versions.get("alt", set())
        pairs += [[fid, *sorted((a, b))] for a in sorted(alt_docs) for b in sorted(true_docs)
                  if a != b]
    misspelt = [[s["doc"], *s["misspelling"]] for s in sentences if s["misspelling"]]
    return {"conflict_pairs": pairs, "corroboration_groups": groups, "misspellings": misspelt}


class SentenceIndex:
    """Find the generated sentence a statement (document, offset) belongs to."""

    def __init__(self, sentences: Iterable[Record]) -> None:
        self.starts: dict[str, list[int]] = defaultdict(list)
        self.records: dict[str, list[Record]] = defaultdict(list)
        for s in sorted(sentences, key=lambda r: (r["doc"], r["span"][0])):
            self.starts[s["doc"]].append(s["span"][0])
            self.records[s["doc"]].append(s)

    def find(self, doc: str, offset: int) -> Record | None:
        """The sentence of `doc` containing `offset`, if any."""
        i = bisect.bisect_right(self.starts.get(doc, []), offset) - 1
        if i < 0:
            return None
        rec = self.records[doc][i]
        return rec if rec["span"][0] <= offset < rec["span"][1] else None


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _conflicts(findings: Sequence[Record], index: SentenceIndex,
               truth: Record) -> dict[str, Any]:
    expected_pairs = {tuple(p) for p in truth["conflict_pairs"]}
    found: set[tuple[str, ...]] = set()
    correct = 0
    reported = [f for f in findings if f["kind"] == "conflict"]
    for f in reported:
        recs = [index.find(c["document"], c["span"][0]) for c in f["claims"][:2]]
        a, b = recs if len(recs) == 2 else (None, None)
        if a and b and a["fact"] and a["fact"] == b["fact"] and a["variant"] != b["variant"]:
            correct += 1
            found.add((a["fact"], *sorted((a["doc"], b["doc"]))))
            # Copies (same origin) of the statement, or of the evidence, disagree too.
            for c in f["claims"][2:]:
                copy = index.find(c["document"], c["span"][0])
                same, other = (a, b) if c["role"] == "claim" else (b, a)
                if copy and copy["fact"] == same["fact"] and copy["variant"] == same["variant"]:
                    found.add((a["fact"], *sorted((copy["doc"], other["doc"]))))
    planted = {(fid, d) for fid, d1, d2 in expected_pairs for d in (d1, d2)}
    alt_docs = {(s["fact"], s["doc"]) for s in truth["sentences"] if s["variant"] == "alt"}
    caught = {(fid, d) for fid, d1, d2 in found for d in (d1, d2)} & alt_docs
    return {"reported": len(reported), "correct": correct, "expected_pairs": len(expected_pairs),
            "found_pairs": len(found & expected_pairs),
            "precision": _ratio(correct, len(reported)),
            "recall_pairs": _ratio(len(found & expected_pairs), len(expected_pairs)),
            "planted": len(alt_docs & planted),
            "recall_planted": _ratio(len(caught), len(alt_docs & planted)),
            "self_contradictions": sum(1 for f in findings
                                       if f["kind"] == "self-contradiction")}


def _corroborations(findings: Sequence[Record], index: SentenceIndex,
                    truth: Record) -> dict[str, Any]:
    groups = {(g["fact"], g["variant"]): set(g["docs"]) for g in truth["corroboration_groups"]}
    reported = [f for f in findings if f["kind"] == "corroboration"]
    pure = 0
    covered: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in reported:
        recs = [index.find(c["document"], c["span"][0]) for c in f["claims"]]
        keys = {(r["fact"], r["variant"]) if r and r["fact"] else None for r in recs}
        docs = {r["doc"] for r in recs if r}
        if len(keys) == 1 and None not in keys and len(docs) >= 2:
            pure += 1
            key = next(iter(keys))
            assert key is not None
            covered[key] |= docs
    found = sum(1 for k, docs in groups.items() if len(covered.get(k, set()) & docs) >= 2)
    return {"reported": len(reported), "correct": pure, "expected_groups": len(groups),
            "found_groups": found, "precision": _ratio(pure, len(reported)),
            "recall": _ratio(found, len(groups))}


def _misspellings(findings: Sequence[Record], truth: Record) -> dict[str, Any]:
    planted = {(d, a, b) for d, a, b, _ in truth["misspellings"]}
    reported = [f for f in findings if f["kind"] == "term"]
    hits = set()
    correct = 0
    for f in reported:
        match = next((c for c in f["claims"] if c.get("role") == "match"), f["claims"][0])
        key = (match["document"], match["span"][0], match["span"][1])
        if key in planted:
            correct += 1
            hits.add(key)
    return {"reported": len(reported), "correct": correct, "planted": len(planted),
            "precision": _ratio(correct, len(reported)),
            "recall": _ratio(len(hits), len(planted))}


def evaluate(report: Record, truth: Record) -> dict[str, Any]:
    """Recall and precision of conflicts, corroborations and misspellings."""
    findings = [f for f in report["findings"] if f.get("suppressed") is None]
    index = SentenceIndex(truth["sentences"])
    return {"conflicts": _conflicts(findings, index, truth),
            "corroborations": _corroborations(findings, index, truth),
            "misspellings": _misspellings(findings, truth)}
