"""`report.md`: short enough for a pull-request comment. Everything quoted is escaped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from checker import rx
from checker.models.report import ClaimRef, Finding, Report
from checker.reporting.common import (
    NoteGroup,
    across_documents,
    disputed,
    editor_key,
    group_notes,
    kind_counts,
    no_controls,
    plural,
    severity,
)

_MD_SPECIAL = rx.compile(r"([\\`*_\[\]|~])")
SEVERITIES = ("error", "warning", "info")
MAX_PER_SECTION = 50
# GitHub refuses a comment over 65,536 characters; room is left for what a workflow adds
# around the report (a heading, a marker to update its own comment).
MAX_CHARS = 60_000
MAX_STATEMENTS = 10  # of one finding (a corroboration may name dozens of documents)
MAX_QUOTE = 1_000  # characters of a message or statement quoted


# What GitHub turns into a ping or a link in a pull-request comment: "@someone", "#12".
_MENTION = rx.compile(r"([@#])(?=[A-Za-z0-9_])")


def escape(text: str) -> str:
    """Inline-safe Markdown: specials backslashed, HTML neutralised, one line, and no
    mention or issue reference (a zero-width space after "@" and "#": a quoted "@desk" or
    "#1" in a document must not notify anyone or link an issue from a PR comment)."""
    flat = " ".join(no_controls(str(text)).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION.sub("\\1&#8203;", _MD_SPECIAL.sub(r"\\\1", flat))


def _clip(text: str) -> str:
    """At most MAX_QUOTE characters, cut ones ending with "…"."""
    return text if len(text) <= MAX_QUOTE else text[:MAX_QUOTE].rstrip() + " …"


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
            f"id {_code(f.id)}  \n  {escape(_clip(f.message))}")
    lines = [head]
    for at, ref in enumerate(f.claims[:MAX_STATEMENTS]):
        label = {"evidence": "evidence", "correction": "correction note"}.get(ref.role, "")
        if f.kind == "conflict" and at >= 2:
            # A conflict's first two statements disagree; the rest repeat one of them from
            # the same origin (`independence.one_per_origin`; a desk probe read them as more
            # evidence).
            label = "same origin, also printed" + (f" ({label})" if label else "")
        prefix = f"{label}: " if label else ""
        lines.append(f"  > {prefix}{escape(_clip(ref.text))}  \n  > — "
                     f"{_location(ref, dated.get(ref.document))}")
    if len(f.claims) > MAX_STATEMENTS:
        lines.append(f"  > … {len(f.claims) - MAX_STATEMENTS} more statements in report.json")
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


@dataclass
class _Section:
    """A part of the report that may be cut: its items are shown while the budget lasts."""

    # Filled in this order: input errors 0, errors 1, warnings 2, run notes 3, info
    # findings 4, suppressed 5, corroborations 6, entities 7.
    priority: int
    head: list[str]
    items: list[str]  # each item's lines, joined
    total: int  # items the report has (more than `items` when MAX_PER_SECTION cut them)
    tail: list[str] = field(default_factory=list)
    table: bool = False  # items are table rows: the "… more" line follows a blank line
    shown: int = 0

    def lines(self) -> list[str]:
        out = [*self.head, *self.items[:self.shown]]
        if self.shown < self.total:
            out += ["", _more(self.total - self.shown)] if self.table else \
                [_more(self.total - self.shown)]
        return out + self.tail


def _more(count: int) -> str:
    return f"- … {count} more in report.json"


@dataclass
class _Read:
    """What the report reads of every finding, in one pass (`_read`): at 10,000 documents
    each pass over 15,271 findings read fields no longer in the processor's cache."""

    counts: Counter[tuple[str, str]]  # active findings by kind and severity
    corro: list[Finding]  # active corroborations, in editor order
    others: list[Finding]  # the other active findings, in editor order
    severities: list[str]  # of `others`
    suppressed: list[Finding]  # in editor order


def _read(findings: list[Finding]) -> _Read:
    """The findings counted and split into the report's sections, each in editor order
    (`editor_order`'s keys, made here: the editor order of a part of the findings is the
    order they have in the editor order of all)."""
    from checker.findings import KIND_ORDER

    counts: Counter[tuple[str, str]] = Counter()
    parts: tuple[list[Finding], list[Finding], list[Finding]] = ([], [], [])
    keys: tuple[list[tuple[bool, int, int, float]], ...] = ([], [], [])
    severities: list[str] = []  # of parts[1]
    for f in findings:
        kind, sev, off = f.kind, severity(f), f.suppressed is not None
        if not off:
            counts[kind, sev] += 1
        part = 2 if off else 0 if kind == "corroboration" else 1
        parts[part].append(f)
        keys[part].append(editor_key(f, sev, KIND_ORDER))
        if part == 1:
            severities.append(sev)
    orders = [sorted(range(len(k)), key=k.__getitem__) for k in keys]
    corro, others, suppressed = ([part[i] for i in order]
                                 for part, order in zip(parts, orders, strict=True))
    return _Read(counts, corro, others, [severities[i] for i in orders[1]], suppressed)


