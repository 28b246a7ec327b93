"""`report.md`: short enough for a pull-request comment. Everything quoted is escaped."""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker.models.report import ClaimRef, Finding, Report
from checker.reporting.common import across_documents, no_controls

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
SEVERITIES = ("error", "warning", "info")
MAX_PER_SECTION = 50


# What GitHub turns into a ping or a link in a pull-request comment: "@someone", "#12".
_MENTION = re.compile(r"([@#])(?=[A-Za-z0-9_])")


def escape(text: str) -> str:
    """Inline-safe Markdown: specials backslashed, HTML neutralised, one line, and no
    mention or issue reference (a zero-width space after "@" and "#": a quoted "@desk" or
    "#1" in a document must not notify anyone or link an issue from a PR comment)."""
    flat = " ".join(no_controls(str(text)).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION.sub("\\1&#8203;", _MD_SPECIAL.sub(r"\\\1", flat))


def _code(text: str) -> str:
    clean = " ".join(no_controls(str(text)).split()).replace("`", "'")
    return f"`{clean}`"


def _location(ref: ClaimRef, published: str | None = None) -> str:
    where = _code(f"{ref.path}:{ref.line}:{ref.column}")
    if published:
        where += f" · published {escape(published)}"
    if ref.claim_id:
        where += f" · claim {_code(ref.claim_id)}"
    if ref.claim_file:
        where += f" in {_code(f'{ref.claim_file}:{ref.claim_file_line}')}"
    return where


def _finding(f: Finding, published: Mapping[str, str | None] | None = None) -> list[str]:
    """A finding's lines; statements of several documents with each one's publication date
    (a desk probe: a toll that grew or an update is told by its dates)."""
    dated = published if published and across_documents(f) else {}
    rule = f" · rule {_code(f.rule_id)}" if f.rule_id else ""
    head = (f"- **{escape(f.kind)}**{rule} · confidence {f.confidence:.2f} · "
            f"id {_code(f.id)}  \n  {escape(f.message)}")
    lines = [head]
    for at, ref in enumerate(f.claims):
        label = {"evidence": "evidence", "correction": "correction note"}.get(ref.role, "")
        if f.kind == "conflict" and at >= 2:
            # A conflict's first two statements disagree; the rest repeat one of them from
            # the same origin (`independence.one_per_origin`; a desk probe read them as more
            # evidence).
            label = "same origin, also printed" + (f" ({label})" if label else "")
        prefix = f"{label}: " if label else ""
        lines.append(f"  > {prefix}{escape(ref.text)}  \n  > — "
                     f"{_location(ref, dated.get(ref.document))}")
    if f.fix:
        lines.append(f"  - fix: replace with {_code(f.fix.replacement)}")
    if f.reference:
        lines.append(f"  - reference: {escape(f.reference)}")
    if f.suppressed:
        lines.append(f"  - suppressed ({f.suppressed.by}): {escape(f.suppressed.reason)}")
    decision = f.details.get("decision")
    if isinstance(decision, dict):
        lines.append(f"  - {_review(decision)}")
    return lines


def _review(d: dict[str, object]) -> str:
    """An editor's decision on a finding, as the review app recorded it."""
    by = f" by {escape(str(d['author']))}" if d.get("author") else ""
    when = f" on {str(d['decided_at'])[:10]}" if d.get("decided_at") else ""
    note = f" · “{escape(str(d['note']))}”" if d.get("note") else ""
    reopened = f" · **re-opened**: {escape(str(d.get('why') or ''))}" \
        if d.get("status") == "reopened" else ""
    return f"review: {escape(str(d.get('decision')))}{by}{when}{note}{reopened}"


def render(report: Report) -> str:
    """The Markdown report."""
    s = report.summary
    out = ["# claimcheck report", ""]
    out.append(f"**{s.documents} documents · {s.claims} claims · {s.conflicts} conflicts · "
               f"{s.corroborations} corroborations · {s.rule_violations} rule violations · "
               f"{s.suppressed} suppressed · {s.errors} input errors**")
    out += ["", "| kind | error | warning | info |", "|---|---:|---:|---:|"]
    active = [f for f in report.findings if f.suppressed is None]
    published = {d.id: d.published for d in report.documents}
    for kind in sorted({f.kind for f in active}):
        counts = [sum(1 for f in active if f.kind == kind and f.severity.value == sev)
                  for sev in SEVERITIES]
        out.append(f"| {kind} | " + " | ".join(str(c) for c in counts) + " |")
    if report.errors:
        out += ["", f"## Input errors ({len(report.errors)})", ""]
        for e in report.errors:
            where = _code(":".join(str(x) for x in (e.path, e.line, e.column) if x))
            field = f" {_code(e.field)}" if e.field else ""
            out.append(f"- {where}{field}: {escape(e.message)}")
    for sev in ("error", "warning"):
        group = [f for f in active if f.severity.value == sev and f.kind != "corroboration"]
        if not group:
            continue
        out += ["", f"## {sev.capitalize()}s ({len(group)})", ""]
        for f in group[:MAX_PER_SECTION]:
            out += _finding(f, published)
        if len(group) > MAX_PER_SECTION:
            out.append(f"- … {len(group) - MAX_PER_SECTION} more in report.json")
    info = [f for f in active if f.severity.value == "info" and f.kind != "corroboration"]
    corro = [f for f in active if f.kind == "corroboration"]
    for title, group in (("Corroborations", corro), ("Notes", info)):
        if not group:
            continue
        out += ["", f"<details><summary>{title} ({len(group)})</summary>", ""]
        for f in group[:MAX_PER_SECTION]:
            out += _finding(f, published)
        out += ["", "</details>"]
    suppressed = [f for f in report.findings if f.suppressed is not None]
    if suppressed:
        out += ["", f"<details><summary>Suppressed ({len(suppressed)})</summary>", ""]
        for f in suppressed[:MAX_PER_SECTION]:
            out += _finding(f, published)
        out += ["", "</details>"]
    if report.notes:
        # Decisions re-opened or resolved, documents without claim files, empty pages.
        out += ["", f"<details><summary>Run notes ({len(report.notes)})</summary>", ""]
        out += [f"- {escape(n)}" for n in report.notes[:MAX_PER_SECTION]]
        if len(report.notes) > MAX_PER_SECTION:
            out.append(f"- … {len(report.notes) - MAX_PER_SECTION} more in report.json")
        out += ["", "</details>"]
    multi = [e for e in report.entities if len(e.forms) > 1]
    if multi:
        out += ["", "<details><summary>Entities written several ways</summary>", "",
                "| entity | forms (documents) |", "|---|---|"]
        for entity in multi:
            forms = "; ".join(f"{escape(m.text)} ({len(m.documents)})" for m in entity.forms)
            out.append(f"| {escape(entity.name)} | {forms} |")
        out += ["", "</details>"]
    return "\n".join(out) + "\n"
