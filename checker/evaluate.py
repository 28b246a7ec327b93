"""`claimcheck eval pairs`: the comparison on labelled claim/evidence pairs (FEVER style).

Each line: {"claim": ..., "evidence": ..., "gold_label": SUPPORTS | REFUTES | NOT ENOUGH INFO},
and optionally "pub_a" / "pub_b", each side's publication date (ISO): its relative dates
resolve against it and a conflict a check would drop as two statements each true when written
is dropped. A conflict verdict predicts REFUTES, a corroboration SUPPORTS, unrelated abstains.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.compare import PairResult
from checker.compare.blocking import BlockIndex
from checker.compare.calibration import expected_calibration_error
from checker.compare.timing import at_different_times, publication_days
from checker.compare.verdict import Thresholds, Verdict, judge
from checker.errors import InputError, Location
from checker.extract import anchor_of, build_claim
from checker.ingest import document_from_text
from checker.lexicon import Lexicon
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.names import unify_long_names, unify_short_names
from checker.normalize import normalise
from checker.normclaim import NormClaim
from checker.propernames import mid_sentence_names
from checker.subjects import subject_of

LABELS = ("SUPPORTS", "REFUTES", "NOT ENOUGH INFO")
_PTB = [(r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"),
        (r"-LCB-", "{"), (r"-RCB-", "}"), (r"``\s*", '"'), (r"\s*''", '"'),
        (r"\s+([.,;:!?%)\]}])", r"\1"), (r"([(\[{$])\s+", r"\1"),
        (r"\s+('s|n't|'re|'ve|'ll|'d)\b", r"\1"),
        (r"\s+--\s+", " - ")]


@dataclass(frozen=True)
class Pair:
    """One labelled pair."""

    claim: str
    evidence: str
    gold: str
    pid: str
    # When each side was published (ISO), if the line says: relative dates resolve against
    # it, and a conflict of two statements each true when written is dropped, as in a check.
    published: tuple[str | None, str | None] = (None, None)


@dataclass
class Score:
    """Precision and recall of one predicted label."""

    predicted: int = 0
    correct: int = 0
    support: int = 0

    def as_dict(self) -> dict[str, float | int]:
        """Figures rounded for the report."""
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.correct / self.support if self.support else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4),
                "support": self.support, "predicted": self.predicted}


@dataclass
class EvalResult:
    """Figures for conflicts and corroborations, and how many pairs were abstained on."""

    conflict: Score = field(default_factory=Score)
    corroboration: Score = field(default_factory=Score)
    abstained: int = 0
    total: int = 0
    by_reason: dict[str, list[int]] = field(default_factory=dict)
    calibration_error: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The `--json` object."""
        return {
            "conflict": self.conflict.as_dict(),
            "corroboration": self.corroboration.as_dict(),
            "abstained": self.abstained,
            "pairs": self.total,
            "conflicts_by_reason": {k: {"predicted": v[0], "correct": v[1]}
                                    for k, v in sorted(self.by_reason.items())},
            "calibration_error": dict(sorted(self.calibration_error.items())),
        }


def detokenize(text: str) -> str:
    """Undo PTB tokenisation ("-LRB- 2006 -RRB- ," -> "(2006),")."""
    out = text
    for pattern, repl in _PTB:
        out = re.sub(pattern, repl, out)
    return " ".join(out.split())


