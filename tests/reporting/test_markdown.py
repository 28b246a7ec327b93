"""report.md: what a desk reads in a pull-request comment."""

from __future__ import annotations

from checker.models.report import (
    ClaimRef,
    EntityMention,
    EntityOut,
    ErrorOut,
    Finding,
    Report,
    Summary,
    ToolInfo,
)
from checker.reporting import markdown


def test_statements_of_several_documents_show_when_each_was_published(report: Report) -> None:
    """A desk probe: whether a toll grew or an outlet erred is told by the pages' dates."""
    out = markdown.render(report)
    assert "`seeds/doc-a.txt:2:1` · published 2025-03-01 · claim" in out
    # a document without a date shows none; a one-document finding needs none
    assert "published None" not in out
    term = out[out.index("**term**"):]
    assert "published" not in term[:term.index("\n- ")]


def test_a_conflicts_copies_of_one_origin_are_labelled(report: Report) -> None:
    conflict = next(f for f in report.findings if f.kind == "conflict")
    copy = conflict.claims[1].model_copy(update={"line": 9})
    report.findings[report.findings.index(conflict)] = conflict.model_copy(
        update={"claims": [*conflict.claims, copy]})
    out = markdown.render(report)
    assert "  > same origin, also printed (evidence): " in out
    assert out.count("same origin, also printed") == 1


def _large_report(findings: int, notes: int) -> Report:
    """Conflicts with long sentences, corroborations of many documents, hundreds of
    documents without a claim file, input errors and entities: a corpus-sized report."""
    def ref(i: int, role: str = "claim") -> ClaimRef:
        return ClaimRef(claim_id=f"c{i}", document=f"{i:06}", path=f"seeds/{i:06}.txt",
                        line=3, column=1, end_line=3, end_column=80, span=(10, 90), role=role,
                        claim_file=f"claims/{i:06}.yaml", claim_file_line=40,
                        text=f"Company {i} now employs {i * 7:,} people at its site, the "
                             "ministry said in a statement on its website on Monday. " * 2)
    items = []
    for i in range(findings):
        kind, severity = (("conflict", "error"), ("corroboration", "info"))[i % 2]
        claims = [ref(i), *(ref(i + k, "evidence") for k in range(1, 3 if i % 2 == 0 else 14))]
        items.append(Finding(id=f"{i:020}", kind=kind, severity=severity, confidence=0.9,
                             message=f"Conflicting figures for the same fact: {i} vs {i + 1}",
                             claims=claims))
    notes_ = [f"seeds/{i:06}.txt: no claim file (claims/{i:06}.yaml); claims extracted on "
              "the fly" for i in range(notes)]
    notes_ += [f"decision resolved: {i:016x} (confirmed by Desk, 2026-11-01) its finding no "
               "longer occurs" for i in range(2)]
    entities = [EntityOut(id=f"e{i}", name=f"Entity {i}", documents=["a", "b"],
                          forms=[EntityMention(text=f"Entity {i}", documents=["a"], count=1),
                                 EntityMention(text=f"Entity-{i}", documents=["b"], count=1)])
                for i in range(120)]
    errors = [ErrorOut(code="schema", message="expected a string " * 5, path=f"claims/{i}.yaml",
                       line=3, column=5, field="claims[0].text") for i in range(80)]
    return Report(tool=ToolInfo(version="0"), documents=[], findings=items, notes=notes_,
                  entities=entities, errors=errors,
                  summary=Summary(documents=notes, claims=findings, conflicts=findings // 2,
                                  corroborations=findings // 2, findings=findings,
                                  errors=len(errors)))


def test_a_large_report_fits_a_pull_request_comment() -> None:
    """A desk probe: 500 documents gave a report.md of 96,726 characters, over GitHub's
    65,536-character comment limit, mostly one run note a document."""
    out = markdown.render(_large_report(1_500, 500))
    assert len(out) <= markdown.MAX_CHARS < 65_536
    # The notes saying the same of 500 files are one line, with a few examples.
    lines = out.splitlines()
    notes = [x for x in lines if "no claim file" in x]
    assert len(notes) == 1 and notes[0].startswith("- 500 notes like: seeds/000000.txt: ")
    assert "`seeds/000001.txt`, `seeds/000002.txt`, `seeds/000003.txt` and 496 more" in notes[0]
    assert sum("decision resolved" in x for x in lines) == 2
    # What did not fit is counted, with where to find it; errors come first.
    assert "## Errors (750)" in out and "- … " in out and "more in report.json" in out
    errors = out[out.index("## Errors"):]
    shown = errors[:errors.index("more in report.json")].count("- **conflict**")
    assert 0 < shown <= markdown.MAX_PER_SECTION
    assert f"- … {750 - shown} more in report.json" in out
    # Markdown structure survives the cut.
    assert out.count("<details>") == out.count("</details>")


