"""A small hand-built report with hostile text, and the document texts it points into."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.models.report import (
    ClaimRef,
    DocumentOut,
    EntityMention,
    EntityOut,
    ErrorOut,
    Finding,
    Fix,
    Report,
    Summary,
    Suppressed,
    ToolInfo,
)
from checker.textutil import LineIndex

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
SARIF_SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"

HOSTILE = "<script>alert(1)</script>"
DOC_A = ("Alpha & Omega <report>\n"
         "The probe launched in 2024 from pad | 39A, officials said.\n"
         f"The moon is made of cheese {HOSTILE} :: 100% sure, says `Bob`.\n"
         "Chiang'e 6 flew in May.\n")
DOC_B = "# Beta\nThe probe launched in 2025\nfrom pad 39A.\n"
TEXTS = {"doc-a": DOC_A, "odd, name:2": DOC_B}
PATHS = {"doc-a": "seeds/doc-a.txt", "odd, name:2": "seeds/odd, name:2.md"}


def ref(doc: str, quote: str, *, sentence: str | None = None, **extra: Any) -> ClaimRef:
    """A reference to `quote` in a test document, located as the pipeline would."""
    text = TEXTS[doc]
    start = text.index(quote)
    end = start + len(quote)
    index = LineIndex(text)
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return ClaimRef(document=doc, path=PATHS[doc], line=line, column=column,
                    end_line=end_line, end_column=end_column, span=(start, end),
                    text=sentence or quote, **extra)


def build_report() -> Report:
    """Five findings: a conflict, a rule violation, a misspelling, a corroboration and a
    suppressed rule violation, plus an input error, a note and an entity."""
    a2 = "The probe launched in 2024 from pad | 39A, officials said."
    b2 = "The probe launched in 2025\nfrom pad 39A."
    a3 = f"The moon is made of cheese {HOSTILE} :: 100% sure, says `Bob`."
    a4 = "Chiang'e 6 flew in May."
    claim_a2 = {"claim_id": "c-a2", "claim_file": "claims/doc-a.yaml", "claim_file_line": 12}
    claim_b2 = {"claim_id": "c-b2", "claim_file": "claims/odd, name:2.yaml",
                "claim_file_line": 5}
    findings = [
        Finding(id="f1conflict", kind="conflict", severity="error",
                message=f"Launch year differs: 2024 vs 2025 {HOSTILE}\nsee `notes` | 100% :: done",
                confidence=0.8, reason="date",
                claims=[ref("doc-a", a2, **claim_a2),
                        ref("odd, name:2", b2, role="evidence", **claim_b2)],
                details={"dates": [["2024", "2024"], ["2025", "2025"]]}),
        Finding(id="f2rule", kind="rule-violation", severity="error", rule_id="moon-not-cheese",
                message="The Moon is not made of cheese.", confidence=0.95, reason="polarity",
                claims=[ref("doc-a", a3, claim_id="c-a3", claim_file="claims/doc-a.yaml",
                            claim_file_line=20)],
                reference="https://example.org/moon?a=1&b=<2>",
                details={"explanation": "Apollo samples are rock, <b>not</b> cheese."}),
        Finding(id="f3term", kind="term", severity="warning", rule_id="change-spelling",
                message="Misspelt mission name: write “Chang’e”, not “Chiang'e”.",
                confidence=1.0, reason="spelling",
                claims=[ref("doc-a", "Chiang'e", sentence=a4, claim_id=None, role="match")],
                reference="javascript:alert(1)",
                details={"found": "Chiang'e", "canonical": "Chang'e"},
                fix=Fix(replacement="Chang’e", span=(DOC_A.index("Chiang'e"),
                                                     DOC_A.index("Chiang'e") + 8),
                        document="doc-a")),
        Finding(id="f4corro", kind="corroboration", severity="info",
                message="Corroborated by 2 documents: “from pad 39A”", confidence=0.6,
                reason="agree", documents=2, origins=2,
                claims=[ref("odd, name:2", b2, **claim_b2),
                        ref("doc-a", a2, role="evidence", **claim_a2)]),
        Finding(id="f5suppressed", kind="rule-violation", severity="error",
                rule_id="moon-not-cheese", message="The Moon is not made of cheese.",
                confidence=0.9, claims=[ref("odd, name:2", "# Beta", claim_id="c-b1",
                                            claim_file="claims/odd, name:2.yaml",
                                            claim_file_line=3)],
                suppressed=Suppressed(by="claim", reason="Satire; see `editor` <i>note</i>",
                                      author="ed|itor")),
    ]
    documents = [
        DocumentOut(id="doc-a", path=PATHS["doc-a"], title="Alpha & Omega <report>",
                    publisher="Pub | Co", url="https://example.org/a?x=1&y=2",
                    published="2025-03-01", claims=3, claim_file="claims/doc-a.yaml"),
        DocumentOut(id="odd, name:2", path=PATHS["odd, name:2"], title=None,
                    url="javascript:alert(2)", claims=2, claim_file="claims/odd, name:2.yaml",
                    stale=True),
    ]
    return Report(
        tool=ToolInfo(version="9.9.9"), documents=documents, findings=findings,
        entities=[EntityOut(id="probe", name="Probe <P>", documents=["doc-a", "odd, name:2"],
                            forms=[EntityMention(text="probe", documents=["doc-a"], count=1),
                                   EntityMention(text="Probe", documents=["odd, name:2"],
                                                 count=1)])],
        errors=[ErrorOut(code="schema", message="expected a string, got ']' <x>\nsecond line",
                         path="claims/doc-a.yaml", line=7, column=3, field="claims[0].text")],
        notes=["odd, name:2 is stale: re-extract <it>"],
        summary=Summary(documents=2, claims=5, conflicts=1, corroborations=1, rule_violations=1,
                        findings=4, suppressed=1, errors=1,
                        by_kind={"conflict": 1, "corroboration": 1, "rule-violation": 1,
                                 "term": 1},
                        by_severity={"error": 2, "info": 1, "warning": 1},
                        by_document={"doc-a": 4, "odd, name:2": 2}),
    )