def read_pairs(path: Path) -> list[Pair]:
    """Read a JSONL file of labelled pairs; bad lines are located errors."""
    pairs: list[Pair] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read pairs: {exc}", Location(str(path))) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold = str(row["gold_label"]).upper()
            claim, evidence = str(row["claim"]), str(row["evidence"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"not a claim/evidence/gold_label object ({exc})",
                             Location(str(path), number)) from None
        if gold not in LABELS:
            raise InputError(f"gold_label {gold!r} is not one of {', '.join(LABELS)}",
                             Location(str(path), number, None, "gold_label"))
        published = (_day(row.get("pub_a")), _day(row.get("pub_b")))
        pairs.append(Pair(detokenize(claim), detokenize(evidence), gold,
                          str(row.get("id", number)), published))
    return pairs


def _day(value: object) -> str | None:
    """A publication date as the line gives it (a string), or None."""
    return value if isinstance(value, str) and value else None


def _claim(text: str, key: str, lexicon: Lexicon, names: frozenset[str],
           published: str | None = None) -> Claim | None:
    doc = document_from_text(key, text, DocumentMeta(published=published))
    return build_claim(doc, 0, len(text), (0, len(text)), lexicon, anchor_of(doc.meta), names)


def _normed(pair: Pair, i: int, lexicon: Lexicon) -> tuple[NormClaim | None, NormClaim | None]:
    # A pair is read as one short document: FEVER evidence comes from the page about the
    # claim's subject, so names, "It"/"She" and "Thatcher" refer across the two sentences.
    names = mid_sentence_names(pair.claim + "\n" + pair.evidence)
    claim = _claim(pair.claim, f"c{i}", lexicon, names, pair.published[0])
    evidence = _claim(pair.evidence, f"e{i}", lexicon, names, pair.published[1])
    subject = subject_of(claim, lexicon) if claim else None
    a = normalise(claim, f"c{i}", lexicon) if claim else None
    b = normalise(evidence, f"e{i}", lexicon, subject) if evidence else None
    if a and b:
        a, b = unify_long_names(unify_short_names([a, b]))
    return a, b


def predict(pairs: Sequence[Pair], lexicon: Lexicon, thresholds: Thresholds | None = None,
            calibrated: bool = True) -> list[Verdict | None]:
    """The verdict for every pair (None when a side is not a sentence)."""
    normed = [_normed(p, i, lexicon) for i, p in enumerate(pairs)]
    stats = BlockIndex([n for pair in normed for n in pair if n is not None])
    out: list[Verdict | None] = []
    for pair, (a, b) in zip(pairs, normed, strict=True):
        verdict = judge(a, b, stats, lexicon, thresholds, calibrated) if a and b else None
        if a and b and verdict and verdict.label == "conflict" and _true_when_written(
                pair, a, b, verdict):
            verdict = Verdict("unrelated", None, 0.5, verdict.similarity, verdict.details)
        out.append(verdict)
    return out


def _true_when_written(pair: Pair, a: NormClaim, b: NormClaim, verdict: Verdict) -> bool:
    """Whether a check would drop the conflict as two statements each true when written
    (`timing.at_different_times`: a running total told on two days)."""
    published = publication_days(((a.doc, pair.published[0]), (b.doc, pair.published[1])))
    return at_different_times(PairResult(a, b, verdict), published)


def samples(pairs: Sequence[Pair], verdicts: Iterable[Verdict | None]
            ) -> dict[str, list[tuple[float, bool]]]:
    """(confidence, right) of every conflict and corroboration, by label."""
    out: dict[str, list[tuple[float, bool]]] = {"conflict": [], "corroboration": []}
    for pair, verdict in zip(pairs, verdicts, strict=True):
        if verdict is not None and verdict.label in out:
            right = pair.gold == ("REFUTES" if verdict.label == "conflict" else "SUPPORTS")
            out[verdict.label].append((verdict.confidence, right))
    return out


def raw_samples(pairs: Sequence[Pair], lexicon: Lexicon) -> dict[str, list[tuple[float, bool]]]:
    """`samples` of the uncalibrated verdicts: what the calibration is fitted on."""
    return samples(pairs, predict(pairs, lexicon, calibrated=False))


def evaluate(pairs: Sequence[Pair], verdicts: Iterable[Verdict | None]) -> EvalResult:
    """Precision/recall of conflicts (REFUTES) and corroborations (SUPPORTS), and how well
    their confidences are calibrated (expected calibration error)."""
    result = EvalResult()
    verdicts = list(verdicts)
    result.calibration_error = {
        label: round(expected_calibration_error(found), 4)
        for label, found in samples(pairs, verdicts).items()}
    for pair, verdict in zip(pairs, verdicts, strict=True):
        result.total += 1
        result.conflict.support += pair.gold == "REFUTES"
        result.corroboration.support += pair.gold == "SUPPORTS"
        label = verdict.label if verdict else "unrelated"
        if label == "conflict":
            result.conflict.predicted += 1
            result.conflict.correct += pair.gold == "REFUTES"
            counts = result.by_reason.setdefault(verdict.reason or "?", [0, 0]) if verdict \
                else [0, 0]
            counts[0] += 1
            counts[1] += pair.gold == "REFUTES"
        elif label == "corroboration":
            result.corroboration.predicted += 1
            result.corroboration.correct += pair.gold == "SUPPORTS"
        else:
            result.abstained += 1
    return result