def _finding_sections(report: Report, read: _Read) -> list[_Section]:
    published = {d.id: d.published for d in report.documents}
    corro, others, suppressed = read.corro, read.others, read.suppressed

    def items(group: list[Finding]) -> list[str]:
        return ["\n".join(_finding(f, published)) for f in group[:MAX_PER_SECTION]]

    sections = []
    statements = [f"- {_location(ref)}: “{escape(_clip(ref.text))}” conflicts with "
                  f"{len(docs)} documents: " + ", ".join(_code(d) for d in docs)
                  for ref, docs in disputed(others)]  # conflicts: never corroborations
    if statements:
        sections.append(_Section(1, ["", "## Disputed by several documents "
                                     f"({len(statements)})", ""],
                                 statements[:MAX_PER_SECTION], len(statements)))
    by_severity: dict[str, list[Finding]] = {sev: [] for sev in SEVERITIES}
    for f, sev in zip(others, read.severities, strict=True):
        by_severity.setdefault(sev, []).append(f)
    for priority, sev in enumerate(("error", "warning"), 1):
        group = by_severity[sev]
        if group:
            sections.append(_Section(priority, ["", f"## {sev.capitalize()}s ({len(group)})", ""],
                                     items(group), len(group)))
    info = by_severity["info"]
    for priority, title, group in ((6, "Corroborations", corro), (4, "Notes", info),
                                   (5, "Suppressed", suppressed)):
        if group:
            sections.append(_Section(
                priority, ["", f"<details><summary>{title} ({len(group)})</summary>", ""],
                items(group), len(group), ["", "</details>"]))
    return sections


def _note(group: NoteGroup) -> str:
    if len(group.notes) == 1:
        return f"- {escape(group.notes[0])}"
    others, rest = group.also()
    also = ", ".join(_code(x) for x in others) + (f" and {rest} more" if rest else "")
    also += "; all in report.json" if rest else ""
    return f"- {len(group.notes)} notes like: {escape(group.notes[0])} (also {also})"


def _fit(sections: list[_Section], fixed: int, budget: int) -> None:
    """Show each section's items, most important sections first, while the whole stays
    within `budget` characters (each section's head, tail and "… more" line reserved)."""
    used = fixed + sum(len("\n".join(s.lines())) + 1 for s in sections)  # none shown yet
    for section in sorted(sections, key=lambda s: s.priority):
        for item in section.items:
            if used + len(item) + 1 > budget:
                break
            used += len(item) + 1
            section.shown += 1


def render(report: Report, budget: int = MAX_CHARS) -> str:
    """The Markdown report, at most `budget` characters: what does not fit (findings, notes,
    entities, least important first) is counted with a pointer to report.json."""
    read = _read(report.findings)
    out = _summary(report, read.counts)
    sections: list[_Section] = []
    if report.errors:
        items = []
        for e in report.errors[:MAX_PER_SECTION]:
            where = _code(":".join(str(x) for x in (e.path, e.line, e.column) if x))
            field_ = f" {_code(e.field)}" if e.field else ""
            items.append(f"- {where}{field_}: {escape(e.message)}")
        sections.append(_Section(0, ["", f"## Input errors ({len(report.errors)})", ""], items,
                                 len(report.errors)))
    sections += _finding_sections(report, read)
    if report.notes:
        # Decisions re-opened or resolved, documents without claim files, empty pages:
        # notes saying the same of many files are one line.
        groups = group_notes(list(report.notes))
        sections.append(_Section(
            3, ["", f"<details><summary>Run notes ({len(report.notes)})</summary>", ""],
            [_note(g) for g in groups[:MAX_PER_SECTION]], len(groups), ["", "</details>"]))
    multi = [e for e in report.entities if len(e.forms) > 1]
    if multi:
        rows = []
        for entity in multi[:MAX_PER_SECTION]:
            forms = "; ".join(f"{escape(m.text)} ({len(m.documents)})" for m in entity.forms)
            rows.append(f"| {escape(entity.name)} | {forms} |")
        sections.append(_Section(7, ["", "<details><summary>Entities written several "
                                     "ways</summary>", "", "| entity | forms (documents) |",
                                     "|---|---|"], rows, len(multi), ["", "</details>"],
                                 table=True))
    _fit(sections, len("\n".join(out)) + 1, budget)
    for section in sections:
        out += section.lines()
    return "\n".join(out) + "\n"


def _summary(report: Report, by: Counter[tuple[str, str]]) -> list[str]:
    """The title, the counts and the table by kind and severity (`by`: the active
    findings counted by both, `_read`)."""
    s = report.summary
    kinds: Counter[str] = Counter()
    for (kind, _), count in by.items():
        kinds[kind] += count
    counts = [plural(s.documents, "document"), plural(s.claims, "claim"), *kind_counts(kinds),
              f"{s.suppressed} suppressed", plural(s.errors, "input error")]
    out = ["# claimcheck report", "", "**" + " · ".join(counts) + "**",
           "", "| kind | error | warning | info |", "|---|---:|---:|---:|"]
    for name in sorted(kinds):
        row = [by[name, sev] for sev in SEVERITIES]
        out.append(f"| {name} | " + " | ".join(str(c) for c in row) + " |")
    return out
