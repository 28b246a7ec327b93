"""What the review page shows, as plain JSON-ready data (the page inserts it as text only).

Findings come in queue order (severity, then confidence); each statement carries the
document text around it so the page can show it highlighted in context.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from checker.decisions import Decision, carried_why, review_state, successors_of, text_hash
from checker.models.common import Severity
from checker.models.report import ClaimRef, Finding, Report

CONTEXT_LINES = 2  # lines shown before and after a statement
CONTEXT_CHARS = 600  # ... but never more than this many characters either side
MAX_STATEMENT_CHARS = 50_000  # a statement longer than this is cut (said so on the page)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def context(text: str, start: int, end: int) -> dict[str, Any]:
    """The text around [start, end): a few whole lines, clipped to CONTEXT_CHARS either side."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    first = _line_start(text, start)
    for _ in range(CONTEXT_LINES):
        if first == 0:
            break
        first = _line_start(text, first - 1)
    last = _line_end(text, end)
    for _ in range(CONTEXT_LINES):
        if last >= len(text):
            break
        last = _line_end(text, last + 1)
    lo, hi = max(first, start - CONTEXT_CHARS), min(last, end + CONTEXT_CHARS)
    match = text[start:end]
    cut = len(match) > MAX_STATEMENT_CHARS
    return {
        "before": text[lo:start], "match": match[:MAX_STATEMENT_CHARS], "after": text[end:hi],
        "more_before": lo > 0, "more_after": hi < len(text), "match_cut": cut,
    }


def ref_view(ref: ClaimRef, texts: Mapping[str, str]) -> dict[str, Any]:
    """A statement with where it is and its document context."""
    data = ref.model_dump(mode="json")
    text = texts.get(ref.document)
    start, end = ref.span
    if text is not None and end <= len(text) and start <= end:
        data["context"] = context(text, start, end)
    else:
        # Without the document (or with a span outside it), the sentence is all we have.
        data["context"] = {"before": "", "match": ref.text[:MAX_STATEMENT_CHARS], "after": "",
                           "more_before": False, "more_after": False,
                           "match_cut": len(ref.text) > MAX_STATEMENT_CHARS}
    return data


def queue_order(findings: Sequence[Finding]) -> list[Finding]:
    """Most severe first, then most confident, then report order (a stable sort)."""
    return sorted(findings, key=lambda f: (-Severity(f.severity).rank, -f.confidence))


def finding_view(finding: Finding, texts: Mapping[str, str], position: int) -> dict[str, Any]:
    """A finding as the page reads it."""
    data = finding.model_dump(mode="json", exclude={"claims"})
    # Decisions the check run applied are stale once the editor changes them here: the page
    # reads decisions live from the file instead.
    data["details"] = {k: v for k, v in finding.details.items() if k != "decision"}
    if finding.suppressed is not None and finding.suppressed.by == "decision":
        data["suppressed"] = None
    data["refs"] = [ref_view(ref, texts) for ref in finding.claims]
    data["documents"] = sorted({ref.document for ref in finding.claims})
    data["position"] = position
    data["text_hash"] = text_hash(finding)
    return data


def page_data(report: Report, texts: Mapping[str, str], editor: str | None,
              decisions_file: str) -> dict[str, Any]:
    """Everything the page needs but the decisions (those are read fresh on each request)."""
    findings = queue_order(report.findings)
    return {
        "editor": editor,
        "decisions_file": decisions_file,
        "documents": [{"id": d.id, "path": d.path, "title": d.title, "publisher": d.publisher,
                       "published": d.published} for d in report.documents],
        "findings": [finding_view(f, texts, i) for i, f in enumerate(findings)],
    }


def decision_version(decision: Decision) -> str:
    """What a page saw of a decision, as a short hash: a save from a page that saw another
    version is refused (another editor decided since), not written over it."""
    dumped = json.dumps(decision.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:16]


def decision_view(finding: Finding | None, decision: Decision) -> dict[str, Any]:
    """A decision with its state against the current finding (decided, reopened, resolved)."""
    data = decision.model_dump(mode="json")
    data["version"] = decision_version(decision)
    if finding is None:
        data.update(state="resolved", why="its finding no longer occurs")
    else:
        state, why = review_state(finding, decision)
        data.update(state=state, why=why)
    return data


def decisions_data(findings: Mapping[str, Finding], decisions: Mapping[str, Decision]
                   ) -> dict[str, Any]:
    """Every recorded decision keyed by fingerprint, with its state; a decision whose
    finding was reworded shows on its successor, re-opened, as `check` reports it."""
    data = {fp: decision_view(findings.get(fp), d) for fp, d in sorted(decisions.items())}
    for new, old in sorted(successors_of(findings.values(), decisions).items()):
        view = {**decisions[old].model_dump(mode="json"),
                "version": decision_version(decisions[old])}
        data[new] = {**view, "state": "reopened", "why": carried_why(decisions[old], old),
                     "carried_from": old}
        data[old].update(state="carried", why=f"carried over to {new}")
    return dict(sorted(data.items()))
