"""The report contract: `reports/report.json`. Other tools rely on it; change with care."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.models.common import Severity, Span

FindingKind = Literal[
    "conflict",
    "self-contradiction",
    "corroboration",
    "arithmetic",
    "rule-violation",
    "rule-support",
    "term",
    "consistency",
    "stale-claims",
]
CONFLICT_KINDS = ("conflict", "self-contradiction")


# The details key of a finding on a copy of a repeated sentence: the fingerprint the same
# finding has when the sentence stands once (a baseline entry or a decision made then is
# found again through it: baseline.apply_baseline, decisions.successors_of).
COPY_OF = "copy_of"

class Out(BaseModel):
    """Report models: closed, so the schema documents every key."""

    model_config = ConfigDict(extra="forbid")


class ToolInfo(Out):
    name: Literal["claimcheck"] = "claimcheck"
    version: str


class DocumentOut(Out):
    id: str
    path: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    claims: int = 0
    claim_file: str | None = None
    stale: bool = False
    extracted_on_the_fly: bool = False


class ClaimRef(Out):
    """A statement a finding is about, located in the document and in its claim file."""

    claim_id: str | None
    document: str = Field(description="document id (file stem)")
    path: str = Field(description="document path")
    line: int
    column: int
    end_line: int
    end_column: int
    span: Span
    text: str = Field(description="the source sentence as written; one over 600 characters "
                      "is cut around the finding's words, with \u2026 where it is cut")
    claim_file: str | None = None
    claim_file_line: int | None = None
    role: Literal["claim", "evidence", "correction", "match"] = "claim"


class Suppressed(Out):
    """Why a finding is not counted: an inline suppression, a decision or a baseline."""

    by: Literal["claim", "document", "config", "decision", "baseline"]
    reason: str
    author: str | None = None


class Fix(Out):
    """A replacement that resolves the finding."""

    replacement: str
    span: Span
    document: str


class Finding(Out):
    id: str = Field(description="stable fingerprint: same finding, same id across runs")
    kind: FindingKind
    severity: Severity
    rule_id: str | None = None
    message: str
    confidence: Annotated[float, Field(ge=0, le=1)]
    reason: str | None = Field(None, description="what decided it: number, date, polarity, ...")
    claims: list[ClaimRef]
    reference: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    documents: int | None = Field(None, description="corroborations: documents in agreement")
    origins: int | None = Field(None, description="corroborations: independent origins")
    fix: Fix | None = None
    suppressed: Suppressed | None = None


class EntityMention(Out):
    text: str
    documents: list[str]
    count: int


class EntityOut(Out):
    """A canonical entity and the spellings under which the corpus mentions it."""

    id: str
    name: str
    documents: list[str]
    forms: list[EntityMention]


class ErrorOut(Out):
    code: str
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None


class Summary(Out):
    documents: int
    claims: int
    conflicts: int = Field(description=(
        "Active conflicts: between documents and within one (self-contradictions); "
        "`self_contradictions` says how many are within one, `by_kind` counts each kind."))
    self_contradictions: int = Field(0, description=(
        "Of `conflicts`, the self-contradictions (two claims of one document)."))
    corroborations: int
    rule_violations: int = 0
    findings: int = 0
    suppressed: int = 0
    errors: int = 0
    by_kind: dict[str, int] = Field(default_factory=dict)
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_document: dict[str, int] = Field(default_factory=dict)


class Report(Out):
    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    documents: list[DocumentOut]
    findings: list[Finding]
    entities: list[EntityOut] = Field(default_factory=list)
    errors: list[ErrorOut] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    summary: Summary