def test_the_budget_holds_whatever_the_size() -> None:
    for findings, notes in ((0, 0), (4, 2), (40, 100), (3_000, 2_000)):
        for budget in (2_000, 20_000, markdown.MAX_CHARS):
            out = markdown.render(_large_report(findings, notes), budget=budget)
            assert len(out) <= budget, (findings, notes, budget)


def test_summary_counts_agree_with_the_table(report: Report) -> None:
    """A self-contradiction is not "1 conflicts": the line counts what the table does."""
    conflict = report.findings[0]
    report.findings[0] = conflict.model_copy(update={"kind": "self-contradiction"})
    out = markdown.render(report)
    assert "0 conflicts · 1 self-contradiction · 1 corroboration · 1 rule violation" in out
    assert "| self-contradiction | 1 | 0 | 0 |" in out


def test_findings_in_the_order_of_the_html_report(report: Report) -> None:
    """report.md lists findings by severity, then as report.html does, whatever order the
    report holds them in."""
    from checker.reporting.common import editor_order

    shuffled = report.model_copy(update={"findings": list(reversed(report.findings))})
    out = markdown.render(shuffled)
    ids = [f.id for f in editor_order(shuffled.findings)]
    assert [i for i in ids if f"`{i}`" in out] == ids
    assert sorted(ids, key=lambda i: out.index(f"`{i}`")) == ids


def test_a_statement_several_documents_dispute_is_named_first(disputed_report: Report) -> None:
    """A desk probe: one wrong figure against three pages that have it right was three
    findings, read as three problems; the report names the statement once, first."""
    assert sum(f.kind == "conflict" for f in disputed_report.findings) == 3
    text = markdown.render(disputed_report)
    head = "## Disputed by several documents (1)"
    assert head in text and text.index(head) < text.index("## Errors (3)")
    line = text[text.index(head):].splitlines()[2]
    assert line.startswith("- `seeds/d.txt:1:1`") and "54%" in line
    assert line.endswith("conflicts with 3 documents: `a`, `b`, `c`")


def test_severity_is_the_plain_string_of_the_enum_or_a_string(report: Report) -> None:
    from checker.models.common import Severity
    from checker.reporting.common import severity

    for sev in Severity:
        f = report.findings[0].model_copy(update={"severity": sev})
        assert severity(f) == sev.value and type(severity(f)) is str
        raw = report.findings[0].model_construct(**{**dict(f), "severity": sev.value})
        assert severity(raw) == sev.value and type(severity(raw)) is str
    odd = report.findings[0].model_construct(**{**dict(report.findings[0]), "severity": "odd"})
    assert severity(odd) == "odd"


def test_one_pass_gives_each_section_in_editor_order_and_the_counts() -> None:
    """`_read` makes, in one pass, what `editor_order` gives each section and what counting
    the active findings by kind and severity gives: random findings of every kind,
    severity, confidence (ties kept in report order) and suppression."""
    import random
    from collections import Counter

    from checker.models.report import Suppressed
    from checker.reporting.common import editor_order, severity

    rng = random.Random(5)
    kinds = ("conflict", "self-contradiction", "corroboration", "rule-violation")
    findings = [Finding(id=f"{i:020}", kind=rng.choice(kinds),
                        severity=rng.choice(("error", "warning", "info")),
                        confidence=rng.choice((0.5, 0.9, 1.0)), message=f"m{i}", claims=[],
                        suppressed=Suppressed(by="baseline", reason="known")
                        if rng.random() < 0.2 else None)
                for i in range(600)]
    read = markdown._read(findings)
    off = [f for f in findings if f.suppressed is not None]
    on = [f for f in findings if f.suppressed is None]
    assert read.suppressed == editor_order(off)
    assert read.corro == editor_order([f for f in on if f.kind == "corroboration"])
    assert read.others == editor_order([f for f in on if f.kind != "corroboration"])
    assert read.severities == [severity(f) for f in read.others]
    assert read.counts == Counter((f.kind, severity(f)) for f in on)
