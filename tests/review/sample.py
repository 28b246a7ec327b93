"""Hand-built findings and documents for the review tests (independent of the seeds)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checker.models.report import ClaimRef, DocumentOut, Finding, Report, Summary, ToolInfo
from checker.textutil import LineIndex

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"

DOC_A = ("Space news\n"
         "China is a member of the International Space Station, the minister said.\n"
         "The budget rose 34% from $100 million to $134 million.\n"
         "Correction: China is NOT a member of the ISS.\n")
DOC_B = "Pakistan's ICUBE-Q flew aboard Chang'e 6 in 2024.\nIt returned data.\n"
TEXTS = {"doc-a": DOC_A, "doc-b": DOC_B}
DOCUMENTS = [
    DocumentOut(id="doc-a", path="seeds/doc-a.txt", title="Space news", publisher="Daily Orbit",
                url="https://news.example/space", published="2025-03-01"),
    DocumentOut(id="doc-b", path="seeds/doc-b.txt"),
]


def fixed_clock() -> datetime:
    """The injected clock: always 2025-05-01 12:00 UTC."""
    return datetime(2025, 5, 1, 12, 0, 0, tzinfo=UTC)


def ref(doc: str, quote: str, role: str = "claim", texts: dict[str, str] = TEXTS) -> ClaimRef:
    """A reference to `quote` in a test document, located as the pipeline would."""
    text = texts[doc]
    start = text.index(quote)
    end = start + len(quote)
    index = LineIndex(text)
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return ClaimRef(claim_id=f"c-{doc}-{line}", document=doc, path=f"seeds/{doc}.txt",
                    line=line, column=col, end_line=end_line, end_column=end_col,
                    span=(start, end), text=quote, role=role)


def finding(fid: str, kind: str, severity: str, confidence: float, refs: list[ClaimRef],
            **extra: Any) -> Finding:
    """A finding with a given fingerprint."""
    return Finding.model_validate({
        "id": fid, "kind": kind, "severity": severity, "message": f"{kind} {fid}",
        "confidence": confidence, "claims": refs, **extra})


ISS = "China is a member of the International Space Station, the minister said."
CORRECTION = "Correction: China is NOT a member of the ISS."
ARITH = "The budget rose 34% from $100 million to $134 million."
ICUBE = "Pakistan's ICUBE-Q flew aboard Chang'e 6 in 2024."


def findings() -> list[Finding]:
    """Five findings of different kinds, severities and confidences, in report order."""
    return [
        finding("aaaa000000000000000a", "rule-violation", "error", 0.95, [ref("doc-a", ISS)],
                rule_id="china-not-iss-member", reason="polarity",
                reference="Intergovernmental Agreement (1998)",
                details={"explanation": "China is not an ISS partner."}),
        finding("bbbb000000000000000b", "self-contradiction", "error", 0.8,
                [ref("doc-a", ISS), ref("doc-a", CORRECTION, "correction")], reason="polarity",
                details={"polarity": ["positive", "negative"]}),
        finding("cccc000000000000000c", "term", "warning", 1.0, [ref("doc-b", "Chang'e", "match")],
                rule_id="change-spelling", details={"found": "Chang'e"}),
        finding("dddd000000000000000d", "arithmetic", "warning", 0.9, [ref("doc-a", ARITH)],
                details={"stated": 34, "computed": 34.0}),
        finding("eeee000000000000000e", "corroboration", "info", 0.7,
                [ref("doc-b", ICUBE), ref("doc-a", ISS, "evidence")], documents=2, origins=2),
    ]


def report(items: list[Finding] | None = None) -> Report:
    """A report over the two test documents."""
    found = findings() if items is None else items
    return Report(tool=ToolInfo(version="test"), documents=DOCUMENTS, findings=found,
                  summary=Summary(documents=2, claims=4, conflicts=1, corroborations=1))


def reworded(f: Finding) -> Finding:
    """The finding after its document's sentence was reworded: a new fingerprint, the same
    kind, documents and message (a decision on the old one follows it, re-opened)."""
    return f.model_copy(update={"id": "0123456789abcdef0123", "claims": [
        f.claims[0].model_copy(update={"text": "China is a partner of the ISS, he said."})]})
